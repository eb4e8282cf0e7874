import Requirements
/// A key attribute of a table or index, and what the engine knows about how its values spread.
public struct KeyAttribute: Sendable, Equatable {
    public var name: String
    /// S, N or B: the only types DynamoDB accepts for keys.
    public var dynamoDBType: DynamoDBType
    /// For a concatenated key (`tenant_id#user_id`), the attributes it joins, in order.
    public var composedOf: [String]?
    public var distribution: KeyDistribution

    public init(name: String, dynamoDBType: DynamoDBType, composedOf: [String]? = nil, distribution: KeyDistribution) {
        self.name = name
        self.dynamoDBType = dynamoDBType
        self.composedOf = composedOf
        self.distribution = distribution
    }
}

/// How many distinct values a partition key takes, as far as the requirements tell
/// (docs/design-engine.md): the basis of every hot-partition figure.
public enum KeyDistribution: Sendable, Equatable {
    /// One value per item of the entity (its identifier or a unique attribute).
    case perItem(entity: String)
    /// One value per parent item: the children of one parent share it.
    case perParent(parent: String, childrenAverage: Double?, childrenMaximum: Int?)
    /// A handful of values: a boolean, an enum, or a count the user gave.
    case fewValues(count: Int, source: String)
    /// Nothing in the requirements says; the document asks the user to state it.
    case unknown

    /// The share of traffic on the hottest value when no skew is reported, if it can be known.
    public var hottestShare: Double? {
        if case .fewValues(let count, _) = self, count > 0 { return 1 / Double(count) }
        return nil
    }

    /// Whether the values are too few to spread load (under 100: docs/design-engine.md).
    public var isLowCardinality: Bool {
        if case .fewValues(let count, _) = self { return count < 100 }
        return false
    }
}
