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
    public static func encode(_ state: SessionState) throws(PersistenceFailure) -> Data {
        try withEncoded(state) { Data($0) }
    }

    /// Hands the bytes of `session.json` to `body` without copying them; they are valid only
    /// during the call.
    static func withEncoded<Result>(
        _ state: SessionState, _ body: (UnsafeRawBufferPointer) throws(PersistenceFailure) -> Result
    ) throws(PersistenceFailure) -> Result {
        do {
            return try CanonicalJSONEncoder().withEncoded(state) { bytes throws(PersistenceFailure) in try body(bytes) }
        } catch let failure as PersistenceFailure {
            throw failure
        } catch {
            throw PersistenceFailure("The session could not be encoded (\(error)).")
        }
    }

    /// Writes the files atomically: each is either the old or the new version after a crash.
    ///
    /// `session.json` is produced and written on this thread, the documents on a pooled one: they
    /// are independent, and a large session spends most of a save encoding, rendering and waiting
    /// for the disk. Each file is written from the buffer it was produced in, not from a copy.
    ///
    /// `dynamodb_data_model.md` exists only while the requirements gate is passed: it is designed
    /// and rendered then (so answers before the gate cost no design), and removed when an edit
    /// re-opens the gate, since nothing downstream of an open gate may stand.
    public func save(_ state: SessionState) throws(PersistenceFailure) {
        let folder = self.folder
        let outcomes = ParallelPair.run(
            { () -> String? in
                do throws(PersistenceFailure) {
                    try Self.withEncoded(state) { bytes throws(PersistenceFailure) in
                        try AtomicFile.write(borrowing: bytes, to: folder.sessionFile, failure: PersistenceFailure.init)
                    }
                    return nil
                } catch { return error.message }
            },
            { () -> String? in
                let document = RequirementsDocument.renderUTF8(state.requirements, gateStatus: state.requirementsGateStatus)
                let failure = document.withUnsafeBytes { bytes -> String? in
                    do throws(PersistenceFailure) {
                        try AtomicFile.write(borrowing: bytes, to: folder.requirementsDocument, failure: PersistenceFailure.init)
                        return nil
                    } catch { return error.message }
                }
                return failure ?? Self.saveDesignFiles(state, in: folder)
            })
        if let message = outcomes.0 ?? outcomes.1 { throw PersistenceFailure(message) }
    }

    /// Writes the data model while the requirements gate is passed and the contract while the
    /// design gate is passed, removing each otherwise; the model is designed once for both.
    /// Returns a message on failure.
    static func saveDesignFiles(_ state: SessionState, in folder: SessionFolder) -> String? {
        let model = state.gates.requirements.isPassed ? ProvenDesign.design(state.requirements, choices: state.designChoices) : nil
        let document = model.map { DataModelDocument.renderUTF8($0, requirements: state.requirements) }
        let contract = state.gates.design.isPassed ? model.map { ContractBuilder.bytes($0, requirements: state.requirements) } : nil
        return writeOrRemove(document, at: folder.dataModelDocument, gate: "requirements")
            ?? writeOrRemove(contract, at: folder.contractFile, gate: "design")
    }

    /// Writes `bytes` atomically, or removes the file when there are none (its gate is open).
    static func writeOrRemove(_ bytes: [UInt8]?, at url: URL, gate: String) -> String? {
        guard let bytes else {
            guard unlink(url.path) != 0 else { return nil }
            let code = errno
            guard code != ENOENT else { return nil }
            return "Could not remove \(url.path) (\(String(cString: strerror(code)))); delete it by hand: the \(gate) gate is open again."
        }
        return bytes.withUnsafeBytes { raw -> String? in
            do throws(PersistenceFailure) {
                try AtomicFile.write(borrowing: raw, to: url, failure: PersistenceFailure.init)
                return nil
            } catch { return error.message }
        }
    }
}

extension AtomicFile {
    /// `write(_:to:)` with the store's error turned into the caller's.
    static func write(_ data: Data, to url: URL, failure: (String) -> PersistenceFailure) throws(PersistenceFailure) {
        do throws(StoreError) {
            try write(data, to: url)
        } catch {
            throw failure(error.message)
        }
    }

    /// `write(_:to:failure:)` for bytes the caller keeps owning. `Data` wraps them without a copy:
    /// copying a 1 MB session file would touch a fresh megabyte of memory, page by page, per save.
    static func write(borrowing bytes: UnsafeRawBufferPointer, to url: URL, failure: (String) -> PersistenceFailure) throws(PersistenceFailure) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return try write(Data(), to: url, failure: failure) }
        try write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none), to: url, failure: failure)
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
