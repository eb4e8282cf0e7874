import JSONCore

extension TransactWriteItem: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "transactItems.member")
        let present = ["ConditionCheck", "Put", "Delete", "Update"].filter { reader.value($0) != nil }
        guard present.count == 1, let kind = present.first, let action = try reader.object(kind) else {
            throw .validation(message: "TransactItems can only contain one of Check, Put, Update or Delete")
        }
        let names = try action.expressionNames()
        let values = try action.expressionValues()
        let onFailure = try action.enumeration("ReturnValuesOnConditionCheckFailure", ReturnValuesOnConditionCheckFailure.self)
        let table = try action.required(action.string("TableName"), "TableName")
        switch kind {
        case "ConditionCheck":
            self = .conditionCheck(ConditionCheck(
                tableName: table, key: try action.required(action.item("Key"), "Key"),
                conditionExpression: try action.required(action.string("ConditionExpression"), "ConditionExpression"),
                expressionAttributeNames: names, expressionAttributeValues: values, returnValuesOnConditionCheckFailure: onFailure))
        case "Put":
            self = .put(TransactPut(
                tableName: table, item: try action.required(action.item("Item"), "Item"),
                conditionExpression: try action.string("ConditionExpression"),
                expressionAttributeNames: names, expressionAttributeValues: values, returnValuesOnConditionCheckFailure: onFailure))
        case "Delete":
            self = .delete(TransactDelete(
                tableName: table, key: try action.required(action.item("Key"), "Key"),
                conditionExpression: try action.string("ConditionExpression"),
                expressionAttributeNames: names, expressionAttributeValues: values, returnValuesOnConditionCheckFailure: onFailure))
        default:
            self = .update(TransactUpdate(
                tableName: table, key: try action.required(action.item("Key"), "Key"),
                updateExpression: try action.required(action.string("UpdateExpression"), "UpdateExpression"),
                conditionExpression: try action.string("ConditionExpression"),
                expressionAttributeNames: names, expressionAttributeValues: values, returnValuesOnConditionCheckFailure: onFailure))
        }
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        let kind: String
        switch self {
        case .conditionCheck(let check):
            kind = "ConditionCheck"
            writer.add("Key", item: check.key)
            writer.add("TableName", check.tableName)
            writer.add("ConditionExpression", check.conditionExpression)
            writer.addExpressionNames(check.expressionAttributeNames)
            writer.addExpressionValues(check.expressionAttributeValues)
            writer.add("ReturnValuesOnConditionCheckFailure", check.returnValuesOnConditionCheckFailure)
        case .put(let put):
            kind = "Put"
            writer.add("Item", item: put.item)
            writer.add("TableName", put.tableName)
            writer.add("ConditionExpression", put.conditionExpression)
            writer.addExpressionNames(put.expressionAttributeNames)
            writer.addExpressionValues(put.expressionAttributeValues)
            writer.add("ReturnValuesOnConditionCheckFailure", put.returnValuesOnConditionCheckFailure)
        case .delete(let delete):
            kind = "Delete"
            writer.add("Key", item: delete.key)
            writer.add("TableName", delete.tableName)
            writer.add("ConditionExpression", delete.conditionExpression)
            writer.addExpressionNames(delete.expressionAttributeNames)
            writer.addExpressionValues(delete.expressionAttributeValues)
            writer.add("ReturnValuesOnConditionCheckFailure", delete.returnValuesOnConditionCheckFailure)
        case .update(let update):
            kind = "Update"
            writer.add("Key", item: update.key)
            writer.add("UpdateExpression", update.updateExpression)
            writer.add("TableName", update.tableName)
            writer.add("ConditionExpression", update.conditionExpression)
            writer.addExpressionNames(update.expressionAttributeNames)
            writer.addExpressionValues(update.expressionAttributeValues)
            writer.add("ReturnValuesOnConditionCheckFailure", update.returnValuesOnConditionCheckFailure)
        }
        return .object([(kind, writer.json)])
    }
}

extension TransactWriteItemsInput: DynamoDBRequest {
    public typealias Response = TransactWriteItemsOutput
    public static var operation: DynamoDBOperation { .transactWriteItems }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            transactItems: try reader.required(reader.list("TransactItems") { (json, _) throws(DynamoDBError) in try TransactWriteItem(wire: json) }, "transactItems"),
            clientRequestToken: try reader.string("ClientRequestToken"),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TransactItems", list: transactItems)
        writer.add("ClientRequestToken", clientRequestToken)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension TransactWriteItemsOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(consumedCapacity: try reader.list("ConsumedCapacity") { (json, _) throws(DynamoDBError) in try ConsumedCapacity(wire: json) })
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("ConsumedCapacity", list: consumedCapacity)
        return writer.json
    }
}

extension TransactGetItem: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let outer = try WireReader(wire, path: "transactItems.member")
        let get = try outer.required(outer.object("Get"), "Get")
        self.init(
            tableName: try get.required(get.string("TableName"), "TableName"),
            key: try get.required(get.item("Key"), "Key"),
            projectionExpression: try get.string("ProjectionExpression"),
            expressionAttributeNames: try get.expressionNames()
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("Key", item: key)
        writer.add("TableName", tableName)
        writer.add("ProjectionExpression", projectionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        return .object([("Get", writer.json)])
    }
}

extension TransactGetItemsInput: DynamoDBRequest {
    public typealias Response = TransactGetItemsOutput
    public static var operation: DynamoDBOperation { .transactGetItems }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            transactItems: try reader.required(reader.list("TransactItems") { (json, _) throws(DynamoDBError) in try TransactGetItem(wire: json) }, "transactItems"),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TransactItems", list: transactItems)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension TransactGetItemsOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            responses: try reader.objects("Responses") { (response) throws(DynamoDBError) in try response.item("Item") } ?? [],
            consumedCapacity: try reader.list("ConsumedCapacity") { (json, _) throws(DynamoDBError) in try ConsumedCapacity(wire: json) }
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("ConsumedCapacity", list: consumedCapacity)
        writer.add("Responses", .array(responses.map { item in item.map { OrderedJSON.object([("Item", DynamoDBWire.encode(item: $0))]) } ?? .object([]) }))
        return writer.json
    }
}
