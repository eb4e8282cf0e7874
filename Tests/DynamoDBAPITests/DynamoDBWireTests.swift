import DynamoDBAPI
import JSONCore
import Testing

/// The JSON protocol's shapes: every request and response round-trips, attribute values have
/// the wire form, errors have DynamoDB's bodies, and malformed requests are ValidationExceptions.
struct DynamoDBWireTests {
    static func json(_ text: String) throws -> OrderedJSON { try OrderedJSON.parse(Array(text.utf8)) }

    func roundTrip<T: DynamoDBWireCodable & Equatable>(_ value: T) throws {
        let bytes = value.wire.compact()
        let decoded = try DynamoDBWire.decode(T.self, from: bytes)
        #expect(decoded == value)
    }

    static let item: Item = [
        "pk": .s("USER#1"), "n": .n("-1.5"), "b": .b([0, 255]), "t": .bool(true), "z": .null,
        "m": .m(["x": .l([.s("a"), .n("2")])]), "ss": .ss(["a"]), "ns": .ns(["1", "2"]), "bs": .bs([[1], [2]]),
    ]

    @Test func attributeValueShapes() throws {
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.s("x")).compact(), as: UTF8.self) == #"{"S":"x"}"#)
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.n("1")).compact(), as: UTF8.self) == #"{"N":"1"}"#)
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.b(Array("foo".utf8))).compact(), as: UTF8.self) == #"{"B":"Zm9v"}"#)
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.null).compact(), as: UTF8.self) == #"{"NULL":true}"#)
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.bool(false)).compact(), as: UTF8.self) == #"{"BOOL":false}"#)
        #expect(String(decoding: DynamoDBWire.encode(AttributeValue.m(["b": .s("2"), "a": .ns(["1"])])).compact(), as: UTF8.self)
            == #"{"M":{"a":{"NS":["1"]},"b":{"S":"2"}}}"#)
        #expect(try DynamoDBWire.decodeItem(DynamoDBWire.encode(item: Self.item), path: "Item") == Self.item)
    }

    @Test func everyRequestRoundTrips() throws {
        let key: Item = ["pk": .s("a"), "sk": .n("1")]
        try roundTrip(CreateTableInput(
            tableName: "Orders", keySchema: [.hash("pk"), .range("sk")],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .s), .init(attributeName: "sk", attributeType: .n),
                                   .init(attributeName: "g1", attributeType: .s), .init(attributeName: "g2", attributeType: .b)],
            globalSecondaryIndexes: [.init(indexName: "byG", keySchema: [.hash("g1"), .hash("pk"), .range("g2")], projection: .include(["x", "y"]))],
            localSecondaryIndexes: [.init(indexName: "byG2", keySchema: [.hash("pk"), .range("g2")], projection: .keysOnly)],
            billingMode: .provisioned, provisionedThroughput: .init(readCapacityUnits: 5, writeCapacityUnits: 7)))
        try roundTrip(DescribeTableInput(tableName: "Orders"))
        try roundTrip(DeleteTableInput(tableName: "Orders"))
        try roundTrip(ListTablesInput(exclusiveStartTableName: "A", limit: 10))
        try roundTrip(PutItemInput(
            tableName: "T", item: Self.item, conditionExpression: "attribute_not_exists(#p) AND #n < :v",
            expressionAttributeNames: ["#p": "pk", "#n": "n"], expressionAttributeValues: [":v": .n("3")], returnValues: .allOld,
            returnConsumedCapacity: .indexes, returnValuesOnConditionCheckFailure: .allOld))
        try roundTrip(GetItemInput(tableName: "T", key: key, projectionExpression: "#a, b[1].c", expressionAttributeNames: ["#a": "a"], consistentRead: true, returnConsumedCapacity: .total))
        try roundTrip(UpdateItemInput(
            tableName: "T", key: key, updateExpression: "SET a = :a REMOVE b", conditionExpression: "attribute_exists(pk)",
            expressionAttributeValues: [":a": .ss(["x"])], returnValues: .updatedNew))
        try roundTrip(DeleteItemInput(tableName: "T", key: key, conditionExpression: "a = :a", expressionAttributeValues: [":a": .bool(true)], returnValues: .allOld))
        try roundTrip(QueryInput(
            tableName: "T", indexName: "byG", keyConditionExpression: "pk = :p AND sk BETWEEN :a AND :b", filterExpression: "x <> :x",
            projectionExpression: "x", expressionAttributeValues: [":p": .s("a"), ":a": .n("1"), ":b": .n("9"), ":x": .null],
            scanIndexForward: false, limit: 3, exclusiveStartKey: key, consistentRead: false, select: .specificAttributes, returnConsumedCapacity: .indexes))
        try roundTrip(ScanInput(tableName: "T", indexName: "i", filterExpression: "a = :a", expressionAttributeValues: [":a": .n("1")], limit: 2, exclusiveStartKey: key, select: .count))
        try roundTrip(BatchGetItemInput(requestItems: ["T": .init(keys: [key], projectionExpression: "#a", expressionAttributeNames: ["#a": "a"], consistentRead: true)], returnConsumedCapacity: .total))
        try roundTrip(BatchWriteItemInput(requestItems: ["T": [.put(item: Self.item), .delete(key: key)]]))
        try roundTrip(TransactWriteItemsInput(transactItems: [
            .put(.init(tableName: "T", item: Self.item, conditionExpression: "attribute_not_exists(pk)")),
            .update(.init(tableName: "T", key: key, updateExpression: "ADD c :one", expressionAttributeValues: [":one": .n("1")], returnValuesOnConditionCheckFailure: .allOld)),
            .delete(.init(tableName: "T", key: ["pk": .s("b"), "sk": .n("2")])),
            .conditionCheck(.init(tableName: "U", key: ["id": .b([1])], conditionExpression: "attribute_exists(id)")),
        ], clientRequestToken: "token-1", returnConsumedCapacity: .indexes))
        try roundTrip(TransactGetItemsInput(transactItems: [.init(tableName: "T", key: key, projectionExpression: "a")]))
    }

    @Test func everyResponseRoundTrips() throws {
        let description = TableDescription(
            tableName: "T", keySchema: [.hash("pk")], attributeDefinitions: [.init(attributeName: "pk", attributeType: .s)],
            billingMode: .payPerRequest, itemCount: 3, tableSizeBytes: 120, tableArn: "arn:aws:dynamodb:local:000000000000:table/T",
            globalSecondaryIndexes: [.init(indexName: "g", keySchema: [.hash("x")], projection: .all, indexStatus: "ACTIVE", itemCount: 1, indexSizeBytes: 10)])
        let capacity = ConsumedCapacity(
            tableName: "T", capacityUnits: 3, writeCapacityUnits: 3, table: .init(writeCapacityUnits: 1, capacityUnits: 1),
            globalSecondaryIndexes: ["g": .init(writeCapacityUnits: 2, capacityUnits: 2)], localSecondaryIndexes: ["l": .init(readCapacityUnits: 0.5)])
        try roundTrip(CreateTableOutput(tableDescription: description))
        try roundTrip(DescribeTableOutput(table: description))
        try roundTrip(DeleteTableOutput(tableDescription: description))
        try roundTrip(ListTablesOutput(tableNames: ["A", "B"], lastEvaluatedTableName: "B"))
        try roundTrip(PutItemOutput(attributes: Self.item, consumedCapacity: capacity))
        try roundTrip(GetItemOutput(item: Self.item, consumedCapacity: capacity))
        try roundTrip(GetItemOutput())
        try roundTrip(UpdateItemOutput(attributes: ["a": .n("1")]))
        try roundTrip(DeleteItemOutput(attributes: nil, consumedCapacity: capacity))
        try roundTrip(QueryOutput(items: [Self.item], count: 1, scannedCount: 4, lastEvaluatedKey: ["pk": .s("x")], consumedCapacity: capacity))
        try roundTrip(QueryOutput(items: nil, count: 7, scannedCount: 9))
        try roundTrip(BatchGetItemOutput(responses: ["T": [Self.item]], unprocessedKeys: ["U": .init(keys: [["id": .s("1")]])], consumedCapacity: [capacity]))
        try roundTrip(BatchWriteItemOutput(unprocessedItems: ["T": [.delete(key: ["pk": .s("1")])]], consumedCapacity: [capacity]))
        try roundTrip(TransactWriteItemsOutput(consumedCapacity: [capacity]))
        try roundTrip(TransactGetItemsOutput(responses: [Self.item, nil], consumedCapacity: [capacity]))
    }

    @Test func errorBodies() throws {
        let (status, body) = DynamoDBWire.encode(error: .conditionalCheckFailed(message: "The conditional request failed"))
        #expect(status == 400)
        #expect(body.member("__type")?.stringText == "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException")
        #expect(DynamoDBError.from(statusCode: status, body: body.compact()) == .conditionalCheckFailed(message: "The conditional request failed"))

        let reasons: [DynamoDBError.CancellationReason] = [.init(code: .none), .init(code: .conditionalCheckFailed, message: "The conditional request failed", item: ["pk": .s("a")])]
        let canceled = DynamoDBError.transactionCanceled(message: "Transaction cancelled", reasons: reasons)
        let encoded = DynamoDBWire.encode(error: canceled)
        #expect(encoded.body.member("CancellationReasons")?.arrayItems.count == 2)
        #expect(DynamoDBError.from(statusCode: encoded.statusCode, body: encoded.body.compact()) == canceled)
        #expect(DynamoDBWire.code(of: canceled) == "TransactionCanceledException")

        for error in [DynamoDBError.validation(message: "v"), .resourceNotFound(message: "r"), .tableAlreadyExists(message: "t")] {
            let (code, json) = DynamoDBWire.encode(error: error)
            #expect(DynamoDBError.from(statusCode: code, body: json.compact()) == error)
        }
        #expect(DynamoDBWire.code(of: .validation(message: "x")) == "ValidationException")
    }

    @Test(arguments: [
        (#"{"Item": {"pk": {"S": "a"}}}"#, "tableName"),
        (#"{"TableName": 5, "Item": {}}"#, "TableName"),
        (#"{"TableName": "T", "Item": {"pk": {"S": "a", "N": "1"}}}"#, "more than one datatypes"),
        (#"{"TableName": "T", "Item": {"pk": {}}}"#, "is empty"),
        (#"{"TableName": "T", "Item": {"pk": {"X": "a"}}}"#, "unknown datatype"),
        (#"{"TableName": "T", "Item": {"pk": {"NULL": false}}}"#, "Null attribute value types must have the value of true"),
        (#"{"TableName": "T", "Item": {"pk": {"B": "not base64!"}}}"#, "base64"),
        (#"{"TableName": "T", "Item": {"pk": {"S": 1}}}"#, "must be a string"),
        (#"{"TableName": "T", "Item": {"pk": {"SS": ["a", 2]}}}"#, "list of strings"),
        (#"{"TableName": "T", "Item": {}, "ReturnValues": "SOME"}"#, "enum value set"),
        (#"{"TableName": "T", "Item": {}, "ExpressionAttributeValues": {}}"#, "ExpressionAttributeValues must not be empty"),
        (#"{"TableName": "T", "Item": {}, "ExpressionAttributeNames": {}}"#, "ExpressionAttributeNames must not be empty"),
        (#"["TableName"]"#, "JSON object"),
        (#"{"TableName": "T", "#, "not valid JSON"),
    ])
    func malformedPutItemRequests(body: String, fragment: String) {
        do {
            _ = try DynamoDBWire.decode(PutItemInput.self, from: Array(body.utf8))
            Issue.record("decoded \(body)")
        } catch {
            guard case .validation(let message) = error else {
                Issue.record("expected a validation error, got \(error)")
                return
            }
            #expect(message.contains(fragment), "\(message)")
        }
    }

    @Test func malformedTransactionsAndBatches() {
        #expect(throws: DynamoDBError.self) {
            try DynamoDBWire.decode(TransactWriteItemsInput.self, from: Array(#"{"TransactItems": [{"Put": {"TableName": "T", "Item": {}}, "Delete": {"TableName": "T", "Key": {}}}]}"#.utf8))
        }
        #expect(throws: DynamoDBError.self) {
            try DynamoDBWire.decode(BatchWriteItemInput.self, from: Array(#"{"RequestItems": {"T": [{}]}}"#.utf8))
        }
        #expect(throws: DynamoDBError.self) {
            try DynamoDBWire.decode(CreateTableInput.self, from: Array(#"{"TableName": "T", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "X"}]}"#.utf8))
        }
    }
}

/// Cancellation codes: the documented ones are cases, an unknown one is kept as sent.
struct CancellationCodeTests {
    @Test(arguments: ["None", "ConditionalCheckFailed", "ItemCollectionSizeLimitExceeded", "TransactionConflict",
                      "ProvisionedThroughputExceeded", "ThrottlingError", "ValidationError", "SomethingNew"])
    func codesRoundTrip(text: String) {
        let code = CancellationCode(rawValue: text)
        #expect(code.rawValue == text)
        #expect((code == .other(text)) == (text == "SomethingNew"))
    }
}
