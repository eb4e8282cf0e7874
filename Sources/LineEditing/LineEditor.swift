import CLibedit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a terminal with libedit: editing, history, Tab completion, Ctrl-C as a key.
///
/// One editor serves a whole session. libedit calls back into it (prompt, Tab, Ctrl-C) through
/// `EL_CLIENTDATA`, so no Swift globals are involved. Every accepted line goes into the history,
/// which is written to `historyFile` straight away: a session killed later loses nothing.
///
/// Ctrl-C is a key while editing (the terminal's `isig` is turned off only for that time): it
/// discards the line being typed and ``readLine(prompt:)`` returns ``LineInput/interrupted``.
/// Outside editing Ctrl-C is a signal again, so it still stops a long-running step.
///
/// Not thread-safe: libedit and the terminal database behind it keep global state, so create
/// and use editors from one thread at a time (a session needs only one).
public final class LineEditor {
    /// The libedit instance (`EditLine *`).
    let editLine: OpaquePointer
    /// The history list (`History *`) shared with libedit for Up/Down and searches.
    private let history: OpaquePointer
    private let historyFile: String?
    /// Returns the full candidate words for the word before the cursor.
    let completions: (String) -> [String]
    /// The NUL-terminated prompt libedit's prompt callback hands out; owned here because libedit
    /// keeps reading it while the line is edited.
    private(set) var promptBuffer: UnsafeMutablePointer<CChar>
    /// The line most recently added to the history, so remembering it again (callers may repeat
    /// what ``readLine(prompt:)`` already stored) does not rewrite the file.
    private var lastRemembered: String?
    /// Set by the Ctrl-C key function; read after `el_gets` returns, because an interrupted empty
    /// line comes back exactly like end of input (no text, count 0).
    var interruptRequested = false

    /// Creates an editor reading standard input and drawing on standard output.
    ///
    /// - Parameters:
    ///   - programName: The name `~/.editrc` lines can be scoped to (`ddbmodel:bind ...`).
    ///   - historyFile: Loaded at start if it exists; saved after every accepted line, so a killed
    ///     process loses nothing. `nil` keeps history in memory only.
    ///   - completions: Gets the text before the cursor and returns the full candidate words for
    ///     the word being typed (the last whitespace-separated word, possibly empty). The editor
    ///     inserts the remainder of a unique match or the prefix all matches share; otherwise it
    ///     lists the candidates and redraws the line.
    /// - Returns: `nil` (never a crash) if libedit cannot be initialised.
    public init?(programName: String, historyFile: String?, completions: @escaping (String) -> [String]) {
        Self.useUTF8CharacterLocale()
        guard let editLine = el_init(programName, ddb_stdin(), ddb_stdout(), ddb_stderr()) else {
            return nil
        }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        guard let promptBuffer = strdup("") else {
            history_end(history)
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        self.completions = completions
        self.promptBuffer = promptBuffer
        // From here a failure releases `self`, and `deinit` frees what was created above.
        guard configure() else {
            return nil
        }
    }

    deinit {
        // el_end puts the terminal back the way it was found.
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    /// Shows `prompt` and reads one edited line.
    ///
    /// The prompt should be plain text; non-printing sequences (colour codes) must be wrapped in
    /// `"\u{1}"` on both sides so libedit does not count them as columns. Each non-blank accepted
    /// line is added to the history and the history file is saved.
    public func readLine(prompt: String) -> LineInput {
        setPrompt(prompt)
        // Output the caller wrote without a newline must appear before the prompt.
        fflush(nil)
        while true {
            interruptRequested = false
            var count: Int32 = 0
            let text = el_gets(editLine, &count)
            if interruptRequested {
                // The cursor sits after the abandoned text; leave it visible and start afresh below.
                writeToTerminal("^C\n")
                return .interrupted
            }
            if count < 0 && errno == EINTR {
                continue
            }
            guard let text, count > 0 else {
                // Ctrl-D leaves the cursor after the prompt; whatever the caller prints next
                // belongs on its own line.
                writeToTerminal("\n")
                return .endOfInput
            }
            let line = Self.removingLineEnding(String(cString: text))
            remember(line)
            return .line(line)
        }
    }

    /// Adds a non-empty line to history and saves the history file.
    ///
    /// Lines read by ``readLine(prompt:)`` are already remembered; repeating the most recent line
    /// adds nothing and saves nothing (consecutive entries are kept unique). Blank lines are
    /// ignored.
    public func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastRemembered else {
            return
        }
        lastRemembered = line
        _ = ddb_history_enter(history, line)
        if let historyFile {
            // A failed save (read-only home, full disk) must not break the session.
            _ = ddb_history_save(history, historyFile)
        }
    }

    /// Writes text to the terminal through the stream libedit draws on, keeping the two in order.
    func writeToTerminal(_ text: String) {
        fputs(text, ddb_stdout())
        fflush(ddb_stdout())
    }

    private func setPrompt(_ prompt: String) {
        guard let copy = strdup(prompt) else {
            return
        }
        free(promptBuffer)
        promptBuffer = copy
    }

    /// Sets up callbacks, history and key bindings; `false` if libedit refused a required setting.
    private func configure() -> Bool {
        guard ddb_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque()) == 0,
              ddb_el_set_prompt(editLine, { LineEditor.attached(to: $0)?.promptBuffer }, 1) == 0,
              ddb_el_set_editor(editLine, "emacs") == 0,
              ddb_history_setsize(history, 1000) >= 0,
              ddb_history_setunique(history, 1) >= 0,
              ddb_el_set_history(editLine, history) == 0
        else {
            return false
        }
        // With signal handling on, a signal that arrives while editing (SIGTERM, SIGHUP, a
        // resize) restores the terminal or redraws instead of leaving it in raw mode.
        _ = ddb_el_set_signal(editLine, 1)
        if let historyFile, access(historyFile, R_OK) == 0 {
            // An unreadable or foreign file only costs the old history.
            _ = ddb_history_load(history, historyFile)
        }
        // The user's ~/.editrc (vi mode, extra bindings) applies; a missing file is normal.
        _ = el_source(editLine, nil)
        // Bound after ~/.editrc: `bind -v` there would otherwise reset these keys.
        return bindKeyFunctions()
    }

    /// Chooses a UTF-8 character locale so libedit accepts non-ASCII keys (`café`).
    ///
    /// libedit decodes keystrokes with the C library's multibyte functions: in the default "C"
    /// locale it silently drops every non-ASCII byte. The user's locale wins when it is UTF-8;
    /// otherwise (unset, POSIX, a legacy charset) C.UTF-8 is used, since Swift strings are UTF-8.
    private static func useUTF8CharacterLocale() {
        if setlocale(LC_CTYPE, "") != nil, let codeset = nl_langinfo(nl_item(CODESET)),
           String(cString: codeset) == "UTF-8" {
            return
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    /// The line without the newline libedit leaves at its end.
    private static func removingLineEnding(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, last == "\n" || last == "\r" {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }
}
