import Requirements

extension SinglePatternPlanner {
    /// Plans a write: a create with its lookup items and children, an update (moving unique
    /// values, refreshing copies) or a delete (releasing unique values), each on the item the
    /// pattern finds by key, lookup table, index or partition.
    mutating func planWrite(catalog: IndexCatalog) -> PatternMapping {
        guard let type = pattern.type, pattern.hasRPS else {
            return unserved("The pattern is incomplete (type or RPS missing): finish it in the requirements.")
        }
        guard let entityName = pattern.entities.first, let entity = context.entity(entityName) else {
            return unserved("The pattern names no entity.")
        }
        if let aggregate = layout.embedded[entityName] {
            // The effects would need the embedded child's own transaction; it has no item of its own.
            if let other = pattern.effects?.first(where: { $0.entity != entityName })?.entity {
                return unserved("\(entityName) is embedded in \(aggregate.parent) items, so this write is a change of the \(aggregate.parent)'s `\(aggregate.attribute)` list, and its effect on \(other) is not planned with it. Reject the aggregate (`/reject aggregate:\(entityName)`) to keep \(entityName) items of their own, whose writes carry their effects.")
            }
            return writeEmbedded(entity, type: type, in: aggregate)
        }
        guard let tableID = layout.tableOfEntity[entityName], let table = layout.table(id: tableID) else {
            return unserved("\(entityName) has no table.")
        }
        if let expired = expiresByTTL(entity, in: table, type: type) { return expired }
        let mapping: PatternMapping
        switch type {
        case .write: mapping = create(entity, in: table)
        case .update, .delete: mapping = change(entity, in: table, type: type, catalog: catalog)
        case .read, .search: return unserved("Not a write pattern.")
        }
        guard case .served = mapping.status else { return mapping }
        if let problem = joinEffects(to: entity, type: type) { return problem }
        joinTotals(of: entity, type: type)
        return served()
    }

    // MARK: Create

