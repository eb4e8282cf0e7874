@testable import ContractExport
import DesignEngine
import DynamoDBAPI
import InMemoryDynamoDB
import JSONCore
import ModelExecution
import Requirements
import Testing

/// The model exercise as a script the generated code's replays read (boto3 and TypeScript):
/// every call the Swift exercise made on the in-memory DynamoDB with its inputs, outcome and
/// returned items, the tables' final contents, the IAM permissions the CloudFormation export
/// grants, and the tables to create.
enum ExerciseScript {
    /// The exercise's events, the tables' final contents and the IAM permissions, as JSON.
    static func script(model: DataModel, requirements: Requirements) throws -> OrderedJSON {
        let memory = InMemoryDynamoDB()
        var names: [String: String] = [:]
        for table in model.tables {
            names[table.id] = table.name
            _ = try memory.createTable(TableCreation.input(for: table, named: table.name))
        }
        let (results, events) = ModelExercise(model: model, requirements: requirements, service: memory, tableNames: names).runRecording()
        let failures = results.filter { $0.outcome == .fail }.map { "#\($0.patternID): \($0.reason ?? "")" }
        #expect(failures.isEmpty, "the exercise itself fails: \(failures)")
        var encoded: [OrderedJSON] = []
        for event in events {
            switch event {
            case .setupPut(let input):
                encoded.append(.object([("kind", .string("setupPut")), ("table", .string(input.tableName)), ("item", DynamoDBWire.encode(item: input.item))]))
            case .setupUpdate(let input):
                encoded.append(.object([("kind", .string("setupUpdate")), ("request", DynamoDBWire.encode(input))]))
            case .call(let patternID, let inputs, let run):
                guard let plan = model.mapping(for: patternID)?.plan else { continue }
                let outcome = run.failure.map { $0.isConditionRefusal ? "refused" : "failed" } ?? "ok"
                // Which refusal: a single write's failed condition, or a cancelled transaction.
                var refusal = "none"
                if case .request(_, _, let error)? = run.failure, run.failure?.isConditionRefusal == true {
                    if case .transactionCanceled = error { refusal = "transaction" } else { refusal = "condition" }
                }
                var related: [(String, OrderedJSON)] = []
                for (index, step) in plan.steps.enumerated() where step.purpose == .related {
                    related.append((step.entity, .array(run.results[index].map { DynamoDBWire.encode(item: $0) })))
                }
                var ordered = false
                if case .attribute? = requirements.pattern(patternID)?.sort, case .query? = plan.mainStep?.request { ordered = true }
                encoded.append(.object([
                    ("kind", .string("call")), ("pattern", .integer(patternID)), ("outcome", .string(outcome)), ("ordered", .bool(ordered)), ("refusal", .string(refusal)),
                    ("values", .object(inputs.values.keys.sorted().map { ($0, DynamoDBWire.encode(item: inputs.values[$0]!)) })),
                    ("lists", .object(inputs.lists.keys.sorted().map { entity in (entity, .array(inputs.lists[entity]!.map { DynamoDBWire.encode(item: $0) })) })),
                    ("main", .array(run.mainItems(of: plan).map { DynamoDBWire.encode(item: $0) })),
                    ("related", .object(related)),
                ]))
            }
        }
        var tables: [(String, OrderedJSON)] = []
        for table in model.tables {
            let items = try memory.scan(ScanInput(tableName: table.name)).items ?? []
            tables.append((table.name, .array(items.map { DynamoDBWire.encode(item: $0) })))
        }
        let permissions = AccessPermissions(model: model, requirements: requirements)
        var grants: [OrderedJSON] = []
        for table in model.tables {
            for action in permissions.actions(tableID: table.id) {
                grants.append(.object([("action", .string(action)), ("table", .string(table.name))]))
            }
            for (index, actions) in permissions.indexes(tableID: table.id) {
                for action in actions { grants.append(.object([("action", .string(action)), ("table", .string(table.name)), ("index", .string(index))])) }
            }
        }
        // The tables as the model creates them (on demand), with the TTL attribute they read.
        var definitions: [OrderedJSON] = []
        for table in model.tables {
            var fields: [(String, OrderedJSON)] = [("id", .string(table.id)), ("create", DynamoDBWire.encode(TableCreation.input(for: table, named: table.name)))]
            if let ttl = table.definition.timeToLiveAttribute { fields.append(("timeToLive", .string(ttl))) }
            definitions.append(.object(fields))
        }
        return .object([("events", .array(encoded)), ("tables", .object(tables)), ("permissions", .array(grants)), ("definitions", .array(definitions))])
    }
}
