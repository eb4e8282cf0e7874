@testable import ContractExport
import DesignEngine
import Foundation
import JSONCore
import ModelExecution
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The TypeScript export compiles with `tsc --strict` and replays the model exercise against a
/// DynamoDB API on loopback (`moto_server`), like the boto3 module: every call the Swift
/// exercise made goes through the compiled repositories (with `@aws-sdk/client-dynamodb` and
/// `@aws-sdk/lib-dynamodb` resolved to the test-only stand-ins in `Fixtures/typescript-sdk/`,
/// which send the same commands over HTTP with SigV4) and must end the same way, as the typed
/// error its refusal maps to, and return the same items; the tables must end the same; the
/// IAM policy must grant exactly the calls made. Needs Debian's `node-typescript` (tsc),
/// `node`, and python3 with `moto[server]`: fails, never skips, without them.
@Suite(.serialized) struct TypeScriptRoundTripTests {
    @Test func everyScenarioCompilesWithStrictNoEmit() throws {
        for name in ExportScenario.names {
            let (requirements, model) = try ExportScenario.model(name)
            let project = try TypeScriptProject(files: TypeScriptExporter.export(model, requirements: requirements))
            defer { project.remove() }
            let result = try project.tsc(["--strict", "--noEmit"])
            #expect(result.status == 0, "tsc --strict --noEmit failed for \(name):\n\(result.output)")
        }
    }

    /// BatchGetItem and BatchWriteItem retry what DynamoDB leaves unprocessed, 100 keys and 25
    /// writes per request (`Fixtures/typescript_batch_retries.js`, a client that processes one
    /// entry per request: moto processes every one).
    @Test func unprocessedBatchItemsAreRetried() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let project = try TypeScriptProject(files: TypeScriptExporter.export(model, requirements: requirements))
        defer { project.remove() }
        let compiled = try project.tsc([])
        try #require(compiled.status == 0, "\(compiled.output)")
        let script = project.folder.appendingPathComponent("retries.js")
        try FileManager.default.copyItem(at: ExportScenario.fixtures.appendingPathComponent("typescript_batch_retries.js"), to: script)
        let result = try Boto3Python.run(["node", script.path, project.folder.appendingPathComponent("out").path])
        #expect(result.status == 0 && result.output.contains("OK retries"), "\(result.output)")
    }

    /// The usage example in docs/export.md ("typescript") compiles against the ecommerce export.
    @Test func theDocumentedUsageCompiles() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/export.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "\n## typescript\n").dropFirst().first)
        let example = try #require(section.components(separatedBy: "```ts\n").dropFirst().first?.components(separatedBy: "```").first)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let imports = lines.filter { $0.hasPrefix("import ") }.map { $0.replacingOccurrences(of: "\"./typescript/", with: "\"./") }
        let body = lines.filter { !$0.hasPrefix("import ") }
        // Top-level await needs an ES module; the example's statements run inside a function.
        let usage = imports.joined(separator: "\n") + "\n\nexport async function main(): Promise<void> {\n" + body.joined(separator: "\n") + "\n}\n"
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let files = TypeScriptExporter.export(model, requirements: requirements) + [ExportedFile(name: "typescript/usage.ts", bytes: Array(usage.utf8))]
        let project = try TypeScriptProject(files: files)
        defer { project.remove() }
        let result = try project.tsc(["--strict", "--noEmit"])
        #expect(result.status == 0, "the docs/export.md example does not compile:\n\(result.output)\n\(usage)")
    }

    @Test(arguments: ExportScenario.names) func replayAgainstMoto(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let output = try TypeScriptReplay.replay(model: model, requirements: requirements, label: name)
        if name == "ecommerce" {
            // Registering a taken username or email is refused as a duplicate, not a bare cancellation.
            #expect(!output.contains("duplicate:0,"), "\(output)")
        }
    }
}

/// A folder holding the exported modules, a strict tsconfig that resolves the two SDK packages
/// to the test-only stand-ins, and a `node_modules` for running the compiled JavaScript.
struct TypeScriptProject {
    static let sdk = ExportScenario.fixtures.appendingPathComponent("typescript-sdk")
    let folder: URL

