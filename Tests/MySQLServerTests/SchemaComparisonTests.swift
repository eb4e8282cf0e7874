import Testing

/// The comparison itself: each kind of disagreement is reported, and the documented rules accept
/// only what they describe.
@Suite struct SchemaComparisonTests {
    static func column(_ name: String, _ type: String = "int unsigned", width: Int? = 10, nullable: Bool = false) -> ColumnSnapshot {
        ColumnSnapshot(name: name, type: type, displayWidth: width, values: [], nullable: nullable, autoIncrement: false,
                       onUpdateCurrentTimestamp: false, generated: nil, comment: "", characterSet: nil, collation: nil)
    }

    static func part(_ name: String) -> KeyPart { KeyPart(name: name, prefixLength: nil, descending: false) }

    /// orders(id, customer_id) with a foreign key on customer_id and the index InnoDB adds for it.
    static let server = TableSnapshot(
        name: "orders", engine: "InnoDB", comment: "", columns: [column("id"), column("customer_id")], primaryKey: ["id"],
        uniqueKeys: [], indexes: [KeySnapshot(name: "fk_orders_customer", kind: .plain, parts: [part("customer_id")])],
        foreignKeys: [ForeignKeySnapshot(name: "fk_orders_customer", columns: ["customer_id"], referencedTable: "customers",
                                         referencedColumns: ["id"], onDelete: "RESTRICT", onUpdate: "CASCADE")])

    static func mismatches(_ parsed: TableSnapshot, origin: ParseOrigin = .sourceFiles,
                           exceptions: [ReviewedTypeException] = []) -> [String] {
        SchemaComparison(origin: origin, parsed: SchemaSnapshot(tables: [parsed.name: parsed]),
                         server: SchemaSnapshot(tables: [server.name: server]), exceptions: exceptions).mismatches()
    }

    @Test func theSameTableHasNoMismatches() {
        #expect(Self.mismatches(Self.server).isEmpty)
    }

    @Test func reportsEveryDifferenceAtOnce() {
        var parsed = Self.server
        parsed.columns[1].type = "bigint unsigned"
        parsed.columns[1].nullable = true
        parsed.columns[0].displayWidth = 11
        parsed.primaryKey = ["id", "customer_id"]
        parsed.foreignKeys[0].onDelete = "CASCADE"
        parsed.comment = "orders"
        let problems = Self.mismatches(parsed)
        #expect(problems.count == 6, "\(problems)")
        #expect(problems.contains("orders.customer_id: type parser `bigint unsigned` vs server `int unsigned`"))
    }

    @Test func reportsMissingAndExtraTablesColumnsAndKeys() {
        var parsed = Self.server
        parsed.columns.reverse()
        parsed.foreignKeys = []
        parsed.indexes = []
        parsed.uniqueKeys = [KeySnapshot(name: nil, kind: .unique, parts: [Self.part("customer_id")])]
        let problems = Self.mismatches(parsed)
        #expect(problems.contains { $0.hasPrefix("table orders: columns parser [customer_id, id]") })
        #expect(problems.contains { $0.contains("foreign key fk_orders_customer") && $0.hasSuffix("missing from the parse") })
        #expect(problems.contains { $0.contains("unique key (unnamed) (customer_id) in the parse") })
        // Without the foreign key, the server's index is no longer InnoDB's own: it must be parsed.
        #expect(problems.contains { $0.contains("index fk_orders_customer (customer_id) on the server") })
        let other = SchemaComparison(origin: .dump, parsed: SchemaSnapshot(tables: [:]),
                                     server: SchemaSnapshot(tables: ["orders": Self.server]), exceptions: []).mismatches()
        #expect(other == ["table orders: on the server, missing from the parse"])
    }

    @Test func theForeignKeyIndexMayBeMissingOnlyFromTheSourceFiles() {
        var parsed = Self.server
        parsed.indexes = []
        #expect(Self.mismatches(parsed, origin: .sourceFiles).isEmpty)
        #expect(Self.mismatches(parsed, origin: .dump).count == 1)
    }

    @Test func anUnwrittenActionIsRestrictAndUnnamedKeysPairByColumns() {
        let key = ForeignKeySnapshot(.init(columns: ["customer_id"], referencedTable: "customers", referencedColumns: ["id"],
                                           onUpdate: .cascade))
        #expect(key.onDelete == "RESTRICT")
        var parsed = Self.server
        parsed.foreignKeys = [key]
        #expect(Self.mismatches(parsed).isEmpty)
    }

    @Test func exceptionsMatchOnlyTheirColumnAndAreReportedWhenStale() {
        let exception = ReviewedTypeException(origins: [.sourceFiles], table: "orders", column: "customer_id",
                                              parserType: "json", serverType: "int unsigned", reason: "test")
        var parsed = Self.server
        parsed.columns[1].type = "json"
        #expect(Self.mismatches(parsed, exceptions: [exception]).isEmpty)
        #expect(Self.mismatches(parsed, origin: .dump, exceptions: [exception]).count == 1)
        parsed.columns[0].type = "json"
        #expect(Self.mismatches(parsed, exceptions: [exception]).count == 1)
        let stale = Self.mismatches(Self.server, exceptions: [exception])
        #expect(stale.count == 1 && stale[0].hasPrefix("stale exception orders.customer_id"), "\(stale)")
    }
}
