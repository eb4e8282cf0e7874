import Requirements

/// How one entity's attributes reach a table's key: which of its attributes give the partition
/// key and the sort key, and the fixed prefix its items carry in an item collection.
struct KeyView {
    var partition: [String]
    var sort: [String]
    /// `ORDER` for a collection's parent item (a fixed sort key), `ORDER_ITEM#` for a member.
    var sortPrefix: String?
    /// The parent item of a collection: its sort key is the fixed prefix alone.
    var isCollectionParent: Bool

    static func of(_ entityName: String, in table: PlannedTable, _ context: DesignContext) -> KeyView {
        let components = table.keyComponents
        guard case .itemCollection(let parent, _) = table.role else {
            return KeyView(partition: components.partition, sort: components.sort, sortPrefix: nil, isCollectionParent: false)
        }
        let prefix = table.memberKeyPrefixes[entityName]
        if entityName == parent {
            return KeyView(partition: components.partition, sort: [], sortPrefix: prefix, isCollectionParent: true)
        }
        let entity = context.entity(entityName)
        var partition = components.partition
        if let relationship = context.requirements.relationships.first(where: { $0.parent == parent && $0.child == entityName }),
           let foreignKey = context.foreignKey(of: relationship), foreignKey.count == partition.count {
            partition = foreignKey
        }
        let identifier = entity?.identifier ?? []
        let sort = identifier.filter { !partition.contains($0) }
        return KeyView(partition: partition, sort: sort.isEmpty ? identifier : sort, sortPrefix: prefix.map { $0 + "#" }, isCollectionParent: false)
    }

    var allAttributes: [String] { partition + sort }
}
