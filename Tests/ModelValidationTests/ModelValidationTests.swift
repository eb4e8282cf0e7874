import JSONCore
import DesignEngine
import DynamoDBAPI
import DynamoDBClient
import Foundation
import MigrationContract
import ModelValidation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// `ddbmodel validate`'s path end to end: every worked scenario executed against a DynamoDB API
/// on loopback (`moto_server`) through the signed HTTP client, plus two deliberately broken
/// models that must fail on exactly the broken patterns, and clean-up on every path. Needs
/// `python3` with `moto[server]` (`python3 -m pip install "moto[server]"`): fails, never skips,
/// without it. (The assertions themselves are tested on the in-memory DynamoDB, in
/// ModelExecutionTests.)
@Suite(.serialized, .motoServer) struct ModelValidationTests {
    @Test(arguments: WorkedScenarios.names) func everyServedPatternPasses(name: String) throws {
        let (requirements, model) = try WorkedScenarios.provenModel(name)
        try MotoServer.with { transport in
            let prefix = "val-\(name)-"
            let report = ModelValidator(model: model, requirements: requirements, transport: transport, tablePrefix: prefix).run()
            let failures = report.patterns.filter { $0.outcome == .fail }.map { "#\($0.patternID): \($0.reason ?? "")" }
            #expect(report.setupFailure == nil, "\(name): \(report.setupFailure ?? "")")
            #expect(failures.isEmpty, "\(name) failures:\n\(failures.joined(separator: "\n"))")
            #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
            for mapping in model.mappings {
                let result = report.patterns.first { $0.patternID == mapping.patternID }
                switch mapping.status {
                case .served, .acceptedScan, .expiresByTTL: #expect(result?.outcome == .pass, "\(name) #\(mapping.patternID) not run: \(result?.reason ?? "")")
                case .searchService: #expect(result?.outcome == .skipped && (result?.reason ?? "").contains("OpenSearch"))
                case .analyticsExport: #expect(result?.outcome == .skipped && (result?.reason ?? "").contains("export"))
                case .unserved: #expect(result?.outcome == .fail)
                }
            }
            let left = try MotoServer.tables(transport, prefix: prefix)
            #expect(left.isEmpty, "tables left behind")
            #expect(report.markdown() == ModelValidator(model: model, requirements: requirements, transport: transport, tablePrefix: prefix).run().markdown(),
                    "two runs render differently")
        }
    }

    @Test func anIndexThatCannotServeItsPatternFailsExactlyThatPattern() throws {
        let (requirements, original) = try WorkedScenarios.model("ecommerce")
        var model = original
        let tableIndex = try #require(model.tables.firstIndex { $0.indexes.contains { $0.name == "ProductsByCategory" } })
        let indexIndex = try #require(model.tables[tableIndex].indexes.firstIndex { $0.name == "ProductsByCategory" })
        var key = model.tables[tableIndex].indexes[indexIndex].partitionKey[0]
        key.name = "title"
        model.tables[tableIndex].indexes[indexIndex].partitionKey = [key]
        if case .include(let names) = model.tables[tableIndex].indexes[indexIndex].projection {
            model.tables[tableIndex].indexes[indexIndex].projection = .include(names.filter { $0 != "title" } + ["category"])
        }
        let pattern = try #require(model.mappings.first { $0.indexID == model.tables[tableIndex].indexes[indexIndex].id })
        try MotoServer.with { transport in
            let report = ModelValidator(model: model, requirements: requirements, transport: transport, tablePrefix: "val-broken-index-").run()
            #expect(report.failedPatternIDs == [pattern.patternID], "\(report.markdown())")
            #expect(!report.succeeded)
            let left = try MotoServer.tables(transport, prefix: "val-broken-index-")
            #expect(left.isEmpty)
        }
    }

    @Test func aMissingUniquenessConditionFailsExactlyTheCreatePattern() throws {
        let (requirements, original) = try WorkedScenarios.model("ecommerce")
        var model = original
        let lookup = try #require(model.tables.first { $0.lookup?.attributes == ["username"] })
        let create = try #require(model.mappings.firstIndex { requirements.pattern($0.patternID)?.type == .write && requirements.pattern($0.patternID)?.entities.first == "User" })
        // The create transaction loses the condition that makes the username unique.
        var plan = try #require(model.mappings[create].plan)
        guard case .transactWriteItems(var actions) = plan.steps[0].request else { Issue.record("expected a transaction"); return }
        for position in actions.indices where actions[position].tableID == lookup.id {
            if case .put(var put) = actions[position].operation {
                put.condition = nil
                actions[position].operation = .put(put)
            }
        }
        plan.steps[0].request = .transactWriteItems(actions)
        model.mappings[create].plan = plan
        try MotoServer.with { transport in
            let report = ModelValidator(model: model, requirements: requirements, transport: transport, tablePrefix: "val-broken-unique-").run()
            let patternID = model.mappings[create].patternID
            #expect(report.failedPatternIDs == [patternID], "\(report.markdown())")
            let reason = report.patterns.first { $0.patternID == patternID }?.reason ?? ""
            #expect(reason.contains("duplicate username was accepted"), "\(reason)")
            let left = try MotoServer.tables(transport, prefix: "val-broken-unique-")
            #expect(left.isEmpty)
        }
    }

    @Test func reportRendersMarkdownAndJSON() throws {
        let report = ValidationReport(
            tablePrefix: "p-", seed: 1, tables: ["p-Users"],
            patterns: [
                .init(patternID: 1, description: "Get user", operation: "GetItem", target: "Users", expected: 1, got: 1, outcome: .pass, reason: nil, readUnits: 0.5, writeUnits: 0),
                .init(patternID: 2, description: "List | things", operation: "Query", target: "Users/ByX", expected: 2, got: 0, outcome: .fail, reason: "returned [], expected [a, b]", readUnits: 1, writeUnits: 0),
                .init(patternID: 3, description: "Search", operation: "-", target: "-", expected: nil, got: nil, outcome: .skipped, reason: "served by OpenSearch", readUnits: 0, writeUnits: 0),
            ],
            notes: ["moto does not report realistic consumed capacity"], setupFailure: nil, cleanupFailures: [])
        let markdown = report.markdown()
        #expect(markdown.contains("| #1 Get user | GetItem | Users | 1 | 1 | ✅ pass | 0.5 | 0 |"))
        #expect(markdown.contains("| #2 List \\| things | Query | Users/ByX | 2 | 0 | ❌ fail | 1 | 0 |"))
        #expect(markdown.contains("- **#2 List | things**: returned [], expected [a, b]"))
        #expect(markdown.contains("1 passed, 1 failed, 1 skipped"))
        let json = try OrderedJSON.parse(report.json())
        #expect(json.serialized() == report.json())
        #expect(report.failedPatternIDs == [2] && !report.succeeded)
    }

    @Test func tablesAreDeletedWhenTheRunFailsHalfway() throws {
        let (requirements, model) = try WorkedScenarios.model("ecommerce")
        try MotoServer.with { transport in
            let failing = FailingTransport(base: transport, failOperation: "TransactWriteItems")
            let report = ModelValidator(model: model, requirements: requirements, transport: failing, tablePrefix: "val-failing-").run()
            #expect(!report.succeeded)
            let left = try MotoServer.tables(transport, prefix: "val-failing-")
            #expect(left.isEmpty, "tables left behind after a failing run")
        }
    }
}

