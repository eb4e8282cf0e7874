import Requirements

/// Chooses each index's projection from what its patterns need back (docs/design-engine.md), and
/// marks sparse indexes.
enum ProjectionPlanner {
    /// Non-key attributes one INCLUDE projection may copy.
    static let includeLimit = 20

    static func chooseProjections(_ catalog: inout IndexCatalog, context: DesignContext, layout: TableLayout) {
        for (tableID, indexes) in catalog.byTable {
            guard let table = layout.table(id: tableID) else { continue }
            for var index in indexes {
                let patterns = index.patternIDs.compactMap { context.patternsByID[$0] }
                // The entity the index holds: a read that lists it after its own entity (children
                // read through the index for each parent) names it further down its list.
                let entityName = patterns.lazy.compactMap { $0.entities.first(where: table.entities.contains) }.first ?? table.entities[0]
                // An index entry carries its own keys and the table's key attributes; the parts of
                // a concatenated table key are not among them.
                let keys = Set(index.keyAttributeNames + table.keyAttributeNames)
                let (projection, reason) = choose(patterns: patterns, keys: keys, entityName: entityName, context)
                if let override = context.choices.projections[tableID]?[index.id]?.projection {
                    index.projection = override
                    index.projectionReason = "Set at the design gate by the user (the engine chose \(projection.awsName): \(reason))"
                } else {
                    index.projection = projection
                    index.projectionReason = reason
                }
                index.sparse = index.sparse ?? sparseMarker(index, entityName: entityName, context)
                catalog.update(index, on: tableID)
            }
        }
    }

