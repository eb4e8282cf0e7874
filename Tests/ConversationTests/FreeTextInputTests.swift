import Conversation
import MySQLSchema
import Requirements
import Testing
import TestSupport

/// Control characters, escape sequences and outsized text typed at the prompt are refused where
/// they come in, with the character and its place named, and nothing of them is kept or echoed.
@Suite struct FreeTextInputTests {
    static let rule = "control characters, terminal escape sequences and bidirectional-text overrides are not accepted. Remove it and try again."

    /// Each at the domain question, and as part of a one-line command.
    @Test(arguments: [
        ("Shop\u{1B}[2J", "the control character U+001B (ESC) at character 5"),
        ("Shop\u{0}", "the control character U+0000 (NUL) at character 5"),
        ("a\u{7F}b", "the control character U+007F (DEL) at character 2"),
        ("a\u{85}b", "the control character U+0085 (NEL) at character 2"),
        ("a\u{9B}31m", "the control character U+009B (CSI) at character 2"),
        ("\u{202E}gnp.exe", "the bidirectional-text control U+202E (RLO) at character 1"),
        ("ab\rcd", "the control character U+000D (carriage return) at character 3"),
    ])
    func aControlCharacterIsRefusedWithItsNameAndPlace(text: String, named: String) {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        let before = conversation.state
        let reply = conversation.handle(text)
        #expect(reply.messages == ["The line contains \(named); \(Self.rule)"])
        #expect(!reply.changed)
        #expect(conversation.state == before)

        let command = conversation.handle("/overview domain=\"\(text)\"")
        #expect(command.messages.count == 1)
        #expect(command.messages.first?.hasPrefix("The line contains ") == true)
        #expect(conversation.state == before)
        #expect(!(reply.messages + command.messages).joined().unicodeScalars.contains { FreeText.isForbidden($0) }, "nothing is echoed")
    }

    @Test func aTabIsText() {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        #expect(conversation.handle("e-commerce\tretail").changed)
        #expect(conversation.state.requirements.overview.domain == "e-commerce\tretail")
    }

    /// A description holds at most 4 KB: 4,096 bytes are taken, one more is refused with the size.
    @Test func aDescriptionIsBoundedAt4KB() throws {
        var conversation = Conversation(state: SessionState(name: "shop", requirements: Requirements(), step: .patternDescription), clock: FixedClock.now)
        let refused = conversation.handle(String(repeating: "d", count: 4_097))
        #expect(refused.messages == ["The description is 4,097 bytes long; at most 4,096 (4 KB) are accepted. Shorten it, and keep longer material in a document of its own."])
        #expect(conversation.state.requirements.accessPatterns.isEmpty)
        #expect(conversation.handle(String(repeating: "d", count: 4_096)).changed)
        #expect(conversation.state.requirements.accessPatterns.first?.description.utf8.count == 4_096)
    }

    @Test func theBusinessContextIsBoundedAt16KBAndALineAt64KB() {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        _ = conversation.handle("shop")
        #expect(conversation.handle(String(repeating: "c", count: 16_385)).messages
            == ["The business context is 16,385 bytes long; at most 16,384 (16 KB) are accepted. Shorten it, and keep longer material in a document of its own."])
        #expect(conversation.handle(String(repeating: "c", count: 65_537)).messages
            == ["The line is 65,537 bytes long; at most 65,536 (64 KB) are accepted. Shorten it, and keep longer material in a document of its own."])
        #expect(conversation.state.requirements.overview.businessContext == nil)
        #expect(conversation.handle(String(repeating: "c", count: 16_384)).changed)
    }

    /// A table whose name (or any text of it) holds a control character stays out of the import;
    /// the warning shows the name escaped, and the rest of the schema is imported.
    @Test func aSchemaTableWithAControlCharacterIsLeftOut() {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        let schema = """
            CREATE TABLE `evil\u{1B}]0;owned\u{7}` (id int PRIMARY KEY);
            CREATE TABLE paint (id int PRIMARY KEY, colour enum('red','gr\u{1B}[32meen'));
            CREATE TABLE users (id int PRIMARY KEY, email varchar(40));
            """
        let messages = conversation.importSchema([SchemaSource(name: "s.sql", text: schema)])
        #expect(conversation.state.requirements.entities.map(\.name) == ["User"])
        #expect(conversation.state.sourceSchema?.tables.map(\.name) == ["users"])
        let summary = messages.joined(separator: "\n")
        #expect(summary.contains("Table evil\\u{1B}]0;owned\\u{7} was not imported: its name contains the control character U+001B (ESC) at character 5."))
        #expect(summary.contains("Table paint was not imported: a value of column colour gr\\u{1B}[32meen contains the control character U+001B (ESC) at character 3."))
        #expect(!summary.unicodeScalars.contains { FreeText.isForbidden($0, allowingLineBreaks: true) }, "the summary echoes nothing raw")
    }
}
