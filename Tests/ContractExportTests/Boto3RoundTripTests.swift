@testable import ContractExport
import DesignEngine
import DynamoDBAPI
import InMemoryDynamoDB
import JSONCore
import ModelExecution
import Requirements
import RequirementsYAML
import TestSupport
import Foundation
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
        try ExerciseScript.script(model: model, requirements: requirements)
    }
}

/// Runs python3 helpers for the boto3 tests and collects their output.
enum Boto3Python {
    static func temporaryFolder() throws -> URL {
        try TemporaryDirectory.make("ddbmodel-boto3")
    }

    /// Runs a command to completion (stopped after `timeout` seconds); `output` holds both streams.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 90) throws -> CommandResult {
        try Command(arguments, environment: .inherited(adding: environment), output: .merged).run(timeout: timeout)
    }
}

/// Design-gate choices flow through the plans into the generated module (issue 12): renamed
/// attributes (keys and unique attributes included) are written and read under their new names,
/// and after a merge the create that writes an order with its items still takes and writes the
/// items. Each model is replayed through the module on moto like the worked scenarios.
@Suite(.serialized) struct Boto3ChoicesRoundTripTests {
    @Test func renamedAttributesFlowIntoTheModule() throws {
        var choices = WorkedScenarios.choices("ecommerce")
        choices.attributeNames["User"] = ["user_id": "userId", "email": "emailAddress", "display_name": "list"]
        choices.attributeNames["Order"] = ["order_id": "orderId", "status": "orderStatus"]
        choices.attributeNames["User.email"] = ["email": "emailAddress"]
        let (requirements, model) = try WorkedScenarios.provenModel("ecommerce", choices: choices)
        #expect(model.proof?.failures.isEmpty == true, "\(model.proof?.failures ?? [])")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let getUser = try #require(text.components(separatedBy: "\ndef pattern_1_").dropFirst().first)
        #expect(getUser.contains("\"Key\": _serialize({\"userId\": _typed(user_id, \"S\")})"), "\(getUser.prefix(1500))")
        try Boto3Replay.replay(model: model, requirements: requirements, label: "ecommerce with renames")
    }

    @Test func aMergedCreateStillWritesItsChildren() throws {
        var choices = WorkedScenarios.choices("ecommerce")
        choices.merges = [["Order", "OrderItem"]]
        let (requirements, model) = try WorkedScenarios.provenModel("ecommerce", choices: choices)
        let orders = try #require(model.entityTable(of: "Order"))
        #expect(orders.entities.contains("OrderItem"), "the merge was not applied: \(orders.entities)")
        let place = try #require(model.mappings.first { $0.description == "Place order" })
        #expect(place.plan?.repeatedInputs.contains("OrderItem") == true)
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let function = try #require(text.components(separatedBy: "\ndef pattern_\(place.patternID)_").dropFirst().first)
        #expect(function.contains("order_items"), "the create lost its children parameter")
        try Boto3Replay.replay(model: model, requirements: requirements, label: "ecommerce with Order and OrderItem merged")
    }

    /// Attribute names that are Python keywords or builtins (`list`, `class`, `def`), an
    /// identifier `[item, item_]` whose parts sanitize alike, and a description with triple quotes
    /// and backslashes: the module compiles, and replays on moto like any other.
    @Test func awkwardNamesCompileAndRun() throws {
        let yaml = #"""
        overview: {domain: things, business_context: Things are listed by their list., expected_users: 1k, peak_rps: 50}
        entities:
          - name: Thing
            owner: things
            identifier: [item, item_]
            item_count: 1k
            attributes: [item:string:36, item_:string:36, list:string:10, class:string:10, def:number]
        access_patterns:
          - {description: 'Get a thing """by its key""" \\ with a backslash', entities: [Thing], type: read, equality: [item, item_], sort: none, filter: [], items: 1, peak_rps: 10, average_rps: 1, consistency: eventual, latency: none, attributes: all}
          - {description: List things by list, entities: [Thing], type: read, equality: [list], sort: none, filter: [class], items: avg 3 max 10, peak_rps: 10, average_rps: 1, consistency: eventual, latency: none, attributes: all}
          - {description: Create thing, entities: [Thing], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
        """#
        var requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "things.yaml")
        let thing = try #require(requirements.entity(named: "Thing"))
        var counted = thing
        counted.attributes[counted.attributes.firstIndex { $0.name == "class" }!].distinctValues = 3
        try requirements.updateEntity(named: "Thing", to: counted)
        let model = ProvenDesign.design(requirements)
        #expect(model.mappings.allSatisfy { $0.isServedByDynamoDB }, "\(model.mappings.map { $0.status })")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        #expect(text.contains("def pattern_1_get_a_thing_by_its_key_with_a_backslash(dynamodb, item_, item__2, table_names=None):"), "\(text.components(separatedBy: "\ndef pattern_1").dropFirst().first?.prefix(300) ?? "")")
        #expect(text.contains("def pattern_2_list_things_by_list(dynamodb, list_, class_, table_names=None):"))
        try Boto3Replay.replay(model: model, requirements: requirements, label: "awkward names")
    }

    /// Strings and docstrings with NUL, other C0 and C1 controls (NEL), line separators, quotes
    /// and backslashes: Python reads back exactly the text that went in.
    @Test func pythonLiteralsReadBackExactly() throws {
        let samples = ["a\u{0}b", "tab\tand\u{1B}[31mred", "nel\u{85}here", "line\u{2028}sep", "quote\"s and \\ back", "triple \"\"\" inside", "é ünïcode 🙂", "ends with a quote\""]
        var source = "import json\nvalues = [" + samples.map(Boto3PythonText.string).joined(separator: ", ") + "]\n"
        source += "def documented():\n    \"\"\"" + samples.map(Boto3PythonText.docText).joined(separator: "|") + "\"\"\"\n"
        source += "print(json.dumps({'values': values, 'doc': documented.__doc__}))\n"
        let folder = try Boto3Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("literals.py")
        try Data(source.utf8).write(to: file)
        let result = try Boto3Python.run(["python3", file.path])
        try #require(result.status == 0, "\(result.output)")
        let line = try #require(result.output.split(separator: "\n").last.map(String.init))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(decoded["values"] as? [String] == samples)
        #expect(decoded["doc"] as? String == samples.joined(separator: "|"))
    }
}
