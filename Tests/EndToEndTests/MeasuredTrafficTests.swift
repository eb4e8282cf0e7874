import Foundation
import Testing
import TestSupport

/// Measured traffic through the built binary: `capture-script`, `new --schema --query-log` and
/// `--capture`, the proposals reviewed at the prompt, the requirements document's provenance,
/// and every refusal with its message and nothing written.
@Suite("Measured traffic through the binary")
struct MeasuredTrafficTests {
    static let schema = """
        CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, name VARCHAR(100));
        CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL,
          total DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL,
          FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE);
        """

    /// A MySQL 8 slow log (long_query_time = 0) of 60 seconds: orders by customer 4/s (with two
    /// IN-list lengths of one lookup merged), a customer by email 1/s with a 10-call burst, an
    /// insert every other second, a subquery the reader does not follow, and COMMITs.
    static func slowLog() -> String {
        var log = "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\nTcp port: 3306  Unix socket: /tmp/mysql.sock\nTime                 Id Command    Argument\n"
        let start = 1_796_464_740
        func entry(_ second: Int, _ sql: String, rows: Int) {
            log += "# Time: 2026-12-05T09:\(59 + (second >= 60 ? 1 : 0)):\(String(format: "%02d", second % 60)).000000Z\n"
            log += "# User@Host: app[app] @ localhost []  Id:    12\n"
            log += "# Query_time: 0.000200  Lock_time: 0.000010 Rows_sent: \(rows)  Rows_examined: \(rows * 4)\n"
            log += "use shop;\nSET timestamp=\(start + second);\n\(sql);\n"
        }
        for second in 0..<60 {
            for call in 0..<4 {
                let ids = call % 2 == 0 ? "\(second)" : "\(second), \(second + 1)"
                entry(second, "SELECT id, total FROM orders WHERE customer_id IN (\(ids)) ORDER BY created_at DESC LIMIT 20", rows: 5)
            }
            entry(second, "SELECT * FROM customers WHERE email = 'c\(second)@example.com'", rows: 1)
            if second == 30 { for burst in 0..<10 { entry(second, "SELECT * FROM customers WHERE email = 'b\(burst)@example.com'", rows: 1) } }
            if second % 2 == 0 {
                entry(second, "INSERT INTO orders (id, customer_id, status, total, created_at) VALUES (\(second), 7, 'new', 12.50, NOW())", rows: 0)
                entry(second, "COMMIT", rows: 0)
            }
            if second % 10 == 0 { entry(second, "SELECT * FROM orders WHERE id IN (SELECT order_id FROM refunds)", rows: 0) }
        }
        return log
    }

