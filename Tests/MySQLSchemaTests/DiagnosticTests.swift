import MySQLSchema
import Testing

@Suite("Diagnostics: exact positions, and recovery at the next statement")
struct DiagnosticTests {
    @Test("a syntax error names file, line and column of the offending token and the statement's start; later statements import")
    func syntaxErrorAndRecovery() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE before_it (id int);
            CREATE TABLE broken (
              id int NOT NULL,
              name varchar(20) NOT NULL DEFAULT 'x' SOMETHING_ODD,
              other int
            );
            CREATE TABLE after_it (id int);
            """, file: "db/schema.sql")
        #expect(schema.tables.map(\.name) == ["before_it", "after_it"])
        #expect(schema.diagnostics == [
            SchemaDiagnostic(
                file: "db/schema.sql", line: 4, column: 41,
                message: "expected a column attribute, `,` or `)` in the definition of column `name`, found `SOMETHING_ODD`; statement skipped",
                statementStart: "CREATE TABLE broken ( id int NOT NULL, name varchar(20) NOT…"
            ),
        ])
        #expect(schema.diagnostics.first?.description
            == "db/schema.sql:4:41: expected a column attribute, `,` or `)` in the definition of column `name`, found `SOMETHING_ODD`; statement skipped (statement starts: CREATE TABLE broken ( id int NOT NULL, name varchar(20) NOT…)")
    }

    @Test("syntax errors in each kind of statement", arguments: [
        ("CREATE TABLE (id int);", "1:14 expected a table name after CREATE TABLE, found `(`; statement skipped"),
        ("CREATE TABLE t id int;", "1:16 expected `(` and the table's columns after the table name, found `id`; statement skipped"),
        ("CREATE TABLE t (id int,);", "1:24 expected a column definition, or a key or constraint definition, found `)`; statement skipped"),
        ("CREATE TABLE t (id int", "1:23 expected `,` or `)` after the definition of column `id`, found the end of the statement; statement skipped"),
        ("CREATE TABLE t (id);", "1:19 expected a data type for column `id`, found `)`; statement skipped"),
        ("CREATE TABLE t (id NOT NULL);", "1:20 expected a data type for column `id`, found `NOT`; statement skipped"),
        ("CREATE TABLE t (id int DEFAULT);", "1:31 expected a default value after DEFAULT, found `)`; statement skipped"),
        ("CREATE TABLE t (id int, KEY (id);", "1:33 expected `,` or `)` after the constraint definition, found the end of the statement; statement skipped"),
        ("CREATE TABLE t (id int, FOREIGN KEY (id) REFERENCES p (id) ON DELETE EXPLODE);", "1:70 expected RESTRICT, CASCADE, SET NULL, SET DEFAULT or NO ACTION, found `EXPLODE`; statement skipped"),
        ("CREATE TABLE t (id int CHECK id > 0);", "1:30 expected `(` and the check's expression after CHECK, found `id`; statement skipped"),
        ("CREATE TABLE t (s enum());", "1:24 expected a quoted ENUM member, found `)`; statement skipped"),
        ("CREATE TABLE t (v varchar(x));", "1:27 expected a length, found `x`; statement skipped"),
        ("CREATE TABLE t (v varchar(99999999999));", "1:27 `99999999999` is too large for a length; statement skipped"),
        ("CREATE TABLE t (id int) ENGINE;", "1:31 expected an engine name after ENGINE, found the end of the statement; statement skipped"),
        ("CREATE TABLE t (id int) BOGUS;", "1:25 expected a table option (ENGINE=, DEFAULT CHARSET=, COMMENT=, ...) or the end of the statement, found `BOGUS`; statement skipped"),
        ("CREATE TABLE t (id int DEFAULT ((1 + 2);", "1:32 unbalanced parentheses: this `(` is never closed; statement skipped"),
        ("ALTER TABLE t FROBNICATE;", "1:15 expected an alteration such as ADD, DROP, MODIFY, CHANGE, ALTER, RENAME or a table option, found `FROBNICATE`; statement skipped"),
        ("ALTER TABLE t ADD COLUMN;", "1:25 expected a column definition, or a key or constraint definition, found the end of the statement; statement skipped"),
        ("ALTER TABLE t RENAME COLUMN a b;", "1:31 expected TO and the new column name, found `b`; statement skipped"),
        ("CREATE WIDGET w;", "1:8 expected TABLE, INDEX, VIEW, TRIGGER, PROCEDURE, FUNCTION, EVENT or DATABASE after CREATE, found `WIDGET`; statement skipped"),
        ("FROBNICATE everything;", "1:1 expected a statement such as CREATE TABLE or ALTER TABLE, found `FROBNICATE`; statement skipped"),
        ("(SELECT 1);", "1:1 expected a statement such as CREATE TABLE or ALTER TABLE, found `(`; statement skipped"),
        ("RENAME TABLE a b;", "1:16 expected TO and the new table name, found `b`; statement skipped"),
        ("DROP TABLE;", "1:11 expected a table name, found the end of the statement; statement skipped"),
        ("CREATE INDEX i t (a);", "1:16 expected ON and a table name after the index name, found `t`; statement skipped"),
    ])
    func syntaxErrors(sql: String, expected: String) {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (id int);\n" + sql)
        let found = schema.diagnostics.map { "\($0.line - 1):\($0.column) \($0.message)" }
        #expect(found == [expected])
    }

    @Test("several bad statements in several files: each reported once, the rest imports")
    func recoveryAcrossFiles() {
        let schema = SchemaTestSupport.parse(files: [
            (name: "one.sql", text: "CREATE TABLE a (id int);\nCREATE TABLE b (id int bogus);\nCREATE TABLE c (id int);"),
            (name: "two.sql", text: "ALTER TABLE a ADD x int;\nALTER TABLE a ADD ADD;\nALTER TABLE c ADD y int;\nGARBAGE;\nCREATE TABLE d (id int);"),
        ])
        #expect(schema.tables.map(\.name) == ["a", "c", "d"])
        #expect(schema.table(named: "a")?.columns.map(\.name) == ["id", "x"])
        #expect(schema.table(named: "c")?.columns.map(\.name) == ["id", "y"])
        #expect(schema.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["one.sql:2:24", "two.sql:2:22", "two.sql:4:1"])
    }

    @Test("columns count Unicode characters, not bytes; tabs count as one")
    func unicodeColumns() {
        let schema = SchemaTestSupport.parse("CREATE TABLE `日本語` (\n\t`名前` varchar(10) 💥);")
        #expect(schema.diagnostics.map { "\($0.line):\($0.column)" } == ["2:19"])
        #expect(schema.diagnostics.first?.message == "expected a column attribute, `,` or `)` in the definition of column `名前`, found `💥`; statement skipped")
    }

    @Test("unterminated quotes and comments are reported where they open")
    func unterminated() {
        let cases: [(sql: String, diagnostic: String, tables: [String])] = [
            ("CREATE TABLE a (id int);\nCREATE TABLE t (id int DEFAULT 'oops);\nCREATE TABLE u (id int);",
             "2:32 unterminated string: the ' here has no closing ' before the end of the file; statement skipped", ["a"]),
            ("CREATE TABLE `t (id int);",
             "1:14 unterminated quoted identifier: the ` here has no closing ` before the end of the file; statement skipped", []),
            ("CREATE TABLE a (id int);\n  /* never closed\nCREATE TABLE b (id int);",
             "2:3 unterminated comment: `/*` has no `*/` before the end of the file", ["a"]),
            // The comment swallows the end of the statement, so the statement is not complete.
            ("CREATE TABLE a (id int) /* never closed",
             "1:25 unterminated comment: `/*` has no `*/` before the end of the file; statement skipped", []),
            // The `;` inside the versioned comment ends the SET; the comment itself is never closed.
            ("/*!40101 SET NAMES utf8;", "1:1 unterminated `/*!` comment: no `*/` before the end of the file", []),
            ("/*!40101 CREATE TABLE a (id int)", "1:1 unterminated `/*!` comment: no `*/` before the end of the file; statement skipped", []),
        ]
        for (sql, diagnostic, tables) in cases {
            let schema = SchemaTestSupport.parse(sql)
            #expect(schema.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [diagnostic], "\(sql)")
            #expect(schema.tables.map(\.name) == tables, "\(sql)")
        }
    }

    @Test("DELIMITER problems")
    func delimiterProblems() {
        let withoutValue = SchemaTestSupport.parse("DELIMITER\nCREATE TABLE t (id int);")
        #expect(withoutValue.tables.map(\.name) == ["t"])
        #expect(withoutValue.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "1:1 DELIMITER needs a delimiter, such as `DELIMITER ;;` or `DELIMITER $$`; the line is ignored",
        ])

        let neverEnded = SchemaTestSupport.parse("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END\nCREATE TABLE t (id int);\n")
        #expect(neverEnded.tables.isEmpty)
        #expect(neverEnded.skipped.map(\.kind) == [.procedure])
        #expect(neverEnded.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "2:1 the file ends inside this statement: DELIMITER $$ (line 1) is still in effect and no $$ ends the statement",
        ])

        let semicolon = SchemaTestSupport.parse("DELIMITER //\nCREATE TABLE t (id int);\nCREATE TABLE u (id int)//\n")
        #expect(semicolon.tables.isEmpty)
        #expect(semicolon.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "2:24 expected a table option (ENGINE=, DEFAULT CHARSET=, COMMENT=, ...) or the end of the statement, found `;` (`;` does not end a statement while DELIMITER sets another delimiter); statement skipped",
        ])
    }

    @Test("identifiers longer than MySQL's 64 characters are reported")
    func longIdentifier() {
        let name = String(repeating: "n", count: 65)
        let schema = SchemaTestSupport.parse("CREATE TABLE t (\(name) int);")
        #expect(schema.tables.first?.columns.first?.name == name)
        #expect(schema.diagnostics.map(\.message) == ["identifier `\(String(repeating: "n", count: 40))…` is 65 characters long; MySQL allows at most 64"])
    }

    @Test("bytes that are not UTF-8 are reported once per file and read as U+FFFD")
    func invalidUTF8() {
        let bytes = Array("CREATE TABLE t (\n  a int COMMENT 'caf".utf8) + [0xE9] + Array("', b int);".utf8)
        let schema = SchemaParser.parse([SchemaSource(name: "latin1.sql", bytes: bytes)])
        #expect(schema.tables.first?.columns.first?.comment == "caf\u{FFFD}")
        #expect(schema.diagnostics.map(\.description) == ["latin1.sql:2:21: the file is not valid UTF-8 from here on; such bytes are read as U+FFFD"])
    }

    @Test("a long statement start is cut at 60 characters and kept on one line")
    func statementStart() {
        let schema = SchemaTestSupport.parse("CREATE   TABLE\n\n  t (\n\tid int, x int, y int, z int, a_long_column_name int, !)")
        #expect(schema.diagnostics.first?.statementStart == "CREATE TABLE t ( id int, x int, y int, z int, a_long_column_…")
    }
}