/// Passes requests through, except one operation that always fails.
struct FailingTransport: DynamoDBTransport {
    let base: any DynamoDBTransport
    let failOperation: String

    func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
        if operation == failOperation {
            // Sent with a body DynamoDB rejects, so the error is the endpoint's own.
            return try base.send(operation: operation, body: Array("{\"TransactItems\": []}".utf8))
        }
        return try base.send(operation: operation, body: body)
    }
}

/// The suite's `moto_server` (one for the whole suite, the `.motoServer` trait; every test uses
/// table names of its own), reached through the client module's transport.
enum MotoServer {
    static func with(_ body: (any DynamoDBTransport) throws -> Void) throws {
        try body(try transport(port: LoopbackMoto.suiteServer().port))
    }

    /// The client module's signed HTTP transport, with dummy credentials.
    static func transport(port: Int) throws -> any DynamoDBTransport {
        let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
        return HTTPTransport(endpoint: endpoint, credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1")
    }

    /// Table names with the prefix that exist on the server.
    static func tables(_ transport: any DynamoDBTransport, prefix: String) throws -> [String] {
        let response = try OrderedJSON.parse(try transport.send(operation: "ListTables", body: Array("{}".utf8)))
        guard case .object(let members) = response, case .array(let names)? = members.first(where: { $0.0 == "TableNames" })?.1 else { return [] }
        return names.compactMap { if case .string(let name) = $0, name.hasPrefix(prefix) { return name } else { return nil } }
    }
}
