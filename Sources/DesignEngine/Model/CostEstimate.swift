/// Monthly cost of one table or index (docs/design-engine.md, "Hot partitions, cost and warnings").
public struct CostLine: Sendable, Equatable {
    public var tableID: String
    /// Nil for the base table.
    public var indexName: String?
    public var tableClass: TableClass
    /// Request units per month from average RPS.
    public var readUnitsPerMonth: Double
    public var writeUnitsPerMonth: Double
    /// Stored gigabytes (item or entry size + 100 bytes per item); nil when the item count is unknown.
    public var storageGB: Double?
    public var readCost: Double
    public var writeCost: Double
    public var storageCost: Double?
    /// Provisioned alternative: capacity sized from peak at 70% utilization, for 730 hours.
    public var provisionedReadCapacity: Int
    public var provisionedWriteCapacity: Int
    public var provisionedCost: Double
    /// Patterns whose units on this line are unknown: the request figures are lower bounds.
    public var unknownPatterns: [Int]
    /// Attributes of unknown size: the storage figure (and the units) are lower bounds.
    public var unknownSizes: [String]

    public init(
        tableID: String, indexName: String?, tableClass: TableClass, readUnitsPerMonth: Double, writeUnitsPerMonth: Double,
        storageGB: Double?, readCost: Double, writeCost: Double, storageCost: Double?, provisionedReadCapacity: Int,
        provisionedWriteCapacity: Int, provisionedCost: Double, unknownPatterns: [Int] = [], unknownSizes: [String] = []
    ) {
        self.tableID = tableID
        self.indexName = indexName
        self.tableClass = tableClass
        self.readUnitsPerMonth = readUnitsPerMonth
        self.writeUnitsPerMonth = writeUnitsPerMonth
        self.storageGB = storageGB
        self.readCost = readCost
        self.writeCost = writeCost
        self.storageCost = storageCost
        self.provisionedReadCapacity = provisionedReadCapacity
        self.provisionedWriteCapacity = provisionedWriteCapacity
        self.provisionedCost = provisionedCost
        self.unknownPatterns = unknownPatterns
        self.unknownSizes = unknownSizes
    }

    /// Whether every figure of the line is complete (no unknown count or size behind it).
    public var isComplete: Bool { unknownPatterns.isEmpty && unknownSizes.isEmpty }

    /// On-demand requests plus storage (storage counted as zero when unknown).
    public var onDemandTotal: Double { readCost + writeCost + (storageCost ?? 0) }
}

/// The whole model's monthly cost, with the assumptions printed next to it.
public struct CostEstimate: Sendable, Equatable {
    public var prices: PriceTable
    public var lines: [CostLine]
    /// Item counts the storage figures assume, by entity; entities without one have no storage figure.
    public var assumedItemCounts: [String: Int]

    public init(prices: PriceTable, lines: [CostLine], assumedItemCounts: [String: Int]) {
        self.prices = prices
        self.lines = lines
        self.assumedItemCounts = assumedItemCounts
    }

    public var onDemandTotal: Double { lines.reduce(0) { $0 + $1.onDemandTotal } }
    /// Whether every line is complete; otherwise the totals are lower bounds.
    public var isComplete: Bool { lines.allSatisfy(\.isComplete) }
    public var provisionedTotal: Double { lines.reduce(0) { $0 + $1.provisionedCost + ($1.storageCost ?? 0) } }
}
