import MySQLSchema
import Testing

@Suite("CREATE TABLE")
struct CreateTableTests {
    private let int = ColumnType(name: "int")

    @Test("a plain table with every part in place")
    func completeTable() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE IF NOT EXISTS `shop`.`orders` (
              `id` bigint unsigned NOT NULL AUTO_INCREMENT,
              `customer_id` int NOT NULL,
              `note` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'free text',
              PRIMARY KEY (`id`),
              KEY `idx_customer` (`customer_id`)
            ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='All orders';
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        let expected = Table(
            name: "orders",
            database: "shop",
            columns: [
                Column(name: "id", type: ColumnType(name: "bigint", unsigned: true), nullable: false, autoIncrement: true),
                Column(name: "customer_id", type: int, nullable: false),
                Column(name: "note", type: ColumnType(name: "varchar", length: 200), defaultValue: "NULL", comment: "free text",
                       characterSet: "utf8mb4", collation: "utf8mb4_bin"),
            ],
            primaryKey: ["id"],
            indexes: [Index(name: "idx_customer", columns: [IndexColumn(name: "customer_id")])],
            engine: "InnoDB",
            comment: "All orders"
        )
        #expect(schema.tables == [expected])
        #expect(schema.table(named: "ORDERS") == expected)
        #expect(schema.table(named: "orders")?.column(named: "CUSTOMER_ID")?.name == "customer_id")
    }

    @Test("identifiers: backticks, double quotes, unquoted, escaped quotes, Unicode, case preserved", arguments: [
        ("CREATE TABLE `Order Items` (`Line No` int);", "Order Items", "Line No"),
        ("CREATE TABLE \"Orders\" (\"Id\" int);", "Orders", "Id"),
        ("create table MixedCase (SomeColumn int);", "MixedCase", "SomeColumn"),
        ("CREATE TABLE `we``ird` (`a\"b` int);", "we`ird", "a\"b"),
        ("CREATE TABLE `café` (`prix_€` int);", "café", "prix_€"),
        ("CREATE TABLE t$1 (1col int);", "t$1", "1col"),
    ])
    func identifiers(sql: String, table: String, column: String) {
        let parsed = SchemaTestSupport.table(sql)
        #expect(parsed?.name == table)
        #expect(parsed?.columns.map(\.name) == [column])
    }

