import Testing
import TestSupport

/// The pseudo-terminal tests read the screen through this emulator, so its basics are checked.
@Suite("Terminal screen rendering")
struct TerminalScreenTests {
    private func render(_ text: String) -> TerminalScreen {
        TerminalScreen(rendering: Array(text.utf8), rows: 4, columns: 20)
    }

    @Test("Carriage return overwrites, erase to end of line clears the rest")
    func overwriteAndErase() {
        #expect(render("> /quit\r> retail").cursorLine == "> retail")
        #expect(render("> /quitting\r> re\u{1B}[K").cursorLine == "> re")
    }

    @Test("Cursor moves, deletes and inserts edit the line in place")
    func editingSequences() {
        #expect(render("> abc\u{08}\u{08}\u{1B}[P").cursorLine == "> ac")
        #expect(render("> ac\u{1B}[1D\u{1B}[@b").cursorLine == "> abc")
        #expect(render("> ac\u{1B}[1D\u{1B}[4hb\u{1B}[4l").cursorLine == "> abc")
    }

    @Test("Line feeds move down and scroll at the bottom")
    func scrolling() {
        let screen = render("one\r\ntwo\r\nthree\r\nfour\r\nfive")
        #expect(screen.lines == ["two", "three", "four", "five"])
        #expect(screen.cursorLine == "five")
    }

    @Test("Non-ASCII text takes one cell per character")
    func nonASCII() {
        #expect(render("> café\u{08}\u{1B}[K").cursorLine == "> caf")
    }
}
