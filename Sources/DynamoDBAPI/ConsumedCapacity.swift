/// Capacity units of one table or index.
public struct Capacity: Sendable, Hashable {
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var capacityUnits: Double?

    public init(readCapacityUnits: Double? = nil, writeCapacityUnits: Double? = nil, capacityUnits: Double? = nil) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.capacityUnits = capacityUnits
    }
}

/// The capacity a request consumed in one table: the total, and with `INDEXES` the table's own
/// share and each index's.
public struct ConsumedCapacity: Sendable, Hashable {
    public var tableName: String
    public var capacityUnits: Double?
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var table: Capacity?
    public var globalSecondaryIndexes: [String: Capacity]?
    public var localSecondaryIndexes: [String: Capacity]?

    public init(
        tableName: String, capacityUnits: Double? = nil, readCapacityUnits: Double? = nil, writeCapacityUnits: Double? = nil,
        table: Capacity? = nil, globalSecondaryIndexes: [String: Capacity]? = nil, localSecondaryIndexes: [String: Capacity]? = nil
    ) {
        self.tableName = tableName
        self.capacityUnits = capacityUnits
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.table = table
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
    }
}
