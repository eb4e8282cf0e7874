import Requirements

/// Where the passes have put each entity, before names, attributes and sizes are filled in.
struct TableLayout {
    private(set) var tables: [PlannedTable]
    /// Position of each table by id, and lookup tables by entity: the passes look both up per pattern.
    private var positions: [String: Int] = [:]
    private var lookupsByEntity: [String: [PlannedTable]] = [:]
    /// The table id of each entity that has one; embedded entities are in `embedded`.
    var tableOfEntity: [String: String]
    /// Entities embedded in their parent's items, by child name.
    var embedded: [String: EmbeddedAggregate]
    var decisions: [DesignDecision]

    init(tables: [PlannedTable], tableOfEntity: [String: String], embedded: [String: EmbeddedAggregate], decisions: [DesignDecision]) {
        self.tables = []
        self.tableOfEntity = tableOfEntity
        self.embedded = embedded
        self.decisions = decisions
        for table in tables { add(table) }
    }

    mutating func add(_ table: PlannedTable) {
        positions[table.id] = tables.count
        tables.append(table)
        if let lookup = table.lookup { lookupsByEntity[lookup.entity, default: []].append(table) }
    }

    func table(id: String) -> PlannedTable? { positions[id].map { tables[$0] } }

    /// Replaces a table already added (the totals table gains counters pattern by pattern).
    mutating func replace(_ table: PlannedTable) {
        guard let position = positions[table.id] else { return add(table) }
        tables[position] = table
    }

    /// The lookup tables enforcing `entity`'s unique constraints, in model order.
    func lookupTables(of entity: String) -> [PlannedTable] { lookupsByEntity[entity] ?? [] }
}

/// A child entity stored as a list inside each parent item (docs/design-engine.md).
struct EmbeddedAggregate: Equatable {
    var parent: String
    /// The list attribute on the parent's items.
    var attribute: String
    var maximumChildren: Int
    var averageChildren: Double
}

/// A table as the layout pass decided it: what it holds and its base key.
struct PlannedTable {
    var id: String
    var role: TableRole
    var entities: [String]
    var partitionKey: KeyAttribute
    var sortKey: KeyAttribute?
    var keyJustification: String
    var purpose: String
    /// For item collections: the value of the sort key's leading part for each entity.
    var memberKeyPrefixes: [String: String]
    /// For lookup tables: the attributes copied from the owner item, with their types.
    var lookupAttributes: [(name: String, type: DynamoDBType, size: Int?)]

    init(id: String, role: TableRole, entities: [String], partitionKey: KeyAttribute, sortKey: KeyAttribute?, keyJustification: String,
         purpose: String, memberKeyPrefixes: [String: String] = [:], lookupAttributes: [(name: String, type: DynamoDBType, size: Int?)] = []) {
        self.id = id
        self.role = role
        self.entities = entities
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.keyJustification = keyJustification
        self.purpose = purpose
        self.memberKeyPrefixes = memberKeyPrefixes
        self.lookupAttributes = lookupAttributes
    }

    /// The key attribute names as stored: partition key, then sort key.
    var keyAttributeNames: [String] {
        [partitionKey.name] + (sortKey.map { [$0.name] } ?? [])
    }

    var lookup: UniqueLookup? {
        if case .uniqueLookup(let lookup) = role { return lookup }
        return nil
    }

    var totals: EntityTotals? {
        if case .totals(let totals) = role { return totals }
        return nil
    }

    /// The attributes that make up the primary key, expanded through concatenations.
    var keyComponents: (partition: [String], sort: [String]) {
        (partitionKey.composedOf ?? [partitionKey.name], sortKey.map { $0.composedOf ?? [$0.name] } ?? [])
    }
}
