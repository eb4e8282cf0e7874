@testable import ContractExport
import DesignEngine
import DynamoDBAPI
import InMemoryDynamoDB
import JSONCore
import ModelExecution
import Requirements
import TestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The generated boto3 module replays the model exercise against a DynamoDB API on loopback
/// (`moto_server`): every call the Swift exercise made on the in-memory DynamoDB (sample items
/// written through the creates, every read, duplicates refused, updates, deletes) is made through
/// the generated functions and must end the same way and return the same items; the tables must
/// end with the same items; and every DynamoDB call the functions make must be granted by the
/// template's IAM permissions, which must grant nothing unused. Needs `python3` with
/// `moto[server]` and `boto3`: fails, never skips, without them.
@Suite(.serialized) struct Boto3RoundTripTests {
    @Test func pythonCompilesEveryModule() throws {
        for name in ExportScenario.names {
            let (requirements, model) = try ExportScenario.model(name)
            let folder = try Boto3Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = Boto3Exporter.export(model, requirements: requirements)
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
            let result = try Boto3Python.run(["python3", "-m", "py_compile", folder.appendingPathComponent(file.name).path])
            #expect(result.status == 0, "py_compile failed for \(name): \(result.output)")
        }
    }

    @Test(arguments: ExportScenario.names) func replayAgainstMoto(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        try Boto3Replay.replay(model: model, requirements: requirements, label: name)
    }
}

/// Runs the model exercise on the in-memory DynamoDB, writes what it did as a script, and has
/// `Fixtures/boto3_replay.py` replay it through the generated module against moto.
enum Boto3Replay {
    static func replay(model: DataModel, requirements: Requirements, label: String) throws {
        let check = try Boto3Python.run(["python3", "-c", "import boto3, moto, moto.server"])
        try #require(check.status == 0, """
            The boto3 round trip needs python3 with moto[server] and boto3: run \
            `python3 -m pip install "moto[server]" boto3`. \(check.output)
            """)
        let folder = try Boto3Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = Boto3Exporter.export(model, requirements: requirements)
        try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        let scriptURL = folder.appendingPathComponent("script.json")
        try Data(try script(model: model, requirements: requirements).serialized()).write(to: scriptURL)

        let result = try LoopbackMoto.withServerResult { port in
            try Boto3Python.run(["python3", ExportScenario.fixtures.appendingPathComponent("boto3_replay.py").path, "http://127.0.0.1:\(port)", scriptURL.path],
                                environment: ["PYTHONPATH": folder.path, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"])
        }
        #expect(result.status == 0, "replay failed for \(label):\n\(result.output)")
        #expect(result.output.contains("OK calls="), "\(result.output)")
    }

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
                var related: [(String, OrderedJSON)] = []
                for (index, step) in plan.steps.enumerated() where step.purpose == .related {
                    related.append((step.entity, .array(run.results[index].map { DynamoDBWire.encode(item: $0) })))
                }
                var ordered = false
                if case .attribute? = requirements.pattern(patternID)?.sort, case .query? = plan.mainStep?.request { ordered = true }
                encoded.append(.object([
                    ("kind", .string("call")), ("pattern", .integer(patternID)), ("outcome", .string(outcome)), ("ordered", .bool(ordered)),
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
        let permissions = CloudFormationPermissions(model: model, requirements: requirements)
        var grants: [OrderedJSON] = []
        for table in model.tables {
            for action in permissions.actions(tableID: table.id) {
                grants.append(.object([("action", .string(action)), ("table", .string(table.name))]))
            }
            for (index, actions) in permissions.indexes(tableID: table.id) {
                for action in actions { grants.append(.object([("action", .string(action)), ("table", .string(table.name)), ("index", .string(index))])) }
            }
        }
        return .object([("events", .array(encoded)), ("tables", .object(tables)), ("permissions", .array(grants))])
    }
}

/// Runs python3 helpers for the boto3 tests and collects their output.
enum Boto3Python {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-boto3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Stops a child process: SIGINT, then SIGKILL after two seconds (moto_server ignores SIGTERM).
    static func stop(_ process: Process) {
        if process.isRunning { process.interrupt() }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs a command to completion (killed after `timeout` seconds), its output collected in a
    /// file rather than a pipe so that no other child process can hold the pipe open.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 90) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("output.txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { return (127, "cannot write \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            return (127, "could not start \(arguments[0]): \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        stop(process)
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        return (timedOut ? -1 : process.terminationStatus, timedOut ? "timed out after \(Int(timeout)) s\n" + output : output)
    }
}
