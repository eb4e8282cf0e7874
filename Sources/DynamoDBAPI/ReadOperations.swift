/// Query's request.
public struct QueryInput: Sendable, Hashable {
    public var tableName: String
    public var indexName: String?
    public var keyConditionExpression: String?
    public var filterExpression: String?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var scanIndexForward: Bool?
    /// Items evaluated (read) before the filter, not items returned.
    public var limit: Int?
    public var exclusiveStartKey: Item?
    public var consistentRead: Bool?
    public var select: Select?
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String, indexName: String? = nil, keyConditionExpression: String? = nil, filterExpression: String? = nil,
        projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], scanIndexForward: Bool? = nil, limit: Int? = nil,
        exclusiveStartKey: Item? = nil, consistentRead: Bool? = nil, select: Select? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyConditionExpression = keyConditionExpression
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.scanIndexForward = scanIndexForward
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
        self.select = select
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// Query's (and Scan's) response: `items` is nil for `Select: COUNT`.
public struct QueryOutput: Sendable, Hashable {
    public var items: [Item]?
    public var count: Int
    public var scannedCount: Int
    public var lastEvaluatedKey: Item?
    public var consumedCapacity: ConsumedCapacity?

    public init(items: [Item]?, count: Int, scannedCount: Int, lastEvaluatedKey: Item? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.items = items
        self.count = count
        self.scannedCount = scannedCount
        self.lastEvaluatedKey = lastEvaluatedKey
        self.consumedCapacity = consumedCapacity
    }
}

/// Scan's request: Query's without a key condition or a direction.
public struct ScanInput: Sendable, Hashable {
    public var tableName: String
    public var indexName: String?
    public var filterExpression: String?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var limit: Int?
    public var exclusiveStartKey: Item?
    public var consistentRead: Bool?
    public var select: Select?
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String, indexName: String? = nil, filterExpression: String? = nil, projectionExpression: String? = nil,
        expressionAttributeNames: [String: String] = [:], expressionAttributeValues: [String: AttributeValue] = [:],
        limit: Int? = nil, exclusiveStartKey: Item? = nil, consistentRead: Bool? = nil, select: Select? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
        self.select = select
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// Scan's response has Query's shape.
public typealias ScanOutput = QueryOutput
