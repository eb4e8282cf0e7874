/// The kinds of choice the engine records (the decision framework's `decision_type`, extended).
public enum DecisionType: String, Sendable, CaseIterable {
    case tableStructure = "TABLE_STRUCTURE"
    case itemCollection = "ITEM_COLLECTION"
    case gsiDesign = "GSI_DESIGN"
    case projection = "PROJECTION"
    case denormalization = "DENORMALIZATION"
    case uniqueConstraint = "UNIQUE_CONSTRAINT"
    case capacity = "CAPACITY"
    case lifecycle = "LIFECYCLE"
}

/// A choice that had alternatives, with the user's numbers behind it (docs/design-engine.md, "Decisions").
public struct DesignDecision: Sendable, Equatable {
    /// Stable id the design gate's accept/reject commands refer to, such as `collection:OrderItem`.
    public var id: String
    public var type: DecisionType
    /// What the decision is about, such as "Orders table" or "OrderItem stored with Order".
    public var subject: String
    public var alternativesConsidered: [String]
    public var chosenApproach: String
    public var justification: String
    public var tradeOffs: [String]
    public var rollbackStrategy: String
    public var monitoring: [String]
    /// Set when the user overrode the engine's own choice at the design gate.
    public var userChoice: String?

    public init(
        id: String, type: DecisionType, subject: String, alternativesConsidered: [String], chosenApproach: String,
        justification: String, tradeOffs: [String], rollbackStrategy: String, monitoring: [String], userChoice: String? = nil
    ) {
        self.id = id
        self.type = type
        self.subject = subject
        self.alternativesConsidered = alternativesConsidered
        self.chosenApproach = chosenApproach
        self.justification = justification
        self.tradeOffs = tradeOffs
        self.rollbackStrategy = rollbackStrategy
        self.monitoring = monitoring
        self.userChoice = userChoice
    }
}
