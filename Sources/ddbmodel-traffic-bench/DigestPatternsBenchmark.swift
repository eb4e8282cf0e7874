import Foundation
import MySQLSchema
import QueryTraffic
import Requirements
import SchemaImport
import SeededRandom
import SQLStatements
import TrafficPatterns

/// The second figure of this benchmark: 100,000 distinct performance_schema digests over a
/// 400-table schema turned into proposed patterns (read by the DML parser, placed on the
/// entities, merged), timed as `TrafficPatternProposer.propose` (target: under 1 s, release).
enum DigestPatternsBenchmark {
    static let tableCount = 400
    static let digestCount = 100_000
    static let columns = ["id", "tenant_id", "parent_id", "status", "created_at", "updated_at", "amount", "name", "email", "code", "kind", "priority"]

    static func run(runs: Int) throws {
        var random = SeededGenerator(seed: 0x00DD_B0DE_7A4F_0013)
        let requirements = try schemaRequirements()
        let window = digests(&random)
        var seconds: [Double] = []
        var result: TrafficProposals?
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let proposals = TrafficPatternProposer.propose(window, requirements: requirements, read: DMLParser.read)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            // Outside the timing: freeing the previous run's result is not this run's work.
            result = proposals
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        let proposals = result?.proposals.count ?? 0
        let unplaced = result?.unplaced.count ?? 0
        print(String(format: "digests → patterns: %d digests over %d tables → %d proposals, %d unplaced; median %.3f s, min %.3f s over %d runs (%.0f digests/s)",
                     window.statements.count, tableCount, proposals, unplaced, median, seconds[0], seconds.count, Double(window.statements.count) / median))
    }

    static func schemaRequirements() throws -> Requirements {
        var ddl = ""
        for table in 0..<tableCount {
            ddl += "CREATE TABLE t\(table) (id BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL, parent_id BIGINT, status VARCHAR(20) NOT NULL, "
                + "created_at DATETIME NOT NULL, updated_at DATETIME, amount DECIMAL(12,2), name VARCHAR(200), email VARCHAR(200), "
                + "code CHAR(12), kind VARCHAR(20), priority INT, body TEXT);\n"
        }
        var requirements = Requirements()
        _ = SchemaImporter.apply(SchemaParser.parse([SchemaSource(name: "bench.sql", text: ddl)]), previous: nil, to: &requirements)
        return requirements
    }

    /// Distinct digests in MySQL 8's spelling: keyed reads with 1–3 equality columns, sorted and
    /// limited reads, joins, aggregations, writes; each with its own selected columns, so many
    /// come to the same pattern and are merged; a few the parser cannot place.
    static func digests(_ random: inout SeededGenerator) -> TrafficWindow {
        var seen = Set<String>()
        var statements: [StatementTraffic] = []
        statements.reserveCapacity(digestCount)
        while statements.count < digestCount {
            let text = digest(&random)
            guard seen.insert(text).inserted else { continue }
            let calls = Int.random(in: 1...5_000, using: &random)
            var intervals: [IntervalCalls] = []
            var left = calls
            var interval = 0
            while left > 0 && interval < 120 {
                let share = interval == 119 ? left : Int.random(in: 0...left, using: &random) / 4 + 1
                intervals.append(IntervalCalls(interval: interval, calls: min(share, left)))
                left -= min(share, left)
                interval += Int.random(in: 1...20, using: &random)
            }
            let peak = Double(intervals.map(\.calls).max() ?? 0) / 5
            statements.append(StatementTraffic(fingerprint: text, example: text, schema: "bench", calls: calls - left,
                                               averageRPS: Double(calls - left) / 600, peakRPS: peak, rowsSentPerCall: 2, rowsExaminedPerCall: 20,
                                               intervalCalls: intervals))
        }
        return TrafficWindow(source: .performanceSchema, start: 1_796_464_200, end: 1_796_464_800, requestedSeconds: 600,
                             peakIntervalSeconds: 5, statements: statements.sorted(by: TrafficOrder.busiestFirst))
    }

    static func digest(_ random: inout SeededGenerator) -> String {
        let table = "`t\(Int.random(in: 0..<tableCount, using: &random))`"
        func column() -> String { "`\(columns.randomElement(using: &random)!)`" }
        func selected() -> String {
            (0..<Int.random(in: 1...6, using: &random)).map { _ in column() }.joined(separator: " , ")
        }
        func conditions() -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in column() + " = ?" }.joined(separator: " AND ")
        }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<40:
            return "SELECT \(selected()) FROM \(table) WHERE \(conditions())"
        case 40..<60:
            return "SELECT \(selected()) FROM \(table) WHERE \(conditions()) ORDER BY \(column()) DESC LIMIT ?"
        case 60..<68:
            return "SELECT \(selected()) FROM \(table) WHERE `tenant_id` = ? AND `id` IN (...)"
        case 68..<74:
            let other = "`t\(Int.random(in: 0..<tableCount, using: &random))`"
            return "SELECT `a` . `id` , `b` . `name` FROM \(table) AS `a` JOIN \(other) AS `b` ON `b` . `id` = `a` . `parent_id` WHERE `a` . \(column()) = ?"
        case 74..<80:
            return "SELECT COUNT ( * ) , SUM ( `amount` ) FROM \(table) WHERE \(conditions()) GROUP BY `status`"
        case 80..<88:
            return "INSERT INTO \(table) ( \(selected()) ) VALUES (...)"
        case 88..<95:
            return "UPDATE \(table) SET \(column()) = ? WHERE \(conditions())"
        case 95..<98:
            return "DELETE FROM \(table) WHERE \(conditions())"
        default:
            return "SELECT \(selected()) FROM \(table) WHERE `id` IN ( SELECT `parent_id` FROM \(table) WHERE \(conditions()) )"
        }
    }
}

extension DigestPatternsBenchmark {
    static func parseOnly() throws {
        var random = SeededGenerator(seed: 0x00DD_B0DE_7A4F_0013)
        _ = try schemaRequirements()
        let window = digests(&random)
        let start = DispatchTime.now().uptimeNanoseconds
        var placed = 0
        for statement in window.statements { if case .placed = DMLParser.read(statement.example) { placed += 1 } }
        print("parse only: \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) s, \(placed) placed")
    }
}