    @Test("database-qualified names")
    func qualifiedNames() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE app.users (id int);
            CREATE TABLE `app`.`roles` (id int);
            CREATE TABLE "app"."grants" (id int);
            CREATE TABLE plain (id int);
            """)
        #expect(schema.tables.map(\.name) == ["users", "roles", "grants", "plain"])
        #expect(schema.tables.map(\.database) == ["app", "app", "app", nil])
    }

    @Test("IF NOT EXISTS keeps the first definition silently; without it the second is reported")
    func existingTable() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (a int);
            CREATE TABLE IF NOT EXISTS t (b int);
            CREATE TABLE T (c int);
            """)
        #expect(schema.tables.map { $0.columns.map(\.name) } == [["a"]])
        #expect(SchemaTestSupport.messages(schema) == [
            "schema.sql:3:14: table `T` already exists; this CREATE TABLE is ignored (statement starts: CREATE TABLE T (c int))",
        ])
    }

    @Test("MariaDB's CREATE OR REPLACE TABLE replaces")
    func createOrReplace() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (a int); CREATE OR REPLACE TABLE t (b int);")
        #expect(schema.tables.map { $0.columns.map(\.name) } == [["b"]])
        #expect(schema.diagnostics.isEmpty)
    }

    @Test("CREATE TEMPORARY TABLE is imported and marked")
    func temporaryTable() {
        let table = SchemaTestSupport.table("CREATE TEMPORARY TABLE IF NOT EXISTS scratch (id int);")
        #expect(table == Table(name: "scratch", columns: [Column(name: "id", type: int)], temporary: true))
    }

    @Test("CREATE TABLE ... LIKE copies everything but the foreign keys", arguments: [
        "CREATE TABLE copy LIKE original;",
        "CREATE TABLE copy (LIKE original);",
        "CREATE TABLE `db`.copy LIKE `original`;",
    ])
    func createLike(statement: String) {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE original (
              id int NOT NULL, parent_id int, code char(3),
              PRIMARY KEY (id), UNIQUE KEY uq_code (code), KEY (parent_id),
              FOREIGN KEY (parent_id) REFERENCES parent (id), CHECK (id > 0)
            ) ENGINE=MyISAM COMMENT='source';
            \(statement)
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let original = schema.table(named: "original"), let copy = schema.table(named: "copy") else {
            Issue.record("tables missing")
            return
        }
        var expected = original
        expected.name = "copy"
        expected.database = statement.contains("`db`") ? "db" : nil
        expected.foreignKeys = []
        #expect(copy == expected)
        #expect(original.foreignKeys.count == 1)
    }

    @Test("CREATE TABLE ... LIKE a missing table is reported")
    func createLikeMissing() {
        let schema = SchemaTestSupport.parse("CREATE TABLE copy LIKE nowhere;")
        #expect(schema.tables.isEmpty)
        #expect(SchemaTestSupport.messages(schema) == [
            "schema.sql:1:24: table `nowhere` does not exist; CREATE TABLE `copy` LIKE it is ignored (statement starts: CREATE TABLE copy LIKE nowhere)",
        ])
    }

    @Test("table options in every spelling, including PARTITION BY with nested parentheses")
    func tableOptions() {
        let table = SchemaTestSupport.table("""
            CREATE TABLE measurements (
              id int NOT NULL, taken date NOT NULL, PRIMARY KEY (id, taken)
            ) ENGINE = InnoDB, AUTO_INCREMENT = 7 DEFAULT CHARACTER SET = latin1 DEFAULT COLLATE latin1_bin
              ROW_FORMAT=DYNAMIC KEY_BLOCK_SIZE=8 STATS_PERSISTENT=1 AVG_ROW_LENGTH 100 CHECKSUM=1
              MAX_ROWS=1000000 MIN_ROWS=10 PACK_KEYS=DEFAULT DELAY_KEY_WRITE=0 COMPRESSION='zlib'
              ENCRYPTION='N' TABLESPACE innodb_file_per_table STORAGE DISK COMMENT = 'readings' CHARSET utf8mb4
            /*!50100 PARTITION BY RANGE (year(`taken`))
            (PARTITION p2019 VALUES LESS THAN (2020) ENGINE = InnoDB,
             PARTITION p2020 VALUES LESS THAN ((2021)) ENGINE = InnoDB,
             PARTITION pmax VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */;
            """)
        #expect(table?.engine == "InnoDB")
        #expect(table?.comment == "readings")
        #expect(table?.primaryKey == ["id", "taken"])
    }

    @Test("MariaDB options: engine-defined options, PAGE_CHECKSUM, WITH SYSTEM VERSIONING")
    func mariaDBOptions() {
        let table = SchemaTestSupport.table("""
            CREATE TABLE t (id int) ENGINE=Aria PAGE_CHECKSUM=1 TRANSACTIONAL=1 TABLE_TYPE=CSV WITH SYSTEM VERSIONING;
            """)
        #expect(table?.engine == "Aria")
    }

    @Test("a key may name a column defined after it")
    func keyBeforeColumn() {
        let table = SchemaTestSupport.table("CREATE TABLE t (PRIMARY KEY (id), KEY k (name), id int, name varchar(10));")
        #expect(table?.primaryKey == ["id"])
        #expect(table?.columns.map(\.nullable) == [false, true])
        #expect(table?.indexes == [Index(name: "k", columns: [IndexColumn(name: "name")])])
    }

    @Test("CREATE TABLE ... SELECT keeps the written columns and says the rest are unknown")
    func createTableSelect() {
        let schema = SchemaTestSupport.parse("CREATE TABLE summary (id int) AS SELECT id, count(*) AS n FROM orders GROUP BY id;")
        #expect(schema.tables.map(\.name) == ["summary"])
        #expect(SchemaTestSupport.messages(schema) == [
            "schema.sql:1:31: CREATE TABLE … SELECT: the columns the query adds are unknown here; only the columns written out are imported (statement starts: CREATE TABLE summary (id int) AS SELECT id, count(*) AS n FR…)",
        ])
    }

    @Test("duplicate columns: the later definition is reported and ignored")
    func duplicateColumn() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (id int, ID bigint);")
        #expect(schema.tables.first?.columns == [Column(name: "id", type: int)])
        #expect(schema.diagnostics.map(\.message) == ["duplicate column `ID` in table `t`; the later definition is ignored"])
    }

    @Test("a table may have at most 4096 columns, MySQL's limit")
    func columnLimit() {
        let columns = (1...4100).map { "c\($0) int" }.joined(separator: ", ")
        let schema = SchemaTestSupport.parse("CREATE TABLE wide (\(columns));\nALTER TABLE wide ADD COLUMN more int;")
        #expect(schema.tables.first?.columns.count == 4096)
        #expect(schema.diagnostics.map(\.message) == [
            "table `wide` has more than 4096 columns, MySQL's limit; `c4097` and the columns after it are ignored",
            "table `wide` already has 4096 columns, MySQL's limit; adding `more` is ignored",
        ])
    }
}
