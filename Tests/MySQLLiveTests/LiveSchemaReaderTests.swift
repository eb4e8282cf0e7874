import Foundation
import MySQLLive
import MySQLSchema
import Requirements
import Testing

extension LiveServerTests {
    /// The live read against the DDL import of `mysqldump --no-data` of the same database, and
    /// against what the schema was created with.
    @Test("The live schema read equals the import of mysqldump --no-data, plus statistics")
    func liveSchemaMatchesDump() async throws {
        let server = try LiveServers.mainServer()
        // The reader user: exactly the grants docs/mysql-traffic.md asks for.
        let connection = try MySQLConnection(url: LiveServers.tcpURL(server, user: LiveServers.reader.user),
                                             password: LiveServers.reader.password)
        let live = try LiveSchemaReader(connection: connection).read()
        let dump = SchemaParser.parse([SchemaSource(name: "shop.sql", text: try server.dumpSchema(of: ShopSchema.database))])

        #expect(live.diagnostics.isEmpty, "\(live.diagnostics)")
        #expect(dump.diagnostics.isEmpty, "\(dump.diagnostics)")
        #expect(live.tables.map(\.name) == ["addresses", "customers", "order_lines", "orders", "products"])
        let withoutStatistics = live.tables.map { table in
            var table = table
            table.statistics = nil
            return table
        }
        #expect(withoutStatistics == dump.tables.sorted { $0.name < $1.name })
        #expect(live.skippedNames(of: .view) == dump.skippedNames(of: .view))
        #expect(live.skippedNames(of: .view) == ["recent_orders"])
        // The reader's grant does not show triggers and routines (LiveSchemaReader says why);
        // root sees them, listed as the dump's import lists them.
        #expect(live.skippedNames(of: .trigger).isEmpty && live.skippedNames(of: .procedure).isEmpty)
        let asRoot = try LiveSchemaReader(connection: MySQLConnection(url: LiveServers.socketURL(server), password: nil)).read()
        #expect(asRoot.tables == live.tables)
        for kind in [SkippedStatement.Kind.view, .trigger, .procedure] {
            #expect(asRoot.skippedNames(of: kind) == dump.skippedNames(of: kind), "\(kind)")
        }
        #expect(asRoot.skippedNames(of: .trigger) == ["orders_total_check"])
        #expect(asRoot.skippedNames(of: .procedure) == ["orders_of"])

        // What the schema was created with, independently of either parse.
        let lines = try #require(live.table(named: "order_lines"))
        #expect(lines.primaryKey == ["order_id", "line_no"])
        #expect(lines.uniqueKeys.map(\.columnNames) == [["order_id", "sku"]])
        #expect(lines.foreignKeys == [
            ForeignKey(name: "fk_lines_order", columns: ["order_id"], referencedTable: "orders", referencedColumns: ["id"],
                       onDelete: .cascade, onUpdate: nil),
            ForeignKey(name: "fk_lines_product", columns: ["sku"], referencedTable: "products", referencedColumns: ["sku"],
                       onDelete: .setNull, onUpdate: .cascade),
        ].sorted { ($0.name ?? "") < ($1.name ?? "") })
        let orders = try #require(live.table(named: "orders"))
        // ON DELETE RESTRICT is MySQL's default, which SHOW CREATE TABLE (like mysqldump) leaves
        // out: unset, as for a DDL file that does not write it.
        #expect(orders.foreignKeys.first?.onDelete == nil)
        #expect(try server.query("""
            SELECT DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_NAME = 'fk_orders_customer'
            """) == [["RESTRICT"]])
        #expect(orders.foreignKeys.first?.onUpdate == .cascade)
        #expect(orders.indexes.map(\.columnNames) == [["customer_id", "placed_at"]])
        let customers = try #require(live.table(named: "customers"))
        #expect(customers.indexes.first?.columns.first?.prefixLength == 20)
        #expect(customers.comment == "people who buy")
        let products = try #require(live.table(named: "products"))
        #expect(products.column(named: "status")?.type.sqlText == "enum('active','retired')")
        #expect(products.column(named: "price")?.type.sqlText == "decimal(10,2)")
        #expect(products.column(named: "price")?.type.dynamoDBType == .number)
        #expect(customers.column(named: "id")?.type.sqlText == "bigint unsigned")
        #expect(customers.column(named: "id")?.autoIncrement == true)

        // Statistics after ANALYZE TABLE (ShopSchema runs it). InnoDB's TABLE_ROWS is an estimate
        // from sampled index pages; a 500-row table fits in a few pages, so the estimate is within
        // 10% (it is usually exact).
        let statistics = try #require(orders.statistics)
        #expect(abs(statistics.rows - ShopSchema.orderRows) <= ShopSchema.orderRows / 10, "\(statistics)")
        #expect((statistics.averageRowLength ?? 0) > 0)
        #expect(live.table(named: "addresses")?.statistics == TableStatistics(rows: 0, averageRowLength: nil))
    }
}
