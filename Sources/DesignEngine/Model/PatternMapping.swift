/// The DynamoDB operations the engine plans.
public enum DynamoDBOperation: String, Sendable, CaseIterable {
    case getItem = "GetItem"
    case batchGetItem = "BatchGetItem"
    case query = "Query"
    case scan = "Scan"
    case putItem = "PutItem"
    case updateItem = "UpdateItem"
    case deleteItem = "DeleteItem"
    case transactWriteItems = "TransactWriteItems"
    case batchWriteItem = "BatchWriteItem"

    public var isRead: Bool { self == .getItem || self == .batchGetItem || self == .query || self == .scan }
}

/// Whether and how a pattern is served.
public enum MappingStatus: Sendable, Equatable {
    /// Served by the planned DynamoDB operation.
    case served
    /// Served by a Scan the user explicitly accepted for this pattern.
    case acceptedScan
    /// Needs a search service (❌): DynamoDB alone should not serve it.
    case searchService(reason: String)
    /// Not servable as asked; the reason names what breaks (a Scan nobody accepted, a strong read on a GSI).
    case unserved(reason: String)

    /// The status mark used in the requirements and data-model documents.
    public var mark: String {
        switch self {
        case .served, .acceptedScan: return "✅"
        case .searchService: return "❌"
        case .unserved: return "⚠️"
        }
    }
}

/// How one access pattern runs against the model.
public struct PatternMapping: Sendable, Equatable {
    public var patternID: Int
    public var description: String
    public var status: MappingStatus
    /// The main operation (for a transaction, `TransactWriteItems`); nil for search patterns.
    public var operation: DynamoDBOperation?
    /// The table's id, and the index name when the operation reads an index.
    public var tableID: String?
    public var indexName: String?
    /// The key condition as DynamoDB expresses it, such as `user_id = :user_id AND begins_with(created_at, :prefix)`.
    public var keyCondition: String?
    public var filter: String?
    /// Items the request returns or writes on average.
    public var itemsPerRequest: Double
    /// Read units of one request, and write units in the table the request targets (modeling
    /// rules §6); writes to lookup tables and indexes are in `indexWriteUnits`.
    public var readUnitsPerRequest: Double
    public var writeUnitsPerRequest: Double
    public var consistency: String
    public var notes: [String]
    /// For writes: the index writes each request causes, by index name (GSI write amplification).
    public var indexWriteUnits: [IndexWriteUnits]

    /// Read units of one request spent outside its main table or index (a lookup table read
    /// before the entity, the children read after their parent, an index queried to find a key).
    public var readUnitsElsewhere: [ReadUnitsElsewhere] = []

    /// Read units of one request on the table or index the mapping names.
    public var targetReadUnitsPerRequest: Double {
        readUnitsElsewhere.reduce(readUnitsPerRequest) { $0 - $1.readUnits }
    }

    /// Write units of one request everywhere it writes: its table, lookup tables and indexes.
    public var totalWriteUnitsPerRequest: Double {
        indexWriteUnits.reduce(writeUnitsPerRequest) { $0 + $1.writeUnits }
    }

    public init(
        patternID: Int, description: String, status: MappingStatus, operation: DynamoDBOperation?, tableID: String?, indexName: String?,
        keyCondition: String?, filter: String?, itemsPerRequest: Double, readUnitsPerRequest: Double, writeUnitsPerRequest: Double,
        consistency: String, notes: [String], indexWriteUnits: [IndexWriteUnits] = []
    ) {
        self.patternID = patternID
        self.description = description
        self.status = status
        self.operation = operation
        self.tableID = tableID
        self.indexName = indexName
        self.keyCondition = keyCondition
        self.filter = filter
        self.itemsPerRequest = itemsPerRequest
        self.readUnitsPerRequest = readUnitsPerRequest
        self.writeUnitsPerRequest = writeUnitsPerRequest
        self.consistency = consistency
        self.notes = notes
        self.indexWriteUnits = indexWriteUnits
    }
}

/// Read units one request spends in a table or index other than its main target.
public struct ReadUnitsElsewhere: Sendable, Equatable {
    public var tableID: String
    public var indexName: String?
    public var readUnits: Double

    public init(tableID: String, indexName: String?, readUnits: Double) {
        self.tableID = tableID
        self.indexName = indexName
        self.readUnits = readUnits
    }
}

/// Write units one write request causes in one table or index other than its main target
/// (a GSI entry, or the lookup item of a unique constraint).
public struct IndexWriteUnits: Sendable, Equatable {
    public var tableID: String
    public var indexName: String?
    public var writeUnits: Double

    public init(tableID: String, indexName: String?, writeUnits: Double) {
        self.tableID = tableID
        self.indexName = indexName
        self.writeUnits = writeUnits
    }
}
