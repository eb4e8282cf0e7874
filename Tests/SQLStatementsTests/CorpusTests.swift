import Foundation
import SQLStatements
import Testing

/// Every statement of `Corpus/*.sql` (one a line: applications' statements, real MariaDB 10.11
/// digest texts, MySQL 8 digests, pt-query-digest fingerprints, edge cases) is read as
/// `Corpus/expected.tsv` records it (`file:line`, a tab, the reading's summary), so a reading
/// that changes fails here and the expectation is reviewed with the change.
@Suite struct CorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    struct Statement {
        let key: String
        let text: String
    }

    static func statements() throws -> [Statement] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        var statements: [Statement] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                statements.append(Statement(key: "\(file):\(number + 1)", text: String(line)))
            }
        }
        return statements
    }

    static func expectations() throws -> [String: String] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var expected: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            if fields.count == 2 { expected[String(fields[0])] = String(fields[1]) }
        }
        return expected
    }

    @Test func everyStatementIsReadAsRecorded() throws {
        let statements = try Self.statements()
        let expected = try Self.expectations()
        #expect(statements.count >= 250, "the corpus holds \(statements.count) statements")
        for statement in statements {
            let summary = ReadingSummary.of(DMLParser.read(statement.text))
            guard let recorded = expected[statement.key] else {
                Issue.record("\(statement.key) has no expectation in Corpus/expected.tsv; it reads as: \(summary)")
                continue
            }
            #expect(summary == recorded, "\(statement.key): \(statement.text)")
        }
        let keys = Set(statements.map(\.key))
        for key in expected.keys.sorted() where !keys.contains(key) {
            Issue.record("Corpus/expected.tsv has \(key), which is no statement of the corpus")
        }
    }

    /// The application corpora are realistic traffic: nearly all of it is placed.
    @Test func applicationStatementsAreMostlyPlaced() throws {
        let statements = try Self.statements().filter { !$0.key.hasPrefix("edge-cases") }
        let placed = statements.filter { if case .placed = DMLParser.read($0.text) { return true } else { return false } }
        #expect(placed.count * 10 >= statements.count * 8, "\(placed.count) of \(statements.count) placed")
    }

    /// A real MariaDB 10.11 digest text (recorded from performance_schema's
    /// events_statements_summary_by_digest, in `Corpus/mariadb-10.11-digests.sql`) reads as the
    /// literal statement the server made it from.
    @Test(arguments: [
        ("SELECT o.id, o.total FROM orders AS o WHERE o.customer_id = 42 ORDER BY o.created_at DESC LIMIT ?",
         "SELECT `o` . `id` , `o` . `total` FROM `orders` AS `o` WHERE `o` . `customer_id` = ? ORDER BY `o` . `created_at` DESC LIMIT ?"),
        // MariaDB writes names that are also keywords unquoted in upper case (`ID`, `STATUS`):
        // names keep the case they are written in, so the literal spells them so too.
        ("SELECT ID, total FROM orders o WHERE customer_id=42 AND STATUS IN ('a','b') ORDER BY created_at DESC LIMIT ?",
         "SELECT ID , `total` FROM `orders` `o` WHERE `customer_id` = ? AND STATUS IN (...) ORDER BY `created_at` DESC LIMIT ?"),
        ("SELECT c.name, o.total FROM customers c, orders o WHERE o.customer_id = c.id AND c.email = 'x'",
         "SELECT `c` . `name` , `o` . `total` FROM `customers` `c` , `orders` `o` WHERE `o` . `customer_id` = `c` . `id` AND `c` . `email` = ?"),
        ("INSERT INTO orders (ID, customer_id, total) VALUES (2, 2, 3.5), (3, 2, 4.5), (4, 5, 6)",
         "INSERT INTO `orders` ( ID , `customer_id` , `total` ) VALUES (...) /* , ... */"),
        ("SELECT * FROM orders WHERE created_at >= '2024-01-01' AND created_at < '2024-02-01' LIMIT ?, ?",
         "SELECT * FROM `orders` WHERE `created_at` >= ? AND `created_at` < ? LIMIT ?, ..."),
        ("UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.status = 'x' WHERE c.tenant_id = 1",
         "UPDATE `orders` `o` JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` SET `o` . `status` = ? WHERE `c` . `tenant_id` = ?"),
    ])
    func aMariaDBDigestReadsAsItsStatement(_ literal: String, _ digest: String) throws {
        let recorded = try String(contentsOf: Self.folder.appendingPathComponent("mariadb-10.11-digests.sql"), encoding: .utf8)
        #expect(recorded.split(separator: "\n").contains { $0 == digest }, "not a recorded digest: \(digest)")
        #expect(DMLParser.read(digest) == DMLParser.read(literal))
        if case .placed = DMLParser.read(digest) {} else { Issue.record("not placed: \(digest)") }
    }
}
