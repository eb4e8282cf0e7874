import Conversation
import Foundation
import Requirements
import SessionStore

/// Reads and writes a session's files: `session.json` and `dynamodb_requirement.md`.
public final class SessionFile: SessionPersisting {
    let folder: SessionFolder

    public init(folder: SessionFolder) {
        self.folder = folder
    }

    /// Loads `session.json`, refusing newer formats and reporting where a damaged file breaks.
    public static func load(_ folder: SessionFolder) throws(StoreError) -> SessionState {
        try VersionedJSONLoader.load(SessionState.self, from: folder.sessionFile, newestVersion: SessionState.currentFormatVersion)
    }

    /// The exact bytes of `session.json`: sorted keys and fixed formatting, so the same state
    /// always gives the same file.
    public static func encode(_ state: SessionState) throws(PersistenceFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(state)
            data.append(0x0A)
            return data
        } catch {
            throw PersistenceFailure("The session could not be encoded (\(error)).")
        }
    }

    /// Writes both files atomically: each is either the old or the new version after a crash.
    public func save(_ state: SessionState) throws(PersistenceFailure) {
        let json = try Self.encode(state)
        let document = RequirementsDocument.render(state.requirements, gateStatus: state.requirementsGateStatus)
        do throws(StoreError) {
            try AtomicFile.write(json, to: folder.sessionFile)
            try AtomicFile.write(Data(document.utf8), to: folder.requirementsDocument)
        } catch {
            throw PersistenceFailure(error.message)
        }
    }
}
