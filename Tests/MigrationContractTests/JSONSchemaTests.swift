import Foundation
import MigrationContract
import Testing
import TestSupport

/// The published JSON Schema (`docs/contract.schema.json`) checked with an independent validator,
/// Python's `jsonschema` (the test command installs it). A missing Python or module fails the
/// test: an unchecked schema must not pass silently.
@Suite struct JSONSchemaTests {
    static let schemaURL = ContractScenarios.repositoryRoot.appendingPathComponent("docs").appendingPathComponent("contract.schema.json")

    /// Validates each file against the schema; prints one line per file: `OK` or `FAIL <message>`.
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("MISSING jsonschema: install it with python3 -m pip install jsonschema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.absolute_path))
            print("OK" if not errors else "FAIL " + "; ".join(e.message for e in errors))
        """

    /// Runs the script; returns its output lines, or records why it could not run.
    static func runJSONSchema(on files: [URL]) throws -> [String] {
        let result = try Command(["python3", "-c", script, schemaURL.path] + files.map(\.path)).run()
        if result.status == 127 {
            Issue.record("python3 was not found: install Python 3 and run python3 -m pip install jsonschema")
            return []
        }
        if result.status != 0 {
            Issue.record("the jsonschema check could not run (exit \(result.status)): \(result.output) \(result.errors)")
            return []
        }
        return result.output.split(separator: "\n").map(String.init)
    }

    static func temporaryFiles(_ contents: [(String, [UInt8])]) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contract-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try contents.map { name, bytes in
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
    }

    @Test func generatedContractsMatchTheSchema() throws {
        var files: [(String, [UInt8])] = try ContractScenarios.names.map { ("\($0).contract.json", try ContractScenarios.contract($0).bytes) }
        files.append(("minimal.contract.json", try ContractScenarios.fixture("minimal.contract.json")))
        let lines = try Self.runJSONSchema(on: try Self.temporaryFiles(files))
        #expect(lines == Array(repeating: "OK", count: files.count), "jsonschema: \(lines)")
    }

    /// Cross-entry rules a JSON Schema cannot express; only the Swift validator checks them.
    static let beyondSchema: Set<String> = [
        "undeclared sort key", "undeclared GSI key", "duplicate table name", "GSI listed twice", "GSI entry no table lists",
        "GSI without its entry", "GSI entry pk differs", "GSI key type differs from table",
    ]

    @Test(arguments: ContractValidatorTests.corpus.filter { !beyondSchema.contains($0.name) })
    func brokenContractsAreRejectedByTheSchema(_ broken: BrokenContract) throws {
        let bytes = broken.edit(try ContractValidatorTests.minimal()).serialized()
        let lines = try Self.runJSONSchema(on: try Self.temporaryFiles([("broken.json", bytes)]))
        #expect(lines.count == 1 && lines[0].hasPrefix("FAIL "), "\(broken.name) was accepted by jsonschema: \(lines)")
    }
}
