import ArgumentParser
import Conversation
import Foundation
import LineEditing
import SessionStore
import ShellQuoting

/// Opens a session (lock, first save) and runs the guided conversation on the terminal or on
/// piped input.
struct SessionRunner {
    let folder: SessionFolder
    let state: SessionState
    let environment: CommandEnvironment
    var lock: SessionLock?

    init(folder: SessionFolder, state: SessionState, environment: CommandEnvironment, lock: SessionLock? = nil) {
        self.folder = folder
        self.state = state
        self.environment = environment
        self.lock = lock
    }

    func run(isNew: Bool) throws {
        let lock = try self.lock ?? environment.failing { () throws(StoreError) in try SessionLock.acquire(folder) }
        defer { lock.release() }
        // Holding the lock, no other ddbmodel saves here: what a killed one left can go.
        StaleTemporaryFiles.remove(in: folder)
        let persistence = SessionFile(folder: folder)
        let displayPath = Self.displayPath(folder.url, from: environment.currentDirectory)
        let conversation = Conversation(state: state, clock: ISOClock.now,
                                        schemaReader: DiskSchemaReader(currentDirectory: environment.currentDirectory),
                                        modelValidator: SessionModelValidator(folder: folder), sessionPath: displayPath,
                                        trafficReader: DiskTrafficReader(currentDirectory: environment.currentDirectory, errors: environment.errors))
        // Written at once, also on resume: a process killed between writing session.json and
        // the document leaves the document one answer behind, and this brings it up to date.
        try environment.failing { () throws(PersistenceError) in try persistence.save(conversation.snapshot) }
        let interactive = TerminalInfo.isInteractive
        environment.output.write(isNew
            ? "New session \(state.name) in \(displayPath)/ (type /help for commands).\n"
            : "Resuming session \(state.name) from \(displayPath)/ at: \(conversation.state.step.section).\n")
        let bridge = CompletionBridge()
        let reader: any LineReading
        if interactive, let editor = LineEditor(programName: "ddbmodel", historyFile: environment.historyFile, completions: bridge.completions) {
            reader = TerminalLineReader(editor: editor)
        } else {
            reader = PipedLineReader()
        }
        let loop = ConversationLoop(conversation: conversation, reader: reader, output: environment.output,
                                    persistence: persistence, interactive: interactive, stateIsSaved: true)
        bridge.loop = loop
        let end = loop.run()
        let ending = end == .quit ? "Saved." : "End of input: saved."
        environment.output.write("\(ending) Resume with: \(ShellQuoting.command(["ddbmodel", "resume", displayPath]))\n")
    }

    /// The folder relative to the working directory when it is inside it (shorter to retype).
    /// A relative path starting with `-` gets `./` so the pasted command does not read it as an
    /// option.
    static func displayPath(_ url: URL, from directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        let relative = String(path.dropFirst(base.count + 1))
        return relative.hasPrefix("-") ? "./" + relative : relative
    }
}

/// Lets the line editor ask the running conversation for completions without owning it.
final class CompletionBridge {
    weak var loop: ConversationLoop?

    func completions(_ lineBeforeCursor: String) -> [String] {
        loop?.conversation.completions(for: lineBeforeCursor) ?? []
    }
}

/// The libedit prompt, remembering every accepted line in the history file.
final class TerminalLineReader: LineReading {
    let editor: LineEditor

    init(editor: LineEditor) {
        self.editor = editor
    }

    func readLine(prompt: String) -> ReadResult {
        switch editor.readLine(prompt: prompt) {
        case .line(let line):
            editor.remember(line)
            return .line(line)
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        }
    }
}

/// Plain lines from a pipe or file: no prompt, no escape codes.
final class PipedLineReader: LineReading {
    let reader = PlainLineReader()

    func readLine(prompt: String) -> ReadResult {
        switch reader.readLine() {
        case .line(let line): return .line(line)
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        }
    }
}

extension StandardStream: OutputSink {}
