import Conversation
import Foundation
import MySQLSchema
import QueryTraffic
import Requirements
import SQLStatements
import Testing
import TestSupport

/// Measured traffic in a session: proposals from statements (read by the real DML parser),
/// reviewed one at a time (accept, edit, merge, drop), recorded with their provenance, and kept
/// across a save and a resume.
@Suite struct PatternProposalFlowTests {
    static let schema = """
        CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, name VARCHAR(100));
        CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL,
          total DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL,
          FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE);
        """

    static let end = 1_796_464_800.0

    /// A statement's traffic over 60 intervals of 10 s: `peakCalls` in the first, the rest
    /// spread evenly over the others (each below the peak).
    static func statement(_ text: String, calls: Int, peakCalls: Int) -> StatementTraffic {
        let rest = calls - peakCalls
        let intervals = [IntervalCalls(interval: 0, calls: peakCalls)]
            + (1..<60).map { IntervalCalls(interval: $0, calls: rest / 59 + ($0 <= rest % 59 ? 1 : 0)) }
        let busiest = intervals.map(\.calls).max() ?? 0
        return StatementTraffic(fingerprint: text, example: text, calls: calls, averageRPS: Double(calls) / 600,
                                peakRPS: Double(busiest) / 10, rowsSentPerCall: 3, rowsExaminedPerCall: 30, intervalCalls: intervals)
    }

    static let window = TrafficWindow(source: .performanceSchema, start: end - 600, end: end, requestedSeconds: 600, peakIntervalSeconds: 10, statements: [
        statement("SELECT `id`, `total` FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at` DESC LIMIT ?", calls: 24_000, peakCalls: 600),
        statement("SELECT `id`, `status` FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at` DESC LIMIT ?", calls: 6_000, peakCalls: 100),
        statement("SELECT * FROM `customers` WHERE `email` = ?", calls: 3_000, peakCalls: 90),
        statement("INSERT INTO `orders` (`id`, `customer_id`, `status`, `total`, `created_at`) VALUES (...)", calls: 1_200, peakCalls: 30),
        statement("UPDATE `orders` SET `status` = ? WHERE `id` = ?", calls: 600, peakCalls: 12),
        statement("SELECT * FROM `orders` WHERE `id` IN (SELECT `order_id` FROM `refunds`)", calls: 60, peakCalls: 2),
        statement("COMMIT", calls: 1_800, peakCalls: 40),
    ])

    static func importedConversation() -> Conversation {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        _ = conversation.importSchema([SchemaSource(name: "schema.sql", text: schema)])
        for line in ["shop", "context", "1k", "100", "", "", "avg 5 max 100", ""] { _ = conversation.handle(line) }
        return conversation
    }

