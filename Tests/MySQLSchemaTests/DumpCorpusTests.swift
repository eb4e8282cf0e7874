import MySQLSchema
import Testing

@Suite("mysqldump and mariadb-dump output")
struct DumpCorpusTests {
    private func load(_ name: String) throws -> ParsedSchema {
        SchemaParser.parse([SchemaSource(name: name, bytes: try SchemaTestSupport.corpusFile(name))])
    }

    @Test("mysqldump 8.0 --no-data --routines --triggers --events")
    func mysqldump80() throws {
        let schema = try load("mysqldump-8.0-shop.sql")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["customers", "order_items", "orders", "products"])

        let customers = try #require(schema.table(named: "customers"))
        #expect(customers == Table(
            name: "customers",
            columns: [
                Column(name: "id", type: ColumnType(name: "bigint", unsigned: true), nullable: false, autoIncrement: true),
                Column(name: "uuid", type: ColumnType(name: "char", length: 36), nullable: false, defaultValue: "(uuid())"),
                Column(name: "email", type: ColumnType(name: "varchar", length: 255), nullable: false,
                       characterSet: "utf8mb4", collation: "utf8mb4_0900_ai_ci"),
                Column(name: "full_name", type: ColumnType(name: "varchar", length: 200), nullable: false),
                Column(name: "is_active", type: ColumnType(name: "tinyint", length: 1), nullable: false, defaultValue: "1"),
                Column(name: "loyalty_points", type: ColumnType(name: "int"), nullable: false, defaultValue: "0"),
                Column(name: "preferences", type: ColumnType(name: "json"), defaultValue: "NULL"),
                Column(name: "created_at", type: ColumnType(name: "datetime", length: 6), nullable: false, defaultValue: "CURRENT_TIMESTAMP(6)"),
                Column(name: "updated_at", type: ColumnType(name: "timestamp"), defaultValue: "CURRENT_TIMESTAMP", onUpdateCurrentTimestamp: true),
            ],
            primaryKey: ["id"],
            uniqueKeys: [
                Index(name: "uq_customers_uuid", columns: [IndexColumn(name: "uuid")]),
                Index(name: "uq_customers_email", columns: [IndexColumn(name: "email")]),
            ],
            indexes: [Index(name: "idx_customers_name", columns: [IndexColumn(name: "full_name", prefixLength: 50)])],
            engine: "InnoDB",
            comment: "People who buy things"
        ))
        #expect(customers.columns.map(\.type.dynamoDBType.rawValue) == ["N", "S", "S", "S", "BOOL", "N", "M", "S", "S"])
        #expect(customers.columns.map(\.type.typicalSizeBytes) == [8, 36, 128, 100, 1, 8, nil, 25, 25])

        let items = try #require(schema.table(named: "order_items"))
        #expect(items.primaryKey == ["order_id", "line_no"])
        #expect(items.columns.last?.generated == GeneratedColumn(expression: "(`quantity` * `unit_price`)", stored: true))
        #expect(items.foreignKeys == [
            ForeignKey(name: "fk_items_order", columns: ["order_id"], referencedTable: "orders", referencedColumns: ["id"], onDelete: .cascade),
            ForeignKey(name: "fk_items_product", columns: ["product_id"], referencedTable: "products", referencedColumns: ["id"]),
        ])
        #expect(items.checkConstraints == [CheckConstraint(name: "chk_items_quantity", expression: "(`quantity` > 0)")])

        let orders = try #require(schema.table(named: "orders"))
        #expect(orders.columns.map(\.type.sqlText) == [
            "bigint unsigned", "bigint unsigned", "enum('pending','paid','shipped','cancelled','it''s complicated')",
            "set('gift','express','fragile')", "decimal(12,2)", "text", "datetime", "date", "time", "year", "point", "blob",
            "varbinary(64)", "char(12)",
        ])
        #expect(orders.columns.map(\.type.dynamoDBType.rawValue) == ["N", "N", "S", "SS", "N", "S", "S", "S", "S", "N", "S", "B", "B", "S"])
        #expect(orders.columns.last?.invisible == true)
        #expect(orders.columns.first { $0.name == "status" }?.type.values.last == "it's complicated")
        #expect(orders.indexes == [
            Index(name: "idx_orders_customer_placed", columns: [IndexColumn(name: "customer_id"), IndexColumn(name: "placed_at", descending: true)]),
            Index(name: "idx_orders_status", columns: [IndexColumn(name: "status")]),
        ])
        #expect(orders.fullTextIndexes == [Index(name: "ft_orders_notes", columns: [IndexColumn(name: "notes")])])
        #expect(orders.checkConstraints == [CheckConstraint(name: "chk_orders_total", expression: "(`total` >= 0)", enforced: false)])
        #expect(orders.foreignKeys.first?.onUpdate == .cascade)

        let products = try #require(schema.table(named: "products"))
        #expect(products.columns.first { $0.name == "in_stock" }?.defaultValue == "b'1'")
        #expect(products.indexes.last == Index(name: "idx_products_lower_sku", columns: [IndexColumn(name: "(lower(`sku`))", isExpression: true)]))

        #expect(schema.skippedNames(of: .view) == ["v_customer_orders"])
        #expect(schema.skippedNames(of: .trigger) == ["trg_orders_total"])
        #expect(schema.skippedNames(of: .function) == ["fn_order_total"])
        #expect(schema.skippedNames(of: .procedure) == ["sp_close_order"])
        #expect(schema.skippedNames(of: .event) == ["ev_purge_carts"])
        #expect(schema.skippedCount(of: .dropTable) == 5)
        #expect(schema.skippedCount(of: .lockTables) == 1)
        #expect(schema.skippedCount(of: .unlockTables) == 1)
        #expect(schema.skippedCount(of: .set) > 50)
        #expect(schema.skippedCount(of: .other) == 0)
        #expect(schema.skippedNames(of: .dropOther) == ["v_customer_orders", "ev_purge_carts", "fn_order_total", "sp_close_order"])
    }

    @Test("mysqldump 5.7 with data, MyISAM, zerofill and a stand-in table for a view")
    func mysqldump57() throws {
        let schema = try load("mysqldump-5.7-legacy.sql")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        // The view's stand-in table is created and then dropped again, as on the server.
        #expect(schema.tables.map(\.name) == ["accounts"])
        let accounts = try #require(schema.tables.first)
        #expect(accounts.engine == "MyISAM")
        #expect(accounts.columns.map(\.type.sqlText) == [
            "int unsigned", "varchar(64)", "decimal(15,4)", "double(8,3)", "tinyint", "timestamp", "timestamp", "int unsigned zerofill",
        ])
        #expect(accounts.columns.map(\.type.length) == [10, 64, 15, 8, 4, nil, nil, 5])
        #expect(accounts.columns[1].collation == "latin1_general_cs")
        #expect(accounts.columns[6].defaultValue == "0000-00-00 00:00:00")
        #expect(accounts.uniqueKeys == [Index(name: "login", columns: [IndexColumn(name: "login")])])
        #expect(schema.skipped.filter { $0.kind == .insert }.map(\.name) == ["accounts"])
        #expect(schema.skippedNames(of: .createDatabase) == ["legacy"])
        #expect(schema.skippedNames(of: .use) == ["legacy"])
        #expect(schema.skippedNames(of: .view) == ["active_accounts"])
    }

    @Test("mariadb-dump 11 with UUID, INET6, JSON as LONGTEXT and PERSISTENT columns")
    func mariaDBDump() throws {
        let schema = try load("mariadb-dump-11.sql")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        let items = try #require(schema.table(named: "items"))
        #expect(items.columns.map(\.type.name) == [
            "uuid", "varchar", "json", "decimal", "inet6", "datetime", "datetime", "enum", "int", "int", "int",
        ])
        #expect(items.columns[0].defaultValue == "uuid()")
        #expect(items.columns[2].characterSet == "utf8mb4")
        #expect(items.columns[6].onUpdateCurrentTimestamp)
        #expect(items.columns[9].generated == GeneratedColumn(expression: "`weight` * 2", stored: false))
        #expect(items.columns[10].generated == GeneratedColumn(expression: "`weight` + 1", stored: true))
        #expect(items.checks == ["json_valid(`attrs`)", "`price` >= 0"])
        let stock = try #require(schema.table(named: "stock"))
        #expect(stock.foreignKeys == [
            ForeignKey(name: "stock_ibfk_1", columns: ["item_id"], referencedTable: "items", referencedColumns: ["id"], onDelete: .cascade),
        ])
    }

    @Test("the dumps give the same tables read as text or as bytes")
    func textAndBytesAgree() throws {
        for name in ["mysqldump-8.0-shop.sql", "mysqldump-5.7-legacy.sql", "mariadb-dump-11.sql"] {
            let bytes = try SchemaTestSupport.corpusFile(name)
            let fromText = SchemaParser.parse([SchemaSource(name: name, text: String(decoding: bytes, as: UTF8.self))])
            #expect(fromText == (try load(name)))
        }
    }
}
