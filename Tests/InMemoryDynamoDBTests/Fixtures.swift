import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Tables the unit tests share, and checks for the error a request must fail with.
enum Fixtures {
    /// `Orders`: pk (S) + sk (S); GSI `byCustomer` (customer S, placed N, ALL); GSI `byState`
    /// (orderState S, KEYS_ONLY); LSI `byPrice` (price N, INCLUDE note).
    static func orders() throws -> InMemoryDynamoDB {
        let memory = InMemoryDynamoDB()
        _ = try memory.createTable(CreateTableInput(
            tableName: "Orders", keySchema: [.hash("pk"), .range("sk")],
            attributeDefinitions: [
                .init(attributeName: "pk", attributeType: .s), .init(attributeName: "sk", attributeType: .s),
                .init(attributeName: "customer", attributeType: .s), .init(attributeName: "placed", attributeType: .n),
                .init(attributeName: "orderState", attributeType: .s), .init(attributeName: "price", attributeType: .n),
            ],
            globalSecondaryIndexes: [
                .init(indexName: "byCustomer", keySchema: [.hash("customer"), .range("placed")], projection: .all),
                .init(indexName: "byState", keySchema: [.hash("orderState")], projection: .keysOnly),
            ],
            localSecondaryIndexes: [.init(indexName: "byPrice", keySchema: [.hash("pk"), .range("price")], projection: .include(["note"]))]))
        return memory
    }

    /// `Simple`: pk (S) only.
    static func simple() throws -> InMemoryDynamoDB {
        let memory = InMemoryDynamoDB()
        _ = try memory.createTable(CreateTableInput(
            tableName: "Simple", keySchema: [.hash("pk")], attributeDefinitions: [.init(attributeName: "pk", attributeType: .s)]))
        return memory
    }

    static func put(_ memory: InMemoryDynamoDB, _ item: Item, table: String = "Orders") throws {
        _ = try memory.putItem(PutItemInput(tableName: table, item: item))
    }

    static func get(_ memory: InMemoryDynamoDB, _ key: Item, table: String = "Orders") throws -> Item? {
        try memory.getItem(GetItemInput(tableName: table, key: key)).item
    }
}

/// Expects `body` to fail with the error whose wire code is `code` (and, when given, whose message
/// contains `fragment`).
func expectError(
    _ code: String, _ fragment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code), but the request succeeded", sourceLocation: sourceLocation)
    } catch let error as DynamoDBError {
        #expect(DynamoDBWire.code(of: error) == code, "\(error)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
