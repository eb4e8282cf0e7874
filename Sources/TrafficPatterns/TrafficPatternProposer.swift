import QueryTraffic
import Requirements
import SQLStatements

/// Turns a measured window into access patterns to review: each statement is read, placed on
/// the imported entities, drafted as a pattern, and statements that come to the same pattern
/// (digests differing only in an `IN` list's length, in the columns selected or written) are
/// merged with their traffic added interval by interval. Pure and deterministic.
public enum TrafficPatternProposer {
    /// - Parameters:
    ///   - read: the DML reader (`DMLParser.read`), passed in so the proposer is tested with
    ///     readings of its own.
    public static func propose(
        _ window: TrafficWindow, requirements: Requirements, read: @Sendable (String) -> StatementReading
    ) -> TrafficProposals {
        let columns = StatementColumns(requirements)
        let windowEnd = UTCMinute.text(epochSeconds: window.end)
        // Reading and drafting each statement is independent of the others, and most of the
        // work: done on every core, then grouped in the window's order.
        let statements = window.statements
        let drafts = Slots<Draft>(count: statements.count)
        let outcomes = ParallelMap.map(count: statements.count) { position in
            // Fields read in place: copying a whole statement costs a retain per field.
            let (outcome, draft) = outcome(of: statements[position].example, calls: statements[position].calls, columns: columns, read: read)
            if let draft { drafts.put(position, draft) }
            return outcome
        }

        // Statements that come to the same pattern, by position in the window, first seen first.
        var groups: [String: Int] = [:]
        var grouped: [[Int]] = []
        var unplaced: [UnplacedStatement] = []
        var ignored: [String: Int] = [:]
        var ignoredOrder: [String] = []
        for position in outcomes.indices {
            switch outcomes[position] {
            case .skipped:
                continue
            case .notDataAccess(let what):
                if ignored[what] == nil { ignoredOrder.append(what) }
                ignored[what, default: 0] += statements[position].calls
            case .unplaced(let reason):
                unplaced.append(UnplacedStatement(statement: statements[position].fingerprint, calls: statements[position].calls, reason: reason))
            case .drafted(let key):
                if let index = groups[key] {
                    grouped[index].append(position)
                } else {
                    groups[key] = grouped.count
                    grouped.append([position])
                }
            }
        }
        let measuring = Measuring(window: window, windowEnd: windowEnd, drafts: drafts)
        let groupsInOrder = grouped
        var proposals = ParallelMap.map(count: groupsInOrder.count) { measuring.proposal(for: groupsInOrder[$0]) }
        proposals.sort { left, right in
            let (leftCalls, rightCalls) = (left.pattern.measured?.calls ?? 0, right.pattern.measured?.calls ?? 0)
            if leftCalls != rightCalls { return leftCalls > rightCalls }
            return left.pattern.description < right.pattern.description
        }
        ProposalMerging.distinguishDescriptions(&proposals)
        var windowText = MeasuredTraffic(source: window.source.rawValue, windowSeconds: window.seconds, windowEnd: windowEnd,
                                         endedEarly: window.endedEarly, calls: 0, peakRPS: 0, averageRPS: 0, statements: []).text
        if let comma = windowText.range(of: ", 0 calls") { windowText.removeSubrange(comma) }
        return TrafficProposals(
            proposals: proposals, unplaced: unplaced,
            notDataAccess: ignoredOrder.map { TrafficProposals.NotDataAccess(what: $0, calls: ignored[$0] ?? 0) }, windowText: windowText
        )
    }

    /// What became of one statement.
    enum Outcome: Sendable {
        case skipped
        case notDataAccess(String)
        case unplaced(String)
        /// Drafted as a pattern: the key of the pattern it comes to (`ProposalMerging.groupKey`).
        case drafted(key: String)
    }

    /// A statement drafted as a pattern, before its traffic is added: the pattern, and the shape
    /// it was read from (for the wording).
    struct Draft: Sendable {
        var pattern: AccessPattern
        var shape: StatementShape
    }

    static func outcome(
        of example: String, calls: Int, columns: StatementColumns, read: (String) -> StatementReading
    ) -> (outcome: Outcome, draft: Draft?) {
        guard calls > 0 else { return (.skipped, nil) }
        switch read(example) {
        case .notDataAccess(let what):
            return (.notDataAccess(what), nil)
        case .unplaceable(let reason):
            return (.unplaced(reason), nil)
        case .placed(let shape):
            do throws(StatementColumns.Problem) {
                let pattern = try PatternDraft.pattern(from: shape, columns: columns)
                return (.drafted(key: ProposalMerging.groupKey(pattern)), Draft(pattern: pattern, shape: shape))
            } catch {
                return (.unplaced(error.reason), nil)
            }
        }
    }
}

