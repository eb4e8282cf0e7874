/// The attributes a secondary index copies from the base table.
public enum Projection: Sendable, Equatable {
    case keysOnly
    case include([String])
    case all

    /// The name CloudFormation and the contract use.
    public var awsName: String {
        switch self {
        case .keysOnly: return "KEYS_ONLY"
        case .include: return "INCLUDE"
        case .all: return "ALL"
        }
    }
}

public enum IndexKind: String, Sendable {
    case global = "GSI"
    case local = "LSI"
}

/// A secondary index of a table.
public struct IndexDesign: Sendable, Equatable {
    /// Stable identity across renames: the name the engine generated before any rename.
    public var id: String
    /// The index name, such as `OrdersByUser`.
    public var name: String
    public var kind: IndexKind
    /// Partition key attributes: one, or up to four for a multi-attribute GSI key.
    public var partitionKey: [KeyAttribute]
    /// Sort key attributes: none, or up to four, matched left to right.
    public var sortKey: [KeyAttribute]
    public var projection: Projection
    public var projectionReason: String
    /// Set when only some items carry the index key, with why that is wanted.
    public var sparse: SparseMarker?
    public var patternIDs: [Int]
    public var purpose: String
    /// Estimated size of one index entry (projected attributes plus keys); a lower bound when
    /// `unknownSizeAttributes` is not empty.
    public var estimatedEntrySizeBytes: Int
    /// Projected attributes whose typical size nobody stated.
    public var unknownSizeAttributes: [String] = []
    /// How the values of a multi-attribute partition key spread taken together (a whole
    /// composite foreign key is one value per parent, though each part alone is not).
    public var combinedPartitionDistribution: KeyDistribution?

    public init(
        id: String, name: String, kind: IndexKind, partitionKey: [KeyAttribute], sortKey: [KeyAttribute], projection: Projection,
        projectionReason: String, sparse: SparseMarker?, patternIDs: [Int], purpose: String, estimatedEntrySizeBytes: Int
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.projection = projection
        self.projectionReason = projectionReason
        self.sparse = sparse
        self.patternIDs = patternIDs
        self.purpose = purpose
        self.estimatedEntrySizeBytes = estimatedEntrySizeBytes
    }

    public var keyAttributeNames: [String] {
        partitionKey.map(\.name) + sortKey.map(\.name)
    }
}

/// The attribute that makes an index sparse and why.
public struct SparseMarker: Sendable, Equatable {
    public var attribute: String
    public var reason: String

    public init(attribute: String, reason: String) {
        self.attribute = attribute
        self.reason = reason
    }
}
