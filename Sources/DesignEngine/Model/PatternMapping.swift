import Requirements

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
    /// A purge by age that TTL on `attribute` does without any request (free deletes).
    case expiresByTTL(attribute: String)
    /// Needs a search service (❌): DynamoDB alone should not serve it.
    case searchService(reason: String)
    /// Not servable as asked; the reason names what breaks and what the user can do.
    case unserved(reason: String)
    /// An analytics-only aggregation (❌) left to an export of the table (S3 + Athena).
    case analyticsExport(reason: String)

    /// The status mark used in the requirements and data-model documents.
    public var mark: String {
        switch self {
        case .served, .acceptedScan, .expiresByTTL: return "✅"
        case .searchService, .analyticsExport: return "❌"
        case .unserved: return "⚠️"
        }
    }
}

/// How one access pattern runs against the model: its executable plan, and the capacity one
/// request of it costs.
public struct PatternMapping: Sendable, Equatable {
    public var patternID: Int
    public var description: String
    public var status: MappingStatus
    /// The steps that serve the pattern; nil for search patterns and patterns not served.
    public var plan: PatternPlan?
    /// Items the main step returns or writes per request, as far as the requirements say.
    public var itemsPerRequest: ItemEstimate
    /// Items the main step reads per request: more than it returns when a filter trims them.
    public var itemsExamined: ItemEstimate
    /// Read units of one request everywhere it reads; nil when a figure it depends on is unknown.
    public var readUnitsPerRequest: Double?
    /// Write units of one request in the table its main step writes; lookup tables, other
    /// tables and indexes are in `indexWriteUnits`. Nil when unknown.
    public var writeUnitsPerRequest: Double?
    public var consistency: Consistency
    public var notes: [String]
    /// For writes: the writes each request causes outside its main table, per table or index.
    public var indexWriteUnits: [IndexWriteUnits]
    /// Read units of one request spent outside its main table or index (a lookup table read
    /// before the entity, the children read after their parent, an index queried to find a key).
    public var readUnitsElsewhere: [ReadUnitsElsewhere]
    /// What the capacity figures could not count (an unknown item count or size): each is a
    /// question for the user, and the figures are lower bounds or unknown until it is answered.
    public var incomplete: [String]
    /// For an aggregating read: how the aggregate is computed (docs/design-engine.md, "Aggregations").
    public var aggregation: AggregationPlan?

    public init(patternID: Int, description: String, status: MappingStatus, plan: PatternPlan?, itemsPerRequest: ItemEstimate,
                consistency: Consistency, notes: [String]) {
        self.patternID = patternID
        self.description = description
        self.status = status
        self.plan = plan
        self.itemsPerRequest = itemsPerRequest
        self.itemsExamined = plan?.mainStep?.itemsExamined ?? itemsPerRequest
        self.readUnitsPerRequest = 0
        self.writeUnitsPerRequest = 0
        self.consistency = consistency
        self.notes = notes
        self.indexWriteUnits = []
        self.readUnitsElsewhere = []
        self.incomplete = []
    }

    /// The main step's operation; nil for patterns without a plan.
    public var operation: DynamoDBOperation? { plan?.mainStep?.request.operation }

    /// The table the main step reads or writes.
    public var tableID: String? { plan?.mainStep?.request.tableID }

    /// The index the main step queries (its id: stable across renames).
    public var indexID: String? { plan?.mainStep?.request.indexID }

    /// Read units of one request on the table or index the main step reads.
    public var targetReadUnitsPerRequest: Double? {
        guard let total = readUnitsPerRequest else { return nil }
        return readUnitsElsewhere.reduce(total) { $0 - ($1.readUnits ?? 0) }
    }

    /// Write units of one request everywhere it writes: its table, lookup tables and indexes.
    public var totalWriteUnitsPerRequest: Double? {
        guard let own = writeUnitsPerRequest else { return nil }
        var total = own
        for write in indexWriteUnits {
            guard let units = write.writeUnits else { return nil }
            total += units
        }
        return total
    }

    /// The main step's key condition in DynamoDB's notation (`PlanText`), for messages and reviews.
    public var keyConditionText: String? {
        guard let plan, let main = plan.mainStep else { return nil }
        let text = PlanText(mainEntity: main.entity).keyCondition(of: main)
        return text.isEmpty ? nil : text
    }

    /// The main step's filter in DynamoDB's notation, if it has one.
    public var filterText: String? {
        guard let plan, let main = plan.mainStep else { return nil }
        return PlanText(mainEntity: main.entity).filter(of: main)
    }

    /// A purge by age that TTL does (proven by checking the items' expiry).
    public var isDoneByTTL: Bool {
        if case .expiresByTTL = status { return true }
        return false
    }

    /// Whether DynamoDB serves the pattern (planned, or a Scan the user accepted).
    public var isServedByDynamoDB: Bool {
        status == .served || status == .acceptedScan
    }
}

/// Read units one request spends in a table or index other than its main target.
public struct ReadUnitsElsewhere: Sendable, Equatable {
    public var tableID: String
    public var indexID: String?
    /// Nil when a figure it depends on is unknown.
    public var readUnits: Double?

    public init(tableID: String, indexID: String?, readUnits: Double?) {
        self.tableID = tableID
        self.indexID = indexID
        self.readUnits = readUnits
    }
}

/// Write units one write request causes in one table or index other than its main target
/// (a GSI entry, the lookup item of a unique constraint, a child item).
public struct IndexWriteUnits: Sendable, Equatable {
    public var tableID: String
    public var indexID: String?
    /// Nil when a figure it depends on is unknown.
    public var writeUnits: Double?

    public init(tableID: String, indexID: String?, writeUnits: Double?) {
        self.tableID = tableID
        self.indexID = indexID
        self.writeUnits = writeUnits
    }
}
