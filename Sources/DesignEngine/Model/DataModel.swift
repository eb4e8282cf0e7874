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
    /// Set when some pattern needs a search service (the OpenSearch requirement flag).
    public var openSearch: OpenSearchRequirement
    /// Analytics-only aggregations left to an export of the tables (S3 + Athena), flagged like
    /// search (docs/design-engine.md, "Aggregations").
    public var analyticsExport: [SearchPatternNote] = []
    /// Trade-offs of the model as a whole, in the order they matter.
    public var tradeOffs: [String]
    public var naming: NamingConvention
    /// What stops the design gate besides broken patterns: a partition over its throughput limit,
    /// an item over 400 KB.
    public var blockers: [ModelBlocker] = []
    /// The result of executing every served pattern on an in-memory DynamoDB with sample items;
    /// nil until the model has been executed.
    public var proof: ExecutionProof?

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
    /// consistent read that would land on a GSI, a plan that failed when executed): the design
    /// gate lists them before approval.
    public var brokenPatterns: [PatternMapping] {
        mappings.filter { if case .unserved = $0.status { return true } else { return false } }
    }

    /// The name of an index of a table, by the index's id; nil when the table has no such index.
    public func indexName(tableID: String, indexID: String?) -> String? {
        guard let indexID else { return nil }
        return table(id: tableID)?.index(id: indexID)?.name
    }

    /// The table that stores `entity`'s own items (not a lookup table).
    public func entityTable(of entity: String) -> TableDesign? {
        tables.first { $0.lookup == nil && $0.itemLayouts.contains { $0.entity == entity } }
    }
}

/// Something other than a broken pattern that the design gate refuses to approve.
public struct ModelBlocker: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case partitionOverLimit = "partition over its limit"
        case itemTooLarge = "item over 400 KB"
    }

    public var kind: Kind
    public var tableID: String
    public var reason: String
    public var mitigation: String

    public init(kind: Kind, tableID: String, reason: String, mitigation: String) {
        self.kind = kind
        self.tableID = tableID
        self.reason = reason
        self.mitigation = mitigation
    }
}

/// What executing the model proved: every served pattern run as planned against an in-memory
/// DynamoDB holding sample items written through the planned writes, results asserted.
public struct ExecutionProof: Sendable, Equatable {
    /// Patterns marked served (✅) that were executed.
    public var executed: Int
    public var passed: Int
    /// Patterns whose execution failed, with what went wrong.
    public var failures: [Failure]

    public struct Failure: Sendable, Equatable {
        public var patternID: Int
        public var reason: String

        public init(patternID: Int, reason: String) {
            self.patternID = patternID
            self.reason = reason
        }
    }

    public init(executed: Int, passed: Int, failures: [Failure]) {
        self.executed = executed
        self.passed = passed
        self.failures = failures
    }
}

/// Patterns DynamoDB alone should not serve, to be fed to OpenSearch.
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
