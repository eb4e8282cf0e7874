import JSONCore

extension QueryInput: DynamoDBRequest {
    public typealias Response = QueryOutput
    public static var operation: DynamoDBOperation { .query }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            indexName: try reader.string("IndexName"),
            keyConditionExpression: try reader.string("KeyConditionExpression"),
            filterExpression: try reader.string("FilterExpression"),
            projectionExpression: try reader.string("ProjectionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            expressionAttributeValues: try reader.expressionValues(),
            scanIndexForward: try reader.bool("ScanIndexForward"),
            limit: try reader.int("Limit"),
            exclusiveStartKey: try reader.item("ExclusiveStartKey"),
            consistentRead: try reader.bool("ConsistentRead"),
            select: try reader.enumeration("Select", Select.self),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("IndexName", indexName)
        writer.add("KeyConditionExpression", keyConditionExpression)
        writer.add("FilterExpression", filterExpression)
        writer.add("ProjectionExpression", projectionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.addExpressionValues(expressionAttributeValues)
        writer.add("ScanIndexForward", scanIndexForward)
        writer.add("Limit", limit)
        writer.add("ExclusiveStartKey", item: exclusiveStartKey)
        writer.add("ConsistentRead", consistentRead)
        writer.add("Select", select)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension QueryOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            items: try reader.list("Items") { (json, path) throws(DynamoDBError) in try DynamoDBWire.decodeItem(json, path: path) },
            count: try reader.int("Count") ?? 0,
            scannedCount: try reader.int("ScannedCount") ?? 0,
            lastEvaluatedKey: try reader.item("LastEvaluatedKey"),
            consumedCapacity: try reader.value("ConsumedCapacity")?.decoded(ConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("Items", items.map { OrderedJSON.array($0.map(DynamoDBWire.encode(item:))) })
        writer.add("Count", count)
        writer.add("ScannedCount", scannedCount)
        writer.add("LastEvaluatedKey", item: lastEvaluatedKey)
        writer.add("ConsumedCapacity", consumedCapacity)
        return writer.json
    }
}

extension ScanInput: DynamoDBRequest {
    public typealias Response = ScanOutput
    public static var operation: DynamoDBOperation { .scan }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            indexName: try reader.string("IndexName"),
            filterExpression: try reader.string("FilterExpression"),
            projectionExpression: try reader.string("ProjectionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            expressionAttributeValues: try reader.expressionValues(),
            limit: try reader.int("Limit"),
            exclusiveStartKey: try reader.item("ExclusiveStartKey"),
            consistentRead: try reader.bool("ConsistentRead"),
            select: try reader.enumeration("Select", Select.self),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("IndexName", indexName)
        writer.add("FilterExpression", filterExpression)
        writer.add("ProjectionExpression", projectionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.addExpressionValues(expressionAttributeValues)
        writer.add("Limit", limit)
        writer.add("ExclusiveStartKey", item: exclusiveStartKey)
        writer.add("ConsistentRead", consistentRead)
        writer.add("Select", select)
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension KeysAndAttributes: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "requestItems.member")
        self.init(
            keys: try reader.required(reader.list("Keys") { (json, path) throws(DynamoDBError) in try DynamoDBWire.decodeItem(json, path: path) }, "Keys"),
            projectionExpression: try reader.string("ProjectionExpression"),
            expressionAttributeNames: try reader.expressionNames(),
            consistentRead: try reader.bool("ConsistentRead")
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("Keys", .array(keys.map(DynamoDBWire.encode(item:))))
        writer.add("ProjectionExpression", projectionExpression)
        writer.addExpressionNames(expressionAttributeNames)
        writer.add("ConsistentRead", consistentRead)
        return writer.json
    }
}

extension BatchGetItemInput: DynamoDBRequest {
    public typealias Response = BatchGetItemOutput
    public static var operation: DynamoDBOperation { .batchGetItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            requestItems: try reader.required(reader.map("RequestItems") { (json, _) throws(DynamoDBError) in try KeysAndAttributes(wire: json) }, "requestItems"),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("RequestItems", map: requestItems) { $0.wire }
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension BatchGetItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            responses: try reader.map("Responses") { (json, path) throws(DynamoDBError) -> [Item] in
                guard case .array(let items) = json else { throw WireReader.typeError(path, "a list of items") }
                var result: [Item] = []
                for (index, item) in items.enumerated() { result.append(try DynamoDBWire.decodeItem(item, path: "\(path).\(index + 1)")) }
                return result
            } ?? [:],
            unprocessedKeys: try reader.map("UnprocessedKeys") { (json, _) throws(DynamoDBError) in try KeysAndAttributes(wire: json) } ?? [:],
            consumedCapacity: try reader.list("ConsumedCapacity") { (json, _) throws(DynamoDBError) in try ConsumedCapacity(wire: json) }
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("Responses", map: responses) { OrderedJSON.array($0.map(DynamoDBWire.encode(item:))) }
        writer.add("UnprocessedKeys", map: unprocessedKeys) { $0.wire }
        writer.add("ConsumedCapacity", list: consumedCapacity)
        return writer.json
    }
}

extension WriteRequest: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "requestItems.member")
        let put = try reader.object("PutRequest")
        let delete = try reader.object("DeleteRequest")
        switch (put, delete) {
        case (let put?, nil): self = .put(item: try put.required(put.item("Item"), "Item"))
        case (nil, let delete?): self = .delete(key: try delete.required(delete.item("Key"), "Key"))
        default: throw .validation(message: "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes: a WriteRequest needs exactly one of PutRequest and DeleteRequest")
        }
    }

    public var wire: OrderedJSON {
        switch self {
        case .put(let item): return .object([("PutRequest", .object([("Item", DynamoDBWire.encode(item: item))]))])
        case .delete(let key): return .object([("DeleteRequest", .object([("Key", DynamoDBWire.encode(item: key))]))])
        }
    }
}

extension BatchWriteItemInput: DynamoDBRequest {
    public typealias Response = BatchWriteItemOutput
    public static var operation: DynamoDBOperation { .batchWriteItem }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            requestItems: try reader.required(reader.map("RequestItems") { (json, path) throws(DynamoDBError) -> [WriteRequest] in
                guard case .array(let requests) = json else { throw WireReader.typeError(path, "a list of write requests") }
                var result: [WriteRequest] = []
                for request in requests { result.append(try WriteRequest(wire: request)) }
                return result
            }, "requestItems"),
            returnConsumedCapacity: try reader.enumeration("ReturnConsumedCapacity", ReturnConsumedCapacity.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("RequestItems", map: requestItems) { OrderedJSON.array($0.map(\.wire)) }
        writer.add("ReturnConsumedCapacity", returnConsumedCapacity)
        return writer.json
    }
}

extension BatchWriteItemOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            unprocessedItems: try reader.map("UnprocessedItems") { (json, path) throws(DynamoDBError) -> [WriteRequest] in
                guard case .array(let requests) = json else { throw WireReader.typeError(path, "a list of write requests") }
                var result: [WriteRequest] = []
                for request in requests { result.append(try WriteRequest(wire: request)) }
                return result
            } ?? [:],
            consumedCapacity: try reader.list("ConsumedCapacity") { (json, _) throws(DynamoDBError) in try ConsumedCapacity(wire: json) }
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("UnprocessedItems", map: unprocessedItems) { OrderedJSON.array($0.map(\.wire)) }
        writer.add("ConsumedCapacity", list: consumedCapacity)
        return writer.json
    }
}