    @Test("proposals are reviewed one by one after the import, and accepted ones carry their provenance")
    func reviewFlow() throws {
        var conversation = Self.importedConversation()
        #expect(conversation.state.step == .relationshipPair)
        let summary = conversation.importTraffic(Self.window, read: DMLParser.read)
        #expect(summary.first == "Measured traffic (measured: 10-minute window ending 2026-12-05T10:00Z (performance_schema)): 4 proposed patterns from 34,800 data calls.")
        #expect(summary.contains { $0.contains("SELECT * FROM `orders` WHERE `id` IN (SELECT") })
        #expect(summary.contains { $0.hasPrefix("Not data access, not patterns: transaction control") })
        #expect(conversation.state.step == .patternProposal)

        // The two digests differing in the selected columns are one proposal.
        let question = conversation.question.text
        #expect(question.hasPrefix("Proposed pattern 1 (4 to review): Get Order by customer_id, highest created_at first"))
        #expect(question.contains("entities=Order type=read eq=customer_id sort=\"created_at desc\""))
        #expect(question.contains("peak=70 avg=50"), "busiest interval: 600 + 100 calls in 10 s; 30,000 calls in 600 s")
        #expect(question.contains("RPS measured: 10-minute window ending 2026-12-05T10:00Z, 30,000 calls (performance_schema)"))
        #expect(question.contains("MySQL reads 30 rows per call to return 3."))

        #expect(conversation.handle("edit consistency=strong latency=<20ms").messages == ["Proposal 1 changed; press Enter to accept it as shown."])
        #expect(conversation.handle("edit peak=1").messages.first?.contains("cannot be higher than the peak RPS") == true, "checked while on screen")
        #expect(conversation.handle("").messages == ["Added pattern 1: Get Order by customer_id, highest created_at first."])
        let first = try #require(conversation.state.requirements.pattern(1))
        #expect(first.consistency == .strong)
        #expect(first.measured?.statements.count == 2)

        // Customer by email.
        #expect(conversation.question.text.hasPrefix("Proposed pattern 2 (3 to review): Get Customer by email"))
        #expect(conversation.handle("merge 2").messages == ["A proposal cannot be merged into itself; name another proposal's number."])
        #expect(conversation.handle("merge 9").messages == ["There is no proposal 9 waiting (waiting: 3, 4)."])
        #expect(conversation.handle("drop").messages.first?.hasPrefix("Proposal 2 dropped") == true)

        // The insert, then the update.
        #expect(conversation.question.text.contains("Create Order"))
        _ = conversation.handle("accept all")
        #expect(conversation.state.requirements.accessPatterns.map(\.description) == [
            "Get Order by customer_id, highest created_at first", "Create Order", "Update status of Order by id",
        ])
        #expect(conversation.state.step == .relationshipPair, "back where the import began")
        let unplaced = conversation.state.requirements.unplacedStatements.map(\.reason)
        #expect(unplaced.contains("dropped at the review"))
        #expect(unplaced.contains { $0.contains("subquery") })

        // The requirements document shows where the numbers come from, and what was not placed.
        let document = RequirementsDocument.render(conversation.state.requirements, gateStatus: "open")
        #expect(document.contains("RPS measured: 10-minute window ending 2026-12-05T10:00Z, 30,000 calls (performance_schema)"))
        #expect(document.contains("### Measured Statements Not Turned Into Patterns"))
        try conversation.state.requirements.accessPatterns.forEach { pattern in
            #expect(pattern.measured != nil)
            _ = try conversation.state.requirements.checkedPattern(pattern)
        }
    }

    @Test("a figure changed by hand after the measurement shows as such")
    func changedByHand() throws {
        var conversation = Self.importedConversation()
        _ = conversation.importTraffic(Self.window, read: DMLParser.read)
        _ = conversation.handle("accept all")
        _ = conversation.handle("/edit pattern 1 peak=200")
        let document = RequirementsDocument.render(conversation.state.requirements, gateStatus: "open")
        #expect(document.contains("30,000 calls (performance_schema), since changed by hand"))
    }

    @Test("merging into another proposal adds the traffic; into an accepted pattern typed by hand, the measurement replaces the guess")
    func merges() throws {
        var conversation = Self.importedConversation()
        _ = conversation.handle("/pattern \"Find a customer by email\" entities=Customer type=read eq=email peak=999 avg=500")
        _ = conversation.importTraffic(Self.window, read: DMLParser.read)
        _ = conversation.handle("")                          // 1: orders by customer
        #expect(conversation.handle("merge pattern 1").messages == ["Pattern 1 now has proposal 2's measurement: 9/5 RPS peak/average."])
        let typed = try #require(conversation.state.requirements.pattern(1))
        #expect(typed.measured?.calls == 3_000)
        #expect(typed.peakRPS == .known(9) && typed.averageRPS == .known(5))
        // Proposal 3 (the insert) into proposal 4 (the update): 4 now counts both.
        _ = conversation.handle("merge 4")
        #expect(conversation.question.text.hasPrefix("Proposed pattern 4 (1 to review): Update status of Order by id"))
        #expect(conversation.question.text.contains("1,800 calls"))
    }

    @Test("a session with proposals waiting resumes at the same proposal, byte for byte")
    func resumes() throws {
        var conversation = Self.importedConversation()
        _ = conversation.importTraffic(Self.window, read: DMLParser.read)
        _ = conversation.handle("")
        let data = try JSONEncoder().encode(conversation.state)
        let restored = try JSONDecoder().decode(SessionState.self, from: data)
        #expect(restored == conversation.state)
        let resumed = Conversation(state: restored, clock: FixedClock.now)
        #expect(resumed.question.text == conversation.question.text)
        #expect(resumed.question.text.hasPrefix("Proposed pattern 2"))
    }

    @Test("sampling lengths are read as people write them, and refused with the reason")
    func sampleLengths() throws {
        #expect(try TrafficSampleLength.seconds("10m") == 600)
        #expect(try TrafficSampleLength.seconds("90s") == 90)
        #expect(try TrafficSampleLength.seconds("1h") == 3_600)
        #expect(try TrafficSampleLength.seconds("45") == 45)
        #expect(try TrafficSampleLength.seconds("0") == 0)
        #expect(throws: RequirementsError.self) { try TrafficSampleLength.seconds("5s") }
        #expect(throws: RequirementsError.self) { try TrafficSampleLength.seconds("2d") }
        #expect(throws: RequirementsError.self) { try TrafficSampleLength.seconds("25h") }
        #expect(throws: RequirementsError.self) { try TrafficSampleLength.seconds("-1m") }
    }
}

/// `/import log`, `/import capture` and `/import mysql` inside a session, through an injected
/// reader: what is read, what is refused, and that nothing already captured is lost.
@Suite struct TrafficImportCommandTests {
    struct CannedTraffic: TrafficReading {
        func readQueryLogs(_ paths: [String]) throws(RequirementsError) -> TrafficWindow {
            guard paths == ["slow.log"] else { throw RequirementsError("Cannot read the query log \(paths[0]): it does not exist.") }
            return PatternProposalFlowTests.window
        }

