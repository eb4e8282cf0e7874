import DesignEngine
import DynamoDBAPI
import InMemoryDynamoDB
import Requirements

/// Executes a designed model on an in-memory DynamoDB and keeps only what ran: every served
/// pattern is run as planned against sample items written through the planned writes, and a
/// pattern whose execution fails loses its ✅ (it becomes a broken pattern, with what went
/// wrong). The result is recorded in the model's `proof`, which the data-model document prints.
public enum ModelProof {
    public static func prove(_ model: DataModel, requirements: Requirements) -> DataModel {
        let memory = InMemoryDynamoDB()
        var names: [String: String] = [:]
        var setupProblem: String?
        for table in model.tables {
            names[table.id] = table.name
            do {
                _ = try memory.createTable(TableCreation.input(for: table, named: table.name))
            } catch {
                setupProblem = setupProblem ?? "table \(table.name) could not be created: \(error.message)"
            }
        }
        var proven = model
        let served = model.mappings.filter { $0.isServedByDynamoDB || $0.isDoneByTTL }
        guard setupProblem == nil else {
            let failures = served.map { ExecutionProof.Failure(patternID: $0.patternID, reason: setupProblem!) }
            proven.proof = ExecutionProof(executed: served.count, passed: 0, failures: failures)
            downgrade(&proven, failures)
            return proven
        }
        let results = ModelExercise(model: model, requirements: requirements, service: memory, tableNames: names).run()
        let byID = Dictionary(results.map { ($0.patternID, $0) }, uniquingKeysWith: { first, _ in first })
        var failures: [ExecutionProof.Failure] = []
        for mapping in served {
            guard let result = byID[mapping.patternID], result.outcome == .pass else {
                failures.append(ExecutionProof.Failure(patternID: mapping.patternID, reason: byID[mapping.patternID]?.reason ?? "not executed"))
                continue
            }
        }
        proven.proof = ExecutionProof(executed: served.count, passed: served.count - failures.count, failures: failures)
        downgrade(&proven, failures)
        return proven
    }

    /// Failed patterns become broken: the design gate then refuses the model until they are fixed.
    static func downgrade(_ model: inout DataModel, _ failures: [ExecutionProof.Failure]) {
        let reasons = Dictionary(failures.map { ($0.patternID, $0.reason) }, uniquingKeysWith: { first, _ in first })
        for index in model.mappings.indices {
            guard let reason = reasons[model.mappings[index].patternID] else { continue }
            model.mappings[index].status = .unserved(reason: "Planned, but it failed when executed on an in-memory DynamoDB with sample items: \(reason). This is a defect of the design engine: please report it with the session.")
        }
    }
}

/// The design engine followed by the proof: the model every part of the tool shows and exports.
public enum ProvenDesign {
    public static func design(_ requirements: Requirements, choices: DesignChoices = DesignChoices(), prices: PriceTable = .usEast1) -> DataModel {
        ModelProof.prove(DesignEngine.design(requirements, choices: choices, prices: prices), requirements: requirements)
    }
}
