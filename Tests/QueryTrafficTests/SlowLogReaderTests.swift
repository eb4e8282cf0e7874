import Foundation
@testable import QueryTraffic
import SeededRandom
import Testing

/// The slow query log read into per-fingerprint traffic: both header styles, the window and its
/// rates, multi-line and truncated entries, banners, errors, and the split across cores.
@Suite struct SlowLogReaderTests {
    /// MySQL 8: `# Time:` in ISO form on every entry, `use` when the database changes.
    static let mysql8 = """
    /usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
    Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
    Time                 Id Command    Argument
    # Time: 2026-12-05T10:00:00.100000Z
    # User@Host: app[app] @ localhost []  Id:     8
    # Query_time: 0.000152  Lock_time: 0.000002 Rows_sent: 1  Rows_examined: 1
    use shop;
    SET timestamp=1796464800;
    SELECT * FROM orders WHERE id = 1;
    # Time: 2026-12-05T10:00:00.200000Z
    # User@Host: app[app] @ localhost []  Id:     8
    # Query_time: 0.000152  Lock_time: 0.000002 Rows_sent: 1  Rows_examined: 3
    SET timestamp=1796464800;
    SELECT * FROM orders WHERE id = 22;
    # Time: 2026-12-05T10:00:00.300000Z
    # User@Host: app[app] @ localhost []  Id:     9
    # Query_time: 0.000301  Lock_time: 0.000002 Rows_sent: 0  Rows_examined: 0
    SET timestamp=1796464800;
    UPDATE orders
       SET status = 'paid'
     WHERE id = 7;
    # Time: 2026-12-05T10:00:02.000000Z
    # User@Host: app[app] @ localhost []  Id:     8
    # Query_time: 0.000152  Lock_time: 0.000002 Rows_sent: 1  Rows_examined: 2
    SET timestamp=1796464802;
    select * from orders where id = 333;
    # Time: 2026-12-05T10:00:03.500000Z
    # User@Host: app[app] @ localhost []  Id:     8
    # Query_time: 0.000152  Lock_time: 0.000002 Rows_sent: 4  Rows_examined: 4
    use crm;
    SET timestamp=1796464803;
    SELECT name FROM customers WHERE id IN (1, 2, 3, 4);

    """

    /// MariaDB: `# Time:` only when the second changes, `Schema:` on every entry, and the
    /// start-up banner again after a restart.
    static let mariadb = """
    /usr/sbin/mariadbd, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:
    Tcp port: 0  Unix socket: /run/mysqld/mysqld.sock
    Time\t\t    Id Command\tArgument
    # Time: 261205 10:00:00
    # User@Host: app[app] @ localhost []
    # Thread_id: 3  Schema: shop  QC_hit: No
    # Query_time: 0.000196  Lock_time: 0.000000  Rows_sent: 2  Rows_examined: 10
    # Rows_affected: 0  Bytes_sent: 11
    SET timestamp=1796464800;
    select id from orders where customer_id = 5 limit 10;
    # User@Host: app[app] @ localhost []
    # Thread_id: 3  Schema: shop  QC_hit: No
    # Query_time: 0.000196  Lock_time: 0.000000  Rows_sent: 4  Rows_examined: 20
    # Rows_affected: 0  Bytes_sent: 11
    SET timestamp=1796464800;
    select id from orders where customer_id = 77 limit 20;
    /usr/sbin/mariadbd, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:
    Tcp port: 0  Unix socket: /run/mysqld/mysqld.sock
    Time\t\t    Id Command\tArgument
    # Time: 261205 10:00:04
    # User@Host: app[app] @ localhost []
    # Thread_id: 4  Schema:   QC_hit: No
    # Query_time: 0.000196  Lock_time: 0.000000  Rows_sent: 0  Rows_examined: 0
    # Rows_affected: 0  Bytes_sent: 11
    SET timestamp=1796464804;
    SELECT DATABASE();

    """

    static func read(_ text: String, name: String = "slow.log") throws -> TrafficWindow {
        try SlowLogReader.read(Array(text.utf8), name: name)
    }

    static func statement(_ window: TrafficWindow, _ fingerprint: String) throws -> StatementTraffic {
        try #require(window.statements.first { $0.fingerprint == fingerprint }, "no \(fingerprint) in \(window.statements.map(\.fingerprint))")
    }

