import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems: limits, duplicates,
/// all-or-nothing, cancellation reasons in request order, idempotency tokens.
struct BatchAndTransactionTests {
    static func key(_ sk: String) -> Item { ["pk": .s("a"), "sk": .s(sk)] }

    @Test func batchGetReadsPerTable() throws {
        let memory = try Fixtures.orders()
        _ = try memory.createTable(CreateTableInput(tableName: "Simple", keySchema: [.hash("pk")], attributeDefinitions: [.init(attributeName: "pk", attributeType: .s)]))
        try Fixtures.put(memory, Self.key("1").merging(["v": .n("1")]) { a, _ in a })
        try Fixtures.put(memory, ["pk": .s("s")], table: "Simple")
        let output = try memory.batchGetItem(BatchGetItemInput(requestItems: [
            "Orders": KeysAndAttributes(keys: [Self.key("1"), Self.key("2")], projectionExpression: "v"),
            "Simple": KeysAndAttributes(keys: [["pk": .s("s")]]),
        ]))
        #expect(output.responses["Orders"] == [["v": .n("1")]])
        #expect(output.responses["Simple"] == [["pk": .s("s")]])
        #expect(output.unprocessedKeys.isEmpty)
        expectError("ValidationException", "contains duplicates") {
            _ = try memory.batchGetItem(BatchGetItemInput(requestItems: ["Orders": KeysAndAttributes(keys: [Self.key("1"), Self.key("1")])]))
        }
        expectError("ValidationException", "Too many items requested for the BatchGetItem call") {
            _ = try memory.batchGetItem(BatchGetItemInput(requestItems: ["Orders": KeysAndAttributes(keys: (0...100).map { Self.key(String($0)) })]))
        }
        expectError("ResourceNotFoundException") {
            _ = try memory.batchGetItem(BatchGetItemInput(requestItems: ["Nope": KeysAndAttributes(keys: [["pk": .s("x")]])]))
        }
    }

