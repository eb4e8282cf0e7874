import Foundation
import Testing
import TestSupport

/// Two `ddbmodel` processes on one session: the second is refused; a killed one's lock is taken over.
@Suite struct SessionLockEndToEndTests {
    @Test func aSecondProcessIsRefusedAndAStaleLockIsTakenOver() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        // The first process waits for input on an open pipe, holding the lock.
        let holder = try runner.start(["resume", "Sessions/demo"])
        // Wait until it has printed its first question (it holds the lock by then).
        #expect(holder.waitForOutput(containing: "Describe the business context", timeout: 10), "\(holder.output())\(holder.errors())")
        let refused = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already open"))
        #expect(refused.errors.contains("pid \(holder.pid)"))
        holder.send(SIGKILL)
        holder.waitForExit()
        let takenOver = try runner.run(["resume", "Sessions/demo"], input: "context\n/quit\n")
        #expect(takenOver.status == 0, "\(takenOver.errors)")
    }

    /// A session folder that arrives (in a clone, say) with `.lock` as a symbolic link to a file
    /// of the user's: `resume` refuses, naming the path, and leaves both the file and the link.
    @Test func aSymlinkedLockIsNeitherWrittenThroughNorRemoved() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        let victim = runner.file("precious.txt")
        try Data("do not touch\n".utf8).write(to: victim)
        let lock = runner.file("Sessions/demo/.lock")
        try FileManager.default.createSymbolicLink(atPath: lock.path, withDestinationPath: victim.path)

        let result = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")

        #expect(result.status == 1)
        #expect(result.errors == "ddbmodel: \(lock.path) is a symbolic link, not a lock file ddbmodel created, so ddbmodel neither writes to it nor removes it. Check what it is, remove it yourself, and try again.\n")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "do not touch\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: lock.path) == victim.path)
    }

    /// What a `kill -9` in the middle of a save leaves is removed on the next open; files that
    /// only look similar stay.
    @Test func resumeRemovesTheTemporaryFilesOfAKilledSave() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        let dead = try ChildProcess.deadProcessID()
        let folder = runner.file("Sessions/demo")
        for name in [".session.json.tmp-\(dead)-1", ".dynamodb_requirement.md.tmp-\(dead)-2", "notes.tmp-\(dead)-1", ".session.json.bak"] {
            try Data("partial".utf8).write(to: folder.appendingPathComponent(name))
        }

        let result = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")

        #expect(result.status == 0, "\(result.errors)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == [".session.json.bak", "dynamodb_requirement.md", "notes.tmp-\(dead)-1", "session.json"])
    }
}
