import Foundation
import Testing
import TestSupport

/// The line editor inside the real `ddbmodel`, driven through a pseudo-terminal.
///
/// Serialized: each test forks, and a fork taken while another test's pseudo-terminal is being
/// opened would hand that terminal to the wrong child.
@Suite("ddbmodel at a terminal", .serialized)
struct InteractiveSessionTests {
    /// Keys as an xterm sends them.
    enum Key {
        static let tab = "\t"
        static let enter = "\r"
        static let up = "\u{1B}[A"
        static let interrupt = "\u{03}"
        static let endOfFile = "\u{04}"
    }

    @Test("Tab completes a slash command")
    func tabCompletesSlashCommand() throws {
        let sandbox = try DDBModelSandbox()
        defer { sandbox.remove() }
        let session = try sandbox.startNewSession("shop")
        defer { session.terminate() }

        try session.expectOutput("domain")
        try session.waitForPrompt()
        try session.send("/he")
        try session.expectCursorLine(containing: "> /he")
        try session.send(Key.tab)
        try session.expectCursorLine(containing: "> /help")
        let beforeHelp = session.mark
        try session.send(Key.enter)
        try session.expectOutput("/quit", since: beforeHelp)
        try session.waitForPrompt(since: beforeHelp)
        try session.send("/quit" + Key.enter)
        #expect(try session.waitForExit() == 0)
    }

    @Test("Up recalls lines from an earlier session's history")
    func historySurvivesResume() throws {
        let sandbox = try DDBModelSandbox()
        defer { sandbox.remove() }

        let first = try sandbox.startNewSession("shop")
        defer { first.terminate() }
        try first.expectOutput("domain")
        try first.waitForPrompt()
        let beforeAnswer = first.mark
        try first.send("retail" + Key.enter)
        try first.waitForPrompt(since: beforeAnswer)
        try first.send("/quit" + Key.enter)
        #expect(try first.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.historyFile.path))

        let resumed = try sandbox.resumeSession("shop")
        defer { resumed.terminate() }
        try resumed.waitForPrompt()
        try resumed.send(Key.up)
        try resumed.expectCursorLine(containing: "> /quit")
        try resumed.send(Key.up)
        try resumed.expectCursorLine(containing: "> retail")
        let beforeInterrupt = resumed.mark
        try resumed.send(Key.interrupt)
        try resumed.waitForPrompt(since: beforeInterrupt, after: "^C")
        try resumed.send("/quit" + Key.enter)
        #expect(try resumed.waitForExit() == 0)
    }

    @Test("Ctrl-C discards the line being typed, even an empty one, and the session goes on")
    func interruptDiscardsLine() throws {
        let sandbox = try DDBModelSandbox()
        defer { sandbox.remove() }
        let session = try sandbox.startNewSession("shop")
        defer { session.terminate() }

        try session.expectOutput("domain")
        try session.waitForPrompt()
        try session.send("garbage")
        try session.expectCursorLine(containing: "> garbage")
        var mark = session.mark
        try session.send(Key.interrupt)
        try session.waitForPrompt(since: mark, after: "^C")
        // On an empty line Ctrl-C must not look like Ctrl-D (end of input).
        mark = session.mark
        try session.send(Key.interrupt)
        try session.waitForPrompt(since: mark, after: "^C")
        mark = session.mark
        try session.send("retail" + Key.enter)
        try session.waitForPrompt(since: mark)
        try session.send("/quit" + Key.enter)
        #expect(try session.waitForExit() == 0)
        #expect(try sandbox.savedDomain(of: "shop") == "retail")
    }

    @Test("Ctrl-D on an empty line saves and exits, saying how to resume")
    func endOfFileSavesAndExits() throws {
        let sandbox = try DDBModelSandbox()
        defer { sandbox.remove() }
        let session = try sandbox.startNewSession("shop")
        defer { session.terminate() }

        try session.waitForPrompt()
        let mark = session.mark
        try session.send(Key.endOfFile)
        #expect(try session.waitForExit() == 0)
        #expect(session.text(since: mark).contains("resume"))
    }

    @Test("Non-ASCII answers arrive intact", arguments: [nil, "C.UTF-8"])
    func nonASCIIAnswer(locale: String?) throws {
        let sandbox = try DDBModelSandbox()
        defer { sandbox.remove() }
        let session = try sandbox.startNewSession("shop", locale: locale)
        defer { session.terminate() }

        try session.expectOutput("domain")
        try session.waitForPrompt()
        try session.send("café")
        try session.expectCursorLine(containing: "> café")
        let mark = session.mark
        try session.send(Key.enter)
        try session.waitForPrompt(since: mark)
        try session.send("/quit" + Key.enter)
        #expect(try session.waitForExit() == 0)
        #expect(try sandbox.savedDomain(of: "shop") == "café")
    }
}
