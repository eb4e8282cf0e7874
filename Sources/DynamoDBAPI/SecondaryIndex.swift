/// A global secondary index as CreateTable declares it.
public struct GlobalSecondaryIndex: Sendable, Hashable {
    public var indexName: String
    /// Up to four `HASH` elements then up to four `RANGE` elements (multi-attribute keys).
    public var keySchema: [KeySchemaElement]
    public var projection: Projection
    public var provisionedThroughput: ProvisionedThroughput?

    public init(indexName: String, keySchema: [KeySchemaElement], projection: Projection, provisionedThroughput: ProvisionedThroughput? = nil) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.provisionedThroughput = provisionedThroughput
    }
}

/// A local secondary index: the table's partition key with another sort key.
public struct LocalSecondaryIndex: Sendable, Hashable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection

    public init(indexName: String, keySchema: [KeySchemaElement], projection: Projection) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
    }
}