    static func prepared() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try schema.write(to: runner.file("schema.sql"), atomically: true, encoding: .utf8)
        try slowLog().write(to: runner.file("slow.log"), atomically: true, encoding: .utf8)
        return runner
    }

    @Test("new --schema --query-log proposes the patterns, reviews them at the prompt and records where the figures come from")
    func queryLogSession() throws {
        let runner = try Self.prepared()
        let answers = ["shop", "Orders are never lost.", "10k", "200", "", "", "avg 5 max 100", "",
                       "edit description=\"Get a customer's latest orders\"", "", "", "drop", "/quit"]
        let result = try runner.run(["new", "shop", "--schema", "schema.sql", "--query-log", "slow.log"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Measured traffic (measured: 60-second window ending 2026-12-05T10:00Z (slow query log)): 3 proposed patterns from 340 data calls."))
        #expect(result.output.contains("select * from orders where id in (select order_id from refunds) (6 calls): a subquery in WHERE"))
        #expect(result.output.contains("Not data access, not patterns: transaction control: COMMIT 30."))
        #expect(result.output.contains("Proposed pattern 1 (3 to review): Get Order by customer_id, highest created_at first"))
        #expect(result.output.contains("items=\"avg 5 max 20\" peak=4 avg=4"), "5 rows returned per call, LIMIT 20")
        #expect(result.output.contains("MySQL reads 20 rows per call to return 5."))
        #expect(result.output.contains("Added pattern 1: Get a customer's latest orders."))
        #expect(result.output.contains("Proposed pattern 2 (2 to review): Get Customer by email"))
        #expect(result.output.contains("peak=11 avg=1.167"), "the burst second holds 11 calls")

        let requirements = try #require(runner.contents("Sessions/shop/dynamodb_requirement.md"))
        #expect(requirements.contains("RPS measured: 60-second window ending 2026-12-05T10:00Z, 240 calls (slow query log)"))
        #expect(requirements.contains("RPS measured: 60-second window ending 2026-12-05T10:00Z, 70 calls (slow query log)"))
        #expect(requirements.contains("### Measured Statements Not Turned Into Patterns"))
        #expect(requirements.contains("dropped at the review"))
        #expect(requirements.contains("subquery"))
        let session = try #require(runner.contents("Sessions/shop/session.json"))
        #expect(session.contains("\"measured\""))
        #expect(!session.contains("c17@example.com"), "literal values of logged statements are not kept")
    }

    @Test("capture-script prints the read-only script; its output, imported with --capture, proposes the patterns")
    func captureScript() throws {
        let runner = try Self.prepared()
        let script = try runner.run(["capture-script", "--duration", "2m", "--every", "30s"])
        #expect(script.status == 0)
        #expect(script.output.hasPrefix("-- ddbmodel capture script: 5 snapshots"))
        #expect(script.output.contains("SET SESSION TRANSACTION READ ONLY;"))
        #expect(!script.output.uppercased().contains("INSERT ") && !script.output.uppercased().contains("CREATE "))
        for (arguments, message) in [(["--every", "0s"], "is not a snapshot interval"), (["--duration", "20s", "--every", "15s"], "must fit at least twice"),
                                      (["--duration", "soon"], "is not a sampling length")] {
            let refused = try runner.run(["capture-script"] + arguments)
            #expect(refused.status == 1 && refused.errors.contains(message), "\(arguments): \(refused.errors)")
        }

        // What `mysql -B -N < capture.sql` prints: two snapshots a minute apart.
        let digest = "SELECT `id` , `total` FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at` DESC LIMIT ?"
        let output = """
            ddbmodel-capture\t1\t10.11.19-MariaDB\tON\t60\t60
            ddbmodel-snapshot\t0\t1796464740.000000
            ddbmodel-digest\t0\tshop\tabc123\t\(digest)\t1000\t5000\t20000
            ddbmodel-snapshot\t1\t1796464800.000000
            ddbmodel-digest\t1\tshop\tabc123\t\(digest)\t1240\t6200\t24800
            ddbmodel-capture-end\t2

            """
        try output.write(to: runner.file("capture.tsv"), atomically: true, encoding: .utf8)
        let result = try runner.run(["new", "cap", "--schema", "schema.sql", "--capture", "capture.tsv"], input: "/quit\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Measured traffic (measured: 60-second window ending 2026-12-05T10:00Z (capture script)): 1 proposed pattern from 240 data calls."))
        let session = try #require(runner.contents("Sessions/cap/session.json"))
        #expect(session.contains("\"pending_proposals\""))
    }

    @Test("bad traffic input is refused with a specific message, and no session is created", arguments: [
        (["--schema", "schema.sql", "--query-log", "missing.log"], "Cannot read the query log missing.log: it does not exist."),
        (["--schema", "schema.sql", "--query-log", "schema.sql"], "schema.sql"),
        (["--schema", "schema.sql", "--capture", "slow.log"], "slow.log"),
        (["--query-log", "slow.log"], "Measured traffic is placed on the imported tables"),
        (["--schema", "schema.sql", "--sample", "10m"], "--sample goes with --mysql"),
        (["--schema", "schema.sql", "--mysql", "mysql://app@db/shop"], "Use --schema or --mysql, not both"),
        (["--mysql", "mysql://app:secret@db/shop"], "MYSQL_PWD"),
        (["--mysql", "mysql://app@127.0.0.1:1/shop?connect-timeout=2", "--sample", "0"], "127.0.0.1:1"),
        (["--mysql", "mysql://app@127.0.0.1:1/shop", "--sample", "5s"], "at least 10 seconds"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let runner = try Self.prepared()
        let result = try runner.run(["new", "bad"] + arguments, input: "/quit\n", environment: ["MYSQL_PWD": ""])
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
        #expect(!result.errors.contains("secret"))
        #expect(!FileManager.default.fileExists(atPath: runner.file("Sessions/bad").path), "nothing is created")
    }
}
