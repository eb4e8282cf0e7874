import MySQLSchema
import SeededRandom
import Testing

@Suite("Nasty inputs: never a crash, always a diagnostic")
struct NastyInputTests {
    static let nastyFiles = SchemaTestSupport.corpusFileNames(in: "nasty")

    @Test("the corpus is there")
    func corpusIsPresent() {
        #expect(Self.nastyFiles.count >= 20)
    }

    @Test("each nasty file imports without crashing and reports a problem", arguments: nastyFiles)
    func nastyFile(name: String) throws {
        let bytes = try SchemaTestSupport.corpusFile("nasty/" + name)
        let schema = SchemaParser.parse([SchemaSource(name: name, bytes: bytes)])
        #expect(!schema.diagnostics.isEmpty)
        for diagnostic in schema.diagnostics {
            #expect(diagnostic.file == name)
            #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
            #expect(!diagnostic.statementStart.contains("\n"))
            #expect(diagnostic.statementStart.count <= 61)
        }
        // The same file as text (already valid Unicode, U+FFFD for any invalid byte) reads the
        // same: the same tables and the same problems, less the one about the file's encoding.
        // Only columns may differ after an invalid byte: U+FFFD takes three bytes where it took one.
        let fromText = SchemaParser.parse([SchemaSource(name: name, text: String(decoding: bytes, as: UTF8.self))])
        let encoding = "the file is not valid UTF-8 from here on; such bytes are read as U+FFFD"
        let byteProblems = schema.diagnostics.filter { $0.message != encoding }
        #expect(fromText.tables == schema.tables)
        #expect(fromText.skipped == schema.skipped)
        if byteProblems.count == schema.diagnostics.count {
            #expect(fromText.diagnostics == schema.diagnostics)
        } else {
            #expect(fromText.diagnostics.map { "\($0.line): \($0.message)" } == byteProblems.map { "\($0.line): \($0.message)" })
        }
    }

    @Test("recovery in nasty files: what follows the damage still imports", arguments: [
        ("unterminated-string.sql", ["a"]),
        ("unterminated-block-comment.sql", ["a"]),
        ("stray-comment-closer.sql", ["ok"]),
        ("deeply-nested-parentheses.sql", ["after_it"]),
        ("unbalanced-closing-parenthesis.sql", ["u"]),
        ("delimiter-without-value.sql", ["t"]),
        ("bom-crlf-error.sql", ["a"]),
        ("huge-identifier.sql", [String(repeating: "x", count: 70_000), "t"]),
        ("alter-garbage.sql", ["t"]),
        ("insert-unterminated.sql", ["t"]),
    ])
    func recovery(name: String, tables: [String]) throws {
        let schema = SchemaParser.parse([SchemaSource(name: name, bytes: try SchemaTestSupport.corpusFile("nasty/" + name))])
        #expect(schema.tables.map(\.name) == tables)
    }

    @Test("positions in a file with a byte order mark and CRLF line ends")
    func bomAndCRLF() throws {
        let schema = SchemaParser.parse([SchemaSource(name: "f", bytes: try SchemaTestSupport.corpusFile("nasty/bom-crlf-error.sql"))])
        #expect(schema.diagnostics.map { "\($0.line):\($0.column)" } == ["3:12"])
    }

    @Test("random mutations of every corpus file never crash (seeded, 2,000 mutants)")
    func mutations() throws {
        var seeds: [[UInt8]] = []
        for name in ["mysqldump-8.0-shop.sql", "mysqldump-5.7-legacy.sql", "mariadb-dump-11.sql"] {
            seeds.append(try SchemaTestSupport.corpusFile(name))
        }
        for name in Self.nastyFiles {
            let bytes = try SchemaTestSupport.corpusFile("nasty/" + name)
            // Very large files make each mutant slow without making it nastier.
            seeds.append(Array(bytes.prefix(20_000)))
        }
        var generator = SeededGenerator(seed: 0x5EED_2024)
        let fragments: [[UInt8]] = [
            "'", "\"", "`", "(", ")", ",", ";", "/*", "*/", "/*!", "/*!50001 ", "-- ", "#", "\n", "\\", "DELIMITER $$\n",
            "DELIMITER ;\n", "$$", ";;", "\0", "CREATE TABLE ", "ALTER TABLE t ", "DROP ", "PRIMARY KEY ", "FOREIGN KEY (a) REFERENCES ",
            "enum('a','b')", "DEFAULT ", "GENERATED ALWAYS AS (", "CHECK (", "COMMENT '", "\u{FF}", "é", "💥",
        ].map { Array($0.utf8) }
        var mutants = 0
        while mutants < 2_000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            let edits = Int.random(in: 1...8, using: &generator)
            for _ in 0..<edits {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<6, using: &generator) {
                case 0 where position < bytes.count:
                    bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1 where position < bytes.count:
                    let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
                    bytes.removeSubrange(position..<end)
                case 2:
                    bytes.insert(contentsOf: fragments[Int.random(in: 0..<fragments.count, using: &generator)], at: position)
                case 3 where position < bytes.count:
                    let end = min(bytes.count, position + Int.random(in: 1...200, using: &generator))
                    let chunk = Array(bytes[position..<end])
                    bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &generator))
                case 4:
                    bytes = Array(bytes.prefix(position))
                default:
                    bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
            }
            let schema = SchemaParser.parse([
                SchemaSource(name: "mutant.sql", bytes: bytes),
                SchemaSource(name: "next.sql", text: "CREATE TABLE sentinel_table (id int);"),
            ])
            // Whatever happened in the mutant, a later file still imports.
            #expect(schema.table(named: "sentinel_table") != nil || schema.diagnostics.contains { $0.file == "next.sql" })
            for diagnostic in schema.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
            }
            mutants += 1
        }
        #expect(mutants == 2_000)
    }
}