    init(files: [ExportedFile]) throws {
        try TypeScriptProject.requireTools()
        folder = try Boto3Python.temporaryFolder()
        let source = folder.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for file in files {
            try #require(file.name.hasPrefix(TypeScriptExporter.folder + "/"), "\(file.name) is outside typescript/")
            try Data(file.bytes).write(to: source.appendingPathComponent(String(file.name.dropFirst(TypeScriptExporter.folder.count + 1))))
        }
        let modules = folder.appendingPathComponent("node_modules/@aws-sdk")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        for package in ["client-dynamodb", "lib-dynamodb"] {
            try FileManager.default.createSymbolicLink(at: modules.appendingPathComponent(package), withDestinationURL: Self.sdk.appendingPathComponent(package))
        }
        let paths = ["client-dynamodb", "lib-dynamodb"].map { "\"@aws-sdk/\($0)\": [\"\(Self.sdk.appendingPathComponent($0).path)\"]" }.joined(separator: ", ")
        let config = """
            {"compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "moduleResolution": "node", "lib": ["ES2020"],
              "types": [], "rootDir": "src", "outDir": "out", "noEmitOnError": true, "baseUrl": ".", "paths": {\(paths)}},
             "include": ["src/*.ts"]}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("tsconfig.json"))
    }

    static func requireTools() throws {
        let tsc = try Boto3Python.run(["tsc", "--version"])
        try #require(tsc.status == 0, """
            The TypeScript export tests need tsc: install Debian's node-typescript \
            (`apt-get install node-typescript`, done by `make test-deps`). \(tsc.output)
            """)
        let node = try Boto3Python.run(["node", "--version"])
        try #require(node.status == 0, "The TypeScript export tests need node (`apt-get install nodejs`, done by `make test-deps`). \(node.output)")
    }

    func tsc(_ arguments: [String]) throws -> CommandResult {
        try Boto3Python.run(["tsc", "-p", folder.appendingPathComponent("tsconfig.json").path] + arguments, timeout: 180)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Compiles the export, writes the exercise script with each pattern's method, and has
/// `Fixtures/typescript_replay.js` replay it against moto.
enum TypeScriptReplay {
    @discardableResult
    static func replay(model: DataModel, requirements: Requirements, label: String) throws -> String {
        let check = try Boto3Python.run(["python3", "-c", "import moto, moto.server"])
        try #require(check.status == 0, """
            The TypeScript round trip needs python3 with moto[server]: run `python3 -m pip install "moto[server]"`. \(check.output)
            """)
        let project = try TypeScriptProject(files: TypeScriptExporter.export(model, requirements: requirements))
        defer { project.remove() }
        let compiled = try project.tsc([])
        try #require(compiled.status == 0, "tsc failed for \(label):\n\(compiled.output)")
        let replay = project.folder.appendingPathComponent("replay.js")
        try FileManager.default.copyItem(at: ExportScenario.fixtures.appendingPathComponent("typescript_replay.js"), to: replay)
        guard case .object(var fields) = try ExerciseScript.script(model: model, requirements: requirements) else {
            Issue.record("the script is not an object")
            return ""
        }
        fields.append(("methods", methods(model: model, requirements: requirements)))
        let scriptURL = project.folder.appendingPathComponent("script.json")
        try Data(OrderedJSON.object(fields).serialized()).write(to: scriptURL)
        let result = try LoopbackMoto.withServerResult { port in
            try Boto3Python.run(["node", replay.path, "http://127.0.0.1:\(port)", scriptURL.path, project.folder.appendingPathComponent("out").path], timeout: 180)
        }
        #expect(result.status == 0, "TypeScript replay failed for \(label):\n\(result.output)")
        #expect(result.output.contains("OK calls="), "\(result.output)")
        return result.output
    }

    /// Each pattern's method: module, class, name, parameters in order, and what it returns.
    static func methods(model: DataModel, requirements: Requirements) -> OrderedJSON {
        let names = TypeScriptTypeNames(model: model, requirements: requirements)
        var entries: [OrderedJSON] = []
        for method in TypeScriptExporter.methods(model, requirements: requirements) {
            guard var body = method.body else { continue }
            body.render()
            let parameters = body.parameters.map { parameter -> OrderedJSON in
                switch parameter {
                case .input(let entity, let attribute, _): return .object([("kind", .string("input")), ("entity", .string(entity)), ("attribute", .string(attribute))])
                case .item(let entity): return .object([("kind", .string("item")), ("entity", .string(entity))])
                case .list(let entity, _): return .object([("kind", .string("list")), ("entity", .string(entity))])
                case .page: return .object([("kind", .string("page"))])
                }
            }
            entries.append(.object([
                ("pattern", .integer(method.mapping.patternID)), ("module", .string(names.moduleByTable[method.tableID] ?? "")),
                ("class", .string(names.repository[method.tableID] ?? "")), ("method", .string(method.name)),
                ("parameters", .array(parameters)), ("returns", .string(method.returns)),
                ("kind", .string(body.isWrite ? "write" : "read")), ("entity", .string(body.mainEntity)),
            ]))
        }
        return .array(entries)
    }
}

/// Names that are not TypeScript identifiers (issue 15): entities named after reserved words
/// and globals (`delete`, `Promise`), attributes that are keywords (`class`, `new`, `function`),
/// stored attribute names with spaces, `#`, unicode and `*/`, a table renamed to the shared
/// module's name with a dot and a dash, and pattern descriptions that are reserved words, start
/// with a digit or hold quotes and unicode. The export compiles strictly and replays on moto.
@Suite(.serialized) struct TypeScriptNamesTests {
    static let yaml = #"""
        overview: {domain: things, business_context: Things are deleted., expected_users: 1k, peak_rps: 50}
        entities:
          - name: delete
            identifier: [class]
            item_count: 1k
            attributes: [class:string:36, new:string:36, function:number, constructor:boolean]
          - name: Promise
            identifier: [id]
            item_count: 1k
            attributes: [id:string:36, class:string:36, amount:number]
        relationships:
          - {parent: delete, child: Promise, cardinality: avg 3 max 10, child_exists_without_parent: false}
        access_patterns:
          - {description: 'Constructor', entities: [delete], type: read, equality: [class], sort: none, filter: [], items: 1, peak_rps: 10, average_rps: 1, consistency: eventual, latency: none, attributes: all}
          - {description: '1st "delete" of the 名前 */ things', entities: [delete], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
          - {description: 'delete', entities: [Promise], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
          - {description: List promises of a delete, entities: [Promise], type: read, equality: [class], sort: none, filter: [], items: avg 3 max 10, peak_rps: 10, average_rps: 1, consistency: eventual, latency: none, attributes: all}
        """#

    @Test func awkwardNamesCompileAndReplay() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.yaml, fileName: "awkward.yaml")
        var choices = DesignChoices()
        choices.tableNames["delete"] = "runtime"
        choices.attributeNames["delete"] = ["new": "my new #1", "function": "名前 */ end"]
        let model = ProvenDesign.design(requirements, choices: choices)
        #expect(model.proof?.failures.isEmpty == true, "\(model.proof?.failures ?? [])")
        #expect(model.mappings.allSatisfy { $0.isServedByDynamoDB }, "\(model.mappings.map { $0.status })")
        let files = TypeScriptExporter.export(model, requirements: requirements)
        let names = files.map(\.name)
        #expect(names.contains("typescript/runtime.ts") && names.contains("typescript/runtime2.ts"), "\(names)")
        let all = files.map(\.text).joined(separator: "\n")
        #expect(all.contains("export interface Delete {"), "\(names)")
        #expect(all.contains("export interface Promise_ {"))
        #expect(all.contains("\"my new #1\"?: string;") || all.contains("\"my new #1\": string;"), "\(all.prefix(3000))")
        #expect(all.contains("async constructor_("))
        #expect(all.contains("async delete_("))
        #expect(all.contains("async pattern1stDeleteOfTheThings("), "a description starting with a digit")
        let comments = all.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("*") || $0.contains("/**") }
        #expect(comments.contains { $0.contains("名前 *\\/ end") }, "the stored name is in the interface's JSDoc, escaped")
        #expect(!comments.contains { $0.contains("名前 */") }, "a stored name must not close a comment")
        try TypeScriptReplay.replay(model: model, requirements: requirements, label: "awkward names")
    }

    /// String literals and comments with NUL, controls, NEL, line separators, quotes,
    /// backslashes and `*/`: node reads back exactly the text that went in, and a comment
    /// never ends early.
    @Test func literalsReadBackExactly() throws {
        try TypeScriptProject.requireTools()
        let samples = ["a\u{0}b", "tab\tand\u{1B}[31mred", "nel\u{85}here", "line\u{2028}sep\u{2029}", "quote\"s and \\ back", "*/ closes", "é ünïcode 🙂", "\u{FEFF}bom"]
        var source = "/** " + samples.map(TypeScriptText.doc).joined(separator: " | ") + " */\n"
        source += "const values = [" + samples.map(TypeScriptText.string).joined(separator: ", ") + "];\n"
        // Everything outside ASCII escaped, so the bytes read back cannot be normalised on the way.
        source += "process.stdout.write(JSON.stringify(values).replace(/[\\u007f-\\uffff]/g, (c) => \"\\\\u\" + c.charCodeAt(0).toString(16).padStart(4, \"0\")));\n"
        let folder = try Boto3Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("literals.js")
        try Data(source.utf8).write(to: file)
        let result = try Boto3Python.run(["node", file.path])
        try #require(result.status == 0, "\(result.output)")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String])
        #expect(decoded == samples)
    }
}

/// Batch reads and writes and a transaction's condition check, replayed through the compiled
/// export (the worked scenarios plan none of them): BatchGetItem by a list of keys,
/// BatchWriteItem puts from a list and deletes of a Query's items, and a ConditionCheck that
/// the parent exists. The same model replays through the boto3 module too.
@Suite(.serialized) struct TypeScriptBatchRoundTripTests {
    static let yaml = """
        overview: {domain: notes, business_context: Notes are kept per user., expected_users: 1k, peak_rps: 50}
        entities:
          - name: User
            identifier: user_id
            item_count: 1k
            attributes: [user_id:string:36, name:string:30]
          - name: Note
            identifier: note_id
            item_count: 5k
            attributes: [note_id:string:36, user_id:string:36, text:string:200]
        relationships:
          - {parent: User, child: Note, cardinality: avg 5 max 50, child_exists_without_parent: false}
        access_patterns:
          - {description: Get users by their ids, entities: [User], type: read, equality: [user_id], sort: none, filter: [], items: avg 5 max 20, peak_rps: 20, average_rps: 5, consistency: eventual, latency: none, attributes: all}
          - {description: Import users, entities: [User], type: write, equality: [], items: avg 10 max 25, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
          - {description: Add note, entities: [Note, User], type: write, equality: [], items: 1, peak_rps: 20, average_rps: 5, consistency: strong, latency: none, attributes: all, effects: {User: check}}
          - {description: List a user's notes, entities: [Note], type: read, equality: [user_id], sort: none, filter: [], items: avg 5 max 50, peak_rps: 20, average_rps: 5, consistency: eventual, latency: none, attributes: all}
          - {description: Delete a user's notes, entities: [Note], type: delete, equality: [user_id], sort: none, filter: [], items: avg 5 max 50, peak_rps: 2, average_rps: 1, consistency: strong, latency: none, attributes: all}
        """

    @Test func batchesAndChecksReplayOnMoto() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.yaml, fileName: "notes.yaml")
        let model = ProvenDesign.design(requirements)
        #expect(model.proof?.failures.isEmpty == true, "\(model.proof?.failures ?? [])")
        let operations = model.mappings.compactMap(\.plan).flatMap(\.steps).map(\.request.operation)
        #expect(operations.contains(.batchGetItem) && operations.contains(.batchWriteItem), "\(model.mappings.map { "\($0.description): \($0.plan?.steps.map(\.request.operation.rawValue) ?? [])" })")
        let text = TypeScriptExporter.export(model, requirements: requirements).map(\.text).joined()
        #expect(text.contains("runtime.batchGet(") && text.contains("runtime.batchWrite(") && text.contains("ConditionCheck: {"))
        try TypeScriptReplay.replay(model: model, requirements: requirements, label: "batches and checks")
        try Boto3Replay.replay(model: model, requirements: requirements, label: "batches and checks")
    }
}
