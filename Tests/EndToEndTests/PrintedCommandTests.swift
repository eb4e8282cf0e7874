import Foundation
import Testing
import TestSupport

/// The commands ddbmodel prints for the user to paste (`ddbmodel resume …`, `ddbmodel export …`),
/// pasted into `/bin/sh` as they are: they reach the session's folder, wherever it is, and run no
/// command substitution hidden in its path.
@Suite struct PrintedCommandTests {
    /// A sessions folder whose name a shell would act on if it were printed unquoted.
    static let hostileFolder = "my sessions $(touch pwned-dollar) `touch pwned-backtick` it's"

    /// Runs `line` with `/bin/sh -c` in the runner's folder, `ddbmodel` on the PATH being the
    /// built binary.
    static func paste(_ line: String, runner: BinaryRunner, input: String) throws -> CommandResult {
        let bin = runner.file("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: bin.appendingPathComponent("ddbmodel").path) {
            try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("ddbmodel"), withDestinationURL: BinaryRunner.binary)
        }
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Command(["/bin/sh", "-c", line], environment: .inherited(adding: ["HOME": runner.home.path, "PATH": path]),
                           directory: runner.directory, input: .text(input)).run()
    }

    static func expectNothingRan(_ runner: BinaryRunner) throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
        #expect(!entries.contains { $0.hasPrefix("pwned") }, "a command substitution ran: \(entries)")
    }

    @Test func thePrintedResumeCommandReopensTheSession() throws {
        let runner = try BinaryRunner()
        let created = try runner.run(["new", "demo", "--sessions-dir", Self.hostileFolder], input: "retail\n/quit\n")
        #expect(created.status == 0, "\(created.errors)")
        let line = try #require(created.output.components(separatedBy: "\n").first { $0.hasPrefix("Saved. Resume with: ") })
        let command = String(line.dropFirst("Saved. Resume with: ".count))
        #expect(command == #"ddbmodel resume 'my sessions $(touch pwned-dollar) `touch pwned-backtick` it'\''s/demo'"#)

        let pasted = try Self.paste(command, runner: runner, input: "/quit\n")

        #expect(pasted.status == 0, "\(pasted.errors)")
        #expect(pasted.output.hasPrefix("Resuming session demo from \(Self.hostileFolder)/demo/ at: application overview."))
        try Self.expectNothingRan(runner)
    }

    /// After the contract is approved the hint names the session by its folder (`export NAME`
    /// would not find a session outside `Sessions/`), quoted; pasted with DIR filled in, it exports.
    @Test func thePrintedExportCommandExportsTheSession() throws {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        let answers = ["accept the catalog service creates products", "yes"] + Array(repeating: "yes", count: 6) + ["yes", "yes", "/quit"]
        let approved = try runner.run(["new", "shop", "--sessions-dir", Self.hostileFolder, "--requirements", "ecommerce.yaml"],
                                      input: answers.joined(separator: "\n") + "\n")
        #expect(approved.status == 0, "\(approved.errors)")
        let hint = try #require(approved.output.range(of: "Export it with: "))
        let end = try #require(approved.output.range(of: " (see docs/export.md)", range: hint.upperBound..<approved.output.endIndex))
        let command = String(approved.output[hint.upperBound..<end.lowerBound])
        #expect(command == #"ddbmodel export 'my sessions $(touch pwned-dollar) `touch pwned-backtick` it'\''s/shop' --out DIR"#)

        let pasted = try Self.paste(String(command.dropLast("DIR".count)) + "exported", runner: runner, input: "")

        #expect(pasted.status == 0, "\(pasted.errors)")
        #expect(FileManager.default.fileExists(atPath: runner.file("exported/migrationContract.json").path))
        try Self.expectNothingRan(runner)
    }
}
