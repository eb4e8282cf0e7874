import MySQLSchema
import Testing

/// Checks on the fixture files that need no server, so they run even where MariaDB is missing.
@Suite struct FixtureParseTests {
    @Test func triggerFunctionAndViewAreSkippedByName() throws {
        let parsed = SchemaParser.parse(try Fixtures.sourcesInOrder())
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.tables.count == 20)
        #expect(parsed.skippedNames(of: .trigger) == ["trg_orders_bump_version"])
        #expect(parsed.skippedNames(of: .function) == ["fn_order_units"])
        #expect(parsed.skippedNames(of: .view) == ["v_order_totals"])
        #expect(parsed.table(named: "v_order_totals") == nil)
    }

    @Test func migrationsAreFoundInFileNameOrder() throws {
        let names = try Fixtures.migrations().map(\.lastPathComponent)
        #expect(names == ["001_loyalty_coupons_tracking.sql", "002_catalogue_cleanup.sql"])
    }
}
