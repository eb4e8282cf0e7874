import Conversation
import Foundation

/// A line reader that plays back a script, then reports the end of input.
public final class ScriptedLineReader: LineReading {
    public private(set) var remaining: [ReadResult]
    public private(set) var prompts: [String] = []
    /// Called once, when the script runs out and the reader answers end of input.
    public var onEnd: (() -> Void)?

    public init(_ lines: [String]) {
        remaining = lines.map { .line($0) }
    }

    public init(results: [ReadResult]) {
        remaining = results
    }

    public func readLine(prompt: String) -> ReadResult {
        prompts.append(prompt)
        guard !remaining.isEmpty else {
            onEnd?()
            onEnd = nil
            return .endOfInput
        }
        return remaining.removeFirst()
    }
}

/// An output sink that keeps everything written.
public final class RecordingOutput: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// A persister that keeps every saved state in memory, optionally failing on demand.
public final class InMemoryPersistence: SessionPersisting {
    public private(set) var saved: [SessionState] = []
    /// The reason every save fails with, while set (as a full disk would).
    public var failWith: String?

    public init() {}

    public func save(_ snapshot: SessionSnapshot) throws(PersistenceError) {
        if let failWith { throw .writeFailed(path: "session.json", reason: failWith) }
        saved.append(snapshot.state)
    }
}

/// A clock that always says the same time, so gate timestamps are predictable in tests.
public enum FixedClock {
    public static let time = "2026-11-22T10:00:00Z"
    public static let now: @Sendable () -> String = { time }
}