/// Turns a group of drafts (statements that come to one pattern) into one proposal with the
/// traffic of all of them: calls and averages added, the intervals added up once, the peak the
/// busiest interval of the sum. A window's groups are measured here in one pass each, rather
/// than folded pair by pair through `ProposalMerging.merge` (what a merge at the review uses):
/// folding built and copied a proposal per statement, most of the time 100,000 digests took.
struct Measuring: Sendable {
    let window: TrafficWindow
    let windowEnd: String
    /// The drafts by statement position; each is taken by the one group it belongs to.
    let drafts: Slots<TrafficPatternProposer.Draft>

    /// - Parameter group: the positions in the window of the statements, first seen first.
    func proposal(for group: [Int]) -> PatternProposal {
        let members = group.map { drafts.take($0) }
        var pattern = members[0].pattern
        pattern.description = PatternWording.description(of: pattern, shape: members[0].shape)
        var calls = 0
        var average = 0.0
        var peak = 0.0
        var rowsSent = 0.0
        var rowsExamined = 0.0
        var (hasRowsSent, hasRowsExamined) = (true, true)
        var fingerprints: [String] = []
        fingerprints.reserveCapacity(group.count)
        var notes: [String] = []
        var intervals: [IntervalCalls]
        let statements = window.statements
        if group.count == 1 {
            intervals = statements[group[0]].intervalCalls
            peak = statements[group[0]].peakRPS
        } else {
            var byInterval: [Int: Int] = [:]
            for member in group {
                for entry in statements[member].intervalCalls { byInterval[entry.interval, default: 0] += entry.calls }
            }
            intervals = byInterval.keys.sorted().map { IntervalCalls(interval: $0, calls: byInterval[$0] ?? 0) }
            peak = Double(intervals.lazy.map(\.calls).max() ?? 0) / max(window.peakIntervalSeconds, .leastNonzeroMagnitude)
        }
        for (index, member) in group.enumerated() {
            let memberCalls = statements[member].calls
            calls += memberCalls
            average += statements[member].averageRPS
            fingerprints.append(statements[member].fingerprint)
            if let sent = statements[member].rowsSentPerCall { rowsSent += sent * Double(memberCalls) } else { hasRowsSent = false }
            if let examined = statements[member].rowsExaminedPerCall { rowsExamined += examined * Double(memberCalls) } else { hasRowsExamined = false }
            let draft = members[index]
            for note in StatementNotes.notes(for: draft.shape) where !notes.contains(note) { notes.append(note) }
            if index > 0 {
                pattern.attributes = ProposalMerging.union(pattern.attributes, draft.pattern.attributes)
                pattern.filterAttributes = PatternDraft.unique((pattern.filterAttributes ?? []) + (draft.pattern.filterAttributes ?? []))
            }
        }
        let figures = RateRounding.figures(peak: peak, average: average)
        pattern.peakRPS = .known(figures.peak)
        pattern.averageRPS = .known(figures.average)
        let sentPerCall = hasRowsSent && calls > 0 ? rowsSent / Double(calls) : nil
        // What a read returned on average is measured; a literal LIMIT only bounds it.
        if pattern.type == .read || pattern.type == .search, let sentPerCall {
            var maximum: Int?
            if case .known(let items)? = pattern.expectedItems { maximum = items.maximum }
            let average = RateRounding.rounded(maximum.map { min(sentPerCall, Double($0)) } ?? sentPerCall)
            pattern.expectedItems = .known(ItemCount(average: average, maximum: maximum))
        }
        pattern.measured = MeasuredTraffic(
            source: window.source.rawValue, windowSeconds: window.seconds, windowEnd: windowEnd, endedEarly: window.endedEarly,
            calls: calls, peakRPS: figures.peak, averageRPS: figures.average, statements: fingerprints
        )
        return PatternProposal(
            pattern: pattern, intervalCalls: intervals, intervalSeconds: window.peakIntervalSeconds,
            rowsSentPerCall: sentPerCall, rowsExaminedPerCall: hasRowsExamined && calls > 0 ? rowsExamined / Double(calls) : nil,
            notes: notes
        )
    }
}

/// What a statement shows that a pattern's fields cannot hold, said at the review.
enum StatementNotes {
    static func notes(for shape: StatementShape) -> [String] {
        var notes: [String] = []
        if shape.hasDisjunction {
            notes.append("The WHERE joins conditions with OR: DynamoDB serves each side as a query of its own; keep the side this pattern is for (edit eq=...) and add a pattern for the other.")
        }
        if shape.upserts {
            notes.append("INSERT … ON DUPLICATE KEY UPDATE: a PutItem replaces the whole item; if a duplicate only changes some attributes, make it type=update.")
        }
        return notes
    }
}

/// RPS figures as the requirements keep them: three decimals, the peak never below the average.
enum RateRounding {
    static func rounded(_ value: Double) -> Double {
        (value * 1_000).rounded() / 1_000
    }

    static func figures(peak: Double, average: Double) -> (peak: Double, average: Double) {
        let average = rounded(average)
        return (max(rounded(peak), average), average)
    }
}
