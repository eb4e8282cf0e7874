import Foundation
import Testing
import TestSupport

/// Runs the built binary with piped standard input, as `ddbmodel new demo < answers.txt` would.
@Suite struct PipedSessionTests {
    static let transcript = SampleTranscripts.shop.joined(separator: "\n") + "\n"

    static func json(_ text: String?) throws -> [String: Any] {
        let data = Data((text ?? "").utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aWholeSessionRunsFromAFileOfAnswers() throws {
        let runner = try BinaryRunner()
        let result = try runner.run(["new", "demo"], input: Self.transcript)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        #expect(result.output.hasPrefix("New session demo in Sessions/demo/ (type /help for commands).\nWhat is the application's domain?"))
        #expect(result.output.hasSuffix("End of input: saved. Resume with: ddbmodel resume Sessions/demo\n"))
        #expect(!result.output.contains("\u{1B}"), "no escape codes when not on a terminal")
        let session = try Self.json(runner.contents("Sessions/demo/session.json"))
        #expect(session["format_version"] as? Int == 1)
        let gates = try #require(session["gates"] as? [String: Any])
        #expect((gates["requirements"] as? [String: Any])?["passed_at"] is String)
        let document = try #require(runner.contents("Sessions/demo/dynamodb_requirement.md"))
        #expect(document.hasPrefix("# DynamoDB Modeling Session\n"))
        #expect(document.contains("| 2 | Get user by ID | 500/200 RPS | Read |"))
        #expect(document.contains("**Requirements gate**: passed "))
    }

    @Test func resumeContinuesAtTheExactQuestion() throws {
        let runner = try BinaryRunner()
        let lines = SampleTranscripts.shop
        for cut in [1, 9, 17, 27, 40] {
            let name = "cut\(cut)"
            let first = try runner.run(["new", name], input: lines.prefix(cut).joined(separator: "\n") + "\n")
            #expect(first.status == 0)
            let lastQuestion = try #require(first.output.components(separatedBy: "\n").dropLast(2).last)
            let second = try runner.run(["resume", "Sessions/\(name)"], input: lines.dropFirst(cut).joined(separator: "\n") + "\n")
            #expect(second.status == 0, "\(second.errors)")
            let resumedQuestion = second.output.components(separatedBy: "\n")[1]
            #expect(resumedQuestion == lastQuestion, "resume asks the pending question again")
            let resumed = try Self.json(runner.contents("Sessions/\(name)/session.json"))
            let requirements = try #require(resumed["requirements"] as? [String: Any])
            #expect((requirements["access_patterns"] as? [Any])?.count == 4)
            #expect((resumed["step"] as? [String: Any])?.keys.first == "designReview")
        }
    }

    @Test func resumeAcceptsTheSessionFileToo() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        let result = try runner.run(["resume", "Sessions/demo/session.json"], input: "/quit\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Resuming session demo from Sessions/demo/ at: application overview."))
        #expect(result.output.contains("Describe the business context"))
    }

