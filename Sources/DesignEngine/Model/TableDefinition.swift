import Requirements
/// What creating a table takes: its key attributes with their types, its key schema and its
/// indexes. The one shape `CreateTable` requests, the CloudFormation template, the Workbench
/// model and the generated code are all written from.
public struct TableDefinition: Sendable, Equatable {
    public struct AttributeDefinition: Sendable, Equatable {
        public var name: String
        public var type: DynamoDBType
    }

    public struct Index: Sendable, Equatable {
        public var name: String
        public var kind: IndexKind
        /// Several for a multi-attribute GSI key, in order.
        public var partitionKey: [String]
        public var sortKey: [String]
        public var projection: Projection
    }

    /// Every key attribute of the table and its indexes, once, in first-use order.
    public var attributeDefinitions: [AttributeDefinition]
    public var partitionKey: String
    public var sortKey: String?
    public var globalIndexes: [Index]
    public var localIndexes: [Index]
    /// The attribute TTL reads, when items expire.
    public var timeToLiveAttribute: String?
    /// The stream's view type, when a consumer depends on the stream.
    public var streamViewType: StreamViewType?
}

extension TableDesign {
    /// The table's creation shape (see `TableDefinition`).
    public var definition: TableDefinition {
        var definitions: [TableDefinition.AttributeDefinition] = []
        func define(_ key: KeyAttribute) {
            if !definitions.contains(where: { $0.name == key.name }) { definitions.append(.init(name: key.name, type: key.dynamoDBType)) }
        }
        define(partitionKey)
        sortKey.map(define)
        for index in indexes { (index.partitionKey + index.sortKey).forEach(define) }
        let shapes = indexes.map { index in
            TableDefinition.Index(name: index.name, kind: index.kind, partitionKey: index.partitionKey.map(\.name),
                                  sortKey: index.sortKey.map(\.name), projection: index.projection)
        }
        return TableDefinition(attributeDefinitions: definitions, partitionKey: partitionKey.name, sortKey: sortKey?.name,
                               globalIndexes: shapes.filter { $0.kind == .global }, localIndexes: shapes.filter { $0.kind == .local },
                               timeToLiveAttribute: timeToLive?.attribute, streamViewType: streamViewType)
    }
}