    private mutating func create(_ entity: Entity, in table: PlannedTable) -> PatternMapping {
        let withCopies = itemWithCopies(of: entity, in: table)
        guard let item = withCopies.item else { return unserved(withCopies.problem ?? "") }
        let lookups = layout.lookupTables(of: entity.name)
        let children = childWrites(of: entity)
        let pk = items.keyName(table.partitionKey, table)
        let put = PutRequest(tableID: table.id, item: item, condition: .attributeNotExists(pk))
        if lookups.isEmpty && children.isEmpty {
            if expectsSeveralItems, steps.isEmpty {
                steps.append(PlanStep(purpose: .main, entity: entity.name, request: .batchWriteItem([.put(tableID: table.id, item: item)]),
                                      repetition: .perInputItem(entity: entity.name), items: expectedItems))
                notes.append("Up to 25 puts per BatchWriteItem request (no conditions: a put replaces an item with the same key).")
            } else {
                steps.append(PlanStep(purpose: .main, entity: entity.name, request: .putItem(put)))
                notes.append("Condition attribute_not_exists(\(pk)) keeps a create from overwriting.")
            }
            return served()
        }
        var actions = [TransactAction(.put(put), entity: entity.name)]
        var parts = ["Put the \(entity.name) item"]
        var itemCount = 1.0
        var countKnown = true
        for lookup in lookups {
            actions.append(lookupPut(lookup, owner: entity.name, repeatedPerInputOf: nil))
            parts.append("Put \(tableName(lookup)) with attribute_not_exists(\(items.keyName(lookup.partitionKey, lookup)))")
            itemCount += 1
        }
        for child in children {
            guard let childTable = layout.table(id: child.tableID) else { continue }
            // A child's reference to its parent takes the parent's own values, so the lines of an
            // order always point at that order.
            let foreignKey = relationship(parent: entity.name, child: child.entity).flatMap { context.foreignKey(of: $0) } ?? []
            let childItem = items.item(of: child.entity, in: childTable).attributes.map { stored in
                StoredValue(attribute: stored.attribute, type: stored.type, value: stored.value.replacingInputs { input in
                    guard input.entity == child.entity, let position = foreignKey.firstIndex(of: input.attribute), position < entity.identifier.count else { return nil }
                    return .input(entity: entity.name, attribute: entity.identifier[position])
                })
            }
            if let foreign = childItem.lazy.flatMap(\.value.inputs).first(where: { $0.entity != child.entity && $0.entity != entity.name }) {
                return unserved("\(child.entity) items copy \(foreign.attribute) from \(foreign.entity), which this create does not read; create the \(child.entity) items with a pattern of their own.")
            }
            let childPut = PutRequest(tableID: child.tableID, item: childItem, condition: .attributeNotExists(items.keyName(childTable.partitionKey, childTable)))
            actions.append(TransactAction(.put(childPut), entity: child.entity, repeatedPerInputOf: child.entity))
            var text = "Put "
            if let count = child.count.value {
                text += "\(NumberFormatting.plain(count)) \(child.entity) item\(count == 1 ? "" : "s") on average"
                itemCount += count
            } else {
                text += "each \(child.entity) item (how many per \(entity.name) is unknown)"
                countKnown = false
            }
            parts.append(text + " in \(tableName(childTable))")
            for lookup in layout.lookupTables(of: child.entity) {
                actions.append(lookupPut(lookup, owner: child.entity, repeatedPerInputOf: child.entity))
                parts.append("Put \(tableName(lookup)) for each \(child.entity) with attribute_not_exists(\(items.keyName(lookup.partitionKey, lookup)))")
                if let count = child.count.value { itemCount += count }
            }
        }
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .transactWriteItems(actions),
                              items: countKnown ? .known(itemCount) : .unknown(reason: "the number of child items written with each \(entity.name) is unknown")))
        let hasUnique = !lookups.isEmpty || children.contains { !layout.lookupTables(of: $0.entity).isEmpty }
        notes.append("One transaction: " + parts.joined(separator: ", ") + (hasUnique ? "; a duplicate unique value cancels the whole transaction." : "; all or nothing."))
        let childLookups = children.reduce(0) { $0 + layout.lookupTables(of: $1.entity).count }
        if let maximum = children.compactMap(\.maximum).max(), Double(maximum) * Double(1 + childLookups) + 1 + Double(lookups.count) > 100 {
            notes.append("Up to \(maximum) child items: a transaction takes at most 100 actions, so the largest ones must be split (write the children in further transactions or a BatchWriteItem after the parent).")
        } else if itemCount > 100 {
            notes.append("A transaction takes at most 100 actions.")
        }
        return served()
    }

    /// The entity's item to put, with adopted copies read from their source first (one GetItem
    /// per source entity, appended to the steps); nil when a source cannot be read by key.
    private mutating func itemWithCopies(of entity: Entity, in table: PlannedTable) -> (item: [StoredValue]?, problem: String?) {
        var item = items.item(of: entity.name, in: table).attributes
        let sources = Array(Set(copies.filter { $0.child == entity.name }.map(\.parent))).sorted()
        for parentName in sources {
            guard let parent = context.entity(parentName), let parentTableID = layout.tableOfEntity[parentName],
                  let parentTable = layout.table(id: parentTableID), layout.embedded[parentName] == nil,
                  let relationship = relationship(parent: parentName, child: entity.name),
                  let foreignKey = context.foreignKey(of: relationship), foreignKey.count == parent.identifier.count,
                  KeyView.of(parentName, in: parentTable, context).allAttributes.allSatisfy(parent.identifier.contains)
            else {
                return (nil, "\(entity.name) items copy attributes of \(parentName) (accepted at the design gate), but this create cannot read the \(parentName) by \(entity.name)'s reference to it, so the copy could not be filled in. Reject the copy, or key \(parentName) by its identifier.")
            }
            let parentKey = key(of: parentName, in: parentTable).replacingInputs { input in
                guard input.entity == parentName, let position = parent.identifier.firstIndex(of: input.attribute) else { return nil }
                return .input(entity: entity.name, attribute: foreignKey[position])
            }
            let stepIndex = steps.count
            steps.append(PlanStep(purpose: .readCopySource, entity: parentName,
                                  request: .getItem(GetRequest(tableID: parentTableID, key: parentKey, consistent: true))))
            item = item.map { stored in
                var copy = stored
                copy.value = stored.value.replacingInputs { input in
                    input.entity == parentName ? .stepResult(step: stepIndex, attribute: name(input.attribute, parentTable)) : nil
                }
                return copy
            }
            notes.append("First GetItem on \(tableName(parentTable)) for the \(parentName) attributes copied into \(entity.name) items.")
        }
        return (item, nil)
    }

    private func lookupPut(_ lookup: PlannedTable, owner: String, repeatedPerInputOf: String?) -> TransactAction {
        let item = items.item(of: owner, in: lookup).attributes
        return TransactAction(.put(PutRequest(tableID: lookup.id, item: item, condition: .attributeNotExists(items.keyName(lookup.partitionKey, lookup)))),
                              entity: owner, repeatedPerInputOf: repeatedPerInputOf)
    }

    /// Children the pattern creates with the entity (an order with its lines), in a table of
    /// their own or the entity's item collection; embedded ones are in the item itself.
    func childWrites(of entity: Entity) -> [(entity: String, tableID: String, count: ItemEstimate, maximum: Int?)] {
        var result: [(entity: String, tableID: String, count: ItemEstimate, maximum: Int?)] = []
        // A child whose stated effect is not a put (consumed, checked, updated) is not created.
        for other in pattern.entities.dropFirst() where layout.embedded[other] == nil && (pattern.effect(on: other).map { $0 == .put } ?? true) {
            guard let tableID = layout.tableOfEntity[other], let relationship = relationship(parent: entity.name, child: other) else { continue }
            var maximum: Int?
            if case .known(let cardinality)? = relationship.cardinality { maximum = cardinality.maximum }
            result.append((other, tableID, childrenAverage(relationship), maximum))
        }
        return result
    }

    // MARK: Update and delete

    private mutating func change(_ entity: Entity, in table: PlannedTable, type: PatternType, catalog: IndexCatalog) -> PatternMapping {
        let view = KeyView.of(entity.name, in: table, context)
        guard let located = locate(entity, in: table, view: view, catalog: catalog, type: type) else {
            return unserved("Finds the \(entity.name) to \(type == .update ? "update" : "delete") by \(equality.isEmpty ? "nothing" : equality.joined(separator: ", ")), which is neither its key (\(view.allAttributes.joined(separator: ", "))) nor served by an index or lookup table. Add a read pattern by \(equality.joined(separator: ", ")) or key the table by it.")
        }
        return type == .update ? update(entity, in: table, view: view, at: located, catalog: catalog) : delete(entity, in: table, at: located)
    }

    /// The key of the item(s) a change targets, and the step whose results it loops over (a
    /// Query finding several items) when there is one.
    private struct Located {
        var key: ItemKey
        var repetition: StepRepetition
    }

    private mutating func locate(_ entity: Entity, in table: PlannedTable, view: KeyView, catalog: IndexCatalog, type: PatternType) -> Located? {
        let tableKey = key(of: entity.name, in: table)
        let known = Set(equality)
        if view.allAttributes.allSatisfy(known.contains) { return Located(key: tableKey, repetition: .once) }
        let verb = type == .update ? "updates" : "deletes"
        if let lookup = uniqueLookup(for: entity) {
            steps.append(PlanStep(purpose: .findKey, entity: entity.name,
                                  request: .getItem(GetRequest(tableID: lookup.id, key: key(of: entity.name, in: lookup), consistent: true))))
            notes.append("First GetItem on \(tableName(lookup)) (strongly consistent) to find the key.")
            let found = steps.count - 1
            return Located(key: tableKey.replacingInputs { input in
                input.entity == entity.name && !known.contains(input.attribute) ? .stepResult(step: found, attribute: name(input.attribute, lookup)) : nil
            }, repetition: .once)
        }
        // The whole partition of a table with a sort key: every item under it.
        let extra = equality.filter { !view.partition.contains($0) }
        if !view.partition.isEmpty, view.partition.allSatisfy(known.contains), extra.isEmpty, tableKey.parts.count > 1 {
            var sort: SortKeyCondition?
            if let prefix = view.sortPrefix, !view.isCollectionParent {
                sort = .beginsWith(KeyValue(attribute: tableKey.parts[1].attribute, type: tableKey.parts[1].type, value: .literal(prefix)))
            } else if view.isCollectionParent {
                sort = .compare(tableKey.parts[1], .equal)
            }
            let request = QueryRequest(tableID: table.id, indexID: nil, partition: [tableKey.parts[0]], sort: sort, filter: nil, scanForward: true, consistent: true)
            steps.append(PlanStep(purpose: .findKey, entity: entity.name, request: .query(request), items: expectedItems))
            notes.append("First Query \(tableName(table)) by \(view.partition.joined(separator: ", ")) (strongly consistent), then \(verb) every item it returns.")
            return Located(key: keyFromResult(tableKey, step: steps.count - 1, known: known), repetition: .perResultOf(step: steps.count - 1))
        }
        let indexes = catalog.byTable[table.id] ?? []
        if let index = indexes.first(where: { $0.kind == .global && $0.partitionKey.map(\.name) == equality && $0.sortKey.isEmpty })
            ?? indexes.first(where: { $0.kind == .global && $0.partitionKey.map(\.name) == equality }) {
            let partition = index.partitionKey.map {
                KeyValue(attribute: storedName($0.name, of: entity.name, in: table), type: $0.dynamoDBType, value: .input(entity: entity.name, attribute: $0.name))
            }
            // Other kinds of a shared table carrying the same attributes are in the index too.
            let sharing = kindsSharing(partition.map(\.attribute), with: entity.name, in: table)
            let request = QueryRequest(tableID: table.id, indexID: index.id, partition: partition, sort: nil,
                                       filter: sharing.isEmpty ? nil : kindCondition(of: entity.name, in: table), scanForward: true, consistent: false)
            steps.append(PlanStep(purpose: .findKey, entity: entity.name, request: .query(request), items: expectedItems))
            notes.append("First Query \(TableAssembler.indexName(index.id, tableID: table.id, context)) by \(equality.joined(separator: ", ")) to find the keys (eventually consistent), then \(verb) every item it returns.")
            return Located(key: keyFromResult(tableKey, step: steps.count - 1, known: known), repetition: .perResultOf(step: steps.count - 1))
        }
        return nil
    }

    /// A key whose parts not fully known from the caller come from the item a step returned.
    private func keyFromResult(_ key: ItemKey, step: Int, known: Set<String>) -> ItemKey {
        ItemKey(key.parts.map { part in
            let fromCaller = part.value.inputs.allSatisfy { known.contains($0.attribute) } && !part.value.inputs.isEmpty
            return fromCaller ? part : KeyValue(attribute: part.attribute, type: part.type, value: .stepResult(step: step, attribute: part.attribute))
        })
    }

    private mutating func update(_ entity: Entity, in table: PlannedTable, view: KeyView, at located: Located, catalog: IndexCatalog) -> PatternMapping {
        let keyComponents = Set(view.allAttributes + table.keyComponents.partition + table.keyComponents.sort)
        var written: [String]
        switch pattern.attributes {
        case .only(let names)?:
            written = names
            if let problem = missingAttribute(names, on: entity) { return unserved(problem) }
            if let key = names.first(where: keyComponents.contains) {
                return unserved("Changes \(key), part of \(tableName(table))'s key; DynamoDB cannot change a key in place. Delete the item and put it again with the new key in one transaction (a create and a delete pattern), or key the table differently (`/keys`).")
            }
        case nil, .all?:
            written = context.migratedAttributes(of: entity).map(\.name).filter { !keyComponents.contains($0) && !entity.identifier.contains($0) }
        }
        // The attributes that find the item keep the value they are found by: the caller passes
        // one value for each, so the same call cannot also change them.
        if written.contains(where: equality.contains) {
            notes.append("\(written.filter(equality.contains).joined(separator: ", ")) find\(written.filter(equality.contains).count == 1 ? "s" : "") the item, so this pattern does not change \(written.filter(equality.contains).count == 1 ? "it" : "them").")
            written.removeAll(where: equality.contains)
        }
        guard !written.isEmpty else { return unserved("Names no attribute to change besides the ones that find the item; list the attributes it writes.") }
        let pk = items.keyName(table.partitionKey, table)
        let actions = written.map { UpdateAction.set(storedName($0, of: entity.name, in: table), .input(entity: entity.name, attribute: $0)) }
            + LifecyclePlanner.expiryActions(of: entity, written: written, ttlAttribute: LifecyclePlanner.ttlAttribute(of: table, context))
            + SparsePlanner.stateActions(of: entity, written: written, in: table, context)
        let touched = layout.lookupTables(of: entity.name).filter { lookup in (lookup.lookup?.attributes ?? []).contains(where: written.contains) }
        if touched.isEmpty {
            steps.append(PlanStep(purpose: .main, entity: entity.name,
                                  request: .updateItem(UpdateRequest(tableID: table.id, key: located.key, actions: actions, condition: .attributeExists(pk))),
                                  repetition: located.repetition, items: loopItems(located)))
            notes.append("Condition attribute_exists(\(pk)): an update never creates an item.")
        } else {
            let read = steps.count
            steps.append(PlanStep(purpose: .readBeforeWrite, entity: entity.name,
                                  request: .getItem(GetRequest(tableID: table.id, key: located.key, consistent: true)), repetition: located.repetition))
            let unique = touched.flatMap { $0.lookup?.attributes ?? [] }
            var conditions: [PlanCondition] = [.attributeExists(pk)]
            for attribute in unique {
                let stored = storedName(attribute, of: entity.name, in: table)
                conditions.append(.compare(stored, .equal, .stepResult(step: read, attribute: stored)))
            }
            var transaction = [TransactAction(.update(UpdateRequest(tableID: table.id, key: located.key, actions: actions, condition: PlanCondition.all(conditions))), entity: entity.name)]
            for lookup in touched {
                let group = lookup.lookup?.attributes ?? []
                let storedNames = Dictionary(entity.attributes.map { ($0.name, storedName($0.name, of: entity.name, in: table)) }, uniquingKeysWith: { first, _ in first })
                let fromStored: (PlanInput) -> PlanValue? = { input in
                    input.entity == entity.name ? .stepResult(step: read, attribute: storedNames[input.attribute] ?? input.attribute) : nil
                }
                let oldKey = key(of: entity.name, in: lookup).replacingInputs(fromStored)
                transaction.append(TransactAction(.delete(DeleteRequest(tableID: lookup.id, key: oldKey, condition: .attributeExists(items.keyName(lookup.partitionKey, lookup)))),
                                                  entity: entity.name, skippedWhenUnchanged: group))
                let newItem = items.item(of: entity.name, in: lookup).attributes.map { stored in
                    StoredValue(attribute: stored.attribute, type: stored.type, value: stored.value.replacingInputs { input in
                        group.contains(input.attribute) ? nil : fromStored(input)
                    })
                }
                transaction.append(TransactAction(.put(PutRequest(tableID: lookup.id, item: newItem, condition: .attributeNotExists(items.keyName(lookup.partitionKey, lookup)))),
                                                  entity: entity.name, skippedWhenUnchanged: group))
            }
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .transactWriteItems(transaction), repetition: located.repetition,
                                  items: .known(Double(1 + 2 * touched.count))))
            notes.append("Reads the item first (strongly consistent) for its current unique values; then one transaction updates it (on condition the values are still those), deletes the old lookup item and puts the new one with attribute_not_exists (" + touched.map(tableName).joined(separator: ", ") + "). A value set to itself leaves the lookup items alone.")
        }
        return refreshCopies(of: entity, written: written, located: located, catalog: catalog) ?? served()
    }

    /// Items a looped step touches per call: one per result of the step it loops over.
    private func loopItems(_ located: Located) -> ItemEstimate {
        if case .perResultOf(let step) = located.repetition { return steps[step].items }
        return .known(1)
    }

    /// Steps that write a changed attribute into every child item holding a copy of it; a
    /// mapping explaining why when the children cannot be found by key.
    private mutating func refreshCopies(of entity: Entity, written: [String], located: Located, catalog: IndexCatalog) -> PatternMapping? {
        for copy in copies where copy.parent == entity.name && written.contains(copy.attribute.name) {
            guard let childTableID = layout.tableOfEntity[copy.child], let childTable = layout.table(id: childTableID),
                  let relationship = relationship(parent: entity.name, child: copy.child), let foreignKey = context.foreignKey(of: relationship),
                  foreignKey.count == entity.identifier.count
            else { return unserved("Changes \(entity.name).\(copy.attribute.name), which \(copy.child) items copy, and the \(copy.child) items cannot be found by their \(entity.name).") }
            guard case .once = located.repetition else {
                return unserved("Changes \(entity.name).\(copy.attribute.name) on several items at once, and each change must be copied into their \(copy.child) items; change one \(entity.name) per request (by its key) or reject the copy (`/reject \(copy.id)`).")
            }
            // The parent's identifier: from the caller, or from the item read before the write.
            let readStep = steps.lastIndex { $0.purpose == .readBeforeWrite || $0.purpose == .findKey }
            let parentTable = layout.table(id: layout.tableOfEntity[entity.name] ?? "")
            var values: [PlanValue] = []
            for attribute in entity.identifier {
                if equality.contains(attribute) {
                    values.append(.input(entity: entity.name, attribute: attribute))
                } else if let readStep, let parentTable, case .getItem(let request) = steps[readStep].request {
                    let source = layout.table(id: request.tableID) ?? parentTable
                    values.append(.stepResult(step: readStep, attribute: name(attribute, source)))
                } else {
                    return unserved("Changes \(entity.name).\(copy.attribute.name), which \(copy.child) items copy, but does not know the \(entity.name)'s \(attribute) to find them; look the \(entity.name) up by its key.")
                }
            }
            let childView = KeyView.of(copy.child, in: childTable, context)
            var query: QueryRequest?
            if childView.partition == foreignKey {
                let childKey = key(of: copy.child, in: childTable).replacingInputs { input in
                    guard input.entity == copy.child, let position = foreignKey.firstIndex(of: input.attribute) else { return nil }
                    return values[position]
                }
                var sort: SortKeyCondition?
                if let prefix = childView.sortPrefix, childKey.parts.count > 1 {
                    sort = .beginsWith(KeyValue(attribute: childKey.parts[1].attribute, type: childKey.parts[1].type, value: .literal(prefix)))
                }
                query = QueryRequest(tableID: childTableID, indexID: nil, partition: [childKey.parts[0]], sort: sort, filter: nil, scanForward: true, consistent: true)
            } else if let index = (catalog.byTable[childTableID] ?? []).first(where: { $0.kind == .global && $0.partitionKey.map(\.name) == foreignKey }) {
                let partition = zip(index.partitionKey, values).map { keyAttribute, value in
                    KeyValue(attribute: storedName(keyAttribute.name, of: copy.child, in: childTable), type: keyAttribute.dynamoDBType, value: value)
                }
                query = QueryRequest(tableID: childTableID, indexID: index.id, partition: partition, sort: nil, filter: nil, scanForward: true, consistent: false)
            }
            guard let query else {
                return unserved("Changes \(entity.name).\(copy.attribute.name), which \(copy.child) items copy (\(copy.id)), but no table key or index finds a \(entity.name)'s \(copy.child) items by \(foreignKey.joined(separator: ", ")). Add a read pattern of \(copy.child) by \(foreignKey.joined(separator: ", ")), or reject the copy (`/reject \(copy.id)`).")
            }
            let queryStep = steps.count
            steps.append(PlanStep(purpose: .findKey, entity: copy.child, request: .query(query), items: childrenAverage(relationship)))
            let childKey = key(of: copy.child, in: childTable)
            let loopKey = ItemKey(childKey.parts.map { KeyValue(attribute: $0.attribute, type: $0.type, value: .stepResult(step: queryStep, attribute: $0.attribute)) })
            let copyName = storedName(copy.copyName, of: copy.child, in: childTable)
            steps.append(PlanStep(purpose: .refreshCopies, entity: copy.child,
                                  request: .updateItem(UpdateRequest(tableID: childTableID, key: loopKey, actions: [.set(copyName, .input(entity: entity.name, attribute: copy.attribute.name))],
                                                                     condition: .attributeExists(childKey.parts[0].attribute))),
                                  repetition: .perResultOf(step: queryStep), items: .known(1)))
            notes.append("Then Query \(tableName(childTable)) for the \(entity.name)'s \(copy.child) items and update each one's copy of \(copy.attribute.name) (not atomic: readers may see the old copy for a moment).")
        }
        return nil
    }

    private mutating func delete(_ entity: Entity, in table: PlannedTable, at located: Located) -> PatternMapping {
        let lookups = layout.lookupTables(of: entity.name)
        let pk = items.keyName(table.partitionKey, table)
        if lookups.isEmpty {
            if case .perResultOf = located.repetition {
                steps.append(PlanStep(purpose: .main, entity: entity.name, request: .batchWriteItem([.delete(tableID: table.id, key: located.key)]),
                                      repetition: located.repetition, items: loopItems(located)))
                notes.append("Deletes them with BatchWriteItem, 25 per request (not all or nothing; unprocessed items are retried).")
            } else {
                steps.append(PlanStep(purpose: .main, entity: entity.name, request: .deleteItem(DeleteRequest(tableID: table.id, key: located.key, condition: nil))))
            }
            return served()
        }
        let read = steps.count
        steps.append(PlanStep(purpose: .readBeforeWrite, entity: entity.name,
                              request: .getItem(GetRequest(tableID: table.id, key: located.key, consistent: true)), repetition: located.repetition))
        var transaction = [TransactAction(.delete(DeleteRequest(tableID: table.id, key: located.key, condition: .attributeExists(pk))), entity: entity.name)]
        for lookup in lookups {
            let reserved = key(of: entity.name, in: lookup).replacingInputs { input in
                input.entity == entity.name ? .stepResult(step: read, attribute: name(input.attribute, table)) : nil
            }
            transaction.append(TransactAction(.delete(DeleteRequest(tableID: lookup.id, key: reserved, condition: .attributeExists(items.keyName(lookup.partitionKey, lookup)))),
                                              entity: entity.name))
        }
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .transactWriteItems(transaction), repetition: located.repetition,
                              items: .known(Double(1 + lookups.count))))
        notes.append("Reads the item first (strongly consistent) for its unique values; then one transaction deletes it and its lookup items (" + lookups.map(tableName).joined(separator: ", ") + "), so the values become free again.")
        return served()
    }

    // MARK: Embedded children

    private mutating func writeEmbedded(_ entity: Entity, type: PatternType, in aggregate: EmbeddedAggregate) -> PatternMapping {
        guard type == .write else {
            return unserved("\(entity.name) is embedded in \(aggregate.parent) items: changing one means reading the \(aggregate.parent), changing its `\(aggregate.attribute)` list and writing it back with a condition on the old list, which is not one request. Reject the aggregate (`/reject aggregate:\(entity.name)`) to keep \(entity.name) items of their own.")
        }
        guard let parentTableID = layout.tableOfEntity[aggregate.parent], let parentTable = layout.table(id: parentTableID),
              let parent = context.entity(aggregate.parent), let relationship = relationship(parent: aggregate.parent, child: entity.name),
              let foreignKey = context.foreignKey(of: relationship), foreignKey.count == parent.identifier.count
        else { return unserved("\(entity.name) is embedded in \(aggregate.parent) items, and its reference to the \(aggregate.parent) is unknown.") }
        let parentKey = key(of: aggregate.parent, in: parentTable).replacingInputs { input in
            guard input.entity == aggregate.parent, let position = parent.identifier.firstIndex(of: input.attribute) else { return nil }
            return .input(entity: entity.name, attribute: foreignKey[position])
        }
        if let missing = parentKey.parts.flatMap(\.value.inputs).first(where: { $0.entity != entity.name }) {
            return unserved("\(entity.name) is embedded in \(aggregate.parent) items, whose key needs \(missing.attribute), which \(Article.a(entity.name)) does not carry. Reject the aggregate (`/reject aggregate:\(entity.name)`) to keep \(entity.name) items of their own.")
        }
        let list = name(aggregate.attribute, parentTable)
        steps.append(PlanStep(purpose: .main, entity: aggregate.parent, request: .updateItem(UpdateRequest(
            tableID: parentTableID, key: parentKey, actions: [.appendToList(list, .entityItem(entity: entity.name))],
            condition: .attributeExists(items.keyName(parentTable.partitionKey, parentTable))))))
        notes.append("Appends the \(entity.name) to the \(aggregate.parent) item's `\(list)` list (list_append); the whole item is rewritten.")
        return served()
    }
}
