import DynamoDBAPI
import DynamoDBClient
import InMemoryDynamoDB
import JSONCore
import Testing

/// The in-memory service behind the JSON protocol: `DynamoDBConnection` works unchanged over it,
/// and error bodies are the service's.
struct TransportTests {
    @Test func connectionOverTheInMemoryTransport() throws {
        let memory = try Fixtures.orders()
        let connection = DynamoDBConnection(transport: memory.transport)
        let item: Item = ["pk": .s("a"), "sk": .s("1"), "bin": .b([0, 1, 255]), "doc": .m(["l": .l([.null, .bool(true)])])]
        _ = try connection.putItem(PutItemInput(tableName: "Orders", item: item))
        #expect(try connection.getItem(GetItemInput(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("1")])).item == item)
        #expect(try memory.getItem(GetItemInput(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("1")])).item == item)
        let query = try connection.query(QueryInput(tableName: "Orders", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": .s("a")], returnConsumedCapacity: .total))
        #expect(query.count == 1)
        #expect(query.consumedCapacity?.capacityUnits == 0.5)
        #expect(try connection.listTables(ListTablesInput()).tableNames == ["Orders"])
        expectError("ConditionalCheckFailedException") {
            _ = try connection.putItem(PutItemInput(tableName: "Orders", item: item, conditionExpression: "attribute_not_exists(pk)"))
        }
        do {
            _ = try connection.transactWriteItems(TransactWriteItemsInput(transactItems: [
                .conditionCheck(ConditionCheck(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("1")], conditionExpression: "attribute_not_exists(pk)", returnValuesOnConditionCheckFailure: .allOld)),
            ]))
            Issue.record("the transaction succeeded")
        } catch {
            #expect(error == .transactionCanceled(
                message: "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]",
                reasons: [.init(code: .conditionalCheckFailed, message: "The conditional request failed", item: item)]))
        }
    }

    @Test func errorBodiesAndStatus() throws {
        let memory = try Fixtures.orders()
        let (status, body) = memory.transport.respond(operation: "DescribeTable", body: Array(#"{"TableName": "Missing"}"#.utf8))
        #expect(status == 400)
        let json = try OrderedJSON.parse(body)
        #expect(json.member("__type")?.stringText == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
        #expect(json.member("message")?.stringText == "Requested resource not found: Table: Missing not found")

        let malformed = memory.transport.respond(operation: "PutItem", body: Array(#"{"TableName": "Orders", "Item": {"pk": {"S": "a", "N": "1"}}}"#.utf8))
        #expect(malformed.statusCode == 400)
        #expect(try OrderedJSON.parse(malformed.body).member("__type")?.stringText == "com.amazon.coral.validate#ValidationException")

        expectError("UnknownOperationException") { _ = try memory.transport.send(operation: "DropEverything", body: Array("{}".utf8)) }
        let listed = try memory.transport.send(operation: "DynamoDB_20120810.ListTables", body: [])
        #expect(try OrderedJSON.parse(listed).member("TableNames")?.arrayItems == [.string("Orders")])
    }

    @Test func concurrentRequestsAreSerialized() async throws {
        let memory = try Fixtures.orders()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for n in 0..<50 {
                        _ = try? memory.updateItem(UpdateItemInput(
                            tableName: "Orders", key: ["pk": .s("counter"), "sk": .s("0")], updateExpression: "ADD v :one",
                            expressionAttributeValues: [":one": .n("1")]))
                        _ = try? memory.putItem(PutItemInput(tableName: "Orders", item: ["pk": .s("w\(worker)"), "sk": .s(String(n))]))
                    }
                }
            }
        }
        #expect(try Fixtures.get(memory, ["pk": .s("counter"), "sk": .s("0")])?["v"] == .n("400"))
        #expect(try memory.scan(ScanInput(tableName: "Orders", select: .count)).count == 401)
    }
}
