import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// CreateTable's validation, and the table lifecycle.
struct TableTests {
    static func definitions(_ names: [String]) -> [AttributeDefinition] {
        names.map { AttributeDefinition(attributeName: $0, attributeType: .s) }
    }

    @Test func lifecycle() throws {
        let memory = try Fixtures.orders()
        let described = try memory.describeTable(DescribeTableInput(tableName: "Orders")).table
        #expect(described.tableStatus == "ACTIVE")
        #expect(described.keySchema == [.hash("pk"), .range("sk")])
        #expect(described.globalSecondaryIndexes?.map(\.indexName) == ["byCustomer", "byState"])
        #expect(described.localSecondaryIndexes?.map(\.indexName) == ["byPrice"])
        try Fixtures.put(memory, ["pk": .s("a"), "sk": .s("1"), "orderState": .s("OPEN")])
        let counted = try memory.describeTable(DescribeTableInput(tableName: "Orders")).table
        #expect(counted.itemCount == 1)
        #expect(counted.tableSizeBytes == 3 + 3 + 14)
        #expect(counted.globalSecondaryIndexes?.map(\.itemCount) == [0, 1])
        #expect(counted.globalSecondaryIndexes?.last?.indexSizeBytes == 3 + 3 + 14)
        _ = try memory.createTable(CreateTableInput(tableName: "Another", keySchema: [.hash("id")], attributeDefinitions: Self.definitions(["id"])))
        _ = try memory.createTable(CreateTableInput(tableName: "Third", keySchema: [.hash("id")], attributeDefinitions: Self.definitions(["id"])))
        #expect(try memory.listTables(ListTablesInput()).tableNames == ["Another", "Orders", "Third"])
        let page = try memory.listTables(ListTablesInput(limit: 2))
        #expect(page.tableNames == ["Another", "Orders"])
        #expect(page.lastEvaluatedTableName == "Orders")
        #expect(try memory.listTables(ListTablesInput(exclusiveStartTableName: "Orders")).tableNames == ["Third"])
        #expect(try memory.deleteTable(DeleteTableInput(tableName: "Orders")).tableDescription.tableStatus == "DELETING")
        expectError("ResourceNotFoundException") { _ = try memory.describeTable(DescribeTableInput(tableName: "Orders")) }
        expectError("ResourceNotFoundException") { _ = try memory.deleteTable(DeleteTableInput(tableName: "Orders")) }
        expectError("ResourceNotFoundException") { _ = try memory.getItem(GetItemInput(tableName: "Orders", key: ["pk": .s("a"), "sk": .s("1")])) }
    }

