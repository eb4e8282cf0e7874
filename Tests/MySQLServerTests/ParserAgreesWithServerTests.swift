import Foundation
import TestSupport
import MySQLSchema
import Testing

/// The MySQLSchema parser checked against a real MariaDB server. The fixture schema and its
/// migrations are loaded into a private server; then two parses are compared with the server's
/// information_schema, table by table:
/// 1. the server's own `mysqldump --no-data --routines --triggers` output, and
/// 2. schema.sql plus the migrations, as separate files applied in order.
///
/// Without the MariaDB binaries the suite is skipped, except under CI (`CI` set), where the test
/// command installs them (scripts/mariadb-test-deps.sh) and their absence is a failure.
@Suite(
    .timeLimit(.minutes(3)),
    .enabled(
        if: MariaDBBinaries.available || MariaDBBinaries.runningInCI,
        "MariaDB server/client not installed (run scripts/mariadb-test-deps.sh); skipped outside CI"
    )
)
struct ParserAgreesWithServerTests {
    static let database = "shop"

    /// Where the server's report rightly differs from the parser's. Each is reviewed; one that a
    /// parse stops needing is reported as stale.
    static let reviewedExceptions: [ReviewedTypeException] = [
        // MariaDB has no JSON type: JSON is an alias for LONGTEXT plus CHECK (json_valid(column)),
        // so COLUMN_TYPE says `longtext`. The parser keeps `json` for schema.sql, and recognises
        // the LONGTEXT + json_valid pair in the dump as JSON too, which is what the model wants.
        ReviewedTypeException(origins: [.dump, .sourceFiles], table: "products", column: "attributes",
                              parserType: "json", serverType: "longtext", reason: "MariaDB stores JSON as LONGTEXT"),
        ReviewedTypeException(origins: [.dump, .sourceFiles], table: "audit_events", column: "payload",
                              parserType: "json", serverType: "longtext", reason: "MariaDB stores JSON as LONGTEXT"),
    ]

    @Test func bothParsesMatchTheServer() throws {
        let files = try Fixtures.filesInOrder()
        let server = try MariaDBServer.start()
        defer { server.stop() }

        try server.query("CREATE DATABASE \(Self.database)")
        for file in files {
            try server.load(file, into: Self.database)
        }
        let dump = try server.dumpSchema(of: Self.database)
        let reader = InformationSchemaReader(server: server, database: Self.database)
        let serverSchema = try reader.snapshot()
        let nonTables = try reader.nonTableObjects()
        server.stop()

        // Guards against a vacuous pass (nothing loaded, nothing compared).
        #expect(serverSchema.tables.count == 20, "tables on the server: \(serverSchema.tables.keys.sorted())")
        #expect(nonTables == ["FUNCTION fn_order_units", "TRIGGER trg_orders_bump_version", "VIEW v_order_totals"])

        let parses: [(ParseOrigin, ParsedSchema)] = [
            (.dump, SchemaParser.parse([SchemaSource(name: "mysqldump", text: dump)])),
            (.sourceFiles, SchemaParser.parse(try Fixtures.sourcesInOrder())),
        ]
        var report: [String] = []
        for (origin, parsed) in parses {
            var problems = parsed.diagnostics.map { "diagnostic: \($0)" }
            problems += SchemaComparison(origin: origin, parsed: SchemaSnapshot(parsed), server: serverSchema,
                                         exceptions: Self.reviewedExceptions).mismatches()
            problems += Self.unskipped(nonTables, in: parsed)
            if !problems.isEmpty {
                report.append("\(origin.rawValue): \(problems.count) mismatch(es)\n  " + problems.joined(separator: "\n  "))
            }
        }
        if !report.isEmpty {
            Issue.record("The parser disagrees with MariaDB:\n\(report.joined(separator: "\n"))")
        }
    }

    /// Triggers, views and routines on the server that the parse did not name in `skipped`.
    static func unskipped(_ nonTables: [String], in parsed: ParsedSchema) -> [String] {
        let kinds: [String: SkippedStatement.Kind] = ["TRIGGER": .trigger, "VIEW": .view, "FUNCTION": .function, "PROCEDURE": .procedure]
        return nonTables.compactMap { object in
            let words = object.split(separator: " ", maxSplits: 1).map(String.init)
            guard let kind = kinds[words[0]] else { return "\(object): unexpected object kind" }
            if parsed.table(named: words[1]) != nil { return "\(object): parsed as a table" }
            return parsed.skippedNames(of: kind).contains(words[1]) ? nil : "\(object): not in skipped"
        }
    }
}
