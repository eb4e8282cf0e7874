import Foundation
import TestSupport

/// A known statement workload run against a test server, so what a traffic source measures can be
/// checked against what was sent: statement A at 40 calls/s and B at 5/s for the whole run, and
/// one burst of C (200 calls within one second) at the middle. Reusable by any test that reads
/// the same traffic from another source (the slow and general logs of `MariaDBServer` started
/// with `Options.queryLogs`, the capture script): `WorkloadResult` says when it ran and where
/// the logs are.
///
/// Calls are paced against absolute times from the start (call i of a statement at
/// start + offset + i / rate), never by sleeping a fixed time after each call, so drift does not
/// accumulate: a late call is sent at once and the next ones keep their own times.
struct TrafficWorkload: Sendable {
    /// The database the workload's tables are in (the driver's default database).
    static let database = "workload"

    /// One statement of the workload: its calls' times from the start, and its SQL for call `i`.
    struct Statement: Sendable {
        let name: String
        /// Text that appears in the statement's digest and nowhere else in the workload.
        let marker: String
        let times: [Double]
        let sql: @Sendable (Int) -> String
    }

    /// Seconds from the first call to the end of the run.
    let seconds: Double
    let statements: [Statement]

    /// A: 40/s, a SELECT returning exactly 3 rows. B: 5/s, an UPDATE. C: 200 calls within one
    /// second starting at `burstAt`. All three vary their literals, so each is one digest.
    static func standard(seconds: Double = 59, burstAt: Double = 30) -> TrafficWorkload {
        let a = Statement(name: "A", marker: "category_id", times: paced(rate: 40, seconds: seconds)) { call in
            "SELECT id, name FROM items WHERE category_id = \(call % 20 + 1) ORDER BY id LIMIT 3"
        }
        let b = Statement(name: "B", marker: "hits", times: paced(rate: 5, seconds: seconds)) { call in
            "UPDATE counters SET hits = hits + 1 WHERE id = \(call % 10 + 1)"
        }
        let c = Statement(name: "C", marker: "price", times: paced(rate: 200, seconds: 1).map { $0 + burstAt }) { call in
            "SELECT name, price FROM items WHERE id = \(call % 200 + 1)"
        }
        return TrafficWorkload(seconds: seconds, statements: [a, b, c])
    }

    /// `rate` calls per second over `seconds`, the first at 0.
    static func paced(rate: Double, seconds: Double) -> [Double] {
        (0..<Int((rate * seconds).rounded())).map { Double($0) / rate }
    }

    /// The tables the statements read and write: 200 items in 20 categories of 10, 10 counters.
    static let schema = """
        CREATE TABLE items (
          id INT NOT NULL PRIMARY KEY,
          category_id INT NOT NULL,
          name VARCHAR(40) NOT NULL,
          price DECIMAL(8,2) NOT NULL,
          KEY idx_category (category_id)
        ) ENGINE=InnoDB;
        CREATE TABLE counters (id INT NOT NULL PRIMARY KEY, hits BIGINT NOT NULL DEFAULT 0) ENGINE=InnoDB;
        INSERT INTO items (id, category_id, name, price)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 200)
          SELECT i, (i - 1) DIV 10 + 1, CONCAT('item ', i), i * 1.25 FROM n;
        INSERT INTO counters (id)
          WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n;
        """

    /// Creates the database and its tables on `server` (as root).
    func prepare(on server: MariaDBServer) throws {
        try server.query("CREATE DATABASE \(Self.database)")
        try server.load(Self.schema, into: Self.database)
    }

    /// Sends every call at its time from `start` (seconds since 1970) over one connection;
    /// returns the calls sent and the rows each statement's calls returned.
    func drive(socket: URL, start: Double) throws -> [String: (calls: Int, rows: Int)] {
        let connection = try DriverConnection(socket: socket, database: Self.database)
        var schedule: [(time: Double, statement: Int, call: Int)] = []
        for (index, statement) in statements.enumerated() {
            schedule += statement.times.enumerated().map { (time: $0.element, statement: index, call: $0.offset) }
        }
        schedule.sort { ($0.time, $0.statement, $0.call) < ($1.time, $1.statement, $1.call) }
        var sent: [String: (calls: Int, rows: Int)] = [:]
        for event in schedule {
            let wait = start + event.time - Date().timeIntervalSince1970
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            let statement = statements[event.statement]
            let rows = try connection.execute(statement.sql(event.call))
            sent[statement.name, default: (0, 0)].calls += 1
            sent[statement.name, default: (0, 0)].rows += rows
        }
        let end = start + seconds
        let rest = end - Date().timeIntervalSince1970
        if rest > 0 { Thread.sleep(forTimeInterval: rest) }
        return sent
    }
}
