import MySQLSchema
import QueryTraffic
import Requirements
import SchemaImport
import SQLStatements
import Testing
@testable import TrafficPatterns

/// The proposer on hand-made readings, so each rule is checked apart from the DML parser.
@Suite("Patterns proposed from measured traffic")
struct TrafficPatternProposerTests {
    static let schema = """
        CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, name VARCHAR(100));
        CREATE TABLE orders (
          id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL,
          total DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL, note TEXT,
          FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
        );
        """

    static func requirements() -> Requirements {
        var requirements = Requirements()
        _ = SchemaImporter.apply(SchemaParser.parse([SchemaSource(name: "s.sql", text: schema)]), previous: nil, to: &requirements)
        return requirements
    }

    static let end = 1_796_464_800.0  // 2026-12-05T10:00:00Z

    static func window(_ statements: [StatementTraffic], seconds: Double = 600, requested: Double? = 600) -> TrafficWindow {
        TrafficWindow(source: .performanceSchema, start: end - seconds, end: end, requestedSeconds: requested,
                      peakIntervalSeconds: 5, statements: statements)
    }

    static func traffic(_ text: String, calls: Int, intervals: [(Int, Int)], rowsSent: Double? = nil) -> StatementTraffic {
        let peak = Double(intervals.map(\.1).max() ?? 0) / 5
        return StatementTraffic(fingerprint: text, example: text, calls: calls, averageRPS: Double(calls) / 600, peakRPS: peak,
                                rowsSentPerCall: rowsSent, rowsExaminedPerCall: rowsSent.map { $0 * 10 },
                                intervalCalls: intervals.map { IntervalCalls(interval: $0.0, calls: $0.1) })
    }

    static let ordersByCustomer = StatementShape(
        kind: .select, tables: ["orders"], equality: [ColumnReference(table: nil, column: "customer_id")],
        orderBy: [OrderTerm(column: ColumnReference(table: nil, column: "created_at"), descending: true)], limit: .rows(20),
        columns: .only([ColumnReference(table: nil, column: "id"), ColumnReference(table: nil, column: "total")]))

    @Test("a keyed, sorted, limited read becomes a read pattern with measured figures and its provenance")
    func keyedRead() throws {
        let window = Self.window([Self.traffic("q1", calls: 4_812, intervals: [(0, 40), (1, 60)], rowsSent: 12)])
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { _ in .placed(Self.ordersByCustomer) }
        let proposal = try #require(result.proposals.first)
        let pattern = proposal.pattern
        #expect(pattern.type == .read)
        #expect(pattern.entities == ["Order"])
        #expect(pattern.equalityAttributes == ["customer_id"])
        #expect(pattern.sort == .attribute(SortRequirement(attribute: "created_at", direction: .descending)))
        #expect(pattern.attributes == .only(["id", "total"]))
        #expect(pattern.expectedItems == .known(ItemCount(average: 12, maximum: 20)), "12 rows returned per call, LIMIT 20")
        #expect(pattern.averageRPS == .known(8.02))
        #expect(pattern.peakRPS == .known(12))
        #expect(pattern.aggregate == AggregateAnswer.none)
        #expect(pattern.consistency == nil)
        #expect(pattern.description == "Get Order by customer_id, highest created_at first")
        #expect(pattern.measured?.text == "measured: 10-minute window ending 2026-12-05T10:00Z, 4,812 calls (performance_schema)")
        #expect(proposal.rowsExaminedPerCall == 120)
        #expect(result.unplaced.isEmpty)
        // The proposal is a pattern the requirements accept as it is.
        var requirements = Self.requirements()
        #expect(throws: Never.self) { try requirements.addPattern(pattern) }
    }

    @Test("statements that come to one pattern are merged: calls and averages add, the peak is the busiest interval of the sum")
    func mergesByShape() throws {
        // Same access, IN-list lengths and selected columns differ: the digests differ.
        let narrow = Self.ordersByCustomer
        var wide = Self.ordersByCustomer
        wide.columns = .only([ColumnReference(table: nil, column: "id"), ColumnReference(table: nil, column: "status")])
        let window = Self.window([
            Self.traffic("narrow", calls: 600, intervals: [(0, 50), (1, 10)]),
            Self.traffic("wide", calls: 300, intervals: [(1, 45), (2, 5)]),
        ])
        let readings = ["narrow": narrow, "wide": wide]
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { .placed(readings[$0]!) }
        #expect(result.proposals.count == 1)
        let pattern = try #require(result.proposals.first?.pattern)
        #expect(pattern.measured?.calls == 900)
        #expect(pattern.measured?.statements == ["narrow", "wide"])
        #expect(pattern.averageRPS == .known(1.5))
        // Busiest interval of the sum: 50, 55, 5 → 55 calls in 5 s; not 10 + 9 (the peaks added).
        #expect(pattern.peakRPS == .known(11))
        #expect(pattern.attributes == .only(["id", "total", "status"]))
    }

