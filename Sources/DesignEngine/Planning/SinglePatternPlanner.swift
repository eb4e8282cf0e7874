import Requirements

/// Plans one pattern against the layout.
struct SinglePatternPlanner {
    let pattern: AccessPattern
    let context: DesignContext
    let layout: TableLayout
    /// Adopted copies of parent attributes into child items.
    let copies: [DenormalizationCandidate]
    private(set) var steps: [RequestStep] = []
    private(set) var searchNote: SearchPatternNote?
    private var notes: [String] = []

    init(pattern: AccessPattern, context: DesignContext, layout: TableLayout, copies: [DenormalizationCandidate] = []) {
        self.pattern = pattern
        self.context = context
        self.layout = layout
        self.copies = copies
    }

    private var equality: [String] { pattern.equalityAttributes ?? [] }
    private var sortRequirement: SortRequirement? {
        if case .attribute(let sort)? = pattern.sort { return sort }
        return nil
    }
    private var strong: Bool { pattern.consistency == .strong }
    private var averageItems: Double {
        if case .known(let count)? = pattern.expectedItems { return max(count.average, 0) }
        return 1
    }

    // MARK: Reads

    mutating func planRead(catalog: inout IndexCatalog) -> PatternMapping {
        if pattern.type == .search {
            let reason = "Needs full-text or multi-field search, which DynamoDB key conditions cannot express (seed 000's complex search check)."
            searchNote = SearchPatternNote(patternID: pattern.id, description: pattern.description, reason: reason)
            return mapping(status: .searchService(reason: reason), operation: nil, tableID: nil, indexID: nil, keyCondition: nil,
                           notes: ["Served by OpenSearch, fed from DynamoDB Streams or zero-ETL integration."])
        }
        guard pattern.type != nil, pattern.hasRPS else {
            return unserved("The pattern is incomplete (type or RPS missing): finish it in the requirements.")
        }
        guard let entityName = pattern.entities.first, let entity = context.entity(entityName) else {
            return unserved("The pattern names no entity.")
        }
        if let aggregate = layout.embedded[entityName] { return readEmbedded(entity, in: aggregate) }
        guard let tableID = layout.tableOfEntity[entityName], let table = layout.table(id: tableID) else {
            return unserved("\(entityName) has no table.")
        }
        let view = KeyView.of(entityName, in: table, context)
        let known = Set(equality)
        let partitionKnown = !view.partition.isEmpty && view.partition.allSatisfy(known.contains)
        let extraEquality = equality.filter { !view.partition.contains($0) && !view.sort.contains($0) }

        if partitionKnown, extraEquality.isEmpty {
            let members = collectionMembersRead(table: table)
            if view.isCollectionParent {
                if members.isEmpty, sortRequirement == nil { return getItem(entity: entity, table: table, view: view) }
                return query(entity: entity, table: table, indexID: nil, partition: view.partition, view: view, members: members)
            }
            let sortKnown = !view.sort.isEmpty && view.sort.allSatisfy(known.contains)
            if view.sort.isEmpty || sortKnown { return getItem(entity: entity, table: table, view: view) }
            if sortRequirement == nil || view.sort == [sortRequirement!.attribute] {
                return query(entity: entity, table: table, indexID: nil, partition: view.partition, view: view, members: [])
            }
            if strong, case .entity = table.role, let sort = sortRequirement?.attribute {
                let indexID = catalog.use(on: table, entity: entity, partition: view.partition, sort: [sort], kind: .local, pattern: pattern, context)
                notes.append("An LSI because the pattern needs strongly consistent reads in \(sort) order; an LSI caps each \(table.partitionKey.name)'s items at 10 GB.")
                return query(entity: entity, table: table, indexID: indexID, partition: view.partition, view: view, members: [])
            }
        }
        if let lookup = uniqueLookup(for: entity) {
            return lookupRead(entity: entity, lookup: lookup, ownerTable: table, ownerView: view)
        }
        if equality.isEmpty { return scanOrRefuse(entity: entity, table: table) }
        if strong {
            return unserved("Needs strongly consistent reads by \(equality.joined(separator: ", ")), but only a GSI can serve that key and GSIs are eventually consistent. Key the table by \(equality.joined(separator: ", ")) (`/keys \(tableName(table)) \(equality.joined(separator: ","))`), or accept eventual consistency for this pattern.")
        }
        guard equality.count <= 4 else {
            return unserved("Looks up by \(equality.count) attributes; a GSI key takes at most 4 partition-key attributes. Narrow the equality attributes or treat it as a search.")
        }
        let sort = sortRequirement.map { [$0.attribute] } ?? []
        let indexID = catalog.use(on: table, entity: entity, partition: equality, sort: sort, kind: .global, pattern: pattern, context)
        if let index = catalog.index(indexID, on: table.id), !IndexCatalog.serves(index, equality: equality, sort: sortRequirement?.attribute) {
            let keys = index.partitionKey.map(\.name).joined(separator: ", ") + (index.sortKey.isEmpty ? "" : " / " + index.sortKey.map(\.name).joined(separator: ", "))
            return unserved("\(TableAssembler.indexName(indexID, tableID: table.id, context)) was keyed by \(keys) at the design gate, which cannot answer a lookup by \(equality.joined(separator: ", "))\(sortRequirement.map { " ordered by \($0.attribute)" } ?? ""). Reset its keys (`/index-keys \(tableName(table)) \(TableAssembler.indexName(indexID, tableID: table.id, context)) reset`) or choose keys that include them.")
        }
        return query(entity: entity, table: table, indexID: indexID, partition: equality, view: view, members: [])
    }

