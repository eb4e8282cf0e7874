import Requirements

/// The pending question of a session. Stored in `session.json`, so a resumed session asks exactly
/// the question it stopped at.
public enum Step: Codable, Sendable, Equatable {
    case overviewDomain
    case overviewContext
    case overviewUsers
    case overviewPeak
    /// Asks for the next entity's name, or `done`.
    case entityName
    case entityAttributes(entity: String)
    case entityIdentifier(entity: String)
    case entityUniques(entity: String)
    case entityOwner(entity: String)
    /// How long the entity's items are kept (asked when it has a date to count from).
    case entityRetention(entity: String)
    /// Reviews an entity imported from the MySQL schema (rename, exclude columns, mark sensitive).
    case entityReview(entity: String)
    /// Asks for the next relationship (`User -> Order`), or `done`.
    case relationshipPair
    case relationshipCardinality(parent: String, child: String)
    case relationshipIndependence(parent: String, child: String)
    /// Reviews the first pattern proposed from measured traffic (`SessionState.pendingProposals`):
    /// accept, edit, merge or drop it.
    case patternProposal
    /// Asks for the next access pattern's description, or `done`.
    case patternDescription
    case patternField(pattern: Int, field: PatternField)
    /// Asks about one gap the tool found (by gap id).
    case gapReview(gap: String)
    case requirementsGate
    /// Written by sessions saved before the design stage existed, when the requirements gate was
    /// passed; a resumed session moves on to the design review.
    case requirementsConfirmed
    /// Reviews one table of the data model (by table id) in the walk-through after the
    /// requirements gate: confirm it, or change it with a design command.
    case designReview(table: String)
    /// Asks for approval of the whole data model.
    case designGate
    /// Written by sessions saved before the contract stage existed, once the design gate was
    /// passed; a resumed session moves on to the contract gate.
    case designConfirmed
    /// A design change would break access patterns: asks whether to keep it (the change waits in
    /// `SessionState.pendingDesignChange`).
    case designChangeConfirmation
    /// Shows the migration contract's summary and validation, and asks for its approval.
    case contractGate
    /// All three gates are passed: the contract can be exported.
    case contractApproved

    /// The stage a step belongs to, for `/status` and the gap-review order.
    public var section: String {
        switch self {
        case .overviewDomain, .overviewContext, .overviewUsers, .overviewPeak: return "application overview"
        case .entityName, .entityAttributes, .entityIdentifier, .entityUniques, .entityOwner, .entityRetention: return "entities"
        case .entityReview: return "imported entities"
        case .relationshipPair, .relationshipCardinality, .relationshipIndependence: return "relationships"
        case .patternDescription, .patternField: return "access patterns"
        case .patternProposal: return "measured patterns"
        case .gapReview: return "gap review"
        case .requirementsGate: return "requirements gate"
        case .requirementsConfirmed: return "requirements confirmed"
        case .designReview: return "design review"
        case .designGate: return "design gate"
        case .designConfirmed: return "design confirmed"
        case .designChangeConfirmation: return "design change confirmation"
        case .contractGate: return "contract gate"
        case .contractApproved: return "contract approved"
        }
    }
}

/// The questions asked about each access pattern, in order.
public enum PatternField: String, Codable, Sendable, CaseIterable {
    case entities, type, equality, sort, filters, items, peak, average, consistency, latency, attributes

    /// The field after this one, or nil after the last.
    public var next: PatternField? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }
}
