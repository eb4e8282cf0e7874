import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Consumed capacity checked against hand calculations with DynamoDB's rules: reads in 4 KB
/// units (half when eventually consistent), writes in 1 KB units of the larger of the old and
/// new item, each index written adding its own units, transactions doubled.
struct CapacityTests {
    /// An item of exactly `size` bytes: "pk"+"a" (3) + "sk"+"b" (3) + "payload" (7) + the bytes.
    static func item(size: Int, sk: String = "b") -> Item {
        ["pk": .s("a"), "sk": .s(sk), "payload": .b([UInt8](repeating: 1, count: size - 13))]
    }

    @Test func writesRoundUpToKilobytesOfTheLargerItem() throws {
        let memory = try Fixtures.orders()
        #expect(AttributeValue.itemSize(Self.item(size: 1536)) == 1536)
        let put = try memory.putItem(PutItemInput(tableName: "Orders", item: Self.item(size: 1536), returnConsumedCapacity: .total))
        #expect(put.consumedCapacity == ConsumedCapacity(tableName: "Orders", capacityUnits: 2, writeCapacityUnits: 2))
        let smaller = try memory.putItem(PutItemInput(tableName: "Orders", item: Self.item(size: 500), returnConsumedCapacity: .total))
        #expect(smaller.consumedCapacity?.capacityUnits == 2)
        let again = try memory.putItem(PutItemInput(tableName: "Orders", item: Self.item(size: 1024), returnConsumedCapacity: .total))
        #expect(again.consumedCapacity?.capacityUnits == 1)
        let missing = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: ["pk": .s("x"), "sk": .s("y")], returnConsumedCapacity: .total))
        #expect(missing.consumedCapacity?.capacityUnits == 1)
        #expect(try memory.putItem(PutItemInput(tableName: "Orders", item: Self.item(size: 100))).consumedCapacity == nil)
        #expect(try memory.putItem(PutItemInput(tableName: "Orders", item: Self.item(size: 100), returnConsumedCapacity: ReturnConsumedCapacity.none)).consumedCapacity == nil)
    }

    @Test func readsRoundUpToFourKilobytes() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.item(size: 5000))
        func get(_ key: Item, consistent: Bool) throws -> Double? {
            try memory.getItem(GetItemInput(tableName: "Orders", key: key, consistentRead: consistent, returnConsumedCapacity: .total)).consumedCapacity?.capacityUnits
        }
        let key: Item = ["pk": .s("a"), "sk": .s("b")]
        #expect(try get(key, consistent: false) == 1)
        #expect(try get(key, consistent: true) == 2)
        #expect(try get(["pk": .s("a"), "sk": .s("none")], consistent: false) == 0.5)
        #expect(try get(["pk": .s("a"), "sk": .s("none")], consistent: true) == 1)
    }

    @Test func queriesRoundOnceWhileBatchGetsRoundEachItem() throws {
        let memory = try Fixtures.orders()
        for sk in ["1", "2", "3"] { try Fixtures.put(memory, Self.item(size: 1500, sk: sk)) }
        // 3 × 1,500 = 4,500 bytes read → 2 units strongly consistent, 1 eventually; the filter
        // does not reduce what was read.
        let strong = try memory.query(QueryInput(
            tableName: "Orders", keyConditionExpression: "pk = :p", filterExpression: "attribute_not_exists(payload)",
            expressionAttributeValues: [":p": .s("a")], consistentRead: true, returnConsumedCapacity: .total))
        #expect(strong.count == 0)
        #expect(strong.consumedCapacity?.capacityUnits == 2)
        let eventual = try memory.query(QueryInput(tableName: "Orders", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": .s("a")], returnConsumedCapacity: .total))
        #expect(eventual.consumedCapacity?.capacityUnits == 1)
        let keys: [Item] = ["1", "2", "3"].map { ["pk": .s("a"), "sk": .s($0)] }
        let batch = try memory.batchGetItem(BatchGetItemInput(requestItems: ["Orders": KeysAndAttributes(keys: keys, consistentRead: true)], returnConsumedCapacity: .total))
        #expect(batch.consumedCapacity == [ConsumedCapacity(tableName: "Orders", capacityUnits: 3, readCapacityUnits: 3)])
        let scan = try memory.scan(ScanInput(tableName: "Orders", returnConsumedCapacity: .total))
        #expect(scan.consumedCapacity?.capacityUnits == 1)
    }

    @Test func indexWritesAreReportedPerIndex() throws {
        let memory = try Fixtures.orders()
        // 3 + 3 + customer (8+1) + placed (6+2) + orderState (10+1) = 34 bytes.
        let item: Item = ["pk": .s("a"), "sk": .s("b"), "customer": .s("c"), "placed": .n("1"), "orderState": .s("S")]
        let put = try memory.putItem(PutItemInput(tableName: "Orders", item: item, returnConsumedCapacity: .indexes))
        #expect(put.consumedCapacity == ConsumedCapacity(
            tableName: "Orders", capacityUnits: 3, writeCapacityUnits: 3, table: Capacity(writeCapacityUnits: 1, capacityUnits: 1),
            globalSecondaryIndexes: ["byCustomer": Capacity(writeCapacityUnits: 1, capacityUnits: 1), "byState": Capacity(writeCapacityUnits: 1, capacityUnits: 1)]))
        // A new index key value: a delete plus a put in byCustomer; byState's entry is unchanged.
        let moved = try memory.updateItem(UpdateItemInput(
            tableName: "Orders", key: ["pk": .s("a"), "sk": .s("b")], updateExpression: "SET placed = :p", expressionAttributeValues: [":p": .n("2")],
            returnConsumedCapacity: .indexes))
        #expect(moved.consumedCapacity?.capacityUnits == 3)
        #expect(moved.consumedCapacity?.globalSecondaryIndexes == ["byCustomer": Capacity(writeCapacityUnits: 2, capacityUnits: 2)])
        // A projected non-key attribute: one write in the ALL index, none in KEYS_ONLY.
        let noted = try memory.updateItem(UpdateItemInput(
            tableName: "Orders", key: ["pk": .s("a"), "sk": .s("b")], updateExpression: "SET note = :n", expressionAttributeValues: [":n": .s("hi")],
            returnConsumedCapacity: .indexes))
        #expect(noted.consumedCapacity?.capacityUnits == 2)
        #expect(noted.consumedCapacity?.globalSecondaryIndexes?["byState"] == nil)
        // Entering the local index (price) costs a put there.
        let priced = try memory.updateItem(UpdateItemInput(
            tableName: "Orders", key: ["pk": .s("a"), "sk": .s("b")], updateExpression: "SET price = :p", expressionAttributeValues: [":p": .n("5")],
            returnConsumedCapacity: .indexes))
        #expect(priced.consumedCapacity?.localSecondaryIndexes == ["byPrice": Capacity(writeCapacityUnits: 1, capacityUnits: 1)])
        let deleted = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("b")], returnConsumedCapacity: .total))
        #expect(deleted.consumedCapacity?.capacityUnits == 4)
        // Reading an index is charged to the index.
        try Fixtures.put(memory, item)
        let query = try memory.query(QueryInput(
            tableName: "Orders", indexName: "byCustomer", keyConditionExpression: "customer = :c", expressionAttributeValues: [":c": .s("c")],
            returnConsumedCapacity: .indexes))
        #expect(query.consumedCapacity == ConsumedCapacity(
            tableName: "Orders", capacityUnits: 0.5, readCapacityUnits: 0.5, table: Capacity(readCapacityUnits: 0, capacityUnits: 0),
            globalSecondaryIndexes: ["byCustomer": Capacity(readCapacityUnits: 0.5, capacityUnits: 0.5)]))
    }

    @Test func transactionsCostDouble() throws {
        let memory = try Fixtures.orders()
        let write = try memory.transactWriteItems(TransactWriteItemsInput(
            transactItems: [.put(TransactPut(tableName: "Orders", item: Self.item(size: 1024))), .put(TransactPut(tableName: "Orders", item: Self.item(size: 2000, sk: "c")))],
            returnConsumedCapacity: .total))
        #expect(write.consumedCapacity == [ConsumedCapacity(tableName: "Orders", capacityUnits: 6, writeCapacityUnits: 6)])
        let read = try memory.transactGetItems(TransactGetItemsInput(
            transactItems: [TransactGetItem(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("b")]), TransactGetItem(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("none")])],
            returnConsumedCapacity: .total))
        #expect(read.consumedCapacity?.first?.capacityUnits == 4)
        let batch = try memory.batchWriteItem(BatchWriteItemInput(
            requestItems: ["Orders": [.put(item: Self.item(size: 3000, sk: "d")), .delete(key: ["pk": .s("a"), "sk": .s("b")])]], returnConsumedCapacity: .total))
        #expect(batch.consumedCapacity == [ConsumedCapacity(tableName: "Orders", capacityUnits: 4, writeCapacityUnits: 4)])
    }
}