    @Test func batchWriteAppliesPutsAndDeletes() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key("old"))
        _ = try memory.batchWriteItem(BatchWriteItemInput(requestItems: ["Orders": [.put(item: Self.key("new")), .delete(key: Self.key("old"))]]))
        #expect(try Fixtures.get(memory, Self.key("new")) != nil)
        #expect(try Fixtures.get(memory, Self.key("old")) == nil)
        expectError("ValidationException", "contains duplicates") {
            _ = try memory.batchWriteItem(BatchWriteItemInput(requestItems: ["Orders": [.put(item: Self.key("x")), .delete(key: Self.key("x"))]]))
        }
        expectError("ValidationException", "Too many items requested for the BatchWriteItem call") {
            _ = try memory.batchWriteItem(BatchWriteItemInput(requestItems: ["Orders": (0..<26).map { .put(item: Self.key(String($0))) }]))
        }
        // A bad item anywhere fails the whole batch before anything is written.
        expectError("ValidationException", "Missing the key sk") {
            _ = try memory.batchWriteItem(BatchWriteItemInput(requestItems: ["Orders": [.put(item: Self.key("first")), .put(item: ["pk": .s("a")])]]))
        }
        #expect(try Fixtures.get(memory, Self.key("first")) == nil)
    }

    @Test func transactionIsAllOrNothingWithReasonsInOrder() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key("exists").merging(["v": .n("1")]) { a, _ in a })
        let actions: [TransactWriteItem] = [
            .put(TransactPut(tableName: "Orders", item: Self.key("new"))),
            .conditionCheck(ConditionCheck(tableName: "Orders", key: Self.key("exists"), conditionExpression: "v = :two", expressionAttributeValues: [":two": .n("2")], returnValuesOnConditionCheckFailure: .allOld)),
            .update(TransactUpdate(tableName: "Orders", key: Self.key("upd"), updateExpression: "SET v = :one", expressionAttributeValues: [":one": .n("1")])),
            .delete(TransactDelete(tableName: "Orders", key: Self.key("gone"), conditionExpression: "attribute_exists(pk)")),
        ]
        do {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: actions))
            Issue.record("the transaction succeeded")
        } catch {
            guard case .transactionCanceled(_, let reasons) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(reasons.map(\.code) == [.none, .conditionalCheckFailed, .none, .conditionalCheckFailed])
            #expect(reasons[1].item == Self.key("exists").merging(["v": .n("1")]) { a, _ in a })
            #expect(reasons[3].item == nil)
        }
        #expect(try Fixtures.get(memory, Self.key("new")) == nil)
        #expect(try Fixtures.get(memory, Self.key("upd")) == nil)

        _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: Array(actions.prefix(1)) + [actions[2]]))
        #expect(try Fixtures.get(memory, Self.key("new")) != nil)
        #expect(try Fixtures.get(memory, Self.key("upd"))?["v"] == .n("1"))
    }

    @Test func transactionLimitsAndDuplicates() throws {
        let memory = try Fixtures.orders()
        expectError("ValidationException", "multiple operations on one item") {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: [
                .put(TransactPut(tableName: "Orders", item: Self.key("1"))), .delete(TransactDelete(tableName: "Orders", key: Self.key("1"))),
            ]))
        }
        expectError("ValidationException", "less than or equal to 100") {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: (0...100).map { .put(TransactPut(tableName: "Orders", item: Self.key(String($0)))) }))
        }
        expectError("ValidationException", "greater than or equal to 1") {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: []))
        }
        expectError("ResourceNotFoundException") {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: [.put(TransactPut(tableName: "Nope", item: Self.key("1")))]))
        }
        expectError("ValidationException", "multiple operations on one item") {
            _ = try memory.transactGetItems(TransactGetItemsInput(transactItems: [TransactGetItem(tableName: "Orders", key: Self.key("1")), TransactGetItem(tableName: "Orders", key: Self.key("1"))]))
        }
    }

    @Test func runtimeUpdateErrorsCancelWithValidationError() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key("s").merging(["v": .s("text")]) { a, _ in a })
        do {
            _ = try memory.transactWriteItems(TransactWriteItemsInput(transactItems: [
                .put(TransactPut(tableName: "Orders", item: Self.key("ok"))),
                .update(TransactUpdate(tableName: "Orders", key: Self.key("s"), updateExpression: "ADD v :one", expressionAttributeValues: [":one": .n("1")])),
            ]))
            Issue.record("the transaction succeeded")
        } catch {
            guard case .transactionCanceled(_, let reasons) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(reasons.map(\.code) == [.none, .validationError])
        }
    }

    @Test func clientRequestTokensMakeRetriesIdempotent() throws {
        let memory = try Fixtures.orders()
        let increment = TransactWriteItemsInput(
            transactItems: [.update(TransactUpdate(tableName: "Orders", key: Self.key("n"), updateExpression: "ADD v :one", expressionAttributeValues: [":one": .n("1")]))],
            clientRequestToken: "retry-1")
        _ = try memory.transactWriteItems(increment)
        _ = try memory.transactWriteItems(increment)
        #expect(try Fixtures.get(memory, Self.key("n"))?["v"] == .n("1"))
        var different = increment
        different.transactItems = [.delete(TransactDelete(tableName: "Orders", key: Self.key("n")))]
        expectError("IdempotentParameterMismatchException") { _ = try memory.transactWriteItems(different) }
    }

    @Test func transactGetReturnsItemsInRequestOrder() throws {
        let memory = try Fixtures.orders()
        try Fixtures.put(memory, Self.key("1").merging(["v": .n("1")]) { a, _ in a })
        try Fixtures.put(memory, Self.key("3"))
        let output = try memory.transactGetItems(TransactGetItemsInput(transactItems: [
            TransactGetItem(tableName: "Orders", key: Self.key("3")), TransactGetItem(tableName: "Orders", key: Self.key("2")),
            TransactGetItem(tableName: "Orders", key: Self.key("1"), projectionExpression: "v"),
        ]))
        #expect(output.responses == [Self.key("3"), nil, ["v": .n("1")]])
    }
}
