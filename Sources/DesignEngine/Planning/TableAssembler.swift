import Requirements

/// Turns the planned tables into finished `TableDesign`s: names by the naming convention and
/// the user's renames, attributes with types and sources, sizes, indexes and capacity settings.
enum TableAssembler {
    /// Typical size of a `collection_key` value such as `ORDER_ITEM#<uuid>`.
    static let collectionKeyBytes = 48

    static func assemble(_ context: DesignContext, layout: TableLayout, indexes: [String: [IndexDesign]], mappings: [PatternMapping],
                         copies: [DenormalizationCandidate] = [], itemLayouts: [String: [EntityItemLayout]] = [:]) -> [TableDesign] {
        var patternsByTable: [String: [Int]] = [:]
        for mapping in mappings {
            // A purge TTL does is served by the table its items expire from.
            if mapping.isDoneByTTL, let entity = context.patternsByID[mapping.patternID]?.entities.first, let tableID = layout.tableOfEntity[entity] {
                patternsByTable[tableID, default: []].append(mapping.patternID)
            }
            for step in mapping.plan?.steps ?? [] {
                for tableID in step.request.tableIDs where !(patternsByTable[tableID]?.contains(mapping.patternID) ?? false) {
                    patternsByTable[tableID, default: []].append(mapping.patternID)
                }
            }
        }
        return layout.tables.map { planned in
            let attributes = modelAttributes(of: planned, layout: layout, context) + copiedAttributes(copies, into: planned, context)
                + expiryAttributes(of: planned, context) + SparsePlanner.modelAttributes(of: planned, context)
            var table = TableDesign(
                id: planned.id, name: tableName(planned, context), role: planned.role, purpose: planned.purpose, entities: planned.entities,
                sourceTables: sourceTables(planned, context), partitionKey: renamed(planned.partitionKey, planned.id, context),
                sortKey: planned.sortKey.map { renamed($0, planned.id, context) }, keyJustification: planned.keyJustification,
                attributes: attributes, indexes: [], capacityMode: context.choices.capacityModes[planned.id] ?? .onDemand,
                tableClass: context.choices.tableClasses[planned.id] ?? .standard,
                estimatedItemSizeBytes: 0, exampleItems: [],
                patternIDs: (patternsByTable[planned.id] ?? []).sorted())
            let largest = maximumItemSize(planned, attributes: attributes)
            table.estimatedItemSizeBytes = largest.bytes
            table.unknownSizeAttributes = largest.unknown
            table.itemLayouts = itemLayouts[planned.id] ?? []
            table.timeToLive = LifecyclePlanner.timeToLive(of: planned, context)
            table.indexes = (indexes[planned.id] ?? []).map { finish($0, table: table, context) }
            storeKeysWithKeyTypes(&table)
            return table
        }
    }

    /// A key attribute is stored with its key type: a boolean used as a key is a number (1 or 0),
    /// since keys take S, N or B only.
    static func storeKeysWithKeyTypes(_ table: inout TableDesign) {
        var keyTypes: [String: DynamoDBType] = [:]
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap({ $0.partitionKey + $0.sortKey }) where keyTypes[key.name] == nil {
            keyTypes[key.name] = key.dynamoDBType
        }
        for position in table.attributes.indices {
            if let type = keyTypes[table.attributes[position].name] { table.attributes[position].dynamoDBType = type }
        }
    }

    // MARK: Names

    static func tableName(_ table: PlannedTable, _ context: DesignContext) -> String {
        if let chosen = context.choices.tableNames[table.id] { return chosen }
        var words: [String]
        if case .uniqueLookup(let lookup) = table.role {
            words = NameWords.split(lookup.entity) + lookup.attributes.flatMap(NameWords.split)
        } else if case .totals(let totals) = table.role {
            return context.choices.naming.tableName(forWords: NameWords.split(totals.entity) + ["Totals"])
        } else {
            words = NameWords.split(table.entities[0])
        }
        if let last = words.popLast() { words.append(NameWords.plural(last)) }
        return context.choices.naming.tableName(forWords: words)
    }

    static func indexName(_ id: String, tableID: String, _ context: DesignContext) -> String {
        if let chosen = context.choices.indexNames[tableID]?[id] { return chosen }
        let naming = context.choices.naming
        let words = NameWords.split(id)
        switch naming.style {
        case .pascal: return id
        case .snake: return words.map { $0.lowercased() }.joined(separator: "_")
        case .kebab: return words.map { $0.lowercased() }.joined(separator: "-")
        }
    }

    static func renamed(_ key: KeyAttribute, _ tableID: String, _ context: DesignContext) -> KeyAttribute {
        var result = key
        if let parts = key.composedOf {
            let renamedParts = parts.map { context.attributeName($0, inTable: tableID) }
            result.composedOf = renamedParts
            if key.name == parts.joined(separator: "#") { result.name = renamedParts.joined(separator: "#") }
        } else {
            result.name = context.attributeName(key.name, inTable: tableID)
        }
        return result
    }

