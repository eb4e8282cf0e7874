import CLibedit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The editor's own key functions (Tab, Ctrl-C), registered with `EL_ADDFN`.
///
/// libedit calls them as C functions with only the `EditLine *`; they find the editor again
/// through `EL_CLIENTDATA`.
extension LineEditor {
    /// The editor whose `EditLine *` libedit passed to a callback.
    static func attached(to editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = ddb_el_get_clientdata(editLine) else {
            return nil
        }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Registers the key functions, binds Tab and Ctrl-C to them, and turns the terminal's
    /// signal keys off while editing so Ctrl-C reaches the editor as a key.
    func bindKeyFunctions() -> Bool {
        let registered =
            ddb_el_addfn(
                editLine, "ddbmodel-complete", "Complete the word before the cursor",
                { editLine, _ in LineEditor.attached(to: editLine)?.completeWord() ?? UInt8(CC_ERROR) }
            ) == 0
            && ddb_el_addfn(
                editLine, "ddbmodel-interrupt", "Discard the line being typed",
                { editLine, _ in LineEditor.attached(to: editLine)?.interruptLine() ?? UInt8(CC_EOF) }
            ) == 0
        guard registered,
              ddb_el_bind(editLine, "^I", "ddbmodel-complete", nil) == 0,
              ddb_el_bind(editLine, "^C", "ddbmodel-interrupt", nil) == 0,
              ddb_el_setty(editLine, "-d", "-isig", nil) == 0
        else {
            return false
        }
        // In vi mode the command-mode keymap needs the binding too.
        _ = ddb_el_bind(editLine, "-a", "^C", "ddbmodel-interrupt")
        return true
    }

    /// Tab: inserts the completion, or lists the candidates and redraws the line.
    func completeWord() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor
        else {
            return UInt8(CC_ERROR)
        }
        let bytes = UnsafeRawBufferPointer(start: start, count: cursor - start)
        let textBeforeCursor = String(decoding: bytes, as: UTF8.self)
        let outcome = CompletionMatcher.outcome(
            textBeforeCursor: textBeforeCursor, candidates: completions(textBeforeCursor))
        switch outcome {
        case .insert(let text):
            return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let words):
            writeToTerminal("\n" + words.joined(separator: "  ") + "\n")
            return UInt8(CC_REDISPLAY)
        case .nothing:
            return UInt8(CC_REFRESH_BEEP)
        }
    }

    /// Ctrl-C: ends this read without accepting the line (``LineEditor/readLine(prompt:)`` sees
    /// the flag and returns ``LineInput/interrupted``).
    func interruptLine() -> UInt8 {
        interruptRequested = true
        // Move the terminal cursor after the text, so the newline printed next does not cut the
        // line: rewriting the characters already shown right of the cursor does exactly that.
        if let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar,
           end > cursor {
            writeToTerminal(String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor), as: UTF8.self))
        }
        return UInt8(CC_NEWLINE)
    }
}
