/// What DescribeTable (and CreateTable, DeleteTable) report about a table.
public struct TableDescription: Sendable, Hashable {
    public var tableName: String
    public var tableStatus: String
    public var keySchema: [KeySchemaElement]
    public var attributeDefinitions: [AttributeDefinition]
    public var billingMode: BillingMode?
    public var provisionedThroughput: ProvisionedThroughput?
    public var itemCount: Int?
    public var tableSizeBytes: Int?
    public var tableArn: String?
    public var globalSecondaryIndexes: [IndexDescription]?
    public var localSecondaryIndexes: [IndexDescription]?

    public init(
        tableName: String, tableStatus: String = "ACTIVE", keySchema: [KeySchemaElement], attributeDefinitions: [AttributeDefinition],
        billingMode: BillingMode? = nil, provisionedThroughput: ProvisionedThroughput? = nil, itemCount: Int? = nil,
        tableSizeBytes: Int? = nil, tableArn: String? = nil, globalSecondaryIndexes: [IndexDescription]? = nil,
        localSecondaryIndexes: [IndexDescription]? = nil
    ) {
        self.tableName = tableName
        self.tableStatus = tableStatus
        self.keySchema = keySchema
        self.attributeDefinitions = attributeDefinitions
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.itemCount = itemCount
        self.tableSizeBytes = tableSizeBytes
        self.tableArn = tableArn
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
    }
}

/// One secondary index in a table description.
public struct IndexDescription: Sendable, Hashable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection
    /// `ACTIVE` for global indexes; absent for local ones, which have no status of their own.
    public var indexStatus: String?
    public var itemCount: Int?
    public var indexSizeBytes: Int?
    public var provisionedThroughput: ProvisionedThroughput?

    public init(
        indexName: String, keySchema: [KeySchemaElement], projection: Projection, indexStatus: String? = nil,
        itemCount: Int? = nil, indexSizeBytes: Int? = nil, provisionedThroughput: ProvisionedThroughput? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.indexStatus = indexStatus
        self.itemCount = itemCount
        self.indexSizeBytes = indexSizeBytes
        self.provisionedThroughput = provisionedThroughput
    }
}
