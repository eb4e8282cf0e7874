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
    var total: Double { importSeconds + saveSeconds }
    var entities = 0
    var relationships = 0
    var sessionBytes = 0

    static func measure(_ source: SchemaSource) -> SessionImportTiming {
        var timing = SessionImportTiming()
        let clock = ContinuousClock()
        var conversation = Conversation(state: SessionState(name: "bench"), clock: { "2026-11-22T00:00:00Z" })
        var start = clock.now
        _ = conversation.importSchema([source])
        timing.importSeconds = seconds(clock.now - start)
        timing.entities = conversation.state.requirements.entities.count
        timing.relationships = conversation.state.requirements.relationships.count

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-import-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let folder = try SessionFolder.create(name: "bench", in: directory)
            start = clock.now
            try SessionFile(folder: folder).save(conversation.state)
            timing.saveSeconds = seconds(clock.now - start)
            timing.sessionBytes = (try? Data(contentsOf: folder.sessionFile).count) ?? 0
        } catch {
            fail("the session could not be saved: \(error)")
        }
        return timing
    }
}
