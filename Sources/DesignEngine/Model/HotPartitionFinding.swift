/// How close one partition-key value comes to a per-partition limit (docs/design-engine.md).
public enum PartitionLoadLevel: String, Sendable, Comparable {
    case ok
    /// Above 50% of the limit at peak.
    case warning
    /// Above the limit at peak: requests will be throttled.
    case overLimit = "over-limit"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        let order: [Self] = [.ok, .warning, .overLimit]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// The load one pattern puts on the hottest partition-key value of one table or index.
public struct HotPartitionFinding: Sendable, Equatable {
    public var patternID: Int
    public var tableID: String
    /// Nil for the base table.
    public var indexName: String?
    /// The partition key attribute(s), joined with `#` when several.
    public var partitionKey: String
    public var distribution: KeyDistribution
    public var isWrite: Bool
    public var peakRPS: Double
    /// Nil when an item count or size it depends on is unknown.
    public var unitsPerRequest: Double?
    /// Share of the pattern's traffic on the hottest value; nil when it cannot be known.
    public var hottestShare: Double?
    /// Where the hottest share comes from (stated, derived from a maximum, or assumed even).
    public var hottestShareSource: String?
    /// Units per second on the hottest value; nil when the share is unknown.
    public var hottestUnitsPerSecond: Double?
    /// 3,000 for reads, 1,000 for writes.
    public var limit: Double
    public var level: PartitionLoadLevel
    /// For unknown shares: the share of traffic one value could take before reaching 50% of the limit.
    public var safeShare: Double?
    /// A concrete way out, with numbers (shards, composite key, sparse index); nil when none is needed.
    public var mitigation: String?

    public init(
        patternID: Int, tableID: String, indexName: String?, partitionKey: String, distribution: KeyDistribution, isWrite: Bool,
        peakRPS: Double, unitsPerRequest: Double?, hottestShare: Double?, hottestUnitsPerSecond: Double?, limit: Double,
        level: PartitionLoadLevel, safeShare: Double?, mitigation: String?
    ) {
        self.patternID = patternID
        self.tableID = tableID
        self.indexName = indexName
        self.partitionKey = partitionKey
        self.distribution = distribution
        self.isWrite = isWrite
        self.peakRPS = peakRPS
        self.unitsPerRequest = unitsPerRequest
        self.hottestShare = hottestShare
        self.hottestUnitsPerSecond = hottestUnitsPerSecond
        self.limit = limit
        self.level = level
        self.safeShare = safeShare
        self.mitigation = mitigation
    }
}
