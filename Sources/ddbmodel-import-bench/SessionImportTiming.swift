import Conversation
import DDBModelCommands
import Foundation
import MySQLSchema
import SessionStore

/// What `ddbmodel new NAME --schema FILE` does before it asks its first question, timed part by
/// part: the schema parsed and imported into a new session (`Conversation.importSchema`, which
/// parses and then turns tables into entities and foreign keys into relationships), and the
/// session's first save (`session.json` and `dynamodb_requirement.md`, fsync'd and renamed).
struct SessionImportTiming {
    var importSeconds: Double = 0
    var saveSeconds: Double = 0
    /// Processor time (user and system, all threads) of each part: on a shared machine it moves
    /// much less than the wall time, which waits for the processor and, in the save, the disk.
    var importCPUSeconds: Double = 0
    var saveCPUSeconds: Double = 0
    var total: Double { importSeconds + saveSeconds }
    var entities = 0
    var relationships = 0
    var sessionBytes = 0

    static func measure(_ source: SchemaSource) -> SessionImportTiming {
        var timing = SessionImportTiming()
        let clock = ContinuousClock()
        var conversation = Conversation(state: SessionState(name: "bench"), clock: { "2026-11-22T00:00:00Z" })
        var start = clock.now
        var cpu = processorSeconds()
        _ = conversation.importSchema([source])
        timing.importSeconds = seconds(clock.now - start)
        timing.importCPUSeconds = processorSeconds() - cpu
        timing.entities = conversation.state.requirements.entities.count
        timing.relationships = conversation.state.requirements.relationships.count

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-import-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let folder = try SessionFolder.create(name: "bench", in: directory)
            start = clock.now
            cpu = processorSeconds()
            try SessionFile(folder: folder).save(conversation.snapshot)
            timing.saveSeconds = seconds(clock.now - start)
            timing.saveCPUSeconds = processorSeconds() - cpu
            timing.sessionBytes = (try? Data(contentsOf: folder.sessionFile).count) ?? 0
        } catch {
            fail("the session could not be saved: \(error)")
        }
        return timing
    }
}

/// User plus system time of the whole process so far, in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