    @Test func mysql8Log() throws {
        let window = try Self.read(Self.mysql8)
        #expect(window.source == .slowLog)
        #expect(window.start == 1_796_464_800)
        #expect(window.end == 1_796_464_804) // the last statement's second, included
        #expect(window.seconds == 4)
        #expect(window.peakIntervalSeconds == 1)
        #expect(window.statements.map(\.calls) == [3, 1, 1])

        let select = try Self.statement(window, "select * from orders where id = ?")
        #expect(select.calls == 3)
        #expect(select.example == "SELECT * FROM orders WHERE id = 1")
        #expect(select.schema == "shop")
        #expect(select.averageRPS == 0.75)
        #expect(select.peakRPS == 2)
        #expect(select.intervalCalls == [IntervalCalls(interval: 0, calls: 2), IntervalCalls(interval: 2, calls: 1)])
        #expect(select.rowsSentPerCall == 1)
        #expect(select.rowsExaminedPerCall == 2)

        let update = try Self.statement(window, "update orders set status = ? where id = ?")
        #expect(update.example == "UPDATE orders\n   SET status = 'paid'\n WHERE id = 7")
        #expect(update.schema == "shop")

        let inList = try Self.statement(window, "select name from customers where id in(?+)")
        #expect(inList.schema == "crm")
        #expect(inList.intervalCalls == [IntervalCalls(interval: 3, calls: 1)])
        #expect(inList.rowsSentPerCall == 4)
    }

    @Test func mariadbLogWithRestart() throws {
        let window = try Self.read(Self.mariadb)
        #expect(window.start == 1_796_464_800)
        #expect(window.seconds == 5)
        let limit = try Self.statement(window, "select id from orders where customer_id = ? limit ?")
        #expect(limit.calls == 2)
        #expect(limit.schema == "shop")
        #expect(limit.peakRPS == 2)
        #expect(limit.averageRPS == 0.4)
        #expect(limit.rowsSentPerCall == 3)
        #expect(limit.rowsExaminedPerCall == 15)
        // The banner after the restart is not part of the statement before it.
        #expect(limit.example == "select id from orders where customer_id = 5 limit 10")
        let database = try Self.statement(window, "select database()")
        #expect(database.schema == nil)
        #expect(window.statements.count == 2)
    }

    @Test func timeHeaderWithoutSetTimestamp() throws {
        let text = """
        # Time: 261205  9:59:59
        # User@Host: app[app] @ localhost []
        # Query_time: 0.1  Lock_time: 0.0  Rows_sent: 0  Rows_examined: 0
        select 1;
        # User@Host: app[app] @ localhost []
        # Query_time: 0.1  Lock_time: 0.0  Rows_sent: 0  Rows_examined: 0
        select 2;

        """
        let window = try Self.read(text)
        #expect(window.start == 1_796_464_799)
        #expect(window.statements.map(\.calls) == [2])
    }

    @Test func averageAndPeakFromKnownPattern() throws {
        // 10 seconds; calls per second 5, 0, 1, 9, 0, 0, 2, 0, 0, 3 for one statement.
        let pattern = [5, 0, 1, 9, 0, 0, 2, 0, 0, 3]
        var text = ""
        for (second, calls) in pattern.enumerated() {
            for call in 0..<calls {
                text += "# Time: 2026-12-05T10:00:0\(second).000000Z\n# User@Host: a[a] @ h []  Id: 1\n"
                text += "# Query_time: 0.1  Lock_time: 0.0 Rows_sent: 1  Rows_examined: 1\nSET timestamp=\(1_796_464_800 + second);\n"
                text += "SELECT v FROM kv WHERE k = '\(second)-\(call)';\n"
            }
        }
        let window = try Self.read(text)
        let statement = try Self.statement(window, "select v from kv where k = ?")
        #expect(window.seconds == 10)
        #expect(statement.calls == 20)
        #expect(statement.averageRPS == 2)
        #expect(statement.peakRPS == 9)
        #expect(statement.intervalCalls.map(\.interval) == [0, 2, 3, 6, 9])
        #expect(statement.intervalCalls.map(\.calls) == [5, 1, 9, 2, 3])
    }

    @Test func truncatedLastEntryIsReadAsFarAsItGoes() throws {
        let cut = Self.mysql8.range(of: "IN (1, 2")!.upperBound
        let window = try Self.read(String(Self.mysql8[..<cut]))
        #expect(window.statements.map(\.calls) == [3, 1, 1])
        #expect(window.statements.contains { $0.example == "SELECT name FROM customers WHERE id IN (1, 2" })

        let headerOnly = Self.mysql8.range(of: "use crm;")!.lowerBound
        #expect(try Self.read(String(Self.mysql8[..<headerOnly])).statements.map(\.calls) == [3, 1])
    }

