import DynamoDBAPI
import DynamoDBClient
import Foundation
import Testing
import TestSupport

/// `DynamoDBConnection` against moto on loopback: every operation of the typed API encoded,
/// sent through `HTTPTransport` (SigV4, dummy credentials) and decoded, errors typed.
@Suite(.serialized) struct ConnectionMotoTests {
    static func code(_ error: any Error) -> String {
        (error as? DynamoDBError).map { DynamoDBWire.code(of: $0) } ?? "\(error)"
    }

    @Test func everyOperationAgainstMoto() throws {
        try LoopbackMoto.withServer { port in
            let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let db = DynamoDBConnection(transport: HTTPTransport(
                endpoint: endpoint, credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1", timeout: 10))

            let created = try db.createTable(CreateTableInput(
                tableName: "Orders", keySchema: [.hash("pk"), .range("sk")],
                attributeDefinitions: [.init(attributeName: "pk", attributeType: .s), .init(attributeName: "sk", attributeType: .n), .init(attributeName: "customer", attributeType: .s)],
                globalSecondaryIndexes: [.init(indexName: "byCustomer", keySchema: [.hash("customer"), .range("sk")], projection: .include(["note"]))]))
            #expect(created.tableDescription.tableName == "Orders")
            #expect(created.tableDescription.keySchema == [.hash("pk"), .range("sk")])
            let described = try db.describeTable(DescribeTableInput(tableName: "Orders")).table
            #expect(described.tableStatus == "ACTIVE")
            #expect(described.globalSecondaryIndexes?.first?.indexName == "byCustomer")
            #expect(described.globalSecondaryIndexes?.first?.projection == .include(["note"]))
            #expect(try db.listTables(ListTablesInput()).tableNames == ["Orders"])
            do {
                _ = try db.createTable(CreateTableInput(tableName: "Orders", keySchema: [.hash("pk")], attributeDefinitions: [.init(attributeName: "pk", attributeType: .s)]))
                Issue.record("created twice")
            } catch {
                #expect(Self.code(error) == "ResourceInUseException")
            }

            let first: Item = ["pk": .s("c#1"), "sk": .n("1"), "customer": .s("ann"), "note": .s("hi"), "bin": .b([0, 255]), "tags": .ss(["a", "b"]), "doc": .m(["l": .l([.null, .bool(true), .n("1.5")])])]
            #expect(try db.putItem(PutItemInput(tableName: "Orders", item: first, returnValues: .allOld)).attributes == nil)
            #expect(try db.getItem(GetItemInput(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("1")], consistentRead: true)).item == first)
            #expect(try db.getItem(GetItemInput(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("1")], projectionExpression: "#n, doc.l[2]", expressionAttributeNames: ["#n": "note"])).item
                == ["note": .s("hi"), "doc": .m(["l": .l([.n("1.5")])])])
            do {
                _ = try db.putItem(PutItemInput(tableName: "Orders", item: first, conditionExpression: "attribute_not_exists(pk)"))
                Issue.record("the conditional put succeeded")
            } catch {
                #expect(Self.code(error) == "ConditionalCheckFailedException")
            }

            let updated = try db.updateItem(UpdateItemInput(
                tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("1")], updateExpression: "SET note = :n ADD visits :one",
                conditionExpression: "customer = :c", expressionAttributeValues: [":n": .s("bye"), ":one": .n("1"), ":c": .s("ann")], returnValues: .allNew))
            #expect(updated.attributes?["visits"] == .n("1"))
            #expect(updated.attributes?["note"] == .s("bye"))

            let written = try db.batchWriteItem(BatchWriteItemInput(requestItems: ["Orders": (2...4).map { .put(item: ["pk": .s("c#1"), "sk": .n(String($0)), "customer": .s("ann")]) }]))
            #expect(written.unprocessedItems.isEmpty)
            let batch = try db.batchGetItem(BatchGetItemInput(requestItems: ["Orders": KeysAndAttributes(keys: [["pk": .s("c#1"), "sk": .n("2")], ["pk": .s("c#1"), "sk": .n("9")]])]))
            #expect(batch.responses["Orders"]?.count == 1)

            let page = try db.query(QueryInput(
                tableName: "Orders", keyConditionExpression: "pk = :p AND sk >= :s", expressionAttributeValues: [":p": .s("c#1"), ":s": .n("2")],
                scanIndexForward: false, limit: 2))
            #expect(page.items?.compactMap { $0["sk"]?.numberText } == ["4", "3"])
            #expect(page.lastEvaluatedKey == ["pk": .s("c#1"), "sk": .n("3")])
            let byCustomer = try db.query(QueryInput(tableName: "Orders", indexName: "byCustomer", keyConditionExpression: "customer = :c", expressionAttributeValues: [":c": .s("ann")], select: .count))
            #expect(byCustomer.count == 4)
            #expect(byCustomer.items == nil)
            let scanned = try db.scan(ScanInput(tableName: "Orders", filterExpression: "attribute_exists(visits)"))
            #expect(scanned.count == 1)
            #expect(scanned.scannedCount == 4)

            _ = try db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                .put(TransactPut(tableName: "Orders", item: ["pk": .s("c#2"), "sk": .n("1")], conditionExpression: "attribute_not_exists(pk)")),
                .update(TransactUpdate(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("2")], updateExpression: "SET note = :n", expressionAttributeValues: [":n": .s("t")])),
                .delete(TransactDelete(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("4")])),
                .conditionCheck(ConditionCheck(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("1")], conditionExpression: "attribute_exists(pk)")),
            ], clientRequestToken: "token-1"))
            do {
                _ = try db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                    .put(TransactPut(tableName: "Orders", item: ["pk": .s("c#3"), "sk": .n("1")])),
                    .conditionCheck(ConditionCheck(tableName: "Orders", key: ["pk": .s("c#2"), "sk": .n("1")], conditionExpression: "attribute_not_exists(pk)")),
                ]))
                Issue.record("the transaction succeeded")
            } catch {
                guard case .transactionCanceled(_, let reasons)? = error as? DynamoDBError else {
                    Issue.record("got \(error)")
                    return
                }
                #expect(reasons.map(\.code) == [.none, .conditionalCheckFailed])
            }
            let gets = try db.transactGetItems(TransactGetItemsInput(transactItems: [
                // moto ignores a ProjectionExpression here (DynamoDB applies it), so none is sent.
                TransactGetItem(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("2")]),
                TransactGetItem(tableName: "Orders", key: ["pk": .s("c#1"), "sk": .n("4")]),
            ]))
            #expect(gets.responses.count == 2)
            #expect(gets.responses.first??["note"] == .s("t"))
            #expect(gets.responses.last == .some(nil))

            let deleted = try db.deleteItem(DeleteItemInput(tableName: "Orders", key: ["pk": .s("c#2"), "sk": .n("1")], returnValues: .allOld))
            #expect(deleted.attributes == ["pk": .s("c#2"), "sk": .n("1")])
            #expect(try db.deleteTable(DeleteTableInput(tableName: "Orders")).tableDescription.tableName == "Orders")
            do {
                _ = try db.describeTable(DescribeTableInput(tableName: "Orders"))
                Issue.record("described a deleted table")
            } catch {
                #expect(Self.code(error) == "ResourceNotFoundException")
            }
        }
    }
}
