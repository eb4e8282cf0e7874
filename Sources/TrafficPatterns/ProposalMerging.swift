import QueryTraffic
import Requirements

/// Merging proposals: automatically when two statements come to the same pattern, and when the
/// user merges one proposal into another at the review.
public enum ProposalMerging {
    /// What makes two drafts the same pattern: type, entities, the equality attributes (as a
    /// set: `a = ? AND b = ?` is `b = ? AND a = ?`), the sort, the aggregation, the consistency
    /// and the values selected (`IS NULL`). The columns returned or written are left out: a digest selecting one more
    /// column is the same access.
    static func groupKey(_ pattern: AccessPattern) -> String {
        var parts = [pattern.type?.rawValue ?? "?", pattern.entities.joined(separator: ",")]
        parts.append((pattern.equalityAttributes ?? []).sorted().joined(separator: ","))
        if case .attribute(let sort)? = pattern.sort { parts.append(sort.attribute + " " + sort.direction.rawValue) } else { parts.append("") }
        parts.append(pattern.aggregate?.aggregation?.text ?? "")
        parts.append(pattern.consistency?.rawValue ?? "")
        parts.append((pattern.selects ?? []).map(\.text).joined(separator: ","))
        parts.append(pattern.type == .search ? (pattern.filterAttributes ?? []).joined(separator: ",") : "")
        return parts.joined(separator: "|")
    }

    /// `into` with `other`'s traffic added: calls and averages add up; the peak is taken from the
    /// sum of both per interval (two statements peaking at different moments do not add peaks);
    /// attributes, filters and statements are joined. `into` keeps its description and keys.
    public static func merge(_ into: PatternProposal, with other: PatternProposal) -> PatternProposal {
        var merged = into
        merged.intervalCalls = sum(into.intervalCalls, other.intervalCalls)
        var pattern = into.pattern
        let intoCalls = into.pattern.measured?.calls ?? 0
        let otherCalls = other.pattern.measured?.calls ?? 0
        let average = (into.pattern.averageRPS?.value ?? 0) + (other.pattern.averageRPS?.value ?? 0)
        let busiest = Double(merged.intervalCalls.lazy.map(\.calls).max() ?? 0) / max(into.intervalSeconds, .leastNonzeroMagnitude)
        // Without interval counts (an older proposal), the sum of the peaks is the safe bound.
        let peak = merged.intervalCalls.isEmpty ? (into.pattern.peakRPS?.value ?? 0) + (other.pattern.peakRPS?.value ?? 0) : busiest
        let figures = RateRounding.figures(peak: peak, average: average)
        pattern.peakRPS = .known(figures.peak)
        pattern.averageRPS = .known(figures.average)
        pattern.attributes = union(into.pattern.attributes, other.pattern.attributes)
        let filters = PatternDraft.unique((into.pattern.filterAttributes ?? []) + (other.pattern.filterAttributes ?? []))
        pattern.filterAttributes = filters
        if var measured = pattern.measured, let otherMeasured = other.pattern.measured {
            measured.calls = intoCalls + otherCalls
            measured.peakRPS = figures.peak
            measured.averageRPS = figures.average
            measured.statements += otherMeasured.statements.filter { !measured.statements.contains($0) }
            pattern.measured = measured
        }
        merged.pattern = pattern
        merged.intervalCalls = PatternProposal.busiest(merged.intervalCalls)
        merged.notes += other.notes.filter { !merged.notes.contains($0) }
        merged.rowsSentPerCall = weighted(into.rowsSentPerCall, intoCalls, other.rowsSentPerCall, otherCalls)
        merged.rowsExaminedPerCall = weighted(into.rowsExaminedPerCall, intoCalls, other.rowsExaminedPerCall, otherCalls)
        return merged
    }

    /// Two interval lists (each ascending) added interval by interval, in one pass.
    static func sum(_ left: [IntervalCalls], _ right: [IntervalCalls]) -> [IntervalCalls] {
        var result: [IntervalCalls] = []
        result.reserveCapacity(left.count + right.count)
        var (i, j) = (0, 0)
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].interval < right[j].interval) {
                result.append(left[i])
                i += 1
            } else if i == left.count || right[j].interval < left[i].interval {
                result.append(right[j])
                j += 1
            } else {
                result.append(IntervalCalls(interval: left[i].interval, calls: left[i].calls + right[j].calls))
                i += 1
                j += 1
            }
        }
        return result
    }

    static func union(_ left: AttributeSelection?, _ right: AttributeSelection?) -> AttributeSelection? {
        switch (left, right) {
        case (.all?, _), (_, .all?): return .all
        case (.only(let a)?, .only(let b)?): return .only(PatternDraft.unique(a + b))
        default: return left ?? right
        }
    }

    static func weighted(_ left: Double?, _ leftCalls: Int, _ right: Double?, _ rightCalls: Int) -> Double? {
        guard let left, let right, leftCalls + rightCalls > 0 else { return left ?? right }
        return (left * Double(leftCalls) + right * Double(rightCalls)) / Double(leftCalls + rightCalls)
    }

    /// Two different patterns worded the same (they differ in a filter or a projection) get
    /// `(2)`, `(3)` after the first, so each can be told apart at the review.
    static func distinguishDescriptions(_ proposals: inout [PatternProposal]) {
        var seen: [String: Int] = [:]
        for index in proposals.indices {
            let description = proposals[index].pattern.description
            let count = (seen[description] ?? 0) + 1
            seen[description] = count
            if count > 1 { proposals[index].pattern.description = description + " (\(count))" }
        }
    }
}

extension ProposalMerging {
    /// A proposal's traffic given to a pattern already accepted. A pattern measured in the same
    /// window adds it up: calls and averages add and, without the pattern's per-interval counts,
    /// the peak is the sum of both peaks, an upper bound. A pattern typed in by hand (or measured
    /// in another window) takes the proposal's measurement instead: the statement measures it.
    public static func addTraffic(of proposal: PatternProposal, to pattern: AccessPattern) -> AccessPattern {
        var merged = pattern
        guard let added = proposal.pattern.measured else { return pattern }
        guard var measured = pattern.measured, measured.source == added.source, measured.windowEnd == added.windowEnd,
              measured.windowSeconds == added.windowSeconds else {
            merged.peakRPS = proposal.pattern.peakRPS
            merged.averageRPS = proposal.pattern.averageRPS
            merged.measured = added
            return merged
        }
        let figures = RateRounding.figures(peak: measured.peakRPS + added.peakRPS, average: measured.averageRPS + added.averageRPS)
        merged.peakRPS = .known(figures.peak)
        merged.averageRPS = .known(figures.average)
        measured.calls += added.calls
        measured.peakRPS = figures.peak
        measured.averageRPS = figures.average
        measured.statements += added.statements.filter { !measured.statements.contains($0) }
        merged.measured = measured
        return merged
    }
}
