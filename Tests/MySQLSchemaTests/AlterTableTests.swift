import MySQLSchema
import Testing

@Suite("ALTER TABLE, RENAME TABLE, CREATE/DROP INDEX, DROP TABLE")
struct AlterTableTests {
    private let int = ColumnType(name: "int")
    private let base = "CREATE TABLE t (id int NOT NULL, name varchar(50), email varchar(100), PRIMARY KEY (id), KEY idx_name (name), UNIQUE KEY uq_email (email));\n"

    private func altered(_ statements: String) -> ParsedSchema {
        SchemaTestSupport.parse(base + statements)
    }

    @Test("ADD [COLUMN] with FIRST and AFTER, single and parenthesized list", arguments: [
        ("ALTER TABLE t ADD COLUMN a int;", ["id", "name", "email", "a"]),
        ("ALTER TABLE t ADD a int FIRST;", ["a", "id", "name", "email"]),
        ("ALTER TABLE t ADD COLUMN a int AFTER id;", ["id", "a", "name", "email"]),
        ("ALTER TABLE t ADD COLUMN a int AFTER `EMAIL`;", ["id", "name", "email", "a"]),
        ("ALTER TABLE t ADD (a int, b int NOT NULL);", ["id", "name", "email", "a", "b"]),
        ("ALTER TABLE t ADD COLUMN (a int);", ["id", "name", "email", "a"]),
        ("ALTER TABLE t ADD COLUMN IF NOT EXISTS a int, ADD COLUMN IF NOT EXISTS a int;", ["id", "name", "email", "a"]),
        ("ALTER TABLE t ADD a int FIRST, ADD b int AFTER a, ADD c int;", ["a", "b", "id", "name", "email", "c"]),
    ])
    func addColumns(statement: String, columns: [String]) {
        let schema = altered(statement)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.columns.map(\.name) == columns)
    }

    @Test("ADD of keys and constraints")
    func addKeys() {
        let schema = altered("""
            CREATE TABLE p (id int PRIMARY KEY);
            ALTER TABLE t
              ADD INDEX idx_both (name, email),
              ADD KEY (email(8)),
              ADD UNIQUE (name),
              ADD CONSTRAINT uq2 UNIQUE KEY (id, name),
              ADD FULLTEXT INDEX ft (name),
              ADD COLUMN shape point NOT NULL, ADD SPATIAL KEY sp (shape),
              ADD COLUMN pid int, ADD CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE,
              ADD CONSTRAINT chk CHECK (id > 0),
              ADD CHECK (pid <> 0);
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.table(named: "t") else { return }
        #expect(table.indexes.map(\.name) == ["idx_name", "idx_both", nil])
        #expect(table.indexes.last?.columns == [IndexColumn(name: "email", prefixLength: 8)])
        #expect(table.uniqueKeys.map(\.name) == ["uq_email", nil, "uq2"])
        #expect(table.fullTextIndexes == [Index(name: "ft", columns: [IndexColumn(name: "name")])])
        #expect(table.spatialIndexes == [Index(name: "sp", columns: [IndexColumn(name: "shape")])])
        #expect(table.foreignKeys == [ForeignKey(name: "fk_p", columns: ["pid"], referencedTable: "p", referencedColumns: ["id"], onDelete: .cascade)])
        #expect(table.checkConstraints == [CheckConstraint(name: "chk", expression: "id > 0"), CheckConstraint(expression: "pid <> 0")])
    }

    @Test("ADD PRIMARY KEY makes the columns NOT NULL; a table may get one only once")
    func addPrimaryKey() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (a int, b int);
            ALTER TABLE t ADD PRIMARY KEY (a, b);
            ALTER TABLE t ADD CONSTRAINT PRIMARY KEY (a);
            """)
        #expect(schema.tables.first?.primaryKey == ["a", "b"])
        #expect(schema.tables.first?.columns.map(\.nullable) == [false, false])
        #expect(schema.diagnostics.map(\.message) == ["table `t` already has a primary key; this one is ignored"])
    }

    @Test("DROP COLUMN removes the column from keys; emptied keys go")
    func dropColumn() {
        let schema = altered("ALTER TABLE t DROP COLUMN email, DROP name;")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first == Table(name: "t", columns: [Column(name: "id", type: int, nullable: false)], primaryKey: ["id"]))
    }

    @Test("DROP INDEX/KEY, DROP PRIMARY KEY, DROP FOREIGN KEY, DROP CHECK, DROP CONSTRAINT")
    func drops() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE t (
              id int PRIMARY KEY, a int, b int, c int,
              KEY k_a (a), KEY (b), UNIQUE KEY u_c (c),
              CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES p (id),
              FOREIGN KEY (b) REFERENCES p (id),
              FOREIGN KEY (c) REFERENCES p (id),
              CONSTRAINT chk_a CHECK (a > 0), CHECK (b > 0), CHECK (c > 0)
            );
            ALTER TABLE t DROP INDEX k_a, DROP KEY `B`, DROP PRIMARY KEY;
            ALTER TABLE t DROP FOREIGN KEY fk_a, DROP FOREIGN KEY t_ibfk_2;
            ALTER TABLE t DROP CHECK chk_a, DROP CONSTRAINT t_chk_1;
            ALTER TABLE t DROP CONSTRAINT u_c, DROP CONSTRAINT t_ibfk_1;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.table(named: "t") else { return }
        #expect(table.primaryKey == [])
        #expect(table.columns.first?.nullable == false)
        #expect(table.indexes == [])
        #expect(table.uniqueKeys == [])
        #expect(table.foreignKeys == [])
        #expect(table.checkConstraints == [CheckConstraint(expression: "c > 0")])
    }

    @Test("MODIFY replaces the definition in place or moves it")
    func modify() {
        let schema = altered("ALTER TABLE t MODIFY COLUMN name varchar(80) NOT NULL DEFAULT '' COMMENT 'n' FIRST, MODIFY id bigint NULL;")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.columns == [
            Column(name: "name", type: ColumnType(name: "varchar", length: 80), nullable: false, defaultValue: "", comment: "n"),
            Column(name: "id", type: ColumnType(name: "bigint"), nullable: false),
            Column(name: "email", type: ColumnType(name: "varchar", length: 100)),
        ])
    }

    @Test("CHANGE renames everywhere, including other tables' foreign keys")
    func change() {
        let schema = altered("""
            CREATE TABLE c (id int, tid int, FOREIGN KEY (tid) REFERENCES t (id));
            ALTER TABLE t CHANGE COLUMN id t_id bigint unsigned NOT NULL AUTO_INCREMENT, CHANGE name full_name varchar(60) AFTER email;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.table(named: "t") else { return }
        #expect(table.columns.map(\.name) == ["t_id", "email", "full_name"])
        #expect(table.primaryKey == ["t_id"])
        #expect(table.columns[0] == Column(name: "t_id", type: ColumnType(name: "bigint", unsigned: true), nullable: false, autoIncrement: true))
        #expect(table.indexes == [Index(name: "idx_name", columns: [IndexColumn(name: "full_name")])])
        #expect(schema.table(named: "c")?.foreignKeys.first?.referencedColumns == ["t_id"])
    }

    @Test("RENAME COLUMN, RENAME INDEX, ALTER COLUMN SET/DROP DEFAULT and visibility")
    func renamesAndDefaults() {
        let schema = altered("""
            ALTER TABLE t RENAME COLUMN email TO mail, RENAME INDEX uq_email TO uq_mail, RENAME KEY idx_name TO by_name;
            ALTER TABLE t ALTER COLUMN name SET DEFAULT 'anon', ALTER mail SET DEFAULT (lower('X')), ALTER COLUMN id SET INVISIBLE;
            ALTER TABLE t ALTER name DROP DEFAULT, ALTER COLUMN id SET VISIBLE, ALTER INDEX by_name INVISIBLE;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.tables.first else { return }
        #expect(table.columns.map(\.name) == ["id", "name", "mail"])
        #expect(table.columns.map(\.defaultValue) == [nil, nil, "(lower('X'))"])
        #expect(table.columns.map(\.invisible) == [false, false, false])
        #expect(table.uniqueKeys == [Index(name: "uq_mail", columns: [IndexColumn(name: "mail")])])
        #expect(table.indexes.map(\.name) == ["by_name"])
    }

    @Test("RENAME [TO] in ALTER TABLE and RENAME TABLE, updating foreign keys that point at the table", arguments: [
        "ALTER TABLE t RENAME TO t2;",
        "ALTER TABLE t RENAME t2;",
        "ALTER TABLE t RENAME AS `t2`;",
        "RENAME TABLE t TO t2;",
        "RENAME TABLE t TO tmp, tmp TO t2;",
    ])
    func renameTable(statement: String) {
        let schema = altered("CREATE TABLE c (tid int, FOREIGN KEY (tid) REFERENCES t (id));\n" + statement)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["t2", "c"])
        #expect(schema.table(named: "t") == nil)
        #expect(schema.table(named: "c")?.foreignKeys.first?.referencedTable == "t2")
    }

    @Test("table options, CONVERT TO CHARACTER SET and statements that change nothing here")
    func tableOptions() {
        let schema = altered("""
            ALTER TABLE t ENGINE=MyISAM, COMMENT 'people' ROW_FORMAT=COMPACT, ALGORITHM=INPLACE, LOCK=NONE;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
            /*!40000 ALTER TABLE `t` DISABLE KEYS */;
            /*!40000 ALTER TABLE `t` ENABLE KEYS */;
            ALTER TABLE t FORCE;
            ALTER TABLE t ORDER BY name, email;
            ALTER TABLE t PARTITION BY HASH(id) PARTITIONS 4;
            ALTER TABLE t ADD PARTITION (PARTITION p3 VALUES LESS THAN (30)), TRUNCATE PARTITION p1, p2;
            ALTER ONLINE IGNORE TABLE t AUTO_INCREMENT = 100;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.first?.engine == "MyISAM")
        #expect(schema.tables.first?.comment == "people")
        #expect(schema.tables.first?.columns.map(\.characterSet) == [nil, "utf8mb4", "utf8mb4"])
        #expect(schema.tables.first?.columns.map(\.collation) == [nil, "utf8mb4_bin", "utf8mb4_bin"])
    }

    @Test("CREATE INDEX and DROP INDEX ... ON apply to the table")
    func createAndDropIndex() {
        let schema = altered("""
            CREATE INDEX idx_email ON t (email(20) DESC);
            CREATE UNIQUE INDEX uq_name USING BTREE ON t (name) COMMENT 'u' ALGORITHM=INPLACE LOCK=DEFAULT;
            CREATE FULLTEXT INDEX ft ON `t` (name, email);
            CREATE INDEX IF NOT EXISTS idx_email ON t (email);
            DROP INDEX idx_name ON t;
            DROP INDEX `PRIMARY` ON t;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.tables.first else { return }
        #expect(table.indexes == [Index(name: "idx_email", columns: [IndexColumn(name: "email", prefixLength: 20, descending: true)])])
        #expect(table.uniqueKeys.map(\.name) == ["uq_email", "uq_name"])
        #expect(table.fullTextIndexes.map(\.columnNames) == [["name", "email"]])
        #expect(table.primaryKey == [])
    }

    @Test("DROP TABLE [IF EXISTS] a, b removes; a missing table without IF EXISTS is reported")
    func dropTable() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int);
            DROP TABLE IF EXISTS a, `B`, missing;
            DROP TEMPORARY TABLE gone;
            CREATE TABLE a (x int);
            """)
        #expect(schema.tables.map(\.name) == ["c", "a"])
        #expect(schema.tables.last?.columns.map(\.name) == ["x"])
        #expect(schema.skipped == [SkippedStatement(kind: .dropTable, name: "missing", file: "schema.sql", line: 2)])
        #expect(schema.diagnostics.map(\.message) == ["table `gone` does not exist; there is nothing to drop"])
    }

    @Test("migrations across several files apply in order")
    func migrationsAcrossFiles() {
        let schema = SchemaTestSupport.parse(files: [
            (name: "001_schema.sql", text: """
                CREATE TABLE users (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100));
                CREATE TABLE posts (id int PRIMARY KEY, user_id int, body text);
                """),
            (name: "002_email.sql", text: "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL AFTER id, ADD UNIQUE KEY uq_email (email);"),
            (name: "003_fk.sql", text: """
                ALTER TABLE posts ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
                ALTER TABLE posts MODIFY body mediumtext NOT NULL;
                """),
            (name: "004_rename.sql", text: """
                RENAME TABLE users TO accounts;
                ALTER TABLE accounts CHANGE name display_name varchar(120) NULL;
                ALTER TABLE posts DROP FOREIGN KEY fk_user, ADD CONSTRAINT fk_account FOREIGN KEY (user_id) REFERENCES accounts (id);
                """),
        ])
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables == [
            Table(
                name: "accounts",
                columns: [
                    Column(name: "id", type: int, nullable: false, autoIncrement: true),
                    Column(name: "email", type: ColumnType(name: "varchar", length: 255), nullable: false),
                    Column(name: "display_name", type: ColumnType(name: "varchar", length: 120)),
                ],
                primaryKey: ["id"],
                uniqueKeys: [Index(name: "uq_email", columns: [IndexColumn(name: "email")])]
            ),
            Table(
                name: "posts",
                columns: [
                    Column(name: "id", type: int, nullable: false),
                    Column(name: "user_id", type: int),
                    Column(name: "body", type: ColumnType(name: "mediumtext"), nullable: false),
                ],
                primaryKey: ["id"],
                foreignKeys: [ForeignKey(name: "fk_account", columns: ["user_id"], referencedTable: "accounts", referencedColumns: ["id"])]
            ),
        ])
    }

    @Test("alterations that cannot apply are reported one by one; the others apply")
    func partialAlter() {
        let schema = altered("""
            ALTER TABLE t
              ADD COLUMN name int,
              MODIFY missing int,
              DROP COLUMN nope,
              ADD COLUMN extra int AFTER ghost,
              DROP INDEX no_such_index,
              DROP FOREIGN KEY no_fk,
              RENAME COLUMN zzz TO yyy,
              ADD COLUMN ok int;
            ALTER TABLE nowhere ADD COLUMN x int;
            """)
        #expect(schema.tables.first?.columns.map(\.name) == ["id", "name", "email", "extra", "ok"])
        #expect(schema.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "3:14 table `t` already has a column `name`; adding it again is ignored",
            "4:10 table `t` has no column `missing`; MODIFY is ignored",
            "5:15 table `t` has no column `nope`; DROP COLUMN is ignored",
            "6:30 table `t` has no column `ghost` to place `extra` after; the column stays where it is",
            "7:14 table `t` has no index `no_such_index`; dropping it is ignored",
            "8:20 table `t` has no foreign key `no_fk`; dropping it is ignored",
            "9:17 table `t` has no column `zzz`; RENAME COLUMN is ignored",
            "11:13 table `nowhere` does not exist; ALTER TABLE is ignored",
        ])
    }

    @Test("dropping a column a foreign key uses removes the foreign key, with a diagnostic")
    func dropColumnUsedByForeignKey() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (id int, pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id));
            ALTER TABLE c DROP COLUMN pid;
            """)
        #expect(schema.table(named: "c")?.foreignKeys == [])
        #expect(schema.diagnostics.map(\.message) == [
            "foreign key `fk` of table `c` uses column `pid`, which this ALTER TABLE drops; the foreign key is removed too (MySQL would refuse this)",
        ])
    }

    @Test("dropping the last column is refused")
    func dropLastColumn() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (id int); ALTER TABLE t DROP id;")
        #expect(schema.tables.first?.columns.map(\.name) == ["id"])
        #expect(schema.diagnostics.map(\.message) == ["dropping column `id` would leave table `t` without columns; it is ignored (use DROP TABLE)"])
    }

    @Test("long sequences of moves, drops and renames keep every column findable")
    func columnBookkeeping() {
        var statements = "CREATE TABLE t (c0 int PRIMARY KEY);\n"
        for index in 1...40 { statements += "ALTER TABLE t ADD COLUMN c\(index) int \(index % 3 == 0 ? "FIRST" : "AFTER c\(index / 2)");\n" }
        for index in stride(from: 2, through: 40, by: 4) { statements += "ALTER TABLE t DROP COLUMN c\(index);\n" }
        for index in stride(from: 1, through: 37, by: 4) { statements += "ALTER TABLE t MODIFY c\(index) bigint FIRST, CHANGE c\(index + 2) C\(index + 2) int AFTER c0;\n" }
        statements += "CREATE INDEX everything ON t (" + (0...40).filter { $0 % 4 != 2 }.map { "c\($0)" }.joined(separator: ", ") + ");"
        let schema = SchemaTestSupport.parse(statements)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema).prefix(3))")
        guard let table = schema.tables.first else { return }
        #expect(Set(table.columns.map { $0.name.lowercased() }) == Set((0...40).filter { $0 % 4 != 2 }.map { "c\($0)" }))
        #expect(table.indexes.first?.columns.count == table.columns.count)
        for column in table.columns { #expect(table.column(named: column.name.uppercased()) == column) }
        #expect(table.columns.prefix(1).map(\.name) == ["c37"])
    }
}
