import QueryTraffic
import Requirements

/// An access pattern proposed from measured traffic, waiting for the user's review (accept,
/// edit, merge, drop). Kept in the session file, so a review resumes where it stopped.
public struct PatternProposal: Codable, Sendable, Equatable {
    /// The pattern as it would be added (its `id` is assigned when accepted), with its
    /// provenance in `pattern.measured`.
    public var pattern: AccessPattern
    /// The calls per measuring interval (interval index → calls), kept so that merging two
    /// proposals gives the true peak of their sum.
    public var intervalCalls: [IntervalCalls]
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
        self.intervalCalls = intervalCalls
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
