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
    /// Reviews an entity imported from the MySQL schema (rename, exclude columns, mark sensitive).
    case entityReview(entity: String)
    /// Asks for the next relationship (`User -> Order`), or `done`.
    case relationshipPair
    case relationshipCardinality(parent: String, child: String)
    case relationshipIndependence(parent: String, child: String)
    /// Asks for the next access pattern's description, or `done`.
    case patternDescription
    case patternField(pattern: Int, field: PatternField)
    /// Asks about one gap the tool found (by gap id).
    case gapReview(gap: String)
    case requirementsGate
    /// The requirements gate is passed; the session waits for edits or `/quit`.
    case requirementsConfirmed

    /// The stage a step belongs to, for `/status` and the gap-review order.
    public var section: String {
        switch self {
        case .overviewDomain, .overviewContext, .overviewUsers, .overviewPeak: return "application overview"
        case .entityName, .entityAttributes, .entityIdentifier, .entityUniques, .entityOwner: return "entities"
        case .entityReview: return "imported entities"
        case .relationshipPair, .relationshipCardinality, .relationshipIndependence: return "relationships"
        case .patternDescription, .patternField: return "access patterns"
        case .gapReview: return "gap review"
        case .requirementsGate: return "requirements gate"
        case .requirementsConfirmed: return "requirements confirmed"
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
