import QueryTraffic

/// performance_schema's `events_statements_summary_by_digest`, read for one database.
///
/// Which rows: the digests whose SCHEMA_NAME is the database, and those with no schema (NULL:
/// statements run without a default database, which may still name the database's tables as
/// `db.table`; the statement parser later keeps only statements that touch the schema's tables).
/// Left out: digests that read performance_schema or information_schema (monitoring, never an
/// access pattern; this also leaves out the sampler's own snapshot query, which would otherwise
/// count once per snapshot), and the overflow row whose DIGEST is NULL (statements not
/// summarised once the digest table is full).
///
/// Stored programs: a procedure call is summarised as its `CALL p(?)` digest, counted per call;
/// the statements inside procedures, functions and triggers are not summarised by digest on
/// MariaDB (10.11, checked by `LiveServerTests.storedProcedureStatements`), so they do not
/// appear. `events_statements_summary_by_program` counts executions per program, not per
/// statement inside it, so it would not name them either and is not read.
public struct PerformanceSchemaDigests: DigestSnapshotSource {
    public let connection: MySQLConnection
    public let database: String

    /// Checks that the server keeps digests (`check`), then reads the connection's database.
    public init(connection: MySQLConnection) throws(MySQLLiveError) {
        try Self.check(connection)
        self.connection = connection
        self.database = connection.url.database
    }

    /// `performanceSchemaOff` when `@@performance_schema` is 0 (it can only be turned on with a
    /// restart), `digestConsumerDisabled` when the statements_digest consumer is off, and
    /// `privilegeMissing` (GRANT SELECT ON performance_schema.*) when the user cannot read them.
    /// Never changes either setting: the tool does not write to the server.
    public static func check(_ connection: MySQLConnection) throws(MySQLLiveError) {
        let enabled = try connection.rows("SELECT @@performance_schema").first?.first ?? nil
        guard enabled == "1" || enabled?.uppercased() == "ON" else {
            throw .performanceSchemaOff(target: connection.url.target)
        }
        let consumer = try connection.rows("""
            SELECT ENABLED FROM performance_schema.setup_consumers WHERE NAME = 'statements_digest'
            """)
        guard consumer.first?.first??.uppercased() == "YES" else {
            throw .digestConsumerDisabled(target: connection.url.target)
        }
    }

    public func digests() throws(MySQLLiveError) -> [DigestCounters] {
        let statement = """
            SELECT SCHEMA_NAME, DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_ROWS_SENT, SUM_ROWS_EXAMINED
            FROM performance_schema.events_statements_summary_by_digest
            WHERE (SCHEMA_NAME = \(connection.literal(database)) OR SCHEMA_NAME IS NULL)
              AND DIGEST IS NOT NULL AND DIGEST_TEXT IS NOT NULL
              AND DIGEST_TEXT NOT LIKE '%performance_schema%' AND DIGEST_TEXT NOT LIKE '%information_schema%'
            """
        var counters: [DigestCounters] = []
        for row in try connection.rows(statement) {
            guard row.count == 6, let digest = row[1], let text = row[2], let calls = row[3].flatMap({ Int($0) }),
                  let sent = row[4].flatMap({ Int($0) }), let examined = row[5].flatMap({ Int($0) })
            else {
                throw .unexpectedResult(statement: "events_statements_summary_by_digest",
                                        detail: "a row without a digest or with counters that are not numbers")
            }
            // One digest may be summarised under the database and under no schema: two rows.
            let key = row[0] == nil ? "\(digest) (no schema)" : digest
            counters.append(DigestCounters(key: key, schema: row[0], digestText: text, calls: calls, rowsSent: sent,
                                           rowsExamined: examined))
        }
        return counters
    }
}
