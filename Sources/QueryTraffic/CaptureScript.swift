/// The capture script: a read-only SQL script a DBA runs with the `mysql` (or `mariadb`) client
/// in batch mode on a server the tool cannot reach. It takes a snapshot of performance_schema's
/// per-digest counters (`events_statements_summary_by_digest`) every `intervalSeconds` for
/// `durationSeconds`, with `DO SLEEP` in between; `CaptureOutputReader` turns what the client
/// printed into a traffic window.
///
/// It writes nothing (the session is `READ ONLY`; it only selects, and sleeps), creates nothing
/// (no procedure: the text itself is the loop, unrolled) and needs only `SELECT` on
/// performance_schema. Every row it prints starts with a marker word (`ddbmodel-…`), so the
/// output is read without guessing.
public enum CaptureScript {
    /// The marker words in the first column of each row the script prints.
    public enum Marker {
        /// `ddbmodel-capture  1  version  ON|OFF  duration  interval`: the header.
        public static let header = "ddbmodel-capture"
        /// Printed only when performance_schema is off.
        public static let performanceSchemaOff = "ddbmodel-performance-schema-off"
        /// `ddbmodel-snapshot  n  unix-time`: snapshot n begins, taken at that time.
        public static let snapshot = "ddbmodel-snapshot"
        /// `ddbmodel-digest  n  schema  digest  digest-text  count  rows-sent  rows-examined`.
        public static let digest = "ddbmodel-digest"
        /// `ddbmodel-capture-end  snapshots`: the script ran to its end.
        public static let end = "ddbmodel-capture-end"
    }

    /// The format version in the header row.
    public static let formatVersion = 1

    /// The number of snapshots for a duration and interval: one at the start and one after each
    /// interval, covering at least the duration.
    public static func snapshotCount(durationSeconds: Int, intervalSeconds: Int) -> Int {
        let interval = max(1, intervalSeconds)
        return (max(1, durationSeconds) + interval - 1) / interval + 1
    }

    /// The script's text for a capture of `durationSeconds`, one snapshot every `intervalSeconds`
    /// (both at least 1).
    public static func text(durationSeconds: Int, intervalSeconds: Int) -> String {
        let interval = max(1, intervalSeconds)
        let duration = max(1, durationSeconds)
        let snapshots = snapshotCount(durationSeconds: duration, intervalSeconds: interval)
        var lines = [
            "-- ddbmodel capture script: \(snapshots) snapshots of performance_schema's statement digests,",
            "-- one every \(interval) s over \(duration) s. Read-only: it selects and sleeps, and writes nothing.",
            "-- Needs SELECT on performance_schema. Run it in batch mode and keep all its output:",
            "--   mysql -B -N -h HOST -u USER -p < capture.sql > capture.tsv",
            "--   (or: mariadb --batch --skip-column-names ... < capture.sql > capture.tsv)",
            "SET SESSION TRANSACTION READ ONLY;",
            "SELECT '\(Marker.header)', \(formatVersion), @@version, IF(@@performance_schema, 'ON', 'OFF'), \(duration), \(interval);",
            "SELECT '\(Marker.performanceSchemaOff)' FROM DUAL WHERE NOT @@performance_schema;",
        ]
        for snapshot in 0..<snapshots {
            if snapshot > 0 { lines.append("DO SLEEP(\(interval));") }
            lines.append("SELECT '\(Marker.snapshot)', \(snapshot), UNIX_TIMESTAMP(NOW(6));")
            lines.append(
                "SELECT '\(Marker.digest)', \(snapshot), IFNULL(SCHEMA_NAME, ''), DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_ROWS_SENT, SUM_ROWS_EXAMINED"
                    + " FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST IS NOT NULL AND DIGEST_TEXT IS NOT NULL;"
            )
        }
        lines.append("SELECT '\(Marker.end)', \(snapshots);")
        return lines.joined(separator: "\n") + "\n"
    }
}
