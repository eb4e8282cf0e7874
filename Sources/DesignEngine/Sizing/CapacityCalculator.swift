import Requirements

/// Read and write units per request for every mapping (modeling rules §6), once the tables and
/// their sizes are known; also turns planned index ids into the indexes' final names.
enum CapacityCalculator {
    static func complete(_ mappings: [PatternMapping], steps: [Int: [RequestStep]], tables: [TableDesign], context: DesignContext) -> [PatternMapping] {
        let tablesByID = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return mappings.map { mapping in
            var completed = mapping
            if let tableID = mapping.tableID, let indexID = mapping.indexName {
                completed.indexName = tablesByID[tableID]?.indexes.first { $0.id == indexID }?.name ?? indexID
            }
            guard mapping.status == .served || mapping.status == .acceptedScan else { return completed }
            var reads = 0.0
            var readsElsewhere: [ReadUnitsElsewhere] = []
            var ownWrites = 0.0
            var otherWrites: [IndexWriteUnits] = []
            for step in steps[mapping.patternID] ?? [] {
                guard let table = tablesByID[step.tableID] else { continue }
                if step.operation.isRead {
                    let units = readUnits(step, table: table, context)
                    reads += units
                    if step.tableID != mapping.tableID || step.indexID != mapping.indexName {
                        let indexName = step.indexID.flatMap { id in table.indexes.first { $0.id == id }?.name }
                        readsElsewhere.append(ReadUnitsElsewhere(tableID: step.tableID, indexName: indexName, readUnits: units))
                    }
                    continue
                }
                let units = ItemSizer.writeUnits(itemBytes: itemBytes(step.entity, in: table)) * step.items * (step.transactional ? 2 : 1)
                if step.tableID == mapping.tableID {
                    ownWrites += units
                    otherWrites += indexWrites(step, table: table, context)
                } else {
                    otherWrites.append(IndexWriteUnits(tableID: step.tableID, indexName: nil, writeUnits: units))
                }
            }
            completed.readUnitsPerRequest = reads
            completed.readUnitsElsewhere = readsElsewhere
            completed.writeUnitsPerRequest = ownWrites
            completed.indexWriteUnits = merge(otherWrites)
            return completed
        }
    }

    /// Size of one item of `entity` in `table`.
    static func itemBytes(_ entity: String, in table: TableDesign) -> Int {
        if case .uniqueLookup = table.role { return table.estimatedItemSizeBytes }
        let size = TableAssembler.itemSize(of: entity, in: table.attributes)
        return size > 0 ? size : table.estimatedItemSizeBytes
    }

    static func readUnits(_ step: RequestStep, table: TableDesign, _ context: DesignContext) -> Double {
        let roundsEach = step.operation == .getItem || step.operation == .batchGetItem
        if let indexID = step.indexID, let index = table.indexes.first(where: { $0.id == indexID }) {
            return ItemSizer.readUnits(itemBytes: index.estimatedEntrySizeBytes, items: step.items, roundsEachItem: roundsEach, strong: step.strong && index.kind == .local)
        }
        var bytes = Double(itemBytes(step.entity, in: table)) * max(step.items, 1)
        for member in step.includesCollectionMembers {
            let average = context.requirements.relationships.first { $0.child == member && $0.kind == .oneToMany }
                .flatMap { relationship -> Double? in if case .known(let cardinality)? = relationship.cardinality { return cardinality.average } else { return nil } } ?? 1
            bytes += Double(itemBytes(member, in: table)) * average * max(step.items, 1)
        }
        if roundsEach {
            return ItemSizer.readUnits(itemBytes: itemBytes(step.entity, in: table), items: step.items, roundsEachItem: true, strong: step.strong)
        }
        return ItemSizer.readUnits(itemBytes: Int(bytes.rounded(.up)), items: 1, roundsEachItem: false, strong: step.strong)
    }

    /// GSI write amplification of one write to an entity's table (modeling rules §6): a put or
    /// delete writes each index the item appears in once; an update writes an index twice when it
    /// changes the index key, once when it changes a projected attribute, and not at all otherwise.
    static func indexWrites(_ step: RequestStep, table: TableDesign, _ context: DesignContext) -> [IndexWriteUnits] {
        var result: [IndexWriteUnits] = []
        let entityAttributes = Set(table.attributes.filter { $0.entity == step.entity || $0.composedOf != nil }.map(\.name))
        for index in table.indexes {
            let keys = index.keyAttributeNames
            guard keys.allSatisfy(entityAttributes.contains) else { continue }
            let entryUnits = ItemSizer.writeUnits(itemBytes: index.estimatedEntrySizeBytes) * step.items
            var writes = 1.0
            if step.operation == .updateItem {
                writes = updateWrites(written: step.written ?? .all, index: index, tableID: table.id, context)
            }
            if writes > 0 { result.append(IndexWriteUnits(tableID: table.id, indexName: index.name, writeUnits: entryUnits * writes)) }
        }
        return result
    }

    static func updateWrites(written: AttributeSelection, index: IndexDesign, tableID: String, _ context: DesignContext) -> Double {
        guard case .only(let names) = written else { return 2 }
        let renamed = Set(names.map { context.attributeName($0, inTable: tableID) })
        if index.keyAttributeNames.contains(where: renamed.contains) { return 2 }
        switch index.projection {
        case .all: return 1
        case .keysOnly: return 0
        case .include(let projected): return projected.contains(where: renamed.contains) ? 1 : 0
        }
    }

    /// One entry per table or index, in first-seen order.
    static func merge(_ writes: [IndexWriteUnits]) -> [IndexWriteUnits] {
        var merged: [IndexWriteUnits] = []
        for write in writes {
            if let position = merged.firstIndex(where: { $0.tableID == write.tableID && $0.indexName == write.indexName }) {
                merged[position].writeUnits += write.writeUnits
            } else {
                merged.append(write)
            }
        }
        return merged
    }
}
