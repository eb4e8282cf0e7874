import JSONCore
import Conversation
import DataModelDocument
import DesignEngine
import Foundation
import MigrationContract
import ModelExecution
import Requirements
import SessionStore

/// Reads and writes a session's files: `session.json`, `dynamodb_requirement.md`, and from the
/// design stage on `dynamodb_data_model.md`.
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
    public static func encode(_ state: SessionState) throws(PersistenceError) -> Data {
        try withEncoded(state) { Data($0) }
    }

    /// Hands the bytes of `session.json` to `body` without copying them; they are valid only
    /// during the call.
    static func withEncoded<Result>(
        _ state: SessionState, _ body: (UnsafeRawBufferPointer) throws(PersistenceError) -> Result
    ) throws(PersistenceError) -> Result {
        do {
            return try CanonicalJSONEncoder().withEncoded(state) { bytes throws(PersistenceError) in try body(bytes) }
        } catch let failure as PersistenceError {
            throw failure
        } catch {
            throw .notEncodable(reason: "\(error)")
        }
    }

    /// Writes the files atomically: each is either the old or the new version after a crash.
    ///
    /// `session.json` is produced and written on this thread, the documents on a pooled one: they
    /// are independent, and a large session spends most of a save encoding, rendering and waiting
    /// for the disk. Each file is written from the buffer it was produced in, not from a copy.
    ///
    /// `dynamodb_data_model.md` exists only while the requirements gate is passed, and
    /// `migrationContract.json` only while the design gate is: each is written from the snapshot's
    /// model and contract (designed once by the conversation, never here) and removed when an edit
    /// re-opens its gate, since nothing downstream of an open gate may stand.
    public func save(_ snapshot: SessionSnapshot) throws(PersistenceError) {
        let folder = self.folder
        let state = snapshot.state
        let outcomes = ParallelPair.run(
            { () -> PersistenceError? in
                do throws(PersistenceError) {
                    try Self.withEncoded(state) { bytes throws(PersistenceError) in
                        try Self.write(borrowing: bytes, to: folder.sessionFile)
                    }
                    return nil
                } catch { return error }
            },
            { () -> PersistenceError? in
                let document = RequirementsDocument.renderUTF8(state.requirements, gateStatus: state.requirementsGateStatus)
                let failure = document.withUnsafeBytes { bytes -> PersistenceError? in
                    do throws(PersistenceError) {
                        try Self.write(borrowing: bytes, to: folder.requirementsDocument)
                        return nil
                    } catch { return error }
                }
                return failure ?? Self.saveDesignFiles(snapshot, in: folder)
            })
        if let failure = outcomes.0 ?? outcomes.1 { throw failure }
    }

    /// Writes the data model and the contract the snapshot holds, removing each it does not hold
    /// (its gate is open). Returns the failure, if any.
    static func saveDesignFiles(_ snapshot: SessionSnapshot, in folder: SessionFolder) -> PersistenceError? {
        let document = snapshot.model.map { DataModelDocument.renderUTF8($0, requirements: snapshot.state.requirements) }
        return writeOrRemove(document, at: folder.dataModelDocument, gate: "requirements")
            ?? writeOrRemove(snapshot.contract, at: folder.contractFile, gate: "design")
    }

    /// Writes `bytes` atomically, or removes the file when there are none (its gate is open).
    static func writeOrRemove(_ bytes: [UInt8]?, at url: URL, gate: String) -> PersistenceError? {
        guard let bytes else {
            guard unlink(url.path) != 0 else { return nil }
            let code = errno
            guard code != ENOENT else { return nil }
            return .notRemoved(path: url.path, reason: String(cString: strerror(code)), gate: gate)
        }
        return bytes.withUnsafeBytes { raw -> PersistenceError? in
            do throws(PersistenceError) {
                try write(borrowing: raw, to: url)
                return nil
            } catch { return error }
        }
    }

    /// `AtomicFile.write` for bytes the caller keeps owning, the store's error turned into the
    /// conversation's. `Data` wraps the bytes without a copy: copying a 1 MB session file would
    /// touch a fresh megabyte of memory, page by page, per save.
    static func write(borrowing bytes: UnsafeRawBufferPointer, to url: URL) throws(PersistenceError) {
        let data = bytes.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: bytes.count, deallocator: .none) } ?? Data()
        do throws(StoreError) {
            try AtomicFile.write(data, to: url)
        } catch {
            guard case .writeFailed(let path, let reason) = error else { throw .writeFailed(path: url.path, reason: error.message) }
            throw .writeFailed(path: path, reason: reason)
        }
    }
}

/// Runs two independent jobs at once and returns both results.
enum ParallelPair {
    /// `first` runs on the calling thread and `second` on a pooled thread, so a save neither
    /// creates a thread nor waits for one to start before the longer job (pass it first) begins.
    static func run<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let box = ResultBox<B>()
        DispatchQueue.global(qos: .userInitiated).async {
            box.value = second()
            box.done.signal()
        }
        let firstResult = first()
        box.done.wait()
        return (firstResult, box.value!)
    }

    final class ResultBox<Value>: @unchecked Sendable {
        // Written by the worker thread before it signals, read only after the wait.
        var value: Value?
        let done = DispatchSemaphore(value: 0)
    }
}