    @Test("writes, updates, deletes, searches, aggregations and locking reads are drafted as such")
    func kinds() throws {
        let shapes: [String: StatementShape] = [
            "insert": StatementShape(kind: .insert, tables: ["orders"], columns: .only(["id", "customer_id", "status"].map { ColumnReference(table: nil, column: $0) })),
            "update": StatementShape(kind: .update, tables: ["orders"], equality: [ColumnReference(table: nil, column: "id")],
                                     columns: .only([ColumnReference(table: nil, column: "status")])),
            "delete": StatementShape(kind: .delete, tables: ["orders"], equality: [ColumnReference(table: nil, column: "id")]),
            "search": StatementShape(kind: .select, tables: ["customers"], searched: [ColumnReference(table: nil, column: "name")]),
            "sum": StatementShape(kind: .select, tables: ["orders"], equality: [ColumnReference(table: nil, column: "customer_id")],
                                  columns: .only([]), aggregates: [AggregateCall(function: .sum, column: ColumnReference(table: nil, column: "total"))]),
            "lock": StatementShape(kind: .select, tables: ["orders"], equality: [ColumnReference(table: nil, column: "id")], locksRows: true),
        ]
        let window = Self.window(shapes.keys.sorted().enumerated().map { Self.traffic($0.element, calls: 100 + $0.offset, intervals: [(0, 10)]) })
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { .placed(shapes[$0]!) }
        let byStatement = Dictionary(uniqueKeysWithValues: result.proposals.map { ($0.pattern.measured!.statements[0], $0.pattern) })
        #expect(byStatement["insert"]?.type == .write)
        #expect(byStatement["insert"]?.attributes == .only(["id", "customer_id", "status"]))
        #expect(byStatement["insert"]?.description == "Create Order")
        #expect(byStatement["update"]?.type == .update)
        #expect(byStatement["update"]?.description == "Update status of Order by id")
        #expect(byStatement["delete"]?.type == .delete)
        #expect(byStatement["search"]?.type == .search)
        #expect(byStatement["search"]?.entities == ["Customer"])
        #expect(byStatement["sum"]?.aggregate == .aggregate(Aggregation(function: .sum, attribute: "total")))
        #expect(byStatement["sum"]?.description == "Sum of total of Order by customer_id")
        #expect(byStatement["lock"]?.consistency == .strong)
        // Busiest first.
        #expect(result.proposals.map { $0.pattern.measured!.calls } == result.proposals.map { $0.pattern.measured!.calls }.sorted(by: >))
    }

    @Test("a join read names both entities; the join's own columns are not lookups")
    func joins() throws {
        let shape = StatementShape(
            kind: .select, tables: ["orders", "customers"], equality: [ColumnReference(table: "customers", column: "email")],
            columns: .only([ColumnReference(table: "orders", column: "id"), ColumnReference(table: "customers", column: "name")]),
            joins: [Join(table: "customers", on: [ColumnPair(left: ColumnReference(table: "orders", column: "customer_id"),
                                                             right: ColumnReference(table: "customers", column: "id"))])])
        let result = TrafficPatternProposer.propose(Self.window([Self.traffic("j", calls: 10, intervals: [(0, 10)])]),
                                                    requirements: Self.requirements()) { _ in .placed(shape) }
        let pattern = try #require(result.proposals.first?.pattern)
        #expect(pattern.entities == ["Order", "Customer"])
        #expect(pattern.equalityAttributes == ["email"])
        #expect(pattern.attributes == .only(["id", "name"]))
    }

    @Test("statements that cannot be placed are listed with the reason; control statements are counted apart")
    func unplacedAndIgnored() {
        let window = Self.window([
            Self.traffic("sub", calls: 30, intervals: [(0, 30)]),
            Self.traffic("other", calls: 20, intervals: [(0, 20)]),
            Self.traffic("badcolumn", calls: 15, intervals: [(0, 15)]),
            Self.traffic("commit", calls: 10, intervals: [(0, 10)]),
        ])
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { text in
            switch text {
            case "sub": return .unplaceable(reason: "a subquery in WHERE is not followed")
            case "other": return .placed(StatementShape(kind: .select, tables: ["audit_log"]))
            case "badcolumn": return .placed(StatementShape(kind: .select, tables: ["orders"], equality: [ColumnReference(table: nil, column: "missing")]))
            default: return .notDataAccess(what: "transaction control: COMMIT")
            }
        }
        #expect(result.proposals.isEmpty)
        #expect(result.unplaced.map(\.statement) == ["sub", "other", "badcolumn"])
        #expect(result.unplaced[0].reason == "a subquery in WHERE is not followed")
        #expect(result.unplaced[1].reason.contains("table audit_log is not one of the imported entities"))
        #expect(result.unplaced[2].reason.contains("column missing is not in table orders"))
        #expect(result.notDataAccess.map(\.what) == ["transaction control: COMMIT"])
        #expect(result.notDataAccess.map(\.calls) == [10])
        #expect(result.summary.contains { $0.contains("3 statements were not turned into patterns") })
    }

