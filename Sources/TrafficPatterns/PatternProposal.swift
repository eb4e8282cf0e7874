import QueryTraffic
import Requirements

/// An access pattern proposed from measured traffic, waiting for the user's review (accept,
/// edit, merge, drop). Kept in the session file, so a review resumes where it stopped.
public struct PatternProposal: Codable, Sendable, Equatable {
    /// The pattern as it would be added (its `id` is assigned when accepted), with its
    /// provenance in `pattern.measured`.
    public var pattern: AccessPattern
    /// The calls of the busiest measuring intervals (at most `keptIntervals`, ascending by
    /// interval), kept so that merging two proposals at the review gives the peak of their sum.
    /// A day of slow log has 86,400 seconds: all of them would make the session file, rewritten
    /// after every answer, megabytes long; the busiest thousand hold the peak of any merge in
    /// practice (a merged peak can only be missed where neither statement was busy).
    public var intervalCalls: [IntervalCalls]

    /// The most intervals a proposal keeps.
    public static let keptIntervals = 1_000

    /// The busiest `keptIntervals` of `intervals`, ascending by interval.
    public static func busiest(_ intervals: [IntervalCalls]) -> [IntervalCalls] {
        guard intervals.count > keptIntervals else { return intervals }
        let threshold = intervals.map(\.calls).sorted(by: >)[keptIntervals - 1]
        var kept: [IntervalCalls] = []
        kept.reserveCapacity(keptIntervals)
        // Those above the threshold, then those at it, in interval order, up to the limit.
        let above = intervals.filter { $0.calls > threshold }.count
        var atThreshold = keptIntervals - above
        for entry in intervals {
            if entry.calls > threshold {
                kept.append(entry)
            } else if entry.calls == threshold, atThreshold > 0 {
                kept.append(entry)
                atThreshold -= 1
            }
        }
        return kept
    }
    /// The measuring interval the peak is taken over, in seconds.
    public var intervalSeconds: Double
    /// Rows returned and rows read per call, when the source records them (MySQL's own cost of
    /// the statement: many rows read for few returned means a missing index today).
    public var rowsSentPerCall: Double?
    public var rowsExaminedPerCall: Double?
    /// The number the review shows and `merge N` names; given by the conversation, stable while
    /// the proposal waits.
    public var number: Int
    /// The measured pattern this one measures again (they share a statement): accepting it
    /// updates that pattern's figures instead of adding a pattern.
    public var remeasures: Int?
    /// What the statement showed that the pattern's fields cannot say (an OR between lookups, an
    /// upsert), shown at the review.
    public var notes: [String]

    public init(
        pattern: AccessPattern, intervalCalls: [IntervalCalls], intervalSeconds: Double,
        rowsSentPerCall: Double? = nil, rowsExaminedPerCall: Double? = nil, number: Int = 0, remeasures: Int? = nil, notes: [String] = []
    ) {
        self.pattern = pattern
        self.intervalCalls = Self.busiest(intervalCalls)
        self.intervalSeconds = intervalSeconds
        self.rowsSentPerCall = rowsSentPerCall
        self.rowsExaminedPerCall = rowsExaminedPerCall
        self.number = number
        self.remeasures = remeasures
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case pattern
        case intervalCalls = "interval_calls"
        case intervalSeconds = "interval_seconds"
        case rowsSentPerCall = "rows_sent_per_call"
        case rowsExaminedPerCall = "rows_examined_per_call"
        case number, remeasures, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pattern = try container.decode(AccessPattern.self, forKey: .pattern)
        intervalCalls = try container.decode([IntervalCalls].self, forKey: .intervalCalls)
        intervalSeconds = try container.decode(Double.self, forKey: .intervalSeconds)
        rowsSentPerCall = try container.decodeIfPresent(Double.self, forKey: .rowsSentPerCall)
        rowsExaminedPerCall = try container.decodeIfPresent(Double.self, forKey: .rowsExaminedPerCall)
        number = try container.decode(Int.self, forKey: .number)
        remeasures = try container.decodeIfPresent(Int.self, forKey: .remeasures)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}
