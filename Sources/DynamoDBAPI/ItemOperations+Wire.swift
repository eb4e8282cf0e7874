import JSONCore

extension PutItemInput: DynamoDBRequest {
    public typealias Response = PutItemOutput
    public static var operation: DynamoDBOperation { .putItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            item: try reader.required(reader.item("Item"), "item"),
            conditionExpression: try reader.string("ConditionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            expressionAttributeValues: try reader.expressionValues(),
            returnValues: try reader.enumeration("ReturnValues", ReturnValue.self),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self),
            returnValuesOnConditionCheckFailure: try reader.enumeration("ReturnValuesOnConditionCheckFailure", ReturnValuesOnConditionCheckFailure.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("Item", item: item)
        writer.add("ConditionExpression", conditionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.addExpressionValues(expressionAttributeValues)
        writer.add("ReturnValues", returnValues)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        writer.add("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure)
        return writer.json
    }
}

/// The shared shape of PutItem's, UpdateItem's and DeleteItem's responses.
private func writeOutput(attributes: Item?, consumedCapacity: ConsumedCapacity?) -> OrderedJSON {
    var writer = WireWriter()
    writer.add("Attributes", item: attributes)
    writer.add("ConsumedCapacity", consumedCapacity)
    return writer.json
}

private func readOutput(_ wire: OrderedJSON) throws(DynamoDBError) -> (Item?, ConsumedCapacity?) {
    let reader = try WireReader(wire, path: "")
    return (try reader.item("Attributes"), try reader.value("ConsumedCapacity")?.decoded(ConsumedCapacity.self))
}

extension PutItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let (attributes, capacity) = try readOutput(wire)
        self.init(attributes: attributes, consumedCapacity: capacity)
    }

    public var wire: OrderedJSON { writeOutput(attributes: attributes, consumedCapacity: consumedCapacity) }
}

extension UpdateItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let (attributes, capacity) = try readOutput(wire)
        self.init(attributes: attributes, consumedCapacity: capacity)
    }

    public var wire: OrderedJSON { writeOutput(attributes: attributes, consumedCapacity: consumedCapacity) }
}

extension DeleteItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let (attributes, capacity) = try readOutput(wire)
        self.init(attributes: attributes, consumedCapacity: capacity)
    }

    public var wire: OrderedJSON { writeOutput(attributes: attributes, consumedCapacity: consumedCapacity) }
}

extension GetItemInput: DynamoDBRequest {
    public typealias Response = GetItemOutput
    public static var operation: DynamoDBOperation { .getItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            key: try reader.required(reader.item("Key"), "key"),
            projectionExpression: try reader.string("ProjectionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            consistentRead: try reader.bool("ConsistentRead"),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("Key", item: key)
        writer.add("ProjectionExpression", projectionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.add("ConsistentRead", consistentRead)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension GetItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(item: try reader.item("Item"), consumedCapacity: try reader.value("ConsumedCapacity")?.decoded(ConsumedCapacity.self))
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("Item", item: item)
        writer.add("ConsumedCapacity", consumedCapacity)
        return writer.json
    }
}

extension UpdateItemInput: DynamoDBRequest {
    public typealias Response = UpdateItemOutput
    public static var operation: DynamoDBOperation { .updateItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            key: try reader.required(reader.item("Key"), "key"),
            updateExpression: try reader.string("UpdateExpression"),
            conditionExpression: try reader.string("ConditionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            expressionAttributeValues: try reader.expressionValues(),
            returnValues: try reader.enumeration("ReturnValues", ReturnValue.self),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self),
            returnValuesOnConditionCheckFailure: try reader.enumeration("ReturnValuesOnConditionCheckFailure", ReturnValuesOnConditionCheckFailure.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("Key", item: key)
        writer.add("UpdateExpression", updateExpression)
        writer.add("ConditionExpression", conditionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.addExpressionValues(expressionAttributeValues)
        writer.add("ReturnValues", returnValues)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        writer.add("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure)
        return writer.json
    }
}

extension DeleteItemInput: DynamoDBRequest {
    public typealias Response = DeleteItemOutput
    public static var operation: DynamoDBOperation { .deleteItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            key: try reader.required(reader.item("Key"), "key"),
            conditionExpression: try reader.string("ConditionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            expressionAttributeValues: try reader.expressionValues(),
            returnValues: try reader.enumeration("ReturnValues", ReturnValue.self),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self),
            returnValuesOnConditionCheckFailure: try reader.enumeration("ReturnValuesOnConditionCheckFailure", ReturnValuesOnConditionCheckFailure.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("Key", item: key)
        writer.add("ConditionExpression", conditionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.addExpressionValues(expressionAttributeValues)
        writer.add("ReturnValues", returnValues)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        writer.add("ReturnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure)
        return writer.json
    }
}
