import Requirements

/// The DynamoDB data model the engine designs from confirmed requirements: everything
/// `dynamodb_data_model.md` shows and `migrationContract.json` is built from.
///
/// A pure value: the same requirements and choices always give an equal model.
public struct DataModel: Sendable, Equatable {
    /// Entity tables first (in entity order), then unique-constraint lookup tables.
    public var tables: [TableDesign]
    /// One mapping per access pattern, in pattern order.
    public var mappings: [PatternMapping]
    public var decisions: [DesignDecision]
    public var hotPartitions: [HotPartitionFinding]
    public var cost: CostEstimate
    public var warnings: [ModelWarning]
    /// Set when some pattern needs a search service (seed 000's OpenSearch requirement flag).
    public var openSearch: OpenSearchRequirement
    /// Trade-offs of the model as a whole, in the order they matter.
    public var tradeOffs: [String]
    public var naming: NamingConvention

    public init(
        tables: [TableDesign], mappings: [PatternMapping], decisions: [DesignDecision], hotPartitions: [HotPartitionFinding],
        cost: CostEstimate, warnings: [ModelWarning], openSearch: OpenSearchRequirement, tradeOffs: [String], naming: NamingConvention
    ) {
        self.tables = tables
        self.mappings = mappings
        self.decisions = decisions
        self.hotPartitions = hotPartitions
        self.cost = cost
        self.warnings = warnings
        self.openSearch = openSearch
        self.tradeOffs = tradeOffs
        self.naming = naming
    }

    public func table(id: String) -> TableDesign? {
        tables.first { $0.id == id }
    }

    public func table(named name: String) -> TableDesign? {
        tables.first { $0.name == name } ?? tables.first { $0.name.lowercased() == name.lowercased() }
    }

    public func mapping(for patternID: Int) -> PatternMapping? {
        mappings.first { $0.patternID == patternID }
    }

    /// Patterns the model cannot serve as the user asked (a Scan nobody accepted, a strongly
    /// consistent read that would land on a GSI): the design gate lists them before approval.
    public var brokenPatterns: [PatternMapping] {
        mappings.filter { if case .unserved = $0.status { return true } else { return false } }
    }
}

/// Seed 000's flag: patterns DynamoDB alone should not serve, to be fed to OpenSearch.
public struct OpenSearchRequirement: Sendable, Equatable {
    public var isRequired: Bool
    /// The patterns that need it, with the reason for each.
    public var patterns: [SearchPatternNote]

    public init(patterns: [SearchPatternNote]) {
        self.isRequired = !patterns.isEmpty
        self.patterns = patterns
    }
}

public struct SearchPatternNote: Sendable, Equatable {
    public var patternID: Int
    public var description: String
    public var reason: String

    public init(patternID: Int, description: String, reason: String) {
        self.patternID = patternID
        self.description = description
        self.reason = reason
    }
}
