import Foundation
import SeededRandom
import SessionStore
import Testing
import TestSupport

/// Kills the binary with SIGKILL at 50 random moments of a scripted session; every time, the
/// files left behind must load and the session must resume.
@Suite struct CrashTests {
    static let killCount = 50

    @Test func killingAtAnyMomentLeavesLoadableResumableFiles() throws {
        let runner = try BinaryRunner()
        var generator = SeededGenerator(seed: 0xDDB_0DE1)
        let lines = SampleTranscripts.shop
        var foundSessionFiles = 0
        for run in 0..<Self.killCount {
            let name = "crash\(run)"
            let process = try runner.start(["new", name], output: .discarded)
            // Feed answers one at a time (as a fast typist would) and kill after a random delay.
            let killAfter = Double.random(in: 0...0.25, using: &generator)
            let feeder = Thread {
                for line in lines {
                    guard (try? process.write(line + "\n")) != nil else { return }
                    usleep(2_000)
                }
            }
            feeder.start()
            usleep(useconds_t(killAfter * 1_000_000))
            process.send(SIGKILL)
            process.waitForExit()
            process.closeInput()

            let folder = SessionFolder(url: runner.file("Sessions/\(name)"))
            guard FileManager.default.fileExists(atPath: folder.sessionFile.path) else {
                // Killed before the first save: nothing to resume, and `new` must work again.
                let again = try runner.run(["new", name], input: "/quit\n")
                #expect(again.status == 0, "run \(run): \(again.errors)")
                continue
            }
            foundSessionFiles += 1
            let status = try runner.run(["status", "Sessions/\(name)"])
            #expect(status.status == 0, "run \(run) left a session.json that does not load: \(status.errors)")
            // The document may be absent (killed between the first two writes) but never torn.
            if let document = runner.contents("Sessions/\(name)/dynamodb_requirement.md") {
                #expect(Self.isComplete(document), "run \(run) left a torn requirements document")
            }
            let resumed = try runner.run(["resume", "Sessions/\(name)"], input: "/status\n/quit\n")
            #expect(resumed.status == 0, "run \(run) could not resume: \(resumed.errors)")
            #expect(resumed.output.contains("Resuming session \(name)"))
            #expect(Self.isComplete(runner.contents("Sessions/\(name)/dynamodb_requirement.md") ?? ""), "run \(run): resume did not write the document")
            // A kill between creating a temporary file and renaming it leaves the file; the next
            // open removes it.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "run \(run) left \(leftovers) after resuming")
        }
        #expect(foundSessionFiles >= Self.killCount / 2, "most kills should land after the session was created")
    }

    static func isComplete(_ document: String) -> Bool {
        document.hasPrefix("# DynamoDB Modeling Session\n") && document.contains("\n**Requirements gate**: ") && document.hasSuffix("\n")
    }
}