    @Test func statusReportsStageGatesAndCounts() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo", "--sessions-dir", "work/sessions"], input: Self.transcript)
        let result = try runner.run(["status", "work/sessions/demo"])
        #expect(result.status == 0)
        #expect(result.output.contains("Stage: design"))
        #expect(result.output.contains("Gates: requirements passed 20"))
        #expect(result.output.contains("design open; contract open"))
        #expect(result.output.contains("Entities: 2\nRelationships: 1\nAccess patterns: 4 (0 missing RPS)"))
    }

    @Test func anExistingSessionIsRefusedWithAPointerToResume() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        let before = runner.contents("Sessions/demo/session.json")
        let result = try runner.run(["new", "demo"], input: "other\n")
        #expect(result.status == 1)
        #expect(result.errors.contains("ddbmodel resume"))
        #expect(runner.contents("Sessions/demo/session.json") == before)
    }

    @Test(arguments: ["../escape", "a/b", "..", ".hidden", "-x", "", "$(touch pwned)", "my shop", "`id`"])
    func unsafeNamesAreRefused(name: String) throws {
        let runner = try BinaryRunner()
        let result = try runner.run(["new", "--", name])
        #expect(result.status != 0)
        #expect(result.errors.contains("session name"))
        let created = (try? FileManager.default.contentsOfDirectory(atPath: runner.file("Sessions").path)) ?? []
        #expect(created.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: runner.file("pwned").path))
    }

    /// A save that fails when the session opens (a full disk, or as here a folder where a file
    /// goes) is reported as a sentence, not as a Swift value such as `PersistenceError.writeFailed(path: …)`.
    @Test func aFailedSaveIsReportedAsASentence() throws {
        let runner = try BinaryRunner()
        try FileManager.default.createDirectory(at: runner.file("Sessions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExampleSessionTests.examples.appendingPathComponent("ecommerce"), to: runner.file("Sessions/shop"))
        let document = runner.file("Sessions/shop/dynamodb_data_model.md")
        try FileManager.default.removeItem(at: document)
        try FileManager.default.createDirectory(at: document, withIntermediateDirectories: false)

        let result = try runner.run(["resume", "Sessions/shop"], input: "/quit\n")

        #expect(result.status == 1)
        #expect(result.errors == "ddbmodel: Could not save \(document.path): it is a folder, not a file. The previous version of the file is unchanged.\n")
    }

    /// Escape sequences piped in are refused and never reach the terminal or the documents;
    /// the session goes on with the next line.
    @Test func escapeSequencesNeverReachTheTerminalOrTheDocuments() throws {
        let runner = try BinaryRunner()
        let input = "shop\u{1B}]0;pwned\u{7}\nshop\nOrders \u{1B}[2Jnever lost\u{0}\nOrders are never lost.\n/quit\n"
        let result = try runner.run(["new", "demo"], input: input)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{0}" || $0 == "\u{7}" })
        #expect(result.output.contains("The line contains the control character U+001B (ESC) at character 5; "))
        #expect(result.output.contains("The line contains the control character U+001B (ESC) at character 8; "))
        let document = try #require(runner.contents("Sessions/demo/dynamodb_requirement.md"))
        #expect(document.contains("- **Domain**: shop\n"))
        #expect(document.contains("- **Business Context**: Orders are never lost.\n"))
        #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func aDamagedSessionFileIsReportedAndLeftUntouched() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: Self.transcript)
        let url = runner.file("Sessions/demo/session.json")
        let full = try Data(contentsOf: url)
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: url)
        let result = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")
        #expect(result.status == 1)
        #expect(result.errors.contains("session.json"))
        #expect(result.errors.contains("line "))
        #expect(result.errors.contains("column "))
        #expect(try Data(contentsOf: url) == truncated, "the damaged file is left as it was")
        let status = try runner.run(["status", "Sessions/demo"])
        #expect(status.status == 1)
    }

    @Test func aNewerFormatIsRefused() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        let url = runner.file("Sessions/demo/session.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : 7")
        try Data(text.utf8).write(to: url)
        let result = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")
        #expect(result.status == 1)
        #expect(result.errors.contains("newer"))
    }

    @Test func everyCommandHasHelpAndTheToolHasAVersion() throws {
        let runner = try BinaryRunner()
        for command in [[], ["new"], ["resume"], ["status"]] {
            let result = try runner.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE: ddbmodel"))
        }
        let version = try runner.run(["--version"])
        #expect(version.output == "0.1.0\n")
    }

    @Test func requirementsLoadFromYAMLAndOpenAtTheReview() throws {
        let runner = try BinaryRunner()
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/examples/shop.requirements.yaml").standardizedFileURL
        let result = try runner.run(["new", "yaml", "--requirements", example.path], input: "")
        #expect(result.status == 0, "\(result.errors)")
        let status = try runner.run(["status", "Sessions/yaml"])
        #expect(status.output.contains("Entities: 4"))
        #expect(!status.output.contains("current question: application overview"))
        let document = runner.contents("Sessions/yaml/dynamodb_requirement.md") ?? ""
        #expect(document.contains("## Access Patterns Analysis"))
    }

    @Test func aBrokenYAMLFileCreatesNothing() throws {
        let runner = try BinaryRunner()
        try Data("entities:\n  - name: User\n    attributes: [user_id:strng]\n".utf8).write(to: runner.file("bad.yaml"))
        let result = try runner.run(["new", "bad", "--requirements", "bad.yaml"])
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.yaml:3:"))
        #expect(!FileManager.default.fileExists(atPath: runner.file("Sessions/bad").path))
    }
}

/// `ddbmodel new NAME --schema FILE...`: import, summary, review, and a clear refusal of bad files.
@Suite struct SchemaImportEndToEndTests {
    static let schema = """
        CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(255) NOT NULL, UNIQUE KEY uq_email (email));
        CREATE TABLE orders (id bigint unsigned NOT NULL PRIMARY KEY, user_id bigint unsigned NOT NULL, created_at datetime NOT NULL,
          KEY idx_user_created (user_id, created_at), CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
        CREATE TABLE broken (id int PRIMARY KEY,, name varchar(10));
        INSERT INTO users VALUES (1, 'a@example.com');
        """

    @Test func aSchemaIsImportedSummarizedAndReviewed() throws {
        let runner = try BinaryRunner()
        try Data(Self.schema.utf8).write(to: runner.file("schema.sql"))
        let answers = ["shop", "context", "1k", "100", "exclude email kept in the auth service", "", "", "avg 5 max 100", "", "done"]
        let result = try runner.run(["new", "shop", "--schema", "schema.sql"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Imported 2 tables with 5 columns: 2 primary keys, 1 unique keys, 1 foreign keys."))
        #expect(result.output.contains("Could not read 1 statement (skipped; the rest was imported):\n  - schema.sql:4:41: expected a column definition"))
        #expect(result.output.contains("1 insert statement"))
        #expect(result.output.contains("Review User (table users):"))
        let session = try #require(runner.contents("Sessions/shop/session.json"))
        #expect(session.contains("\"excluded_reason\" : \"kept in the auth service\""))
        #expect(session.contains("\"source_table\" : \"orders\""))
        let status = try runner.run(["status", "Sessions/shop"])
        #expect(status.output.contains("Entities: 2\nRelationships: 1"))
    }

    @Test func aMissingSchemaFileCreatesNothing() throws {
        let runner = try BinaryRunner()
        let result = try runner.run(["new", "shop", "--schema", "nope.sql"])
        #expect(result.status == 1)
        #expect(result.errors == "ddbmodel: Cannot read the schema file nope.sql: it does not exist.\n")
        #expect(!FileManager.default.fileExists(atPath: runner.file("Sessions/shop").path))
    }
}
