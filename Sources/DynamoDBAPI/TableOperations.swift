/// CreateTable's request.
public struct CreateTableInput: Sendable, Hashable {
    public var tableName: String
    public var keySchema: [KeySchemaElement]
    public var attributeDefinitions: [AttributeDefinition]
    public var globalSecondaryIndexes: [GlobalSecondaryIndex]?
    public var localSecondaryIndexes: [LocalSecondaryIndex]?
    public var billingMode: BillingMode?
    public var provisionedThroughput: ProvisionedThroughput?

    public init(
        tableName: String, keySchema: [KeySchemaElement], attributeDefinitions: [AttributeDefinition],
        globalSecondaryIndexes: [GlobalSecondaryIndex]? = nil, localSecondaryIndexes: [LocalSecondaryIndex]? = nil,
        billingMode: BillingMode? = .payPerRequest, provisionedThroughput: ProvisionedThroughput? = nil
    ) {
        self.tableName = tableName
        self.keySchema = keySchema
        self.attributeDefinitions = attributeDefinitions
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
    }
}

/// CreateTable's response.
public struct CreateTableOutput: Sendable, Hashable {
    public var tableDescription: TableDescription
    public init(tableDescription: TableDescription) { self.tableDescription = tableDescription }
}

/// DescribeTable's request.
public struct DescribeTableInput: Sendable, Hashable {
    public var tableName: String
    public init(tableName: String) { self.tableName = tableName }
}

/// DescribeTable's response.
public struct DescribeTableOutput: Sendable, Hashable {
    public var table: TableDescription
    public init(table: TableDescription) { self.table = table }
}

/// DeleteTable's request.
public struct DeleteTableInput: Sendable, Hashable {
    public var tableName: String
    public init(tableName: String) { self.tableName = tableName }
}

/// DeleteTable's response.
public struct DeleteTableOutput: Sendable, Hashable {
    public var tableDescription: TableDescription
    public init(tableDescription: TableDescription) { self.tableDescription = tableDescription }
}

/// ListTables' request: names after `exclusiveStartTableName`, at most `limit` (1–100).
public struct ListTablesInput: Sendable, Hashable {
    public var exclusiveStartTableName: String?
    public var limit: Int?

    public init(exclusiveStartTableName: String? = nil, limit: Int? = nil) {
        self.exclusiveStartTableName = exclusiveStartTableName
        self.limit = limit
    }
}

/// ListTables' response, names in ascending order.
public struct ListTablesOutput: Sendable, Hashable {
    public var tableNames: [String]
    public var lastEvaluatedTableName: String?

    public init(tableNames: [String], lastEvaluatedTableName: String? = nil) {
        self.tableNames = tableNames
        self.lastEvaluatedTableName = lastEvaluatedTableName
    }
}