    static func sourceTables(_ table: PlannedTable, _ context: DesignContext) -> [String] {
        var names: [String] = []
        for entity in table.entities {
            if let source = context.entity(entity)?.sourceTable, !names.contains(source) { names.append(source) }
        }
        return names
    }

    // MARK: Attributes and sizes

    static func modelAttributes(of table: PlannedTable, layout: TableLayout, _ context: DesignContext) -> [ModelAttribute] {
        var attributes: [ModelAttribute] = []
        var seen = Set<String>()
        func add(_ attribute: ModelAttribute) {
            guard seen.insert(attribute.name).inserted else { return }
            attributes.append(attribute)
        }
        if case .totals(let totals) = table.role { return totalsAttributes(totals, table: table, context) }
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) where key.composedOf != nil {
            add(ModelAttribute(name: renamed(key, table.id, context).name, dynamoDBType: key.dynamoDBType, entity: table.entities[0],
                               sourceAttribute: key.name, sourceTable: nil, sourceColumn: nil,
                               typicalSizeBytes: compositeSize(key, entity: table.entities[0], context), composedOf: renamed(key, table.id, context).composedOf))
        }
        if case .uniqueLookup(let lookup) = table.role, let entity = context.entity(lookup.entity) {
            for name in lookup.attributes where table.partitionKey.composedOf == nil {
                if let attribute = entity.attribute(named: name) { add(modelAttribute(attribute, entity: entity, tableID: table.id, context)) }
            }
            for copied in table.lookupAttributes {
                if let attribute = entity.attribute(named: copied.name) { add(modelAttribute(attribute, entity: entity, tableID: table.id, context)) }
            }
            return attributes
        }
        for entityName in table.entities {
            guard let entity = context.entity(entityName) else { continue }
            for attribute in context.migratedAttributes(of: entity) {
                add(modelAttribute(attribute, entity: entity, tableID: table.id, context))
            }
        }
        for (child, aggregate) in layout.embedded.sorted(by: { $0.key < $1.key }) where table.entities.contains(aggregate.parent) {
            guard let childEntity = context.entity(child) else { continue }
            // Each child map: 3 bytes, plus 1 per attribute, plus the attributes (lower bound when some size is unknown).
            let childSize = ItemSizer.itemSize(of: childEntity, context) + 3
            var list = ModelAttribute(name: context.attributeName(aggregate.attribute, inTable: table.id), dynamoDBType: .list, entity: aggregate.parent,
                                      sourceAttribute: aggregate.attribute, sourceTable: childEntity.sourceTable, sourceColumn: nil,
                                      typicalSizeBytes: 3 + Int((aggregate.averageChildren * Double(childSize + 1)).rounded(.up)))
            list.sourceEntity = child
            add(list)
        }
        return attributes
    }

    /// The TTL attribute (a Number of epoch seconds, 8 bytes at most) on each expiring entity's items.
    static func expiryAttributes(of table: PlannedTable, _ context: DesignContext) -> [ModelAttribute] {
        guard let ttl = LifecyclePlanner.ttlAttribute(of: table, context) else { return [] }
        return LifecyclePlanner.owners(of: table).compactMap { name -> ModelAttribute? in
            guard let entity = context.entity(name), let period = entity.retention?.period else { return nil }
            let source = entity.attribute(named: period.from)?.source
            return ModelAttribute(name: ttl, dynamoDBType: .number, entity: name, sourceAttribute: period.from, sourceTable: source?.table,
                                  sourceColumn: source?.column, typicalSizeBytes: 8)
        }.prefix(1).map { $0 }
    }

    /// The totals table's key and counter attributes: `totals_key` holds the group attributes'
    /// names and values (`user_id#<value>`), `period` the bucket, then one number per counter.
    static func totalsAttributes(_ totals: EntityTotals, table: PlannedTable, _ context: DesignContext) -> [ModelAttribute] {
        let entity = context.entity(totals.entity)
        var groupBytes = 3
        for counter in totals.counters {
            var bytes = counter.groupAttributes.joined(separator: "+").utf8.count
            for name in counter.groupAttributes { bytes += 1 + (entity?.attribute(named: name).flatMap(ItemSizer.valueSize) ?? 36) }
            groupBytes = max(groupBytes, bytes)
        }
        var attributes = [
            ModelAttribute(name: table.partitionKey.name, dynamoDBType: .string, entity: totals.entity, sourceAttribute: table.partitionKey.name,
                           sourceTable: nil, sourceColumn: nil, typicalSizeBytes: groupBytes),
            ModelAttribute(name: table.sortKey?.name ?? AggregationPlanner.sortKeyName, dynamoDBType: .string, entity: totals.entity,
                           sourceAttribute: AggregationPlanner.sortKeyName, sourceTable: nil, sourceColumn: nil, typicalSizeBytes: 13),
        ]
        var seen = Set(attributes.map(\.name))
        for counter in totals.counters {
            for increment in counter.increments where seen.insert(increment.attribute).inserted {
                attributes.append(ModelAttribute(name: increment.attribute, dynamoDBType: .number, entity: totals.entity, sourceAttribute: increment.attribute,
                                                 sourceTable: nil, sourceColumn: nil, typicalSizeBytes: 8))
            }
        }
        return attributes
    }

    /// Adopted copies of parent attributes stored in this table's child items, with their join.
    static func copiedAttributes(_ copies: [DenormalizationCandidate], into table: PlannedTable, _ context: DesignContext) -> [ModelAttribute] {
        guard table.lookup == nil else { return [] }
        return copies.filter { table.entities.contains($0.child) }.map { copy in
            var attribute = modelAttribute(copy.attribute, entity: context.entity(copy.parent)!, tableID: table.id, context)
            attribute.name = context.attributeName(copy.copyName, inTable: table.id)
            attribute.entity = copy.child
            attribute.sourceEntity = copy.parent
            attribute.denormalization = Denormalization(
                justification: "Copied from \(copy.parent) so patterns \(copy.patternIDs.map { "#\($0)" }.joined(separator: ", ")) read \(copy.child) without \(Article.a(copy.parent)) read (\(copy.id), accepted at the design gate).",
                localAttribute: copy.localJoin.joined(separator: "#"), sourceJoinAttribute: copy.sourceJoin.joined(separator: "#"))
            return attribute
        }
    }

    static func modelAttribute(_ attribute: Attribute, entity: Entity, tableID: String, _ context: DesignContext) -> ModelAttribute {
        ModelAttribute(name: context.attributeName(attribute.name, inTable: tableID), dynamoDBType: ItemSizer.dynamoDBType(of: attribute), entity: entity.name,
                       sourceAttribute: attribute.name, sourceTable: attribute.source?.table, sourceColumn: attribute.source?.column,
                       typicalSizeBytes: ItemSizer.valueSize(of: attribute))
    }

    /// The size of a concatenated key's value: its parts and the `#` between them; nil when a
    /// part's size is unknown.
    static func compositeSize(_ key: KeyAttribute, entity: String, _ context: DesignContext) -> Int? {
        guard let parts = key.composedOf else { return 0 }
        if key.name == TableLayoutPlanner.collectionSortKey { return collectionKeyBytes }
        let entity = context.entity(entity)
        var total = parts.count - 1
        for name in parts {
            guard let size = entity?.attribute(named: name).flatMap(ItemSizer.valueSize) else { return nil }
            total += size
        }
        return total
    }

    /// The largest item the table holds: each entity's own attributes plus the table's key
    /// attributes, with the attributes whose size is unknown.
    static func maximumItemSize(_ table: PlannedTable, attributes: [ModelAttribute]) -> ItemSize {
        if case .uniqueLookup = table.role { return ItemSize(attributes) }
        if case .totals = table.role { return ItemSize(attributes) }
        return table.entities.map { itemSize(of: $0, in: attributes) }.max { $0.bytes < $1.bytes } ?? ItemSize(bytes: 0, unknown: [])
    }

    /// Size of one entity's item within a table: its attributes plus composite keys (and embedded lists).
    static func itemSize(of entity: String, in attributes: [ModelAttribute]) -> ItemSize {
        ItemSize(attributes.filter { $0.entity == entity || $0.composedOf != nil })
    }

    // MARK: Indexes

    static func finish(_ index: IndexDesign, table: TableDesign, _ context: DesignContext) -> IndexDesign {
        var finished = index
        finished.name = indexName(index.id, tableID: table.id, context)
        finished.partitionKey = index.partitionKey.map { renamed($0, table.id, context) }
        finished.sortKey = index.sortKey.map { renamed($0, table.id, context) }
        if case .include(let names) = index.projection {
            finished.projection = .include(names.map { context.attributeName($0, inTable: table.id) })
        }
        if var sparse = finished.sparse {
            sparse.attribute = context.attributeName(sparse.attribute, inTable: table.id)
            finished.sparse = sparse
        }
        let keyNames = Set(finished.keyAttributeNames + table.keyAttributeNames)
        let keys = table.attributes.filter { keyNames.contains($0.name) }
        let size: ItemSize
        switch finished.projection {
        case .all: size = ItemSize(bytes: table.estimatedItemSizeBytes, unknown: table.unknownSizeAttributes)
        case .keysOnly: size = ItemSize(keys)
        case .include(let names):
            let included = Set(names)
            size = ItemSize(keys + table.attributes.filter { included.contains($0.name) && !keyNames.contains($0.name) })
        }
        finished.estimatedEntrySizeBytes = size.bytes
        finished.unknownSizeAttributes = size.unknown
        return finished
    }
}
