/// PutItem's request.
public struct PutItemInput: Sendable, Hashable {
    public var tableName: String
    public var item: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, item: Item, conditionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], returnValues: ReturnValue? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil, returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.item = item
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// PutItem's response.
public struct PutItemOutput: Sendable, Hashable {
    public var attributes: Item?
    public var consumedCapacity: ConsumedCapacity?

    public init(attributes: Item? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }
}

/// GetItem's request.
public struct GetItemInput: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var consistentRead: Bool?
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String, key: Item, projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        consistentRead: Bool? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.consistentRead = consistentRead
        self.returnConsumedCapacity = returnConsumedCapacity
    }
}

/// GetItem's response: no item when none has the key.
public struct GetItemOutput: Sendable, Hashable {
    public var item: Item?
    public var consumedCapacity: ConsumedCapacity?

    public init(item: Item? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.item = item
        self.consumedCapacity = consumedCapacity
    }
}

/// UpdateItem's request.
public struct UpdateItemInput: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var updateExpression: String?
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, key: Item, updateExpression: String? = nil, conditionExpression: String? = nil,
        expressionAttributeNames: [String: String] = [:], expressionAttributeValues: [String: AttributeValue] = [:],
        returnValues: ReturnValue? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.updateExpression = updateExpression
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// UpdateItem's response.
public struct UpdateItemOutput: Sendable, Hashable {
    public var attributes: Item?
    public var consumedCapacity: ConsumedCapacity?

    public init(attributes: Item? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }
}

/// DeleteItem's request.
public struct DeleteItemInput: Sendable, Hashable {
    public var tableName: String
    public var key: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String, key: Item, conditionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
        expressionAttributeValues: [String: AttributeValue] = [:], returnValues: ReturnValue? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil, returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }
}

/// DeleteItem's response.
public struct DeleteItemOutput: Sendable, Hashable {
    public var attributes: Item?
    public var consumedCapacity: ConsumedCapacity?

    public init(attributes: Item? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }
}
