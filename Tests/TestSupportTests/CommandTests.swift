import Foundation
import Testing
import TestSupport

/// The test kit's process runner, on small shell commands: what it captures, what it feeds,
/// and that every wait ends.
@Suite struct CommandTests {
    @Test func separateStreamsAndTheExitStatus() throws {
        let result = try Command(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]).run()
        #expect(result.status == 3)
        #expect(result.output == "out\n")
        #expect(result.errors == "err\n")
        #expect(!result.timedOut)
    }

    @Test func mergedStreamsKeepTheOrderWritten() throws {
        let result = try Command(["/bin/sh", "-c", "echo one; echo two >&2; echo three"], output: .merged).run()
        #expect(result.output == "one\ntwo\nthree\n")
        #expect(result.errors.isEmpty)
    }

    @Test func inputEnvironmentAndFolderReachTheChild() throws {
        let folder = try TemporaryDirectory.make("command-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Command(["/bin/sh", "-c", "cat; echo \"$GREETING\"; pwd"], environment: .inherited(adding: ["GREETING": "hello"]),
                                 directory: folder, input: .text("from stdin\n")).run()
        #expect(result.output == "from stdin\nhello\n\(folder.resolvingSymlinksInPath().path)\n")
        let file = folder.appendingPathComponent("input.txt")
        try Data("from a file\n".utf8).write(to: file)
        #expect(try Command(["cat"], input: .file(file)).run().output == "from a file\n")
        #expect(try Command(["/bin/sh", "-c", "echo \"${HOME-unset}\""], environment: .exactly([:])).run().output == "unset\n")
    }

    @Test func aMissingProgramExitsWith127AndAMissingPathThrows() throws {
        #expect(try Command(["ddbmodel-no-such-program"]).run().status == 127)
        #expect(throws: ChildProcess.CouldNotStart.self) { try Command(["/no/such/program"]).run() }
    }

    @Test func aCommandOverItsTimeLimitIsStopped() throws {
        let started = Date()
        let result = try Command(["sleep", "30"]).run(timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.status == -1)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aRunningChildIsFedAndWatched() throws {
        let child = try Command(["cat"], input: .pipe).start()
        try child.write("first line\n")
        #expect(child.waitForOutput(containing: "first line", timeout: 10))
        #expect(child.isRunning)
        child.closeInput()
        #expect(child.waitForExit(timeout: 10))
        #expect(child.status == 0)
        #expect(throws: ChildProcess.InputClosed.self) { try child.write("too late\n") }
    }

    /// A child starts with no signal blocked, as from a shell, whatever the test thread blocks
    /// (Swift's worker threads block most signals, and a spawned child inherits the mask).
    @Test func aChildStartsWithNoSignalBlocked() throws {
        let result = try Command(["grep", "SigBlk", "/proc/self/status"]).run()
        #expect(result.output == "SigBlk:\t0000000000000000\n")
        let started = Date()
        let child = try Command(["sleep", "30"]).start()
        child.stop(grace: 20)
        #expect(Date().timeIntervalSince(started) < 10, "SIGINT did not end sleep")
    }

    /// A child that ignores SIGINT is killed after the grace period.
    @Test func stopEndsAChildThatIgnoresTheFirstSignal() throws {
        let child = try Command(["/bin/sh", "-c", "trap '' INT; echo ready; exec sleep 30"]).start()
        #expect(child.waitForOutput(containing: "ready", timeout: 10))
        let started = Date()
        child.stop(grace: 0.5)
        #expect(!child.isRunning)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aDeadProcessIDBelongsToNoProcess() throws {
        let pid = try ChildProcess.deadProcessID()
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aFreePortAcceptsNothingUntilAServerListens() throws {
        let port = try LoopbackPort.free()
        #expect(!LoopbackPort.accepts(port))
        let server = try Command(["python3", "-c", "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', \(port))); s.listen(); print('listening', flush=True); time.sleep(30)"]).start()
        defer { server.stop(firstSignal: SIGKILL) }
        #expect(server.waitForOutput(containing: "listening", timeout: 10), "\(server.errors())")
        #expect(LoopbackPort.accepts(port))
    }
}