        func readCapture(_ path: String) throws(RequirementsError) -> TrafficWindow {
            throw RequirementsError("\(path), line 1: not the output of the capture script")
        }

        func readServer(_ url: String, sampleSeconds: Double?) throws(RequirementsError) -> (schema: ParsedSchema, traffic: TrafficWindow?) {
            let schema = SchemaParser.parse([SchemaSource(name: url, text: PatternProposalFlowTests.schema)])
            return (schema, sampleSeconds == nil ? nil : PatternProposalFlowTests.window)
        }
    }

    static func conversation() -> Conversation {
        Conversation(state: SessionState(name: "shop"), clock: FixedClock.now, trafficReader: CannedTraffic())
    }

    @Test func importLogProposesAndReviewsRightAway() {
        var conversation = Self.conversation()
        _ = conversation.importSchema([SchemaSource(name: "schema.sql", text: PatternProposalFlowTests.schema)])
        for line in ["shop", "context", "1k", "100", "", "", "avg 5 max 100", ""] { _ = conversation.handle(line) }
        let reply = conversation.handle("/import log slow.log")
        #expect(reply.messages.first?.hasPrefix("Measured traffic") == true)
        #expect(conversation.state.step == .patternProposal)
        _ = conversation.handle("accept all")
        #expect(conversation.state.step == .relationshipPair, "back where /import was typed")
        #expect(conversation.state.requirements.accessPatterns.count == 4)
    }

    @Test func refusalsKeepWhatWasCaptured() {
        var conversation = Self.conversation()
        _ = conversation.handle("shop")
        let before = conversation.state
        #expect(conversation.handle("/import log missing.log").messages == ["Cannot read the query log missing.log: it does not exist."])
        #expect(conversation.handle("/import capture out.tsv").messages == ["out.tsv, line 1: not the output of the capture script"])
        #expect(conversation.handle("/import log").messages.first?.hasPrefix("Usage: /import log FILE...") == true)
        #expect(conversation.handle("/import capture a b").messages.first?.hasPrefix("Usage: /import capture FILE") == true)
        #expect(conversation.handle("/import mysql").messages.first?.hasPrefix("Usage: /import mysql") == true)
        #expect(conversation.handle("/import mysql mysql://app@db/shop --sample 5s").messages.first?.contains("at least 10 seconds") == true)
        #expect(conversation.handle("/import mysql mysql://app@db/shop --later").messages.first?.hasPrefix("Usage: /import mysql") == true)
        #expect(conversation.state == before)
    }

    @Test func importMysqlWithoutSamplingReadsTheSchemaOnly() {
        var conversation = Self.conversation()
        for line in ["shop", "context", "1k", "100"] { _ = conversation.handle(line) }
        let reply = conversation.handle("/import mysql mysql://app@db/shop --sample 0")
        #expect(reply.messages.first?.hasPrefix("Imported 2 tables") == true)
        #expect(!reply.messages.contains { $0.hasPrefix("Measured traffic") })
        #expect(conversation.state.pendingProposals == nil)
        let sampled = conversation.handle("/import mysql mysql://app@db/shop --sample 90s")
        #expect(sampled.messages.contains { $0.hasPrefix("Measured traffic") })
    }

    @Test func importKindsComplete() {
        let conversation = Self.conversation()
        #expect(conversation.completions(for: "/import ") == ["schema", "mysql", "log", "capture"])
        #expect(conversation.completions(for: "/import ca") == ["capture"])
    }

    @Test func withoutAReaderImportingTrafficIsNotOffered() {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        #expect(conversation.handle("/import log slow.log").messages == ["Importing traffic is not available here."])
    }
}

/// The requirements gate with proposals still waiting: it says so, and `no` reviews them.
@Suite struct ProposalsAtTheGateTests {
    @Test func theGateNamesProposalsNotReviewedAndNoGoesToThem() {
        var conversation = PatternProposalFlowTests.importedConversation()
        _ = conversation.importTraffic(PatternProposalFlowTests.window, read: DMLParser.read)
        _ = conversation.handle("")
        _ = conversation.handle("/gate")
        #expect(conversation.state.step == .requirementsGate)
        #expect(conversation.question.text.contains("Not reviewed yet: 3 patterns proposed from measured traffic (the first: Get Customer by email)."))
        #expect(SessionSummary.status(conversation.state, model: nil).contains(
            "Measured traffic: 1 pattern with measured RPS, 3 proposed patterns to review, 1 statement not turned into patterns"))
        _ = conversation.handle("no")
        #expect(conversation.state.step == .patternProposal)
        #expect(conversation.question.text.hasPrefix("Proposed pattern 2 (3 to review)"))
    }
}
