/// The keys to read from one table in a BatchGetItem, and how.
public struct KeysAndAttributes: Sendable, Hashable {
    public var keys: [Item]
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var consistentRead: Bool?

    public init(keys: [Item], projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:], consistentRead: Bool? = nil) {
        self.keys = keys
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.consistentRead = consistentRead
    }
}

/// BatchGetItem's request: up to 100 keys across tables.
public struct BatchGetItemInput: Sendable, Hashable {
    public var requestItems: [String: KeysAndAttributes]
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(requestItems: [String: KeysAndAttributes], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.requestItems = requestItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// BatchGetItem's response: the items found per table (in no particular order), the keys left
/// unread, and one capacity entry per table.
public struct BatchGetItemOutput: Sendable, Hashable {
    public var responses: [String: [Item]]
    public var unprocessedKeys: [String: KeysAndAttributes]
    public var consumedCapacity: [ConsumedCapacity]?

    public init(responses: [String: [Item]], unprocessedKeys: [String: KeysAndAttributes] = [:], consumedCapacity: [ConsumedCapacity]? = nil) {
        self.responses = responses
        self.unprocessedKeys = unprocessedKeys
        self.consumedCapacity = consumedCapacity
    }
}

/// One request of a BatchWriteItem: a put of a whole item or a delete by key (no conditions).
public enum WriteRequest: Sendable, Hashable {
    case put(item: Item)
    case delete(key: Item)
}

/// BatchWriteItem's request: up to 25 puts and deletes across tables.
public struct BatchWriteItemInput: Sendable, Hashable {
    public var requestItems: [String: [WriteRequest]]
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(requestItems: [String: [WriteRequest]], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.requestItems = requestItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// BatchWriteItem's response: the requests left unprocessed (to retry), capacity per table.
public struct BatchWriteItemOutput: Sendable, Hashable {
    public var unprocessedItems: [String: [WriteRequest]]
    public var consumedCapacity: [ConsumedCapacity]?

    public init(unprocessedItems: [String: [WriteRequest]] = [:], consumedCapacity: [ConsumedCapacity]? = nil) {
        self.unprocessedItems = unprocessedItems
        self.consumedCapacity = consumedCapacity
    }
}
