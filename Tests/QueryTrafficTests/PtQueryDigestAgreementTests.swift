import Foundation
import QueryTraffic
import SeededRandom
import Testing

/// Our grouping of a slow log equals pt-query-digest's: the same fingerprints with the same call
/// counts, on a generated log with literals of every kind, IN lists and multi-row INSERTs of many
/// lengths, comments, multi-line statements, UNIONs, LIMIT forms, procedure calls, both header
/// styles and administrator commands.
@Suite struct PtQueryDigestAgreementTests {
    static func generatedLog(seed: UInt64, entries: Int) -> String {
        var random = SeededGenerator(seed: seed)
        var text = ""
        var second = 1_796_464_800
        var lastShortTime = -1
        for _ in 0..<entries {
            if random.chance(5) { second += 1 }
            let mariadbStyle = random.chance(40)
            if mariadbStyle {
                if second != lastShortTime {
                    let minute = (second - 1_796_464_800) / 60
                    let secondOfMinute = (second - 1_796_464_800) % 60
                    text += "# Time: 261205 10:\(minute < 10 ? "0" : "")\(minute):\(secondOfMinute < 10 ? "0" : "")\(secondOfMinute)\n"
                    lastShortTime = second
                }
                text += "# User@Host: app[app] @ localhost []\n# Thread_id: \(random.int(1...9))  Schema: shop  QC_hit: No\n"
            } else {
                text += "# Time: 2026-12-05T10:00:00.\(random.int(100_000...999_999))Z\n# User@Host: app[app] @ localhost []  Id: \(random.int(1...99))\n"
            }
            text += "# Query_time: 0.000\(random.int(100...999))  Lock_time: 0.000001 Rows_sent: \(random.below(9))  Rows_examined: \(random.below(99))\n"
            if random.chance(2) { text += "use shop\(random.below(2));\n" }
            if random.chance(3) {
                text += "# administrator command: \(random.pick(["Ping", "Quit", "Prepare"]));\n"
                continue
            }
            text += "SET timestamp=\(second);\n"
            text += statement(&random) + ";\n"
        }
        return text
    }

    static func statement(_ random: inout SeededGenerator) -> String {
        let table = random.pick(["orders", "Customers", "order_items", "t1", "audit_log"])
        func number() -> String { random.pick(["\(random.below(100_000))", "-\(random.below(9))", "\(random.below(99)).\(random.below(99))", "0x\(random.pick(["1F", "ab", "FF"]))", "1e\(random.below(9))"]) }
        func string() -> String { random.pick(["'x'", "'it\\'s'", "\"dq\"", "'multi\nline'", "''", "'a''b'", "'%like%'"]) }
        func list(_ count: Int, _ item: () -> String) -> String { (0..<count).map { _ in item() }.joined(separator: random.pick([",", ", ", " , "])) }
        switch random.below(16) {
        case 0: return "SELECT * FROM \(table) WHERE id = \(number())"
        case 1: return "select id, name from \(table) where status in (\(list(random.int(1...25), string))) and deleted = \(random.pick(["TRUE", "false", "NULL"]))"
        case 2: return "SELECT a FROM \(table) WHERE b IN (\(list(random.int(1...40), number)))"
        case 3: return "INSERT INTO \(table) (a, b) VALUES \(list(random.int(1...12)) { "(\(number()), \(string()))" })"
        case 4: return "INSERT IGNORE INTO \(table) VALUES (\(number())) ON DUPLICATE KEY UPDATE a = VALUES(a)"
        case 5: return "UPDATE \(table)\n   SET status = \(string()),\n       n = n + \(number())\n WHERE id = \(number())"
        case 6: return "DELETE FROM \(table) WHERE created < '2026-\(random.int(1...12))-01' LIMIT \(random.below(1000))"
        case 7: return "/* \(random.pick(["app:web", "job"])) */ SELECT COUNT(*) FROM \(table) -- trailing\n WHERE x > \(number())"
        case 8: return "SELECT a FROM \(table) ORDER BY a ASC, b DESC LIMIT \(random.below(99)), \(random.below(99))"
        case 9: return "SELECT a FROM \(table) WHERE k = \(number()) LIMIT \(random.below(9)) OFFSET \(random.below(99))"
        case 10: return "CALL refresh_\(random.pick(["totals", "stats"]))(\(number()), \(string()))"
        case 11: return "SELECT id FROM \(table) WHERE a = \(number()) UNION SELECT id FROM \(table) WHERE a = \(number())"
        case 12: return "select\tx\n\tfrom \(table) # note\n\twhere y = \(string())"
        case 13: return "REPLACE INTO \(table) VALUES (\(number())), (\(number()))"
        case 14: return "SELECT /*!40001 SQL_NO_CACHE */ b FROM \(table) WHERE c = X'\(random.pick(["0A", "ff"]))' AND d = b'\(random.pick(["01", "1"]))'"
        default: return "SELECT \(number()), \(string()) FROM DUAL"
        }
    }

    @Test func countsPerFingerprintEqualPtQueryDigests() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-agree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("slow.log")
        try Self.generatedLog(seed: 2026, entries: 4000).write(to: log, atomically: true, encoding: .utf8)

        let ours = try QueryLogFiles.read(paths: [log.path])
        let theirs = try PtQueryDigest.classes(of: log)
        try Self.expectSameGrouping(ours, theirs)
        #expect(ours.statements.count > 60)
    }

    /// The same fingerprints with the same counts, the same multiset of counts, and each of
    /// pt-query-digest's examples fingerprinted by us into its own class.
    static func expectSameGrouping(_ ours: TrafficWindow, _ theirs: [PtQueryDigest.Class]) throws {
        var ourCounts: [String: Int] = [:]
        for statement in ours.statements { ourCounts[statement.fingerprint] = statement.calls }
        var theirCounts: [String: Int] = [:]
        for entry in theirs { theirCounts[entry.fingerprint, default: 0] += entry.count }
        #expect(ours.statements.map(\.calls).sorted() == theirs.map(\.count).sorted())
        #expect(ourCounts == theirCounts)
        for (fingerprint, count) in theirCounts where ourCounts[fingerprint] != count {
            Issue.record("pt-query-digest: \(count) × \(fingerprint); ours: \(ourCounts[fingerprint] ?? 0)")
        }
        for entry in theirs {
            #expect(QueryFingerprint.fingerprint(entry.example) == entry.fingerprint, "example \(entry.example)")
        }
    }
}
