/// The warnings the model can carry: the five critical production warnings, and DynamoDB
/// limit violations.
public enum WarningKind: String, Sendable, CaseIterable {
    case gsiThrottlingCascade = "GSI Throttling Cascade"
    case hotPartitionRisk = "Hot Partition Risk"
    case entityBoundaryViolation = "Entity Boundary Violation"
    case schemaEvolutionTrap = "Schema Evolution Trap"
    case debuggingComplexity = "Debugging Complexity"
    case limitViolation = "Limit Violation"
    case lowCardinalityKey = "Low-Cardinality Key"

    /// The fixed sentence, for the five critical production warnings.
    public var fixedSentence: String? {
        switch self {
        case .gsiThrottlingCascade:
            return "Warning: GSI throttling will affect the entire base table. Consider dedicated capacity or alternative design."
        case .hotPartitionRisk:
            return "Warning: This access pattern may create hot partitions. Consider partition key sharding strategy."
        case .entityBoundaryViolation:
            return "Warning: Mixing data from different services/teams. Consider operational ownership boundaries."
        case .schemaEvolutionTrap:
            return "Warning: This denormalization will complicate future schema changes. Document migration strategy."
        case .debuggingComplexity:
            return "Warning: Composite keys and denormalized data will increase debugging difficulty. Ensure adequate logging/monitoring."
        case .limitViolation, .lowCardinalityKey:
            return nil
        }
    }
}

/// One warning with its concrete reason (which table, which numbers).
public struct ModelWarning: Sendable, Equatable {
    public var kind: WarningKind
    /// The table's id the warning is about, when it is about one table.
    public var tableID: String?
    public var reason: String

    public init(kind: WarningKind, tableID: String?, reason: String) {
        self.kind = kind
        self.tableID = tableID
        self.reason = reason
    }
}
