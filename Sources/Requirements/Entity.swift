/// A business entity (usually a MySQL table) whose items the application stores.
public struct Entity: Codable, Sendable, Equatable {
    public var name: String
    public var attributes: [Attribute]
    /// The attribute names that identify one item; more than one for a composite identifier.
    public var identifier: [String]
    /// Attribute groups whose values must be unique; a group of several is a composite unique key.
    public var uniqueGroups: [[String]]
    /// The service or team that owns the entity, when the user named one.
    public var owner: String?
    /// The MySQL table the entity was imported from.
    public var sourceTable: String?
    /// The table's secondary and FULLTEXT indexes: evidence of lookups and searches to ask about.
    public var sourceIndexes: [SourceIndex]?
    /// How many items the entity holds today or at launch, as the user estimated it; storage
    /// costs need it. Children without one are derived from their parent and the cardinality.
    public var itemCount: Estimate?
    /// How long items are kept (docs/design-engine.md, "Lifecycle"); `nil` until asked.
    public var retention: Retention?

    public init(
        name: String, attributes: [Attribute] = [], identifier: [String] = [],
        uniqueGroups: [[String]] = [], owner: String? = nil, sourceTable: String? = nil, sourceIndexes: [SourceIndex]? = nil
    ) {
        self.name = name
        self.attributes = attributes
        self.identifier = identifier
        self.uniqueGroups = uniqueGroups
        self.owner = owner
        self.sourceTable = sourceTable
        self.sourceIndexes = sourceIndexes
    }

    public func attribute(named name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    enum CodingKeys: String, CodingKey {
        case name, attributes, identifier, owner
        case uniqueGroups = "unique_groups"
        case sourceTable = "source_table"
        case sourceIndexes = "source_indexes"
        case itemCount = "item_count"
        case retention
    }
}

/// An index of the source table, kept as evidence of how the data is looked up today.
public struct SourceIndex: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case secondary, fulltext
    }

    public var name: String?
    public var kind: Kind
    /// The indexed attributes (by attribute name), in index order.
    public var attributes: [String]

    public init(name: String?, kind: Kind, attributes: [String]) {
        self.name = name
        self.kind = kind
        self.attributes = attributes
    }
}
