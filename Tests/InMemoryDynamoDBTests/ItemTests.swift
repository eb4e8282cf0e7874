import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Writes and reads of single items: key and item validation, conditions, ReturnValues, upserts
/// and the indexes kept in step.
struct ItemTests {
    static let key: Item = ["pk": .s("o#1"), "sk": .s("2024")]

    @Test func putThenGetWithNumbersCanonical() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key.merging(["price": .n("12.50"), "tags": .ns(["1.0", "2"])]) { a, _ in a })
        let item = try #require(try Fixtures.get(memory, Self.key))
        #expect(item["price"]?.numberText == "12.5")
        #expect(item["tags"] == .ns(["1", "2"]))
        #expect(try Fixtures.get(memory, ["pk": .s("o#1"), "sk": .s("absent")]) == nil)
    }

    @Test func keyValidation() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "Missing the key sk") { try Fixtures.put(memory, ["pk": .s("a")]) }
        expectError("ValidationException", "Type mismatch for key sk expected: S actual: N") { try Fixtures.put(memory, ["pk": .s("a"), "sk": .n("1")]) }
        expectError("ValidationException", "cannot contain an empty string value") { try Fixtures.put(memory, ["pk": .s(""), "sk": .s("1")]) }
        expectError("ValidationException", "does not match the schema") { _ = try Fixtures.get(memory, ["pk": .s("a")]) }
        expectError("ValidationException", "does not match the schema") { _ = try Fixtures.get(memory, ["pk": .s("a"), "sk": .n("1")]) }
        expectError("ValidationException", "does not match the schema") { _ = try Fixtures.get(memory, ["pk": .s("a"), "sk": .s("1"), "x": .s("y")]) }
    }

    @Test func keyAndItemSizeLimits() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, ["pk": .s(String(repeating: "p", count: 2048)), "sk": .s(String(repeating: "s", count: 1024))])
        expectError("ValidationException", "maximum size limit of2048 bytes") {
            try Fixtures.put(memory, ["pk": .s(String(repeating: "p", count: 2049)), "sk": .s("1")])
        }
        expectError("ValidationException", "size limit of 1024 bytes") {
            try Fixtures.put(memory, ["pk": .s("p"), "sk": .s(String(repeating: "s", count: 1025))])
        }
        // 400 KB counts names and values: "pk"+"p" + "sk"+"s" + "payload"+value.
        let room = 400 * 1024 - (3 + 3 + 7)
        try Fixtures.put(memory, ["pk": .s("p"), "sk": .s("s"), "payload": .b([UInt8](repeating: 1, count: room))])
        expectError("ValidationException", "Item size has exceeded the maximum allowed size") {
            try Fixtures.put(memory, ["pk": .s("p"), "sk": .s("s"), "payload": .b([UInt8](repeating: 1, count: room + 1))])
        }
    }

    @Test func setsAndNumbersAreValidated() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "may not be empty") { try Fixtures.put(memory, Self.key.merging(["tags": .ss([])]) { a, _ in a }) }
        expectError("ValidationException", "contains duplicates") { try Fixtures.put(memory, Self.key.merging(["tags": .ss(["a", "a"])]) { a, _ in a }) }
        expectError("ValidationException", "contains duplicates") { try Fixtures.put(memory, Self.key.merging(["tags": .ns(["1", "1.0"])]) { a, _ in a }) }
        expectError("ValidationException", "cannot be converted to a numeric value") { try Fixtures.put(memory, Self.key.merging(["n": .n("12a")]) { a, _ in a }) }
        expectError("ValidationException", "38 significant digits") {
            try Fixtures.put(memory, Self.key.merging(["n": .n(String(repeating: "1", count: 39))]) { a, _ in a })
        }
        expectError("ValidationException", "may not be empty") {
            try Fixtures.put(memory, Self.key.merging(["doc": .m(["nested": .bs([])])]) { a, _ in a })
        }
    }

    @Test func conditionalPutAndReturnValues() throws {
        let memory = try Fixtures.orders()
        let first = Self.key.merging(["price": .n("1")]) { a, _ in a }
        let output = try memory.putItem(PutItemInput(tableName: "Orders", item: first, conditionExpression: "attribute_not_exists(pk)", returnValues: .allOld))
        #expect(output.attributes == nil)
        expectError("ConditionalCheckFailedException", "The conditional request failed") {
            _ = try memory.putItem(PutItemInput(tableName: "Orders", item: first, conditionExpression: "attribute_not_exists(pk)"))
        }
        let second = Self.key.merging(["price": .n("2")]) { a, _ in a }
        #expect(try memory.putItem(PutItemInput(tableName: "Orders", item: second, returnValues: .allOld)).attributes == first)
        expectError("ValidationException", "Return values set to invalid value") {
            _ = try memory.putItem(PutItemInput(tableName: "Orders", item: second, returnValues: .allNew))
        }
        expectError("ValidationException", "Return values set to invalid value") {
            _ = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: Self.key, returnValues: .updatedOld))
        }
    }

    @Test func updateIsAnUpsertUnlessAConditionPreventsIt() throws {
        let memory = try Fixtures.orders()
        let created = try memory.updateItem(UpdateItemInput(
            tableName: "Orders", key: Self.key, updateExpression: "SET price = :t", expressionAttributeValues: [":t": .n("5")], returnValues: .allNew))
        #expect(created.attributes == Self.key.merging(["price": .n("5")]) { a, _ in a })
        let other: Item = ["pk": .s("o#2"), "sk": .s("x")]
        expectError("ConditionalCheckFailedException") {
            _ = try memory.updateItem(UpdateItemInput(
                tableName: "Orders", key: other, updateExpression: "SET price = :t", conditionExpression: "attribute_exists(pk)",
                expressionAttributeValues: [":t": .n("5")]))
        }
        #expect(try Fixtures.get(memory, other) == nil)
        // No update expression at all still creates the item with its key.
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: other))
        #expect(try Fixtures.get(memory, other) == other)
    }

    @Test func keyAttributesCannotBeUpdated() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "Cannot update attribute sk. This attribute is part of the key") {
            _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET sk = :v", expressionAttributeValues: [":v": .s("x")]))
        }
        expectError("ValidationException", "Cannot update attribute pk") {
            _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "REMOVE #k", expressionAttributeNames: ["#k": "pk"]))
        }
        // Index key attributes may change.
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET customer = :c", expressionAttributeValues: [":c": .s("c1")]))
    }

    @Test func overlappingUpdatePathsAreRefused() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "Two document paths overlap") {
            _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET a = :v REMOVE a.b", expressionAttributeValues: [":v": .n("1")]))
        }
        expectError("ValidationException", "Two document paths conflict") {
            _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET a = :v, #a = :v", expressionAttributeNames: ["#a": "a"], expressionAttributeValues: [":v": .n("1")]))
        }
        // Siblings do not overlap.
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET a = :m", expressionAttributeValues: [":m": .m([:])]))
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET a.b = :v, a.c = :v", expressionAttributeValues: [":v": .n("1")]))
        #expect(try Fixtures.get(memory, Self.key)?["a"] == .m(["b": .n("1"), "c": .n("1")]))
    }

    @Test func deleteReturnsTheOldItemAndChecksConditions() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key.merging(["price": .n("3")]) { a, _ in a })
        expectError("ConditionalCheckFailedException") {
            _ = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: Self.key, conditionExpression: "price > :t", expressionAttributeValues: [":t": .n("3")]))
        }
        let deleted = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: Self.key, returnValues: .allOld))
        #expect(deleted.attributes?["price"] == .n("3"))
        #expect(try Fixtures.get(memory, Self.key) == nil)
        expectError("ConditionalCheckFailedException") {
            _ = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: Self.key, conditionExpression: "attribute_exists(pk)"))
        }
    }

    static func indexCount(_ memory: InMemoryDynamoDB, _ index: String) throws -> Int {
        try memory.scan(ScanInput(tableName: "Orders", indexName: index, select: .count)).count
    }

    @Test func sparseIndexesFollowEveryWrite() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key)
        #expect(try Self.indexCount(memory, "byCustomer") == 0)
        // Half an index key is not enough.
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET customer = :c", expressionAttributeValues: [":c": .s("c1")]))
        #expect(try Self.indexCount(memory, "byCustomer") == 0)
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET placed = :p", expressionAttributeValues: [":p": .n("7")]))
        #expect(try Self.indexCount(memory, "byCustomer") == 1)
        _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "REMOVE placed"))
        #expect(try Self.indexCount(memory, "byCustomer") == 0)
        try Fixtures.put(memory, Self.key.merging(["orderState": .s("OPEN"), "price": .n("1")]) { a, _ in a })
        #expect(try Self.indexCount(memory, "byState") == 1)
        #expect(try Self.indexCount(memory, "byPrice") == 1)
        _ = try memory.deleteItem(DeleteItemInput(tableName: "Orders", key: Self.key))
        #expect(try Self.indexCount(memory, "byState") == 0)
        #expect(try Self.indexCount(memory, "byPrice") == 0)
    }

    @Test func indexKeysMustHaveTheDeclaredTypeAndNotBeEmpty() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "Type mismatch for Index Key placed Expected: N Actual: S IndexName: byCustomer") {
            try Fixtures.put(memory, Self.key.merging(["placed": .s("yesterday")]) { a, _ in a })
        }
        expectError("ValidationException", "A value specified for a secondary index key is not supported") {
            try Fixtures.put(memory, Self.key.merging(["orderState": .s("")]) { a, _ in a })
        }
        // Index key values have the key size limits (developer guide, "Detecting and correcting
        // index key violations").
        expectError("ValidationException", "Size of hashkey for index key orderState") {
            try Fixtures.put(memory, Self.key.merging(["orderState": .s(String(repeating: "s", count: 2049))]) { a, _ in a })
        }
        _ = try memory.createTable(CreateTableInput(
            tableName: "Idx", keySchema: [.hash("pk")], attributeDefinitions: ["pk", "g", "r"].map { .init(attributeName: $0, attributeType: .s) },
            globalSecondaryIndexes: [.init(indexName: "byG", keySchema: [.hash("g"), .range("r")], projection: .keysOnly)]))
        try Fixtures.put(memory, ["pk": .s("a"), "g": .s("g"), "r": .s(String(repeating: "r", count: 1024))], table: "Idx")
        expectError("ValidationException", "Size of rangekey for index key r") {
            try Fixtures.put(memory, ["pk": .s("a"), "g": .s("g"), "r": .s(String(repeating: "r", count: 1025))], table: "Idx")
        }
        expectError("ValidationException", "Type mismatch for Index Key") {
            _ = try memory.updateItem(UpdateItemInput(tableName: "Orders", key: Self.key, updateExpression: "SET price = :t", expressionAttributeValues: [":t": .s("x")]))
        }
        #expect(try Fixtures.get(memory, Self.key) == nil)
    }
}
