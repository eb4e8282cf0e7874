/// Something an expert reviewer would ask about before designing: a hole in the requirements.
public struct RequirementsGap: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case patternMissingRPS, sourceIndexWithoutPattern, fullTextWithoutSearch, entityNeverCreated, entityNeverRead, entityWithoutPatterns,
            relationshipWithoutCardinality, lookupNotMaintained, searchNotMarked, incompletePattern, aggregationNotStated
    }

    public let kind: Kind
    /// Stable identifier, used to accept a gap with a reason (`no-create:User`).
    public let id: String
    /// The question or finding, in the user's terms.
    public let message: String
    /// The command that fixes it.
    public let fix: String
    /// Whether the user may accept the gap with a reason instead of fixing it. Missing numbers can
    /// never be waved through: they would be fabricated later.
    public let acceptable: Bool
}