    static func choose(patterns: [AccessPattern], keys: Set<String>, entityName: String, _ context: DesignContext) -> (Projection, String) {
        let list = patterns.map { "#\($0.id)" }.joined(separator: ", ")
        if let whole = patterns.first(where: { if case .only = $0.attributes { return false } else { return true } }) {
            return (.all, "Pattern #\(whole.id) needs every attribute back. ALL copies whole items, doubling storage and write cost for this index; the alternative, KEYS_ONLY plus a GetItem per result, costs a base-table read for every item returned.")
        }
        var needed: [String] = []
        for pattern in patterns {
            // A filter reads its attributes from the index entry, so they must be projected too.
            var names: [String] = []
            if pattern.entities.first == entityName {
                names = pattern.filterAttributes ?? []
                if case .only(let result)? = pattern.attributes { names += result + linkAttributes(of: pattern, context) }
            } else if case .only(let result)? = pattern.attributes {
                // A related read: the attributes it returns that belong to this index's entity.
                names = result.filter { context.entity(entityName)?.attribute(named: $0) != nil }
            }
            for name in names where !keys.contains(name) && !needed.contains(name) { needed.append(name) }
        }
        let order = context.entity(entityName)?.attributes.map(\.name) ?? []
        needed.sort { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
        if needed.isEmpty {
            return (.keysOnly, "Pattern\(patterns.count == 1 ? "" : "s") \(list) need\(patterns.count == 1 ? "s" : "") only key attributes back, so KEYS_ONLY keeps index entries and index writes smallest.")
        }
        if needed.count <= includeLimit {
            return (.include(needed), "Pattern\(patterns.count == 1 ? "" : "s") \(list) need\(patterns.count == 1 ? "s" : "") \(needed.joined(separator: ", ")) beyond the keys: INCLUDE copies only \(needed.count == 1 ? "that attribute" : "these \(needed.count)"), so no follow-up GetItem is needed and writes that change other attributes cost this index nothing.")
        }
        return (.all, "Patterns \(list) need \(needed.count) non-key attributes, over the \(includeLimit) an INCLUDE projection may list; ALL doubles storage and write cost for this index.")
    }

    /// The attributes of the pattern's main entity that its related reads take from each item
    /// read: its identifier (to find its children) and its references (to find its parents).
    static func linkAttributes(of pattern: AccessPattern, _ context: DesignContext) -> [String] {
        guard let main = pattern.entities.first, let entity = context.entity(main) else { return [] }
        var names: [String] = []
        for other in pattern.entities.dropFirst() where other != main {
            for relationship in context.requirements.relationships where relationship.kind == .oneToMany {
                if relationship.parent == main, relationship.child == other { names += entity.identifier }
                if relationship.child == main, relationship.parent == other, let foreignKey = context.foreignKey(of: relationship) { names += foreignKey }
            }
        }
        return names
    }

    static func sparseMarker(_ index: IndexDesign, entityName: String, _ context: DesignContext) -> SparseMarker? {
        guard let entity = context.entity(entityName) else { return nil }
        for key in index.partitionKey + index.sortKey {
            guard let attribute = entity.attribute(named: key.name) else { continue }
            if attribute.source?.nullable == true {
                return SparseMarker(attribute: key.name, reason: "\(key.name) is nullable in MySQL: items without it are not written to the index, so the index holds (and is billed for) only the items that have it.")
            }
        }
        if index.partitionKey.count == 1, let key = index.partitionKey.first, let attribute = entity.attribute(named: key.name),
           ItemSizer.dynamoDBType(of: attribute) == .boolean {
            return SparseMarker(attribute: key.name, reason: "Write \(key.name) only on items where it is true (remove it otherwise): the index then holds just those items, instead of two partitions holding every item.")
        }
        return nil
    }

    /// A read on an index needs every attribute it filters on or returns in the index entries;
    /// a projection set at the design gate that leaves one out makes the pattern unserved.
    static func checkProjected(_ mapping: PatternMapping, catalog: IndexCatalog, layout: TableLayout, context: DesignContext) -> PatternMapping {
        guard mapping.isServedByDynamoDB, let main = mapping.plan?.mainStep, case .query(let query) = main.request,
              let indexID = query.indexID, let index = catalog.index(indexID, on: query.tableID),
              let pattern = context.patternsByID[mapping.patternID] else { return mapping }
        let table = layout.table(id: query.tableID)
        var needed = pattern.filterAttributes ?? []
        if case .only(let names)? = pattern.attributes, main.purpose == .main, query.tableID == mapping.plan?.mainStep?.request.tableID {
            needed += names + linkAttributes(of: pattern, context)
        }
        let keys = Set(index.keyAttributeNames)
        let missing: [String]
        switch index.projection {
        case .all: missing = []
        case .keysOnly: missing = needed.filter { !keys.contains($0) && !isTableKey($0, table) }
        case .include(let names): missing = needed.filter { !keys.contains($0) && !names.contains($0) && !isTableKey($0, table) }
        }
        guard let first = missing.first else { return mapping }
        var unserved = mapping
        let indexName = TableAssembler.indexName(index.id, tableID: query.tableID, context)
        unserved.status = .unserved(reason: "Reads \(indexName), whose \(index.projection.awsName) projection leaves out \(missing.joined(separator: ", ")), which the pattern \((pattern.filterAttributes ?? []).contains(first) ? "filters on" : "returns"). Project \(missing.count == 1 ? "it" : "them") (`/projection \(table.map { TableAssembler.tableName($0, context) } ?? query.tableID) \(indexName) INCLUDE \((Array(Set((index.projection.includedNames) + missing))).sorted().joined(separator: ","))`) or reset the projection.")
        unserved.plan = nil
        return unserved
    }

    /// Every index entry carries the base table's key attributes (a concatenated key as a
    /// whole, not its parts).
    private static func isTableKey(_ attribute: String, _ table: PlannedTable?) -> Bool {
        guard let table else { return false }
        return table.keyAttributeNames.contains(attribute)
    }
}

extension Projection {
    /// The attributes an INCLUDE projection lists; empty for the others.
    var includedNames: [String] {
        if case .include(let names) = self { return names }
        return []
    }
}
