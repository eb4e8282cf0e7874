import MySQLSchema
import Testing

@Suite("Column attributes")
struct ColumnAttributeTests {
    @Test("NULL and NOT NULL; primary-key columns are NOT NULL", arguments: [
        ("c int", true),
        ("c int NULL", true),
        ("c int NOT NULL", false),
        ("c int NOT NULL NULL", true),
        ("c int PRIMARY KEY", false),
        ("c int NULL PRIMARY KEY", false),
        ("c int KEY", false),
    ])
    func nullability(definition: String, nullable: Bool) {
        #expect(SchemaTestSupport.column(definition)?.nullable == nullable)
    }

    @Test("DEFAULT values as written, string quotes removed", arguments: [
        ("c int DEFAULT 0", "0"),
        ("c int DEFAULT -1", "-1"),
        ("c decimal(5,2) DEFAULT +1.50", "+1.50"),
        ("c double DEFAULT 1.5e3", "1.5e3"),
        ("c varchar(5) DEFAULT 'abc'", "abc"),
        ("c varchar(5) DEFAULT ''", ""),
        ("c varchar(9) DEFAULT 'it''s'", "it's"),
        ("c varchar(9) DEFAULT 'a\\'b\\\\c'", "a'b\\c"),
        ("c varchar(9) DEFAULT \"dq\"", "dq"),
        ("c varchar(9) DEFAULT 'con' 'cat'", "concat"),
        ("c varchar(9) DEFAULT _utf8mb4'intro'", "intro"),
        ("c varchar(9) DEFAULT N'national'", "national"),
        ("c int DEFAULT NULL", "NULL"),
        ("c int DEFAULT null", "NULL"),
        ("c bit(1) DEFAULT b'0'", "b'0'"),
        ("c binary(1) DEFAULT X'0F'", "X'0F'"),
        ("c binary(1) DEFAULT 0x0F", "0x0F"),
        ("c tinyint(1) DEFAULT TRUE", "TRUE"),
        ("c timestamp DEFAULT CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"),
        ("c datetime(3) DEFAULT CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)"),
        ("c datetime DEFAULT current_timestamp()", "current_timestamp()"),
        ("c datetime DEFAULT NOW()", "NOW()"),
        ("c char(36) DEFAULT (uuid())", "(uuid())"),
        ("c json DEFAULT (JSON_OBJECT('a', (1 + 2)))", "(JSON_OBJECT('a', (1 + 2)))"),
        ("c int DEFAULT NEXT VALUE FOR seq", "NEXT VALUE FOR seq"),
    ])
    func defaults(definition: String, value: String) {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (\(definition));")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.columns.first?.defaultValue == value)
    }

    @Test("no DEFAULT clause gives nil")
    func noDefault() {
        #expect(SchemaTestSupport.column("c int NOT NULL")?.defaultValue == nil)
    }

    @Test("ON UPDATE CURRENT_TIMESTAMP in its spellings", arguments: [
        "c timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
        "c datetime(6) ON UPDATE CURRENT_TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6)",
        "c datetime ON UPDATE current_timestamp()",
        "c datetime ON UPDATE NOW()",
        "c datetime ON UPDATE LOCALTIMESTAMP",
    ])
    func onUpdate(definition: String) {
        #expect(SchemaTestSupport.column(definition)?.onUpdateCurrentTimestamp == true)
    }

    @Test("every attribute at once, in MySQL's order and shuffled")
    func allAttributes() {
        let expected = Column(
            name: "code", type: ColumnType(name: "varchar", length: 32), nullable: false, defaultValue: "x",
            comment: "the code", characterSet: "utf8mb4", collation: "utf8mb4_bin", invisible: true
        )
        #expect(SchemaTestSupport.column(
            "code varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'x' COMMENT 'the code' /*!80023 INVISIBLE */"
        ) == expected)
        #expect(SchemaTestSupport.column(
            "`code` VARCHAR(32) INVISIBLE COMMENT \"the code\" DEFAULT 'x' NOT NULL COLLATE utf8mb4_bin CHARSET utf8mb4 COLUMN_FORMAT DYNAMIC STORAGE DISK"
        ) == expected)
    }

    @Test("AUTO_INCREMENT and VISIBLE")
    func autoIncrement() {
        let column = SchemaTestSupport.column("id int unsigned NOT NULL AUTO_INCREMENT VISIBLE")
        #expect(column == Column(name: "id", type: ColumnType(name: "int", unsigned: true), nullable: false, autoIncrement: true))
    }

    @Test("generated columns", arguments: [
        ("full varchar(100) GENERATED ALWAYS AS (concat(`first`, ' ', `last`)) VIRTUAL", "concat(`first`, ' ', `last`)", false),
        ("full varchar(100) AS (concat(first, last)) STORED NOT NULL", "concat(first, last)", true),
        ("total int AS ((a + b) * (c - (d))) PERSISTENT", "(a + b) * (c - (d))", true),
        ("total int GENERATED ALWAYS AS (a+1)", "a+1", false),
    ])
    func generatedColumns(definition: String, expression: String, stored: Bool) {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (a int, b int, c int, d int, first text, last text, \(definition));")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.columns.last?.generated == GeneratedColumn(expression: expression, stored: stored))
    }

    @Test("MySQL's own attributes that do not change the model are read: SRID, ENGINE_ATTRIBUTE, BINARY, ASCII")
    func ignoredAttributes() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (
              p point NOT NULL /*!80003 SRID 4326 */,
              a varchar(5) BINARY,
              b char(2) ASCII,
              c int ENGINE_ATTRIBUTE='{}' SECONDARY_ENGINE_ATTRIBUTE '{}',
              d blob COMPRESSED,
              e int WITHOUT SYSTEM VERSIONING
            );
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.columns.count == 6)
    }

    @Test("inline REFERENCES becomes a foreign key")
    func inlineReferences() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE customers (id int PRIMARY KEY);
            CREATE TABLE orders (id int, customer_id int NOT NULL REFERENCES customers (id) ON DELETE SET NULL ON UPDATE NO ACTION);
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.table(named: "orders")?.foreignKeys == [
            ForeignKey(columns: ["customer_id"], referencedTable: "customers", referencedColumns: ["id"], onDelete: .setNull, onUpdate: .noAction),
        ])
    }

    @Test("inline CHECK, named and NOT ENFORCED")
    func inlineChecks() {
        let table = SchemaTestSupport.table("""
            CREATE TABLE t (
              price int CHECK (price >= 0),
              qty int CONSTRAINT qty_positive CHECK (qty > 0) /*!80016 NOT ENFORCED */,
              pct int CONSTRAINT CHECK (pct <= 100) ENFORCED
            );
            """)
        #expect(table?.checkConstraints == [
            CheckConstraint(expression: "price >= 0"),
            CheckConstraint(name: "qty_positive", expression: "qty > 0", enforced: false),
            CheckConstraint(expression: "pct <= 100"),
        ])
    }
}