    @Test func notASlowLog() {
        #expect(throws: TrafficLogError.self) { try Self.read("hello\nworld\n") }
        do {
            _ = try Self.read("Tcp port: 0  Unix socket: x\nSELECT 1;\n", name: "app.log")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.file == "app.log")
            #expect(error.line == 2)
            #expect(error.message.contains("expected a slow query log entry"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func brokenTimeIsReportedWithItsLine() {
        let text = "# Time: 2026-12-05T10:00:00Z\n# User@Host: a[a] @ h []\nSET timestamp=1;\nselect 1;\n# Time: yesterday\n"
        do {
            _ = try Self.read(text)
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.line == 5)
            #expect(error.message.contains("after `# Time:`"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func entryWithoutAnyTime() {
        do {
            _ = try Self.read("# User@Host: a[a] @ h []\nselect 1;\n")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.line == 2)
            #expect(error.message.contains("SET timestamp="))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func emptyAndBannerOnlyLogs() {
        #expect(throws: TrafficLogError.self) { try QueryLogFiles.read([], name: "empty.log") }
        #expect(throws: TrafficLogError.self) { try Self.read("Tcp port: 0  Unix socket: x\n") }
    }

    @Test func severalFilesMergeIntoOneWindow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slow-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.log")
        let second = folder.appendingPathComponent("b.log")
        try Self.mysql8.write(to: first, atomically: true, encoding: .utf8)
        try Self.mariadb.write(to: second, atomically: true, encoding: .utf8)
        let window = try QueryLogFiles.read(paths: [first.path, second.path])
        #expect(window.source == .slowLog)
        #expect(window.start == 1_796_464_800)
        #expect(window.seconds == 5)
        #expect(window.statements.map(\.calls).reduce(0, +) == 8)
        #expect(try Self.statement(window, "select * from orders where id = ?").calls == 3)
        #expect(try Self.statement(window, "select id from orders where customer_id = ? limit ?").calls == 2)

        let twice = try QueryLogFiles.read(paths: [first.path, first.path])
        let select = try Self.statement(twice, "select * from orders where id = ?")
        #expect(select.calls == 6)
        #expect(select.peakRPS == 4)
        #expect(select.averageRPS == 1.5)
    }

    /// A log read in many parts on several cores reads exactly as in one part: the same counts,
    /// per-second calls, examples and schemas (a schema set before a part boundary carries over).
    @Test func partsReadAsOne() throws {
        var random = SeededGenerator(seed: 42)
        var text = ""
        var second = 1_796_464_800
        for entry in 0..<6000 {
            if random.chance(10) { second += 1 }
            text += "# Time: 2026-12-05T10:00:00.000000Z\n# User@Host: a[a] @ h []  Id: 1\n"
            text += "# Query_time: 0.1  Lock_time: 0.0 Rows_sent: \(random.below(5))  Rows_examined: \(random.below(50))\n"
            if entry % 1500 == 0 { text += "use db\(entry / 1500);\n" }
            text += "SET timestamp=\(second);\n"
            switch random.below(3) {
            case 0: text += "SELECT * FROM t\(random.below(4)) WHERE id = \(random.below(1000));\n"
            case 1: text += "UPDATE u SET a = '\(random.below(9))'\n WHERE b IN (\(random.below(9)), \(random.below(9)));\n"
            default: text += "INSERT INTO v VALUES (\(random.below(9))), (\(random.below(9)));\n"
            }
        }
        let bytes = Array(text.utf8)
        let (whole, split, boundaries) = try bytes.withUnsafeBufferPointer { buffer in
            (try QueryLogWindow.window(SlowLogReader.groups(buffer, name: "x", parts: 1), source: .slowLog, file: "x"),
             try QueryLogWindow.window(SlowLogReader.groups(buffer, name: "x", parts: 7), source: .slowLog, file: "x"),
             SlowLogReader.boundaries(buffer, parts: 7))
        }
        #expect(whole == split)
        #expect(whole.statements.map(\.calls).reduce(0, +) == 6000)
        // Seven parts, each starting on an entry's `# Time:` line.
        #expect(Set(boundaries).count == 8)
        for boundary in boundaries.dropFirst().dropLast() {
            #expect(bytes[boundary..<(boundary + 7)].elementsEqual("# Time:".utf8))
        }
    }
}
