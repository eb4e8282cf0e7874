@testable import MySQLSchema
import Testing

@Suite("Lexer")
struct LexerTests {
    /// The statements of `sql` as lists of token texts.
    private func statements(_ sql: String) -> [[String]] {
        let bytes = Array(sql.utf8)
        var lexer = Lexer(bytes: bytes)
        var tokens: [Token] = []
        var result: [[String]] = []
        while true {
            let scan = lexer.nextStatement(into: &tokens)
            let texts = tokens.dropLast().map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
            if !texts.isEmpty { result.append(texts) }
            if scan.reachedEndOfInput { return result }
        }
    }

    @Test("numbers, identifiers that start with digits, and qualified names", arguments: [
        ("SELECT 12, 1.5, .5, 1e10, 2.5E-3, 0x1F, 0b101, 1abc, 0xZZ, t1.c2, `db`.`t`", [
            "SELECT", "12", ",", "1.5", ",", ".5", ",", "1e10", ",", "2.5E-3", ",", "0x1F", ",", "0b101", ",", "1abc", ",",
            "0xZZ", ",", "t1", ".", "c2", ",", "`db`", ".", "`t`",
        ]),
        ("a--b -- comment\nc", ["a", "-", "-", "b", "c"]),
        ("a/*x*/b/*!c*/d", ["a", "b", "c", "d"]),
        ("'it''s' \"a\\\"b\" `x``y`", ["'it''s'", "\"a\\\"b\"", "`x``y`"]),
        ("é$_x ünïcødé", ["é$_x", "ünïcødé"]),
    ])
    func tokens(sql: String, expected: [String]) {
        #expect(statements(sql) == [expected])
    }

    @Test("statement splitting with delimiters, including delimiters glued to words")
    func splitting() {
        #expect(statements("a;b;;c") == [["a"], ["b"], ["c"]])
        #expect(statements("DELIMITER $$\nx; y$$ z $$\ndelimiter ;\nw;") == [["x", ";", "y"], ["z"], ["w"]])
        #expect(statements("DELIMITER //\nEND//\nDELIMITER ;") == [["END"]])
        #expect(statements("DELIMITER ;;\n/*!50003 BEGIN x; END */;;\nDELIMITER ;") == [["BEGIN", "x", ";", "END"]])
        #expect(statements("DELIMITER '$$'\nEND$$") == [["END"]])
    }

    @Test("INSERT and REPLACE keep only their first tokens")
    func dataStatementsAreShortened() {
        let values = Array(repeating: "(1, 'x')", count: 100).joined(separator: ", ")
        let lexed = statements("INSERT INTO t VALUES \(values); REPLACE INTO u VALUES \(values)")
        #expect(lexed.map(\.count) == [Lexer.skippedStatementTokenLimit, Lexer.skippedStatementTokenLimit])
        #expect(lexed.map { Array($0.prefix(3)) } == [["INSERT", "INTO", "t"], ["REPLACE", "INTO", "u"]])
    }

    @Test("lines are counted through strings, comments and quoted identifiers")
    func lines() {
        let bytes = Array("'a\nb' /* c\nd */ `e\nf`\n# g\n-- h\n  x".utf8)
        var lexer = Lexer(bytes: bytes)
        var tokens: [Token] = []
        _ = lexer.nextStatement(into: &tokens)
        #expect(tokens.map(\.line) == [1, 3, 7, 7])
        #expect(tokens[2].start - tokens[2].lineStart == 2)
    }
}
