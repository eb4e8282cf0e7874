import Foundation
import Requirements

/// What one read at the prompt produced.
public enum ReadResult: Sendable, Equatable {
    case line(String)
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the conversation reads lines from: a libedit prompt, a pipe, or a test script.
public protocol LineReading: AnyObject {
    func readLine(prompt: String) -> ReadResult
}

/// Where the conversation writes text: the terminal, or a test's buffer.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

/// Saves the session after every accepted answer.
public protocol SessionPersisting: AnyObject {
    /// Writes `session.json`, `dynamodb_requirement.md` and, as far as the gates allow, the data
    /// model and the contract; throws a message on failure.
    func save(_ snapshot: SessionSnapshot) throws(PersistenceError)
}

/// Why a save failed. Callers can match the case; `message` is the sentence the user reads
/// (the command line prints it, never the value).
public enum PersistenceError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The session could not be turned into JSON (a value JSON cannot hold).
    case notEncodable(reason: String)
    /// A file could not be replaced; its previous version is still in place.
    case writeFailed(path: String, reason: String)
    /// A file whose gate is open again could not be removed; the user must delete it by hand.
    case notRemoved(path: String, reason: String, gate: String)

    public var message: String {
        switch self {
        case .notEncodable(let reason): return "The session could not be encoded (\(reason))."
        case .writeFailed(let path, let reason): return "Could not save \(path): \(reason). The previous version of the file is unchanged."
        case .notRemoved(let path, let reason, let gate):
            return "Could not remove \(path) (\(reason)); delete it by hand: the \(gate) gate is open again."
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}

/// How a guided session ended.
public enum SessionEnd: Sendable, Equatable {
    case quit
    case endOfInput
}

/// Runs the conversation against a reader, an output and a persister: ask, read, handle, save.
public final class ConversationLoop {
    public private(set) var conversation: Conversation
    let reader: any LineReading
    let output: any OutputSink
    let persistence: any SessionPersisting
    /// On a terminal the prompt is decorated; piped sessions print plain text only.
    let prompt: String
    /// Whether the files hold the current state: the way out saves only when they do not (a
    /// save failed, or the loop started from a state nobody saved). Saving a 40,000-entity
    /// session again for nothing took seconds.
    private var stateIsSaved: Bool

    /// - Parameter stateIsSaved: whether `conversation`'s state is already on disk (the runner
    ///   saves it before the loop starts).
    public init(conversation: Conversation, reader: any LineReading, output: any OutputSink,
                persistence: any SessionPersisting, interactive: Bool, stateIsSaved: Bool = false) {
        self.conversation = conversation
        self.reader = reader
        self.output = output
        self.persistence = persistence
        self.prompt = interactive ? "> " : ""
        self.stateIsSaved = stateIsSaved
    }

    /// Asks questions until the user quits or input ends. The session is saved after every
    /// change, and on the way out when the last save failed, so nothing answered is lost.
    public func run() -> SessionEnd {
        var askAgain = true
        while true {
            if askAgain { output.write(Self.questionText(conversation.question) + "\n") }
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                if !stateIsSaved { save() }
                return .endOfInput
            case .interrupted:
                askAgain = false
            case .line(let line):
                let reply = conversation.handle(line)
                for message in reply.messages { output.write(message + "\n") }
                if reply.changed { save() }
                if reply.quit {
                    if !stateIsSaved { save() }
                    return .quit
                }
                askAgain = true
            }
        }
    }

    /// The question, with the value Enter keeps in brackets.
    static func questionText(_ question: Question) -> String {
        guard let current = question.currentAnswer else { return question.text }
        return "\(question.text) [\(current)]"
    }

    func save() {
        do throws(PersistenceError) {
            try persistence.save(conversation.snapshot)
            stateIsSaved = true
        } catch {
            stateIsSaved = false
            output.write("\(error.message) Your answers are kept in this session; fix the problem and answer again, or /quit to retry saving.\n")
        }
    }
}
