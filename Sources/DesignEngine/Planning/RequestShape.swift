import Requirements

/// One request a pattern makes, before sizes are known: enough for the capacity pass to compute
/// read and write units once the tables are assembled.
struct RequestStep {
    var operation: DynamoDBOperation
    var tableID: String
    /// The index's id when the step reads an index.
    var indexID: String?
    /// The entity whose items the step reads or writes (sizes come from it).
    var entity: String
    var items: Double
    var strong: Bool
    var transactional: Bool
    /// For updates: the attributes written (GSI amplification depends on them).
    var written: AttributeSelection?
    /// For reads that return several entities of an item collection.
    var includesCollectionMembers: [String]

    init(_ operation: DynamoDBOperation, tableID: String, indexID: String? = nil, entity: String, items: Double = 1, strong: Bool = false,
         transactional: Bool = false, written: AttributeSelection? = nil, includesCollectionMembers: [String] = []) {
        self.operation = operation
        self.tableID = tableID
        self.indexID = indexID
        self.entity = entity
        self.items = items
        self.strong = strong
        self.transactional = transactional
        self.written = written
        self.includesCollectionMembers = includesCollectionMembers
    }
}