    @Test func creatingTwiceIsResourceInUse() throws {
        let memory = try Fixtures.simple()
        expectError("ResourceInUseException", "Table already exists") {
            _ = try memory.createTable(CreateTableInput(tableName: "Simple", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"])))
        }
    }

    static func create(_ input: CreateTableInput) throws(DynamoDBError) {
        _ = try InMemoryDynamoDB().createTable(input)
    }

    @Test func attributeDefinitionsMustMatchTheKeysExactly() {
        expectError("ValidationException", "does not exactly match") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "extra"])))
        }
        expectError("ValidationException", "not defined in AttributeDefinitions") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.hash("pk"), .range("sk")], attributeDefinitions: Self.definitions(["pk"])))
        }
        expectError("ValidationException", "Duplicate AttributeName") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "pk"])))
        }
    }

    @Test func keySchemaShape() {
        expectError("ValidationException", "first KeySchemaElement is not a HASH") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.range("pk")], attributeDefinitions: Self.definitions(["pk"])))
        }
        expectError("ValidationException", "Too many hash keys") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.hash("pk"), .hash("sk")], attributeDefinitions: Self.definitions(["pk", "sk"])))
        }
        expectError("ValidationException", "length less than or equal to 2") {
            try Self.create(CreateTableInput(tableName: "T1x", keySchema: [.hash("a"), .range("b"), .range("c")], attributeDefinitions: Self.definitions(["a", "b", "c"])))
        }
    }

    @Test(arguments: ["ab", "has space", "bad/name", String(repeating: "x", count: 256)])
    func tableAndIndexNameRules(name: String) {
        expectError("ValidationException", "[a-zA-Z0-9_.-]+") {
            try Self.create(CreateTableInput(tableName: name, keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"])))
        }
        expectError("ValidationException", "[a-zA-Z0-9_.-]+") {
            try Self.create(CreateTableInput(
                tableName: "Good.name_1-x", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "g"]),
                globalSecondaryIndexes: [.init(indexName: name, keySchema: [.hash("g")], projection: .all)]))
        }
    }

    @Test func indexLimits() throws {
        let many = (0..<21).map { GlobalSecondaryIndex(indexName: "gsi\($0)", keySchema: [.hash("g\($0)")], projection: .keysOnly) }
        expectError("ValidationException", "limit of 20") {
            try Self.create(CreateTableInput(tableName: "Many", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"] + (0..<21).map { "g\($0)" }), globalSecondaryIndexes: many))
        }
        try Self.create(CreateTableInput(
            tableName: "Twenty", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"] + (0..<20).map { "g\($0)" }),
            globalSecondaryIndexes: Array(many.prefix(20))))
        let locals = (0..<6).map { LocalSecondaryIndex(indexName: "lsi\($0)", keySchema: [.hash("pk"), .range("l\($0)")], projection: .all) }
        expectError("ValidationException", "limit of 5") {
            try Self.create(CreateTableInput(tableName: "Locals", keySchema: [.hash("pk"), .range("sk")], attributeDefinitions: Self.definitions(["pk", "sk"] + (0..<6).map { "l\($0)" }), localSecondaryIndexes: locals))
        }
        expectError("ValidationException", "Duplicate index name") {
            try Self.create(CreateTableInput(
                tableName: "Dupes", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "g"]),
                globalSecondaryIndexes: [.init(indexName: "same", keySchema: [.hash("g")], projection: .all), .init(indexName: "same", keySchema: [.hash("g")], projection: .all)]))
        }
    }

    @Test func localIndexRules() {
        expectError("ValidationException", "same leading hash key") {
            try Self.create(CreateTableInput(
                tableName: "Local", keySchema: [.hash("pk"), .range("sk")], attributeDefinitions: Self.definitions(["pk", "sk", "other", "l"]),
                localSecondaryIndexes: [.init(indexName: "lsi", keySchema: [.hash("other"), .range("l")], projection: .all)]))
        }
        expectError("ValidationException", "does not have a range key") {
            try Self.create(CreateTableInput(
                tableName: "Local", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "l"]),
                localSecondaryIndexes: [.init(indexName: "lsi", keySchema: [.hash("pk"), .range("l")], projection: .all)]))
        }
    }

    @Test func multiAttributeGlobalIndexKeys() throws {
        let names = ["pk", "h1", "h2", "h3", "h4", "h5", "r1", "r2", "r3", "r4", "r5"]
        try Self.create(CreateTableInput(
            tableName: "Multi", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(names.filter { !$0.hasSuffix("5") }),
            globalSecondaryIndexes: [.init(indexName: "multi", keySchema: [.hash("h1"), .hash("h2"), .hash("h3"), .hash("h4"), .range("r1"), .range("r2"), .range("r3"), .range("r4")], projection: .all)]))
        expectError("ValidationException", "at most 4 HASH and 4 RANGE") {
            try Self.create(CreateTableInput(
                tableName: "Multi", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "h1", "h2", "h3", "h4", "h5"]),
                globalSecondaryIndexes: [.init(indexName: "multi", keySchema: [.hash("h1"), .hash("h2"), .hash("h3"), .hash("h4"), .hash("h5")], projection: .all)]))
        }
        expectError("ValidationException", "HASH elements first") {
            try Self.create(CreateTableInput(
                tableName: "Multi", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "h1", "r1"]),
                globalSecondaryIndexes: [.init(indexName: "multi", keySchema: [.range("r1"), .hash("h1")], projection: .all)]))
        }
    }

    @Test func projectionsAndBilling() {
        expectError("ValidationException", "NonKeyAttributes is not specified") {
            try Self.create(CreateTableInput(
                tableName: "Proj", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk", "g"]),
                globalSecondaryIndexes: [.init(indexName: "gsi", keySchema: [.hash("g")], projection: Projection(projectionType: .include))]))
        }
        expectError("ValidationException", "ReadCapacityUnits and WriteCapacityUnits must both be specified") {
            try Self.create(CreateTableInput(tableName: "Bill", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"]), billingMode: .provisioned))
        }
        expectError("ValidationException", "PAY_PER_REQUEST") {
            try Self.create(CreateTableInput(
                tableName: "Bill", keySchema: [.hash("pk")], attributeDefinitions: Self.definitions(["pk"]), billingMode: .payPerRequest,
                provisionedThroughput: .init(readCapacityUnits: 1, writeCapacityUnits: 1)))
        }
    }
}
