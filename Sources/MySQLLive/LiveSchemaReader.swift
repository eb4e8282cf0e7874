import MySQLSchema

/// Reads one database of a live server into the same `ParsedSchema` a DDL import gives.
///
/// Each base table's definition comes from `SHOW CREATE TABLE`, parsed by `SchemaParser` (one
/// source per table, all parsed together so foreign keys between tables resolve). Why not build
/// tables from information_schema's COLUMNS, KEY_COLUMN_USAGE and REFERENTIAL_CONSTRAINTS: the
/// server's own DDL is exactly what `mysqldump --no-data` writes, so a live read and an import of
/// a dump give the same tables by construction, and every detail the parser reads (types with
/// their display widths and ENUM members, defaults, generated columns, CHECK constraints, prefix
/// and DESC key parts, FOREIGN KEY actions) is read by the one code path the DDL import already
/// tests; a second mapping from information_schema's columns would have to agree with it field by
/// field. It costs one round trip per table.
///
/// information_schema supplies what DDL does not hold: the list of base tables, each table's
/// statistics (TABLE_ROWS and AVG_ROW_LENGTH from TABLES), and the views, routines, triggers and
/// events, listed as skipped statements as the DDL import lists them.
public struct LiveSchemaReader: Sendable {
    public let connection: MySQLConnection

    public init(connection: MySQLConnection) {
        self.connection = connection
    }

    /// The database named in the connection's URL.
    public func read() throws(MySQLLiveError) -> ParsedSchema {
        let database = connection.url.database
        let schema = connection.literal(database)
        let listed = try connection.rows("""
            SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, AVG_ROW_LENGTH FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = \(schema)
            """).sorted(by: Self.firstField)
        var statistics: [String: TableStatistics] = [:]
        var sources: [SchemaSource] = []
        var views: [String] = []
        var others: [String] = []
        for row in listed {
            guard row.count == 4, let name = row[0], let type = row[1] else {
                throw .unexpectedResult(statement: "information_schema.TABLES", detail: "a row without TABLE_NAME or TABLE_TYPE")
            }
            switch type {
            case "BASE TABLE", "SYSTEM VERSIONED":
                statistics[name] = Self.statistics(rows: row[2], averageRowLength: row[3])
                sources.append(try createTable(name))
            case "VIEW":
                views.append(name)
            default:
                // MariaDB's SEQUENCE objects, and anything newer: not tables to model.
                others.append(name)
            }
        }
        var parsed = SchemaParser.parse(sources)
        for index in parsed.tables.indices {
            parsed.tables[index].statistics = statistics[parsed.tables[index].name]
        }
        parsed.skipped += views.enumerated().map { position, name in
            SkippedStatement(kind: .view, name: name, file: "information_schema.TABLES", line: position + 1)
        }
        parsed.skipped += others.enumerated().map { position, name in
            SkippedStatement(kind: .other, name: name, file: "information_schema.TABLES", line: position + 1)
        }
        parsed.skipped += try storedPrograms(schema: schema)
        return parsed
    }

    /// `SHOW CREATE TABLE` of one table, as a source named `db.table`.
    private func createTable(_ name: String) throws(MySQLLiveError) -> SchemaSource {
        let statement = "SHOW CREATE TABLE \(MySQLConnection.identifier(connection.url.database)).\(MySQLConnection.identifier(name))"
        let result = try connection.rows(statement)
        guard let row = result.first, row.count >= 2, let ddl = row[1] else {
            throw .unexpectedResult(statement: statement, detail: "no CREATE TABLE text came back")
        }
        return SchemaSource(name: "\(connection.url.database).\(name)", text: ddl + ";\n")
    }

    /// Routines, triggers and events the user can see, as skipped statements; `line` is the
    /// position in information_schema's list of that kind (sorted by name). information_schema
    /// shows a routine only to users with a privilege on it (EXECUTE, ALTER ROUTINE) and a trigger
    /// only to users with the TRIGGER privilege, so with the read-only grant of
    /// docs/mysql-traffic.md these lists are empty: they are informative only, and asking for
    /// those privileges (TRIGGER lets a user create and drop triggers) would be too much.
    private func storedPrograms(schema: String) throws(MySQLLiveError) -> [SkippedStatement] {
        let kinds: [(table: String, nameColumn: String, schemaColumn: String, kind: (String) -> SkippedStatement.Kind)] = [
            ("ROUTINES", "ROUTINE_NAME, ROUTINE_TYPE", "ROUTINE_SCHEMA", { $0 == "FUNCTION" ? .function : .procedure }),
            ("TRIGGERS", "TRIGGER_NAME, 'TRIGGER'", "TRIGGER_SCHEMA", { _ in .trigger }),
            ("EVENTS", "EVENT_NAME, 'EVENT'", "EVENT_SCHEMA", { _ in .event }),
        ]
        var skipped: [SkippedStatement] = []
        for source in kinds {
            let rows = try connection.rows("""
                SELECT \(source.nameColumn) FROM information_schema.\(source.table)
                WHERE \(source.schemaColumn) = \(schema)
                """).sorted(by: Self.firstField)
            for (position, row) in rows.enumerated() {
                guard row.count == 2, let name = row[0] else { continue }
                skipped.append(SkippedStatement(kind: source.kind(row[1] ?? ""), name: name,
                                                file: "information_schema.\(source.table)", line: position + 1))
            }
        }
        return skipped
    }

    /// Rows ordered by their first field, compared as Unicode text: the same order whatever the
    /// server's collation (ORDER BY would follow it).
    private static func firstField(_ left: [String?], _ right: [String?]) -> Bool {
        let leftName: String = left.first.flatMap { $0 } ?? ""
        let rightName: String = right.first.flatMap { $0 } ?? ""
        return leftName < rightName
    }

    /// TABLE_ROWS and AVG_ROW_LENGTH; no average for an empty table (the server reports 0).
    static func statistics(rows: String?, averageRowLength: String?) -> TableStatistics? {
        guard let rows, let count = Int(rows) else { return nil }
        let average = averageRowLength.flatMap { Int($0) }
        return TableStatistics(rows: count, averageRowLength: count > 0 && (average ?? 0) > 0 ? average : nil)
    }
}