    /// Other entities of the pattern stored in the same item collection.
    private func collectionMembersRead(table: PlannedTable) -> [String] {
        guard case .itemCollection(_, let children) = table.role else { return [] }
        return pattern.entities.dropFirst().filter { children.contains($0) }
    }

    private mutating func getItem(entity: Entity, table: PlannedTable, view: KeyView) -> PatternMapping {
        let batch = averageItems > 1
        let operation: DynamoDBOperation = batch ? .batchGetItem : .getItem
        let condition = keyCondition(table, view, includingSort: true)
        steps.append(RequestStep(operation, tableID: table.id, entity: entity.name, items: batch ? averageItems : 1, strong: strong))
        if batch { notes.append("Up to 100 keys per BatchGetItem request; each item's size is rounded up to 4 KB separately.") }
        addRelatedReads(entity: entity, table: table)
        return mapping(status: .served, operation: operation, tableID: table.id, indexID: nil, keyCondition: condition, notes: notes)
    }

    private mutating func query(entity: Entity, table: PlannedTable, indexID: String?, partition: [String], view: KeyView, members: [String]) -> PatternMapping {
        // A table's partition key may be concatenated; an index's attributes are keys of their own.
        var condition = indexID == nil ? [keyCondition(table, view, includingSort: false)] : partition.map { "\(name($0, table)) = :\($0)" }
        if indexID == nil, let prefix = view.sortPrefix, let sortKey = table.sortKey {
            if view.isCollectionParent {
                if members.isEmpty { condition.append("\(name(sortKey.name, table)) = \"\(prefix)\"") }
            } else {
                condition.append("begins_with(\(name(sortKey.name, table)), \"\(prefix)\")")
            }
        }
        if let sort = sortRequirement {
            let direction = sort.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending"
            notes.append("Ordered by \(name(sort.attribute, table)), \(direction); add a range condition on \(name(sort.attribute, table)) to narrow it.")
        }
        if !members.isEmpty {
            notes.append("One Query returns the \(entity.name) item and its \(members.joined(separator: ", ")) items (same partition key).")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        steps.append(RequestStep(.query, tableID: table.id, indexID: indexID, entity: entity.name, items: averageItems, strong: strong && indexID == nil,
                                 includesCollectionMembers: members))
        addRelatedReads(entity: entity, table: table, skipping: members)
        return mapping(status: .served, operation: .query, tableID: table.id, indexID: indexID, keyCondition: condition.joined(separator: " AND "), notes: notes)
    }

    /// Reads of the pattern's other entities that live in other tables: a parent by its key, or
    /// children by their parent's key.
    private mutating func addRelatedReads(entity: Entity, table: PlannedTable, skipping: [String] = []) {
        for other in pattern.entities.dropFirst() where !skipping.contains(other) && other != entity.name {
            guard let otherTableID = layout.tableOfEntity[other], let otherTable = layout.table(id: otherTableID) else { continue }
            if layout.embedded[other]?.parent == entity.name {
                notes.append("\(other) items come embedded in the \(entity.name) item.")
                continue
            }
            if otherTableID == table.id { continue }
            if coveredByCopies(parent: other, child: entity.name) {
                notes.append("The \(other) attributes it needs are copied into \(entity.name) items (accepted denormalization): no \(other) read.")
                continue
            }
            let otherView = KeyView.of(other, in: otherTable, context)
            if let relationship = context.requirements.relationships.first(where: { $0.parent == entity.name && $0.child == other }),
               let foreignKey = context.foreignKey(of: relationship) {
                if otherView.partition == foreignKey {
                    steps.append(RequestStep(.query, tableID: otherTableID, entity: other, items: childrenAverage(relationship)))
                    notes.append("Then Query \(tableName(otherTable)) by \(foreignKey.joined(separator: ", ")) for the \(other) items.")
                } else {
                    notes.append("Then read the \(other) items by \(foreignKey.joined(separator: ", ")) (see the \(other) patterns).")
                }
            } else if let relationship = context.requirements.relationships.first(where: { $0.parent == other && $0.child == entity.name }),
                      let foreignKey = context.foreignKey(of: relationship), otherView.partition.count == foreignKey.count, otherView.sort.isEmpty {
                steps.append(RequestStep(.getItem, tableID: otherTableID, entity: other, items: averageItems))
                notes.append("Then GetItem on \(tableName(otherTable)) by \(foreignKey.joined(separator: ", ")) for the \(other).")
            } else {
                notes.append("\(other) is read separately (no relationship links it to \(entity.name) by key).")
            }
        }
    }

    /// Whether every attribute of `parent` the pattern needs is an adopted copy in `child` items.
    private func coveredByCopies(parent: String, child: String) -> Bool {
        guard case .only(let needed)? = pattern.attributes, let parentEntity = context.entity(parent),
              let childEntity = context.entity(child) else { return false }
        let fromParent = needed.filter { childEntity.attribute(named: $0) == nil && parentEntity.attribute(named: $0) != nil }
        return !fromParent.isEmpty && fromParent.allSatisfy { name in copies.contains { $0.child == child && $0.parent == parent && $0.attribute.name == name } }
    }

    private func childrenAverage(_ relationship: Relationship) -> Double {
        if case .known(let cardinality)? = relationship.cardinality { return cardinality.average }
        return 1
    }

    private func uniqueLookup(for entity: Entity) -> PlannedTable? {
        guard !equality.isEmpty else { return nil }
        return layout.lookupTables(of: entity.name).first { Set($0.lookup?.attributes ?? []) == Set(equality) }
    }

    private mutating func lookupRead(entity: Entity, lookup: PlannedTable, ownerTable: PlannedTable, ownerView: KeyView) -> PatternMapping {
        steps.append(RequestStep(.getItem, tableID: lookup.id, entity: entity.name, strong: strong))
        let needsOnlyKeys: Bool = {
            if case .only(let names)? = pattern.attributes { return Set(names).isSubset(of: Set(equality + ownerView.allAttributes)) }
            return false
        }()
        if !needsOnlyKeys {
            steps.append(RequestStep(.getItem, tableID: ownerTable.id, entity: entity.name, strong: strong))
            notes.append("Then GetItem on \(tableName(ownerTable)) with the \(ownerView.allAttributes.joined(separator: ", ")) the lookup item holds.")
        }
        let strongText = needsOnlyKeys ? "; the read can be strongly consistent." : "; both reads can be strongly consistent."
        notes.append("The lookup table exists for the unique constraint anyway, so no GSI is needed" + (strong ? strongText : "."))
        let condition = equals(lookup.partitionKey, lookup.lookup?.attributes ?? equality, lookup)
        return mapping(status: .served, operation: .getItem, tableID: lookup.id, indexID: nil, keyCondition: condition, notes: notes)
    }

    private mutating func scanOrRefuse(entity: Entity, table: PlannedTable) -> PatternMapping {
        if let reason = context.choices.acceptedScans[String(pattern.id)] {
            // One request reads one page: the items it returns (a filter would read more than it returns).
            steps.append(RequestStep(.scan, tableID: table.id, entity: entity.name, items: averageItems, strong: strong))
            var note = "Scan accepted at the design gate: \(reason). Each request reads one page of about \(NumberFormatting.plain(averageItems)) items (at most 1 MB)"
            if let count = entity.itemCount?.value {
                note += "; reading all \(NumberFormatting.plain(count)) \(entity.name) items takes about \(NumberFormatting.plain((count / max(averageItems, 1)).rounded(.up))) requests"
            }
            notes.append(note + ", so its cost grows with the table.")
            return mapping(status: .acceptedScan, operation: .scan, tableID: table.id, indexID: nil, keyCondition: nil, notes: notes)
        }
        return unserved("Has no equality attribute, so only a Scan of every \(entity.name) item can serve it. Add the attribute it looks items up by, or accept the Scan (`/accept-scan \(pattern.id) REASON`) if the table is small or the read is offline.")
    }

    private mutating func readEmbedded(_ entity: Entity, in aggregate: EmbeddedAggregate) -> PatternMapping {
        guard let parentTableID = layout.tableOfEntity[aggregate.parent], let parentTable = layout.table(id: parentTableID),
              let relationship = context.requirements.relationships.first(where: { $0.parent == aggregate.parent && $0.child == entity.name }),
              let foreignKey = context.foreignKey(of: relationship), foreignKey.allSatisfy(equality.contains)
        else {
            return unserved("\(entity.name) is embedded in \(aggregate.parent) items, and this pattern does not know the \(aggregate.parent); reject the aggregate (`/reject aggregate:\(entity.name)`) or add the \(aggregate.parent)'s id.")
        }
        steps.append(RequestStep(.getItem, tableID: parentTableID, entity: aggregate.parent, strong: strong))
        notes.append("Reads the \(aggregate.parent) item and its `\(aggregate.attribute)` list.")
        let condition = keyCondition(parentTable, KeyView.of(aggregate.parent, in: parentTable, context), includingSort: true)
        return mapping(status: .served, operation: .getItem, tableID: parentTableID, indexID: nil, keyCondition: condition, notes: notes)
    }

    // MARK: Writes

    mutating func planWrite(catalog: IndexCatalog) -> PatternMapping {
        guard let type = pattern.type, pattern.hasRPS else {
            return unserved("The pattern is incomplete (type or RPS missing): finish it in the requirements.")
        }
        guard let entityName = pattern.entities.first, let entity = context.entity(entityName) else {
            return unserved("The pattern names no entity.")
        }
        if let aggregate = layout.embedded[entityName] {
            guard let parentTableID = layout.tableOfEntity[aggregate.parent] else { return unserved("\(aggregate.parent) has no table.") }
            steps.append(RequestStep(.updateItem, tableID: parentTableID, entity: aggregate.parent, written: .all))
            notes.append("Rewrites the \(aggregate.parent) item's `\(aggregate.attribute)` list (SET with list_append or an index).")
            return mapping(status: .served, operation: .updateItem, tableID: parentTableID, indexID: nil, keyCondition: nil, notes: notes)
        }
        guard let tableID = layout.tableOfEntity[entityName], let table = layout.table(id: tableID) else {
            return unserved("\(entityName) has no table.")
        }
        let view = KeyView.of(entityName, in: table, context)
        let lookups = layout.lookupTables(of: entityName)
        let keyCondition = keyCondition(table, view, includingSort: true)
        switch type {
        case .write:
            let children = childWrites(of: entity)
            if lookups.isEmpty && children.isEmpty {
                let batch = averageItems > 1
                steps.append(RequestStep(batch ? .batchWriteItem : .putItem, tableID: tableID, entity: entityName, items: batch ? averageItems : 1))
                notes.append(batch ? "Up to 25 puts per BatchWriteItem request." : "Condition attribute_not_exists(\(name(table.partitionKey.name, table))) keeps a create from overwriting.")
                return mapping(status: .served, operation: batch ? .batchWriteItem : .putItem, tableID: tableID, indexID: nil, keyCondition: keyCondition, notes: notes)
            }
            steps.append(RequestStep(.putItem, tableID: tableID, entity: entityName, transactional: true))
            var parts = ["Put the \(entityName) item"]
            for lookup in lookups {
                steps.append(RequestStep(.putItem, tableID: lookup.id, entity: entityName, transactional: true))
                parts.append("Put \(tableName(lookup)) with attribute_not_exists(\(name(lookup.partitionKey.name, lookup)))")
            }
            var itemCount = 1.0 + Double(lookups.count)
            for child in children {
                steps.append(RequestStep(.putItem, tableID: child.tableID, entity: child.entity, items: child.count, transactional: true))
                parts.append("Put \(NumberFormatting.plain(child.count)) \(child.entity) item\(child.count == 1 ? "" : "s") on average in \(tableName(layout.table(id: child.tableID)!))")
                itemCount += child.count
            }
            notes.append("One transaction: " + parts.joined(separator: ", ") + (lookups.isEmpty ? "; all or nothing." : "; a duplicate unique value cancels the whole transaction."))
            if let maximum = children.compactMap(\.maximum).max(), Double(maximum) + 1 + Double(lookups.count) > 100 {
                notes.append("Up to \(maximum) child items: a transaction takes at most 100 items, so the largest ones must be split.")
            } else if itemCount > 100 {
                notes.append("A transaction takes at most 100 items.")
            }
            return mapping(status: .served, operation: .transactWriteItems, tableID: tableID, indexID: nil, keyCondition: keyCondition, notes: notes)
        case .update, .delete:
            guard locateItem(table: table, view: view, entity: entity, catalog: catalog) else {
                return unserved("Finds the \(entityName) to \(type == .update ? "update" : "delete") by \(equality.isEmpty ? "nothing" : equality.joined(separator: ", ")), which is neither its key (\(view.allAttributes.joined(separator: ", "))) nor served by an index or lookup table. Add a read pattern by \(equality.joined(separator: ", ")) or key the table by it.")
            }
            let touched = touchedLookups(lookups, entity: entity)
            let operation: DynamoDBOperation = type == .update ? .updateItem : .deleteItem
            if (type == .update && touched.isEmpty) || (type == .delete && lookups.isEmpty) {
                steps.append(RequestStep(operation, tableID: tableID, entity: entityName, written: type == .update ? pattern.attributes ?? .all : .all))
                return mapping(status: .served, operation: operation, tableID: tableID, indexID: nil, keyCondition: keyCondition, notes: notes)
            }
            steps.append(RequestStep(operation, tableID: tableID, entity: entityName, transactional: true, written: pattern.attributes ?? .all))
            let involved = type == .update ? touched : lookups
            for lookup in involved {
                if type == .update { steps.append(RequestStep(.deleteItem, tableID: lookup.id, entity: entityName, transactional: true)) }
                steps.append(RequestStep(type == .update ? .putItem : .deleteItem, tableID: lookup.id, entity: entityName, transactional: true))
            }
            notes.append(type == .update
                ? "Changes a unique value: one transaction updates the item, deletes the old lookup item and puts the new one with attribute_not_exists (" + involved.map(tableName).joined(separator: ", ") + ")."
                : "One transaction deletes the item and its lookup items (" + involved.map(tableName).joined(separator: ", ") + "), so the values become free again.")
            return mapping(status: .served, operation: .transactWriteItems, tableID: tableID, indexID: nil, keyCondition: keyCondition, notes: notes)
        case .read, .search:
            return unserved("Not a write pattern.")
        }
    }

    /// Children of the entity the pattern creates with it (an order with its lines), where they
    /// live in a table of their own or the entity's item collection; embedded ones are in the item.
    private func childWrites(of entity: Entity) -> [(entity: String, tableID: String, count: Double, maximum: Int?)] {
        var result: [(entity: String, tableID: String, count: Double, maximum: Int?)] = []
        for other in pattern.entities.dropFirst() where layout.embedded[other] == nil {
            guard let tableID = layout.tableOfEntity[other],
                  let relationship = context.requirements.relationships.first(where: { $0.parent == entity.name && $0.child == other && $0.kind == .oneToMany })
            else { continue }
            var count = 1.0
            var maximum: Int?
            if case .known(let cardinality)? = relationship.cardinality {
                count = cardinality.average
                maximum = cardinality.maximum
            }
            result.append((other, tableID, count, maximum))
        }
        return result
    }

    /// Whether the write knows its item's key, directly or through a lookup table or index it
    /// reads first (adding that read to the steps).
    private mutating func locateItem(table: PlannedTable, view: KeyView, entity: Entity, catalog: IndexCatalog) -> Bool {
        let known = Set(equality)
        if view.allAttributes.allSatisfy(known.contains) { return true }
        if let lookup = uniqueLookup(for: entity) {
            steps.append(RequestStep(.getItem, tableID: lookup.id, entity: entity.name, strong: true))
            notes.append("First GetItem on \(tableName(lookup)) (strongly consistent) to find the key.")
            return true
        }
        if let index = catalog.existing(on: table.id, partition: equality, sort: [], kind: .global)
            ?? catalog.byTable[table.id]?.first(where: { $0.kind == .global && $0.partitionKey.map(\.name) == equality }) {
            steps.append(RequestStep(.query, tableID: table.id, indexID: index.id, entity: entity.name, items: averageItems))
            notes.append("First Query \(TableAssembler.indexName(index.id, tableID: table.id, context)) by \(equality.joined(separator: ", ")) to find the key (eventually consistent).")
            return true
        }
        return false
    }

    /// Lookup tables whose unique attributes this update writes.
    private func touchedLookups(_ lookups: [PlannedTable], entity: Entity) -> [PlannedTable] {
        guard pattern.type == .update else { return lookups }
        guard case .only(let written)? = pattern.attributes else { return lookups }
        return lookups.filter { table in table.lookup?.attributes.contains { written.contains($0) } ?? false }
    }

    // MARK: Building mappings

    /// The condition on a table's primary key for one entity's items: `order_id = :order_id`, a
    /// concatenated key as `tenant_id#user_id = :tenant_id + "#" + :user_id`, and in an item
    /// collection the sort key's fixed part (`collection_key = "ORDER"`, or `"ORDER_ITEM#" + :line_no`).
    private func keyCondition(_ table: PlannedTable, _ view: KeyView, includingSort: Bool) -> String {
        var parts = [equals(table.partitionKey, view.partition, table)]
        if includingSort, let sortKey = table.sortKey {
            if let prefix = view.sortPrefix {
                let values = view.isCollectionParent ? "" : " + " + view.sort.map { ":\($0)" }.joined(separator: " + \"#\" + ")
                parts.append("\(name(sortKey.name, table)) = \"\(prefix)\"" + values)
            } else if !view.sort.isEmpty {
                parts.append(equals(sortKey, view.sort, table))
            }
        }
        return parts.joined(separator: " AND ")
    }

    /// `key = :value`, or for a concatenated key its parts joined with `#`.
    private func equals(_ key: KeyAttribute, _ values: [String], _ table: PlannedTable) -> String {
        guard key.composedOf != nil, values.count > 1 else { return "\(name(key.name, table)) = :\(values.first ?? key.name)" }
        return "\(name(key.name, table)) = " + values.map { ":\($0)" }.joined(separator: " + \"#\" + ")
    }

    /// The table's name as the user will see it (naming convention and renames applied).
    private func tableName(_ table: PlannedTable) -> String {
        TableAssembler.tableName(table, context)
    }

    private func name(_ attribute: String, _ table: PlannedTable) -> String {
        context.attributeName(attribute, inTable: table.id)
    }

    private func unserved(_ reason: String) -> PatternMapping {
        mapping(status: .unserved(reason: reason), operation: nil, tableID: nil, indexID: nil, keyCondition: nil, notes: [])
    }

    private func mapping(status: MappingStatus, operation: DynamoDBOperation?, tableID: String?, indexID: String?, keyCondition: String?, notes: [String]) -> PatternMapping {
        let filters = pattern.filterAttributes ?? []
        let filter = filters.isEmpty ? nil : filters.map { attribute in
            "\(tableID.map { context.attributeName(attribute, inTable: $0) } ?? attribute) = :\(attribute)"
        }.joined(separator: " AND ")
        var allNotes = notes
        if filter != nil, operation?.isRead == true { allNotes.append("The filter is applied after reading: it does not reduce read units.") }
        return PatternMapping(
            patternID: pattern.id, description: pattern.description, status: status, operation: operation, tableID: tableID, indexName: indexID,
            keyCondition: keyCondition, filter: filter, itemsPerRequest: averageItems, readUnitsPerRequest: 0, writeUnitsPerRequest: 0,
            consistency: (pattern.consistency ?? .eventual).rawValue, notes: allNotes)
    }
}
