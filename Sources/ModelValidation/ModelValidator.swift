import DesignEngine
import DynamoDBAPI
import DynamoDBClient
import Foundation
import ModelExecution
import Requirements

/// The report of `ddbmodel validate`: the model's execution report.
public typealias ValidationReport = ExecutionReport

/// `ddbmodel validate`: the model executed against a DynamoDB API endpoint. Creates the tables
/// under `tablePrefix`, waits until they are active, runs the model exercise (the same one the
/// in-memory proof runs), and deletes the tables it created on every path.
public struct ModelValidator: Sendable {
    public let model: DataModel
    public let requirements: Requirements
    public let service: any DynamoDBService
    public let tablePrefix: String
    public let seed: UInt64
    public let progress: (@Sendable (String) -> Void)?
    /// Waits between checks of a table's status; tests pass one that does not sleep.
    public let pause: @Sendable (TimeInterval) -> Void

    /// Checks of a table's status before giving up on it becoming active.
    public static let activeChecks = 300

    public init(model: DataModel, requirements: Requirements, service: any DynamoDBService, tablePrefix: String, seed: UInt64 = 1,
                progress: (@Sendable (String) -> Void)? = nil, pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.model = model
        self.requirements = requirements
        self.service = service
        self.tablePrefix = tablePrefix
        self.seed = seed
        self.progress = progress
        self.pause = pause
    }

    /// Over the JSON protocol through `transport` (HTTP with SigV4, or any other).
    public init(model: DataModel, requirements: Requirements, transport: any DynamoDBTransport, tablePrefix: String, seed: UInt64 = 1,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.init(model: model, requirements: requirements, service: DynamoDBConnection(transport: transport), tablePrefix: tablePrefix,
                  seed: seed, progress: progress)
    }

    /// The deployed name of a model table.
    public func deployedName(_ table: TableDesign) -> String { tablePrefix + table.name }

    public func run() -> ValidationReport {
        let names = Dictionary(model.tables.map { ($0.id, deployedName($0)) }, uniquingKeysWith: { first, _ in first })
        var created: [String] = []
        var setupFailure: String?
        for table in model.tables {
            let name = deployedName(table)
            progress?("Creating table \(name)")
            do {
                _ = try service.createTable(TableCreation.input(for: table, named: name))
                created.append(name)
            } catch {
                setupFailure = "creating table \(name) failed: \(error.message)"
                break
            }
        }
        if setupFailure == nil { setupFailure = waitUntilActive(created) }
        var results: [ExecutionReport.PatternResult]
        if let setupFailure {
            results = model.mappings.map { mapping in
                ExecutionReport.PatternResult(patternID: mapping.patternID, description: mapping.description, operation: mapping.operation?.rawValue ?? "-",
                                              target: "-", expected: nil, got: nil, outcome: mapping.isServedByDynamoDB ? .fail : .skipped,
                                              reason: mapping.isServedByDynamoDB ? "not run: setup failed (\(setupFailure))" : nil,
                                              readUnits: mapping.readUnitsPerRequest, writeUnits: mapping.totalWriteUnitsPerRequest)
            }
        } else {
            results = ModelExercise(model: model, requirements: requirements, service: service, tableNames: names, seed: seed, progress: progress).run()
        }
        let cleanupFailures = deleteTables(created)
        let notes = ["The RCU and WCU shown are the model's own calculation: moto and DynamoDB Local do not report realistic consumed capacity."]
        return ValidationReport(tablePrefix: tablePrefix, seed: seed, tables: model.tables.map(deployedName), patterns: results, notes: notes,
                                setupFailure: setupFailure, cleanupFailures: cleanupFailures)
    }

    /// Polls DescribeTable until every table and index is ACTIVE; a message when one is not.
    func waitUntilActive(_ tables: [String]) -> String? {
        for name in tables {
            var checks = 0
            while true {
                do {
                    let table = try service.describeTable(DescribeTableInput(tableName: name)).table
                    let indexesActive = (table.globalSecondaryIndexes ?? []).allSatisfy { ($0.indexStatus ?? "ACTIVE") == "ACTIVE" }
                    if table.tableStatus == "ACTIVE" && indexesActive { break }
                } catch {
                    return "describing table \(name) failed: \(error.message)"
                }
                checks += 1
                if checks >= Self.activeChecks { return "table \(name) not ACTIVE after \(Self.activeChecks) checks" }
                pause(0.2)
            }
        }
        return nil
    }

    func deleteTables(_ names: [String]) -> [String] {
        var problems: [String] = []
        for name in names.reversed() {
            progress?("Deleting table \(name)")
            do {
                _ = try service.deleteTable(DeleteTableInput(tableName: name))
            } catch {
                problems.append("table \(name) could not be deleted: \(error.message)")
            }
        }
        return problems
    }
}
