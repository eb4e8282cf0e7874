import Foundation
import Testing
import TestSupport

/// Two `ddbmodel` processes on one session: the second is refused; a killed one's lock is taken over.
@Suite struct SessionLockEndToEndTests {
    @Test func aSecondProcessIsRefusedAndAStaleLockIsTakenOver() throws {
        let runner = try BinaryRunner()
        _ = try runner.run(["new", "demo"], input: "retail\n")
        // The first process waits for input on an open pipe, holding the lock.
        let holder = runner.process(["resume", "Sessions/demo"])
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        holder.standardError = Pipe()
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        // Wait until it has printed its first question (it holds the lock by then).
        var seen = Data()
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: seen, as: UTF8.self).contains("Describe the business context"), Date() < deadline {
            seen.append(output.fileHandleForReading.availableData)
        }
        let refused = try runner.run(["resume", "Sessions/demo"], input: "/quit\n")
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already open"))
        #expect(refused.errors.contains("pid \(holder.processIdentifier)"))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let takenOver = try runner.run(["resume", "Sessions/demo"], input: "context\n/quit\n")
        #expect(takenOver.status == 0, "\(takenOver.errors)")
    }
}
