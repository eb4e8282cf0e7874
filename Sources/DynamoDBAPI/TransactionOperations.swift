/// A condition on an item that a transaction checks without writing it.
public struct ConditionCheck: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var conditionExpression: String
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, key: Item, conditionExpression: String, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// A put inside a transaction.
public struct TransactPut: Sendable, Hashable {
    public var tableName: String
    public var item: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, item: Item, conditionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.item = item
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// An update inside a transaction.
public struct TransactUpdate: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var updateExpression: String
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, key: Item, updateExpression: String, conditionExpression: String? = nil,
        expressionAttributeNames: [String: String] = [:], expressionAttributeValues: [String: AttributeValue] = [:],
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.updateExpression = updateExpression
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// A delete inside a transaction.
public struct TransactDelete: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, key: Item, conditionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// One action of TransactWriteItems.
public enum TransactWriteItem: Sendable, Hashable {
    case conditionCheck(ConditionCheck)
    case put(TransactPut)
    case update(TransactUpdate)
    case delete(TransactDelete)

    public var tableName: String {
        switch self {
        case .conditionCheck(let action): return action.tableName
        case .put(let action): return action.tableName
        case .update(let action): return action.tableName
        case .delete(let action): return action.tableName
        }
    }
}

/// TransactWriteItems' request: up to 100 actions, all or nothing.
public struct TransactWriteItemsInput: Sendable, Hashable {
    public var transactItems: [TransactWriteItem]
    public var clientRequestToken: String?
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(transactItems: [TransactWriteItem], clientRequestToken: String? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.transactItems = transactItems
        self.clientRequestToken = clientRequestToken
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// TransactWriteItems' response.
public struct TransactWriteItemsOutput: Sendable, Hashable {
    public var consumedCapacity: [ConsumedCapacity]?
    public init(consumedCapacity: [ConsumedCapacity]? = nil) { self.consumedCapacity = consumedCapacity }
}

/// One read of TransactGetItems.
public struct TransactGetItem: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]

    public init(tableName: String, key: Item, projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:]) {
        self.tableName = tableName
        self.key = key
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }
}

/// TransactGetItems' request: up to 100 reads, one consistent snapshot.
public struct TransactGetItemsInput: Sendable, Hashable {
    public var transactItems: [TransactGetItem]
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(transactItems: [TransactGetItem], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.transactItems = transactItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// TransactGetItems' response: one entry per read, in request order (nil item when absent).
public struct TransactGetItemsOutput: Sendable, Hashable {
    public var responses: [Item?]
    public var consumedCapacity: [ConsumedCapacity]?

    public init(responses: [Item?], consumedCapacity: [ConsumedCapacity]? = nil) {
        self.responses = responses
        self.consumedCapacity = consumedCapacity
    }
}
