import Foundation
import Requirements
import SeededRandom

/// Writes a deterministic MySQL 8 slow query log (`long_query_time = 0`): 200 statement
/// templates (8 shapes over 25 tables) whose literals vary from call to call: numbers, strings,
/// IN lists of 1 to 30 items, multi-row INSERTs of 1 to 10 rows, comments, multi-line
/// statements, two schemas. About 1,000 statements a second with bursts, so the per-second
/// counting and the peak have real work to do.
struct SlowLogGenerator {
    static let tables = [
        "customers", "orders", "order_items", "products", "inventory", "payments", "refunds", "shipments",
        "addresses", "carts", "cart_items", "reviews", "wishlists", "coupons", "sessions", "users", "accounts",
        "invoices", "ledger", "events", "notifications", "messages", "threads", "tags", "categories",
    ]
    static let statuses = ["new", "paid", "shipped", "cancelled", "returned", "pending", "active", "closed"]

    private var random: SeededGenerator
    private var buffer: [UInt8] = []
    private var second: Int = 1_796_400_000
    private var callsThisSecond = 0
    private var targetThisSecond = 1000
    private var schema = "shop"
    private var lastSchema = ""

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        buffer.reserveCapacity(9 << 20)
    }

    /// Writes entries until the file holds at least `bytes` bytes; returns the statements written.
    mutating func write(to path: String, bytes: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw BenchError.cannotWrite(path) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError.cannotWrite(path)
        }
        defer { try? handle.close() }
        var written = 0
        var statements = 0
        append("/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n")
        append("Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n")
        append("Time                 Id Command    Argument\n")
        while written + buffer.count < bytes {
            entry()
            statements += 1
            if buffer.count >= 8 << 20 {
                try handle.write(contentsOf: buffer)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
        return statements
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func entry() {
        callsThisSecond += 1
        if callsThisSecond >= targetThisSecond {
            second += 1
            callsThisSecond = 0
            // Mostly 800–1,200 a second, one second in fifty a burst of up to 4,000.
            targetThisSecond = random.chance(2) ? random.int(2000...4000) : random.int(800...1200)
        }
        let micros = random.below(1_000_000)
        let thread = random.int(10...400)
        append("# Time: \(Self.iso(second)).\(Self.sixDigits(micros))Z\n")
        append("# User@Host: app[app] @ app-\(random.below(8)).internal [10.0.0.\(random.int(2...250))]  Id: \(thread)\n")
        let examined = random.below(500)
        append("# Query_time: 0.000\(random.int(100...999))  Lock_time: 0.000002 Rows_sent: \(random.below(50))  Rows_examined: \(examined)\n")
        if random.chance(3) { schema = schema == "shop" ? "shop_archive" : "shop" }
        if schema != lastSchema {
            append("use \(schema);\n")
            lastSchema = schema
        }
        append("SET timestamp=\(second);\n")
        statement()
        append(";\n")
    }

    /// One of the 200 templates, its literals drawn fresh.
    private mutating func statement() {
        let table = random.pick(Self.tables)
        let other = Self.tables[(Self.tables.firstIndex(of: table)! + 1) % Self.tables.count]
        switch random.below(8) {
        case 0:
            append("SELECT id, name, status, created_at FROM \(table) WHERE id = \(random.int(1...9_999_999))")
        case 1:
            append("SELECT * FROM \(table) WHERE account_id = \(random.int(1...99_999)) AND status IN (\(stringList())) ORDER BY created_at DESC LIMIT \(random.int(1...100))")
        case 2:
            append("UPDATE \(table) SET status = '\(random.pick(Self.statuses))', updated_at = NOW(), version = version + 1 WHERE id = \(random.int(1...9_999_999))")
        case 3:
            append("INSERT INTO \(table) (account_id, name, amount, note) VALUES ")
            for row in 0..<random.int(1...10) {
                append(row == 0 ? "" : ", ")
                append("(\(random.int(1...99_999)), 'item \(random.below(100_000))', \(random.int(1...99_999)).\(random.int(10...99)), \(random.chance(30) ? "NULL" : "'n\\'ote'"))")
            }
        case 4:
            append("/* app:web route:\(table)/list */ SELECT COUNT(*) FROM \(table) a\n  JOIN \(other) b ON b.parent_id = a.id\n WHERE a.created_at > '2026-12-0\(random.int(1...9)) 10:00:00' AND b.kind = \(random.below(20))")
        case 5:
            append("DELETE FROM \(table) WHERE id IN (\(numberList())) AND tenant_id = \(random.int(1...500))")
        case 6:
            append("SELECT a.id, a.total, b.name FROM \(table) a JOIN \(other) b ON b.id = a.\(other)_id WHERE a.tenant_id = \(random.int(1...500)) AND a.created_at BETWEEN '2026-11-\(random.int(10...28))' AND '2026-12-0\(random.int(1...5))' ORDER BY a.created_at ASC LIMIT \(random.int(0...500)), \(random.int(10...50))")
        default:
            append("SELECT SQL_NO_CACHE id FROM \(table) WHERE email = '\(random.below(1_000_000))@example.com' AND deleted = \(random.chance(50) ? "TRUE" : "false") -- lookup\n")
        }
    }

    private mutating func stringList() -> String {
        (0..<random.int(1...6)).map { _ in "'\(random.pick(Self.statuses))'" }.joined(separator: ", ")
    }

    private mutating func numberList() -> String {
        (0..<random.int(1...30)).map { _ in String(random.int(1...9_999_999)) }.joined(separator: ",")
    }

    private static func sixDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    /// `2026-12-05T10:00:00` for a second since 1970 (UTC).
    static func iso(_ second: Int) -> String {
        String(EpochTime.isoText(second).dropLast())
    }
}

enum BenchError: Error, CustomStringConvertible {
    case cannotWrite(String)
    case ptQueryDigest(String)

    var description: String {
        switch self {
        case .cannotWrite(let path): return "cannot write \(path)"
        case .ptQueryDigest(let problem): return "pt-query-digest: \(problem)"
        }
    }
}