    @Test("an OR between lookups and an upsert are said at the review")
    func notes() throws {
        var either = StatementShape(kind: .select, tables: ["customers"], equality: [ColumnReference(table: nil, column: "email"), ColumnReference(table: nil, column: "name")])
        either.hasDisjunction = true
        var upsert = StatementShape(kind: .insert, tables: ["customers"], columns: .only([ColumnReference(table: nil, column: "id")]))
        upsert.upserts = true
        let window = Self.window([Self.traffic("or", calls: 20, intervals: [(0, 20)]), Self.traffic("upsert", calls: 10, intervals: [(0, 10)])])
        let readings = ["or": either, "upsert": upsert]
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { .placed(readings[$0]!) }
        #expect(result.proposals[0].notes.first?.contains("OR") == true)
        #expect(result.proposals[1].notes.first?.contains("ON DUPLICATE KEY UPDATE") == true)
    }

    @Test("a window cut short says so, and the same window always gives the same proposals")
    func endedEarlyAndDeterministic() {
        let window = Self.window([Self.traffic("q", calls: 90, intervals: [(0, 90)])], seconds: 90, requested: 600)
        let first = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { _ in .placed(Self.ordersByCustomer) }
        let second = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { _ in .placed(Self.ordersByCustomer) }
        #expect(first == second)
        #expect(first.proposals.first?.pattern.measured?.text == "measured: 90-second window ending 2026-12-05T10:00Z (ended early), 90 calls (performance_schema)")
        #expect(first.windowText == "measured: 90-second window ending 2026-12-05T10:00Z (ended early) (performance_schema)")
    }

    @Test("IS NULL written out selects the items without a value; a range under an aggregation is worded as one")
    func nullSelectsAndAggregateRanges() throws {
        let open = DMLParser.read("SELECT id FROM orders WHERE customer_id = 7 AND note IS NULL")
        let total = DMLParser.read("SELECT SUM(total) FROM orders WHERE customer_id = ? AND created_at >= ?")
        let digest = DMLParser.read("SELECT id FROM orders WHERE customer_id = ? AND note IS ?")
        let readings = ["open": open, "total": total, "digest": digest]
        let window = Self.window(["open", "total", "digest"].enumerated().map { Self.traffic($0.element, calls: 30 - $0.offset, intervals: [(0, 10)]) })
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { readings[$0]! }
        let byStatement = Dictionary(uniqueKeysWithValues: result.proposals.flatMap { proposal in proposal.pattern.measured!.statements.map { ($0, proposal.pattern) } })
        #expect(byStatement["open"]?.selects == [SelectedValue(attribute: "note", value: nil)])
        #expect(byStatement["open"]?.description == "Get Order by customer_id, without note")
        #expect(byStatement["digest"]?.selects == nil, "a digest's IS ? may be IS TRUE")
        #expect(byStatement["total"]?.description == "Sum of total of Order by customer_id, over a range of created_at")
        var requirements = Self.requirements()
        #expect(throws: Never.self) { try requirements.addPattern(byStatement["open"]!) }
    }

    @Test("a day of per-second counts is kept as its busiest thousand seconds, and a merge at the review still finds the peak")
    func busiestIntervalsKept() throws {
        // 86,400 seconds of 1 call, with 5 calls at second 50,000 and 3 at second 70,000.
        var day = (0..<86_400).map { IntervalCalls(interval: $0, calls: 1) }
        day[50_000].calls = 5
        day[70_000].calls = 3
        let statement = StatementTraffic(fingerprint: "q", example: "q", calls: 86_406, averageRPS: 1, peakRPS: 5, intervalCalls: day)
        let window = TrafficWindow(source: .slowLog, start: Self.end - 86_400, end: Self.end, peakIntervalSeconds: 1, statements: [statement])
        let result = TrafficPatternProposer.propose(window, requirements: Self.requirements()) { _ in .placed(Self.ordersByCustomer) }
        let proposal = try #require(result.proposals.first)
        #expect(proposal.intervalCalls.count == PatternProposal.keptIntervals)
        #expect(proposal.intervalCalls.map(\.interval) == proposal.intervalCalls.map(\.interval).sorted())
        #expect(proposal.intervalCalls.contains(IntervalCalls(interval: 50_000, calls: 5)))
        #expect(proposal.intervalCalls.contains(IntervalCalls(interval: 70_000, calls: 3)))
        #expect(proposal.pattern.peakRPS == .known(5))
        // Another statement busy at second 70,000: the merged peak is there, 3 + 4.
        var other = proposal
        other.intervalCalls = [IntervalCalls(interval: 70_000, calls: 4)]
        other.pattern.peakRPS = .known(4)
        #expect(ProposalMerging.merge(proposal, with: other).pattern.peakRPS == .known(7))
    }

    @Test("UTC minutes are computed without the machine's time zone", arguments: [
        (0.0, "1970-01-01T00:00Z"), (951_782_400.0, "2000-02-29T00:00Z"), (1_796_464_859.0, "2026-12-05T10:00Z"), (4_102_444_800.0, "2100-01-01T00:00Z"),
    ])
    func utcMinutes(seconds: Double, text: String) {
        #expect(UTCMinute.text(epochSeconds: seconds) == text)
    }
}
