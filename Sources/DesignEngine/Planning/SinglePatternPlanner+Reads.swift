import Requirements

extension SinglePatternPlanner {
    /// Plans a read (or a search, which goes to OpenSearch), adding indexes to `catalog`.
    mutating func planRead(catalog: inout IndexCatalog) -> PatternMapping {
        if pattern.type == .search { return markSearch() }
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
        let used = equality + (sortRequirement.map { [$0.attribute] } ?? []) + (pattern.filterAttributes ?? [])
        if let problem = missingAttribute(used, on: entity) { return unserved(problem) }

        let view = KeyView.of(entityName, in: table, context)
        let known = Set(equality)
        let partitionKnown = !view.partition.isEmpty && view.partition.allSatisfy(known.contains)
        let extraEquality = equality.filter { !view.partition.contains($0) && !view.sort.contains($0) }

        if partitionKnown, extraEquality.isEmpty {
            let members = collectionMembersRead(table: table)
            if view.isCollectionParent {
                if members.isEmpty, sortRequirement == nil { return getItem(entity: entity, table: table) }
                return queryTable(entity: entity, table: table, view: view, members: members)
            }
            let sortKnown = !view.sort.isEmpty && view.sort.allSatisfy(known.contains)
            if view.sort.isEmpty || sortKnown { return getItem(entity: entity, table: table) }
            if sortRequirement == nil || view.sort == [sortRequirement!.attribute] {
                return queryTable(entity: entity, table: table, view: view, members: [])
            }
            if strong, case .entity = table.role, let sort = sortRequirement?.attribute {
                let indexID = catalog.use(on: table, entity: entity, partition: view.partition, sort: [sort], kind: .local, pattern: pattern, context)
                notes.append("An LSI because the pattern needs strongly consistent reads in \(sort) order; an LSI caps each \(table.partitionKey.name)'s items at 10 GB.")
                return queryIndex(entity: entity, table: table, indexID: indexID, partition: [key(of: entityName, in: table).parts[0]], sortPrefix: [])
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
        guard let index = catalog.index(indexID, on: table.id) else { return unserved("The index planned for the pattern is missing.") }
        if !IndexCatalog.serves(index, equality: equality, sort: sortRequirement?.attribute) {
            let keys = index.partitionKey.map(\.name).joined(separator: ", ") + (index.sortKey.isEmpty ? "" : " / " + index.sortKey.map(\.name).joined(separator: ", "))
            let indexName = TableAssembler.indexName(indexID, tableID: table.id, context)
            return unserved("\(indexName) was keyed by \(keys) at the design gate, which cannot answer a lookup by \(equality.joined(separator: ", "))\(sortRequirement.map { " ordered by \($0.attribute)" } ?? ""). Reset its keys (`/index-keys \(tableName(table)) \(indexName) reset`) or choose keys that include them.")
        }
        if let problem = missingAttribute(index.keyAttributeNames, on: entity) { return unserved(problem) }
        let partition = index.partitionKey.map { keyValue($0, entity: entityName, table: table) }
        let extra = equality.filter { name in !index.partitionKey.contains { $0.name == name } }
        let sortPrefix = index.sortKey.prefix(extra.count).map { keyValue($0, entity: entityName, table: table) }
        return queryIndex(entity: entity, table: table, indexID: indexID, partition: partition, sortPrefix: Array(sortPrefix))
    }

    /// An equality on an index key attribute, with the caller's value.
    private func keyValue(_ key: KeyAttribute, entity: String, table: PlannedTable) -> KeyValue {
        KeyValue(attribute: storedName(key.name, of: entity, in: table), type: key.dynamoDBType, value: .input(entity: entity, attribute: key.name))
    }

    /// Other entities of the pattern stored in the same item collection.
    private func collectionMembersRead(table: PlannedTable) -> [String] {
        guard case .itemCollection(_, let children) = table.role else { return [] }
        return pattern.entities.dropFirst().filter { children.contains($0) }
    }

    private mutating func getItem(entity: Entity, table: PlannedTable) -> PatternMapping {
        let request = GetRequest(tableID: table.id, key: key(of: entity.name, in: table), consistent: strong)
        if expectsSeveralItems {
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .batchGetItem(request), repetition: .perInputItem(entity: entity.name),
                                  items: expectedItems))
            notes.append("Up to 100 keys per BatchGetItem request; each item's size is rounded up to 4 KB separately.")
        } else {
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .getItem(request)))
        }
        addRelatedReads(entity: entity, table: table)
        return served()
    }

    /// A Query on the table by its partition key: the items of one partition, one kind of an item
    /// collection (`begins_with` on its prefix), or a collection's parent with its members.
    private mutating func queryTable(entity: Entity, table: PlannedTable, view: KeyView, members: [String]) -> PatternMapping {
        let itemKey = key(of: entity.name, in: table)
        var sort: SortKeyCondition?
        if let prefix = view.sortPrefix, itemKey.parts.count > 1 {
            let sortKey = itemKey.parts[1]
            if view.isCollectionParent {
                if members.isEmpty { sort = .compare(sortKey, .equal) }
            } else {
                sort = .beginsWith(KeyValue(attribute: sortKey.attribute, type: sortKey.type, value: .literal(prefix)))
            }
        }
        if let requirement = sortRequirement {
            let direction = requirement.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending"
            notes.append("Ordered by \(name(requirement.attribute, table)), \(direction); add a range condition on \(name(requirement.attribute, table)) to narrow it.")
        }
        if !members.isEmpty {
            notes.append("One Query returns the \(entity.name) item and its \(members.joined(separator: ", ")) items (same partition key).")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        let request = QueryRequest(tableID: table.id, indexID: nil, partition: [itemKey.parts[0]], sort: sort,
                                   filter: filterCondition(entity: entity.name, table: table),
                                   scanForward: sortRequirement?.direction != .descending, consistent: strong)
        let returned: ItemEstimate = view.isCollectionParent && members.isEmpty ? .known(1) : expectedItems
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .query(request), items: returned,
                              itemsExamined: examined(returned: returned, entity: entity, partitionItems: partitionItems(of: table, entity: entity.name)),
                              collectionMembers: members))
        addRelatedReads(entity: entity, table: table, skipping: members)
        return served()
    }

    /// Average items under one partition-key value of `table` for `entity`, when the
    /// relationships say (the children of one parent).
    private func partitionItems(of table: PlannedTable, entity: String) -> Double? {
        if case .perParent(_, let average?, _) = table.partitionKey.distribution { return average }
        return nil
    }

    private mutating func queryIndex(entity: Entity, table: PlannedTable, indexID: String, partition: [KeyValue], sortPrefix: [KeyValue]) -> PatternMapping {
        if let requirement = sortRequirement {
            let direction = requirement.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending"
            notes.append("Ordered by \(name(requirement.attribute, table)), \(direction); add a range condition on \(name(requirement.attribute, table)) to narrow it.")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        let request = QueryRequest(tableID: table.id, indexID: indexID, partition: partition, sortPrefix: sortPrefix, sort: nil,
                                   filter: filterCondition(entity: entity.name, table: table),
                                   scanForward: sortRequirement?.direction != .descending, consistent: false)
        let items = expectedItems
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .query(request), items: items,
                              itemsExamined: examined(returned: items, entity: entity, partitionItems: nil)))
        addRelatedReads(entity: entity, table: table)
        return served()
    }

    /// Reads of the pattern's other entities that live in other tables: a parent by its key, or
    /// children by their parent's key. Values come from the caller when the pattern knows them,
    /// otherwise from the items the main step read.
    private mutating func addRelatedReads(entity: Entity, table: PlannedTable, skipping: [String] = []) {
        guard let mainIndex = steps.lastIndex(where: { $0.purpose == .main }) else { return }
        let main = steps[mainIndex]
        let singleItem: Bool = { if case .getItem = main.request { return true } else { return false } }()
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
            let mainTable = layout.table(id: main.request.tableID) ?? table
            // Where the values of `names` of the main entity come from: the caller, or the main step's items.
            let knownAttributes = Set(equality)
            let storedNames = Dictionary(entity.attributes.map { ($0.name, storedName($0.name, of: entity.name, in: mainTable)) }, uniquingKeysWith: { first, _ in first })
            let fromMain: (String) -> PlanValue = { attribute in
                knownAttributes.contains(attribute) ? .input(entity: entity.name, attribute: attribute)
                    : .stepResult(step: mainIndex, attribute: storedNames[attribute] ?? attribute)
            }
            if let relationship = relationship(parent: entity.name, child: other), let foreignKey = context.foreignKey(of: relationship) {
                guard otherView.partition == foreignKey else {
                    notes.append("Then read the \(other) items by \(foreignKey.joined(separator: ", ")) (see the \(other) patterns).")
                    continue
                }
                let identifier = entity.identifier
                guard identifier.count == foreignKey.count else { continue }
                let needsMainItem = identifier.contains { !equality.contains($0) }
                let otherKey = key(of: other, in: otherTable).replacingInputs { input in
                    guard input.entity == other, let position = foreignKey.firstIndex(of: input.attribute) else { return nil }
                    return fromMain(identifier[position])
                }
                var sort: SortKeyCondition?
                if let prefix = otherView.sortPrefix, otherKey.parts.count > 1 {
                    sort = .beginsWith(KeyValue(attribute: otherKey.parts[1].attribute, type: otherKey.parts[1].type, value: .literal(prefix)))
                }
                let request = QueryRequest(tableID: otherTableID, indexID: nil, partition: [otherKey.parts[0]], sort: sort, filter: nil,
                                           scanForward: true, consistent: false)
                steps.append(PlanStep(purpose: .related, entity: other, request: .query(request),
                                      repetition: needsMainItem && !singleItem ? .perResultOf(step: mainIndex) : .once,
                                      items: childrenAverage(relationship)))
                notes.append("Then Query \(tableName(otherTable)) by \(foreignKey.joined(separator: ", ")) for the \(other) items.")
            } else if let relationship = relationship(parent: other, child: entity.name), let foreignKey = context.foreignKey(of: relationship),
                      let otherEntity = context.entity(other), otherView.partition == otherEntity.identifier, otherView.sort.isEmpty,
                      otherEntity.identifier.count == foreignKey.count {
                let needsMainItem = foreignKey.contains { !equality.contains($0) }
                let otherKey = key(of: other, in: otherTable).replacingInputs { input in
                    guard input.entity == other, let position = otherEntity.identifier.firstIndex(of: input.attribute) else { return nil }
                    return fromMain(foreignKey[position])
                }
                steps.append(PlanStep(purpose: .related, entity: other, request: .getItem(GetRequest(tableID: otherTableID, key: otherKey, consistent: false)),
                                      repetition: needsMainItem && !singleItem ? .perResultOf(step: mainIndex) : .once))
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

    func uniqueLookup(for entity: Entity) -> PlannedTable? {
        guard !equality.isEmpty else { return nil }
        return layout.lookupTables(of: entity.name).first { Set($0.lookup?.attributes ?? []) == Set(equality) }
    }

    /// GetItem on the lookup table by the unique value, then GetItem on the owner with the key
    /// the lookup item holds (skipped when the pattern needs only keys).
    private mutating func lookupRead(entity: Entity, lookup: PlannedTable, ownerTable: PlannedTable, ownerView: KeyView) -> PatternMapping {
        let lookupKey = key(of: entity.name, in: lookup)
        let needsOnlyKeys: Bool = {
            if case .only(let names)? = pattern.attributes { return Set(names).isSubset(of: Set(equality + ownerView.allAttributes)) }
            return false
        }()
        steps.append(PlanStep(purpose: needsOnlyKeys ? .main : .findKey, entity: entity.name,
                              request: .getItem(GetRequest(tableID: lookup.id, key: lookupKey, consistent: strong))))
        if !needsOnlyKeys {
            let ownerKey = key(of: entity.name, in: ownerTable).replacingInputs { input in
                guard input.entity == entity.name, !equality.contains(input.attribute) else { return nil }
                return .stepResult(step: 0, attribute: name(input.attribute, lookup))
            }
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .getItem(GetRequest(tableID: ownerTable.id, key: ownerKey, consistent: strong))))
            notes.append("First GetItem on \(tableName(lookup)) by \(equality.joined(separator: ", ")), then GetItem on \(tableName(ownerTable)) with the \(ownerView.allAttributes.joined(separator: ", ")) the lookup item holds.")
        }
        let strongText = needsOnlyKeys ? "; the read can be strongly consistent." : "; both reads can be strongly consistent."
        notes.append("The lookup table exists for the unique constraint anyway, so no GSI is needed" + (strong ? strongText : "."))
        return served()
    }

    private mutating func scanOrRefuse(entity: Entity, table: PlannedTable) -> PatternMapping {
        guard let reason = context.choices.acceptedScans[String(pattern.id)] else {
            return unserved("Has no equality attribute, so only a Scan of every \(entity.name) item can serve it. Add the attribute it looks items up by, or accept the Scan (`/accept-scan \(pattern.id) REASON`) if the table is small or the read is offline.")
        }
        // A table holding several kinds is scanned for this entity's items only.
        var entityFilter: PlanCondition?
        if case .itemCollection = table.role, let prefix = KeyView.of(entity.name, in: table, context).sortPrefix, let sortKey = table.sortKey {
            entityFilter = .beginsWith(items.keyName(sortKey, table), .literal(prefix))
        }
        let request = ScanRequest(tableID: table.id, filter: filterCondition(entity: entity.name, table: table), entityFilter: entityFilter)
        let pageItems = expectedItems
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .scan(request), items: pageItems,
                              itemsExamined: examined(returned: pageItems, entity: entity, partitionItems: nil)))
        var note = "Scan accepted at the design gate: \(reason). Each request reads one page"
        if let count = pageItems.value { note += " of about \(NumberFormatting.plain(count)) items (at most 1 MB)" } else { note += " (at most 1 MB; items per page unknown)" }
        if let count = entity.itemCount?.value, let page = pageItems.value {
            note += "; reading all \(NumberFormatting.plain(count)) \(entity.name) items takes about \(NumberFormatting.plain((count / max(page, 1)).rounded(.up))) requests"
        }
        notes.append(note + ", so its cost grows with the table.")
        return served(.acceptedScan)
    }

    /// A child embedded in its parent's items: GetItem on the parent, the list in it.
    private mutating func readEmbedded(_ entity: Entity, in aggregate: EmbeddedAggregate) -> PatternMapping {
        guard let parentTableID = layout.tableOfEntity[aggregate.parent], let parentTable = layout.table(id: parentTableID),
              let parent = context.entity(aggregate.parent),
              let relationship = relationship(parent: aggregate.parent, child: entity.name),
              let foreignKey = context.foreignKey(of: relationship), foreignKey.allSatisfy(equality.contains),
              foreignKey.count == parent.identifier.count
        else {
            return unserved("\(entity.name) is embedded in \(aggregate.parent) items, and this pattern does not know the \(aggregate.parent); reject the aggregate (`/reject aggregate:\(entity.name)`) or add the \(aggregate.parent)'s id.")
        }
        let parentKey = key(of: aggregate.parent, in: parentTable).replacingInputs { input in
            guard input.entity == aggregate.parent, let position = parent.identifier.firstIndex(of: input.attribute) else { return nil }
            return .input(entity: entity.name, attribute: foreignKey[position])
        }
        steps.append(PlanStep(purpose: .main, entity: aggregate.parent,
                              request: .getItem(GetRequest(tableID: parentTableID, key: parentKey, consistent: strong))))
        notes.append("Reads the \(aggregate.parent) item and its `\(aggregate.attribute)` list.")
        return served()
    }
}
