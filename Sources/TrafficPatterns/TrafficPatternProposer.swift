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
        let outcomes = ParallelMap.map(window.statements) { statement in
            outcome(of: statement, window: window, windowEnd: windowEnd, columns: columns, read: read)
        }
        var groups: [String: Int] = [:]
        var grouped: [[PatternProposal]] = []
        var unplaced: [UnplacedStatement] = []
        var ignored: [String: Int] = [:]
        var ignoredOrder: [String] = []
        for (statement, outcome) in zip(window.statements, outcomes) {
            switch outcome {
            case .skipped:
                continue
            case .notDataAccess(let what):
                if ignored[what] == nil { ignoredOrder.append(what) }
                ignored[what, default: 0] += statement.calls
            case .unplaced(let reason):
                unplaced.append(UnplacedStatement(statement: statement.fingerprint, calls: statement.calls, reason: reason))
            case .drafted(let proposal, let key):
                if let position = groups[key] {
                    grouped[position].append(proposal)
                } else {
                    groups[key] = grouped.count
                    grouped.append([proposal])
                }
            }
        }
        var proposals = grouped.map { group in group.dropFirst().reduce(group[0]) { ProposalMerging.merge($0, with: $1) } }
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
            notDataAccess: ignoredOrder.map { ($0, ignored[$0] ?? 0) }, windowText: windowText
        )
    }

    /// What became of one statement.
    enum Outcome: Sendable {
        case skipped
        case notDataAccess(String)
        case unplaced(String)
        /// A proposal, with the key of the pattern it comes to (`ProposalMerging.groupKey`).
        case drafted(PatternProposal, key: String)
    }

    static func outcome(
        of statement: StatementTraffic, window: TrafficWindow, windowEnd: String, columns: StatementColumns,
        read: (String) -> StatementReading
    ) -> Outcome {
        guard statement.calls > 0 else { return .skipped }
        switch read(statement.example) {
        case .notDataAccess(let what):
            return .notDataAccess(what)
        case .unplaceable(let reason):
            return .unplaced(reason)
        case .placed(let shape):
            do throws(StatementColumns.Problem) {
                let pattern = try PatternDraft.pattern(from: shape, columns: columns)
                var proposal = measured(pattern, statement, window: window, windowEnd: windowEnd)
                proposal.notes = StatementNotes.notes(for: shape)
                return .drafted(proposal, key: ProposalMerging.groupKey(pattern))
            } catch {
                return .unplaced(error.reason)
            }
        }
    }

    /// The pattern with the statement's traffic as its figures and provenance.
    static func measured(_ draft: AccessPattern, _ statement: StatementTraffic, window: TrafficWindow, windowEnd: String) -> PatternProposal {
        var pattern = draft
        let (peak, average) = RateRounding.figures(peak: statement.peakRPS, average: statement.averageRPS)
        pattern.peakRPS = .known(peak)
        pattern.averageRPS = .known(average)
        if pattern.expectedItems == nil, pattern.type == .read || pattern.type == .search, let rows = statement.rowsSentPerCall {
            pattern.expectedItems = .known(ItemCount(average: RateRounding.rounded(rows)))
        }
        pattern.measured = MeasuredTraffic(
            source: window.source.rawValue, windowSeconds: window.seconds, windowEnd: windowEnd, endedEarly: window.endedEarly,
            calls: statement.calls, peakRPS: peak, averageRPS: average, statements: [statement.fingerprint]
        )
        return PatternProposal(
            pattern: pattern,
            intervalCalls: statement.intervalCalls.map { IntervalCount(interval: $0.interval, calls: $0.calls) },
            intervalSeconds: window.peakIntervalSeconds,
            rowsSentPerCall: statement.rowsSentPerCall, rowsExaminedPerCall: statement.rowsExaminedPerCall
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
