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

        // A minority state (open issues, available drivers) is read through a sparse index.
        if let sparse = sparseRead(entity: entity, table: table, catalog: &catalog) { return sparse }
        let view = KeyView.of(entityName, in: table, context)
        let known = Set(equality)
        let partitionKnown = !view.partition.isEmpty && view.partition.allSatisfy(known.contains)
        let extraEquality = equality.filter { !view.partition.contains($0) && !view.sort.contains($0) }

        if partitionKnown, extraEquality.isEmpty {
            // A filter is on the pattern's own entity: members then come by their own Query,
            // or the filter would drop them.
            let members = (pattern.filterAttributes ?? []).isEmpty ? collectionMembersRead(table: table) : []
            if view.isCollectionParent {
                if members.isEmpty, sortRequirement == nil { return getItem(entity: entity, table: table, catalog: &catalog) }
                return queryTable(entity: entity, table: table, view: view, members: members, catalog: &catalog)
            }
            let sortKnown = !view.sort.isEmpty && view.sort.allSatisfy(known.contains)
            if view.sort.isEmpty || sortKnown { return getItem(entity: entity, table: table, catalog: &catalog) }
            if sortRequirement == nil || SortKeyOrdering.ordersBy(sortRequirement!.attribute, parts: view.sort, entity: entity) {
                return queryTable(entity: entity, table: table, view: view, members: [], catalog: &catalog)
            }
            // Ordered by another attribute within one partition: an LSI, never a GSI keyed by the
            // table's own partition key (docs/design-engine.md, section 4). A read that also knows
            // part of the sort key takes a GSI keyed by all it knows (another partition key), unless
            // it must be strongly consistent.
            if table.lookup == nil, let sort = sortRequirement?.attribute, unkeyable([sort], on: entity) == nil,
               strong || Set(equality) == Set(view.partition) {
                if catalog.existing(on: table.id, partition: view.partition, sort: [sort], kind: .local) == nil,
                   catalog.localCount(on: table.id) >= IndexCatalog.localLimit {
                    return unserved("Reads one \(table.partitionKey.name)'s items in \(sort) order, which needs an LSI, but \(tableName(table)) already has \(IndexCatalog.localLimit), DynamoDB's limit per table. Let this read use another order, or drop a rarely used ordered read.")
                }
                let indexID = catalog.use(on: table, entity: entity, partition: view.partition, sort: [sort], kind: .local, pattern: pattern, context)
                notes.append(strong ? "An LSI because the pattern needs strongly consistent reads in \(sort) order; an LSI caps each \(table.partitionKey.name)'s items at 10 GB."
                    : "An LSI because the pattern reads the items of one \(table.partitionKey.name) in \(sort) order: a GSI keyed by the table's own partition key would copy every item with write costs of its own. An LSI exists only from table creation and caps each \(table.partitionKey.name)'s items at 10 GB.")
                // A filter on the LSI's sort key is an equality on it in the key condition.
                let filtersSortKey = (pattern.filterAttributes ?? []).contains(sort)
                // The index's key type: a boolean sort key is stored as a number.
                let sortType = catalog.index(indexID, on: table.id)?.sortKey.first?.dynamoDBType ?? storedType(sort, of: entityName, in: table)
                let sortPrefix = filtersSortKey ? [KeyValue(attribute: storedName(sort, of: entityName, in: table), type: sortType,
                                                            value: .input(entity: entityName, attribute: sort))] : []
                // Parts of the table's sort key the pattern knows are not in the LSI's key: filters.
                let knownSortParts = view.sort.filter(known.contains).map { name in
                    PlanCondition.compare(storedName(name, of: entityName, in: table), .equal, .input(entity: entityName, attribute: name))
                }
                return queryIndex(entity: entity, table: table, indexID: indexID, partition: [key(of: entityName, in: table).parts[0]], sortPrefix: sortPrefix,
                                  skippingFilters: Set((pattern.filterAttributes ?? []).filter { $0 == sort || view.partition.contains($0) }),
                                  extraFilters: knownSortParts, consistent: strong, catalog: &catalog)
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
        var sort = sortRequirement.map { [$0.attribute] } ?? []
        if let problem = unkeyable(equality + sort, on: entity) { return unserved(problem) }
        // Reuse before adding: an index of this entity whose keys serve the read (docs/design-engine.md, section 4).
        if let reused = reusableIndex(catalog, table: table, entity: entity) {
            catalog.attach(pattern.id, to: reused.id, on: table.id)
            return readThroughIndex(reused.id, catalog: &catalog, table: table, entity: entity)
        }
        // Read by part of the identifier: the rest of it sorts the index (the inverted index of a pair).
        if sort.isEmpty, let remaining = invertedSortKey(entity: entity) { sort = [remaining] }
        if catalog.existing(on: table.id, partition: equality, sort: sort, kind: .global) == nil,
           catalog.globalCount(on: table.id) >= IndexCatalog.globalLimit {
            return unserved("Needs an index by \(equality.joined(separator: ", "))\(sort.isEmpty ? "" : " ordered by \(sort[0])"), but \(tableName(table)) already has \(IndexCatalog.globalLimit) GSIs, DynamoDB's limit per table. Let this pattern share an index (`/index-keys` on one whose keys can serve it), drop a rarely used read, or move some reads to another table.")
        }
        let indexID = catalog.use(on: table, entity: entity, partition: equality, sort: sort, kind: .global, pattern: pattern, context)
        return readThroughIndex(indexID, catalog: &catalog, table: table, entity: entity)
    }

    /// A GSI already planned for this entity whose keys serve the read: its partition key is
    /// known and its sort key gives the order asked (any sort key when none is asked). Among
    /// several, the one keyed by exactly the equality attributes, then by sort-key names, so
    /// the choice does not depend on pattern order.
    func reusableIndex(_ catalog: IndexCatalog, table: PlannedTable, entity: Entity) -> IndexDesign? {
        let candidates = (catalog.byTable[table.id] ?? []).filter { index in
            index.kind == .global && holdsEveryItem(index, of: entity, in: table) && IndexCatalog.serves(index, equality: equality, sort: sortRequirement?.attribute)
                && index.patternIDs.allSatisfy { context.patternsByID[$0]?.entities.first == entity.name }
                && missingAttribute(index.keyAttributeNames, on: entity) == nil
        }
        return candidates.min { left, right in
            let leftExact = Set(left.partitionKey.map(\.name)) == Set(equality)
            let rightExact = Set(right.partitionKey.map(\.name)) == Set(equality)
            if leftExact != rightExact { return leftExact }
            let leftSort = left.sortKey.map(\.name).joined(separator: ",")
            let rightSort = right.sortKey.map(\.name).joined(separator: ",")
            return leftSort != rightSort ? leftSort < rightSort : left.id < right.id
        }
    }

    /// For a read by all but one attribute of the entity's identifier: that attribute, as the
    /// sort key of the read's index (an inverted index: partition b, sort a).
    func invertedSortKey(entity: Entity) -> String? {
        let identifier = entity.identifier
        guard identifier.count > equality.count, Set(equality).isSubset(of: Set(identifier)) else { return nil }
        let remaining = identifier.filter { !equality.contains($0) }
        guard remaining.count == 1, unkeyable(remaining, on: entity) == nil, UniqueGroupKey.keyable(remaining[0], of: entity) else { return nil }
        return remaining[0]
    }

    /// A Query on a planned GSI with the read's key conditions and filters.
    private mutating func readThroughIndex(_ indexID: String, catalog: inout IndexCatalog, table: PlannedTable, entity: Entity) -> PatternMapping {
        let entityName = entity.name
        guard let index = catalog.index(indexID, on: table.id) else { return unserved("The index planned for the pattern is missing.") }
        if !IndexCatalog.serves(index, equality: equality, sort: sortRequirement?.attribute) {
            let keys = index.partitionKey.map(\.name).joined(separator: ", ") + (index.sortKey.isEmpty ? "" : " / " + index.sortKey.map(\.name).joined(separator: ", "))
            let indexName = TableAssembler.indexName(indexID, tableID: table.id, context)
            return unserved("\(indexName) was keyed by \(keys) at the design gate, which cannot answer a lookup by \(equality.joined(separator: ", "))\(sortRequirement.map { " ordered by \($0.attribute)" } ?? ""). Reset its keys (`/index-keys \(tableName(table)) \(indexName) reset`) or choose keys that include them.")
        }
        if let problem = missingAttribute(index.keyAttributeNames, on: entity) { return unserved(problem) }
        let partition = index.partitionKey.map { keyValue($0, entity: entityName, table: table) }
        let extra = equality.filter { name in !index.partitionKey.contains { $0.name == name } }
        var sortPrefix = Array(index.sortKey.prefix(extra.count).map { keyValue($0, entity: entityName, table: table) })
        // A filter on one of the index's key attributes goes into the key condition (DynamoDB
        // refuses it in a filter): the partition key is already there; a sort-key attribute is
        // matched left to right, so only the next one can be added.
        var keyFilters = Set<String>()
        for name in pattern.filterAttributes ?? [] {
            if index.partitionKey.contains(where: { $0.name == name }) { keyFilters.insert(name); continue }
            guard let position = index.sortKey.firstIndex(where: { $0.name == name }) else { continue }
            guard position == sortPrefix.count else {
                return unserved("Filters on \(name), a sort-key attribute of \(TableAssembler.indexName(indexID, tableID: table.id, context)) that is not next in its left-to-right order, so it can be neither a filter nor a key condition. Reset the index keys (`/index-keys \(tableName(table)) \(TableAssembler.indexName(indexID, tableID: table.id, context)) reset`) or drop the filter.")
            }
            sortPrefix.append(keyValue(index.sortKey[position], entity: entityName, table: table))
            keyFilters.insert(name)
        }
        return queryIndex(entity: entity, table: table, indexID: indexID, partition: partition, sortPrefix: sortPrefix, skippingFilters: keyFilters, catalog: &catalog)
    }

    /// Why some of these attributes cannot be an index key (documents, lists and sets cannot:
    /// keys are strings, numbers or binary); nil when all can.
    func unkeyable(_ names: [String], on entity: Entity) -> String? {
        for name in names {
            let type = entity.attribute(named: name).map(ItemSizer.dynamoDBType) ?? copies.first { $0.child == entity.name && $0.copyName == name }.map { ItemSizer.dynamoDBType(of: $0.attribute) }
            guard let type, !type.hasKeyForm else { continue }
            return "Looks \(entity.name) items up by \(name), which holds \(Self.typeWords(type)); a key (table or index) can only be a string, a number or binary. Store a scalar attribute derived from it (such as a code or a hash) and look items up by that, or treat the pattern as a search."
        }
        return nil
    }

    static func typeWords(_ type: DynamoDBType) -> String {
        switch type {
        case .map: return "documents (a map)"
        case .list: return "lists"
        case .stringSet, .numberSet, .binarySet: return "sets"
        default: return type.rawValue + " values"
        }
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

    private mutating func getItem(entity: Entity, table: PlannedTable, catalog: inout IndexCatalog) -> PatternMapping {
        let request = GetRequest(tableID: table.id, key: key(of: entity.name, in: table), consistent: strong)
        if expectsSeveralItems {
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .batchGetItem(request), repetition: .perInputItem(entity: entity.name),
                                  items: expectedItems))
            notes.append("Up to 100 keys per BatchGetItem request; each item's size is rounded up to 4 KB separately.")
            if let sort = sortRequirement {
                notes.append("BatchGetItem returns items in no particular order: sort them by \(sort.attribute) in the application.")
            }
        } else {
            steps.append(PlanStep(purpose: .main, entity: entity.name, request: .getItem(request)))
        }
        addRelatedReads(entity: entity, table: table, catalog: &catalog)
        return served()
    }

    /// A Query on the table by its partition key: the items of one partition, one kind of an item
    /// collection (`begins_with` on its prefix), or a collection's parent with its members.
    private mutating func queryTable(entity: Entity, table: PlannedTable, view: KeyView, members: [String], catalog: inout IndexCatalog) -> PatternMapping {
        let itemKey = key(of: entity.name, in: table)
        var sort: SortKeyCondition?
        // Leading parts of a concatenated sort key the pattern knows narrow the Query with
        // begins_with (`scope_id#` of `scope_id#ledger_id`); parts it knows further on are filters.
        let knownSort = view.isCollectionParent ? [] : Array(view.sort.prefix { equality.contains($0) })
        let laterKnownSort = view.isCollectionParent ? [] : view.sort.dropFirst(knownSort.count).filter { equality.contains($0) }
        if let prefix = view.sortPrefix, itemKey.parts.count > 1 {
            let sortKey = itemKey.parts[1]
            if view.isCollectionParent {
                if members.isEmpty { sort = .compare(sortKey, .equal) }
            } else {
                var pieces: [PlanValue] = [.literal(prefix)]
                for name in knownSort { pieces += [.input(entity: entity.name, attribute: name), .literal("#")] }
                sort = .beginsWith(KeyValue(attribute: sortKey.attribute, type: sortKey.type, value: pieces.count == 1 ? .literal(prefix) : .concatenation(pieces)))
            }
        } else if !knownSort.isEmpty, itemKey.parts.count > 1 {
            var pieces: [PlanValue] = []
            for name in knownSort { pieces += [.input(entity: entity.name, attribute: name), .literal("#")] }
            sort = .beginsWith(KeyValue(attribute: itemKey.parts[1].attribute, type: .string, value: .concatenation(pieces)))
        }
        if let requirement = sortRequirement {
            let direction = requirement.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending"
            notes.append("Ordered by \(name(requirement.attribute, table)), \(direction); add a range condition on \(name(requirement.attribute, table)) to narrow it.")
        }
        if !members.isEmpty {
            notes.append("One Query returns the \(entity.name) item and its \(members.joined(separator: ", ")) items (same partition key).")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        // A filter on a key attribute goes into the key condition: DynamoDB refuses it in a filter.
        var keyFilters = Set<String>()
        for name in pattern.filterAttributes ?? [] {
            let stored = storedName(name, of: entity.name, in: table)
            if stored == itemKey.parts[0].attribute { keyFilters.insert(name) }
            if itemKey.parts.count > 1, stored == itemKey.parts[1].attribute, sort == nil, view.sortPrefix == nil {
                sort = .compare(KeyValue(attribute: stored, type: itemKey.parts[1].type, value: .input(entity: entity.name, attribute: name)), .equal)
                keyFilters.insert(name)
            }
        }
        let knownFilters = laterKnownSort.map { name in
            PlanCondition.compare(storedName(name, of: entity.name, in: table), .equal, .input(entity: entity.name, attribute: name))
        }
        let request = QueryRequest(tableID: table.id, indexID: nil, partition: [itemKey.parts[0]], sort: sort,
                                   filter: PlanCondition.all(knownFilters + [filterCondition(entity: entity.name, table: table, skipping: keyFilters)].compactMap { $0 }),
                                   scanForward: sortRequirement?.direction != .descending, consistent: strong)
        let returned: ItemEstimate = view.isCollectionParent && members.isEmpty ? .known(1) : expectedItems
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .query(request), items: returned,
                              itemsExamined: examined(returned: returned, entity: entity, partitionItems: partitionItems(of: table, entity: entity.name)),
                              collectionMembers: members))
        addRelatedReads(entity: entity, table: table, skipping: members, catalog: &catalog)
        return served()
    }

    /// Average items under one partition-key value of `table` for `entity`, when the
    /// relationships say (the children of one parent).
    private func partitionItems(of table: PlannedTable, entity: String) -> Double? {
        if case .perParent(_, let average?, _) = table.partitionKey.distribution { return average }
        return nil
    }

    private mutating func queryIndex(entity: Entity, table: PlannedTable, indexID: String, partition: [KeyValue], sortPrefix: [KeyValue],
                                     skippingFilters: Set<String> = [], extraFilters: [PlanCondition] = [], consistent: Bool = false, catalog: inout IndexCatalog) -> PatternMapping {
        if let requirement = sortRequirement {
            let direction = requirement.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending"
            notes.append("Ordered by \(name(requirement.attribute, table)), \(direction); add a range condition on \(name(requirement.attribute, table)) to narrow it.")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        let sharing = kindsSharing(partition.map(\.attribute), with: entity.name, in: table)
        let kindFilter = sharing.isEmpty ? nil : kindCondition(of: entity.name, in: table)
        let request = QueryRequest(tableID: table.id, indexID: indexID, partition: partition, sortPrefix: sortPrefix, sort: nil,
                                   filter: PlanCondition.all(extraFilters + [kindFilter, filterCondition(entity: entity.name, table: table, skipping: skippingFilters)].compactMap { $0 }),
                                   scanForward: sortRequirement?.direction != .descending, consistent: consistent)
        let returned = expectedItems
        var examinedItems = examined(returned: returned, entity: entity, partitionItems: nil)
        if !extraFilters.isEmpty {
            examinedItems = partitionItems(of: table, entity: entity.name).map { .known(max($0, returned.value ?? 0)) }
                ?? .unknown(reason: "pattern #\(pattern.id) filters the items of one \(table.partitionKey.name) by \(extraFilters.flatMap(\.attributes).joined(separator: ", ")), and how many items one \(table.partitionKey.name) holds is unknown")
        }
        if !sharing.isEmpty, let sortKey = table.sortKey {
            notes.append("\(sharing.joined(separator: ", ")) items in \(tableName(table)) carry the same index key, so the Query reads them too and a filter on \(items.keyName(sortKey, table)) drops them: they cost read units.")
            examinedItems = .unknown(reason: "pattern #\(pattern.id) reads \(sharing.joined(separator: ", ")) items under the same index key, in numbers nobody stated")
        }
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .query(request), items: returned, itemsExamined: examinedItems))
        addRelatedReads(entity: entity, table: table, catalog: &catalog)
        return served()
    }

    /// The condition that keeps one kind of an item collection's items: the parent's fixed sort
    /// key, or a member's prefix (`begins_with` on `REVIEW` alone would also match `REVIEW_WISHLIST#…`).
    func kindCondition(of entity: String, in table: PlannedTable) -> PlanCondition? {
        guard case .itemCollection = table.role, let sortKey = table.sortKey else { return nil }
        let view = KeyView.of(entity, in: table, context)
        guard let prefix = view.sortPrefix else { return nil }
        let stored = items.keyName(sortKey, table)
        return view.isCollectionParent ? .compare(stored, .equal, .literal(prefix)) : .beginsWith(stored, .literal(prefix))
    }

    /// The other kinds of `table` whose items also hold every one of `storedKeyNames` (and so
    /// land in an index keyed by them).
    func kindsSharing(_ storedKeyNames: [String], with entity: String, in table: PlannedTable) -> [String] {
        guard case .itemCollection = table.role else { return [] }
        return table.entities.filter { other in
            other != entity && Set(storedKeyNames).isSubset(of: Set(items.item(of: other, in: table).attributes.map(\.attribute)))
        }
    }

    /// Reads of the pattern's other entities that live in other tables: a parent by its key, or
    /// children by their parent's key. Values come from the caller when the pattern knows them,
    /// otherwise from the items the main step read.
    private mutating func addRelatedReads(entity: Entity, table: PlannedTable, skipping: [String] = [], catalog: inout IndexCatalog) {
        guard let mainIndex = steps.lastIndex(where: { $0.purpose == .main }) else { return }
        let main = steps[mainIndex]
        let singleItem: Bool = { if case .getItem = main.request { return true } else { return false } }()
        // A main step repeated for each item given reads several items: the related reads then
        // follow each item read, with the values taken from that item.
        let mainReadsEachGivenItem: Bool = { if case .perInputItem = main.repetition { return true } else { return false } }()
        for other in pattern.entities.dropFirst() where !skipping.contains(other) && other != entity.name {
            guard let otherTableID = layout.tableOfEntity[other], let otherTable = layout.table(id: otherTableID) else { continue }
            if layout.embedded[other]?.parent == entity.name {
                notes.append("\(other) items come embedded in the \(entity.name) item.")
                continue
            }
            // Kinds of the same item collection the main Query did not return are read by their own key.
            if otherTableID == table.id, table.entities.count < 2 { continue }
            if coveredByCopies(parent: other, child: entity.name) {
                notes.append("The \(other) attributes it needs are copied into \(entity.name) items (accepted denormalization): no \(other) read.")
                continue
            }
            let otherView = KeyView.of(other, in: otherTable, context)
            let mainTable = layout.table(id: main.request.tableID) ?? table
            // Where the values of `names` of the main entity come from: the caller, or the main step's items.
            let knownAttributes = mainReadsEachGivenItem ? [] : Set(equality)
            let storedNames = Dictionary(entity.attributes.map { ($0.name, storedName($0.name, of: entity.name, in: mainTable)) }, uniquingKeysWith: { first, _ in first })
            let fromMain: (String) -> PlanValue = { attribute in
                knownAttributes.contains(attribute) ? .input(entity: entity.name, attribute: attribute)
                    : .stepResult(step: mainIndex, attribute: storedNames[attribute] ?? attribute)
            }
            if let relationship = relationship(parent: entity.name, child: other), let foreignKey = context.foreignKey(of: relationship) {
                let identifier = entity.identifier
                guard identifier.count == foreignKey.count else { continue }
                guard otherView.partition == foreignKey else {
                    // The children are keyed by another parent (postings by their account, read
                    // here through their transfer): a GSI on the reference finds them.
                    readChildrenThroughIndex(other, in: otherTable, foreignKey: foreignKey, relationship: relationship, identifier: identifier,
                                             fromMain: fromMain, repetition: (mainReadsEachGivenItem || identifier.contains { !equality.contains($0) }) && !singleItem
                                                 ? .perResultOf(step: mainIndex) : .once, catalog: &catalog)
                    continue
                }
                let needsMainItem = mainReadsEachGivenItem || identifier.contains { !equality.contains($0) }
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
                let needsMainItem = mainReadsEachGivenItem || foreignKey.contains { !equality.contains($0) }
                let otherKey = key(of: other, in: otherTable).replacingInputs { input in
                    guard input.entity == other, let position = otherEntity.identifier.firstIndex(of: input.attribute) else { return nil }
                    return fromMain(foreignKey[position])
                }
                steps.append(PlanStep(purpose: .related, entity: other, request: .getItem(GetRequest(tableID: otherTableID, key: otherKey, consistent: false)),
                                      repetition: needsMainItem && !singleItem ? .perResultOf(step: mainIndex) : .once))
                notes.append("Then GetItem on \(tableName(otherTable)) by \(foreignKey.joined(separator: ", ")) for the \(other).")
            } else {
                relatedReadProblems.append("Lists \(other), which no relationship links to \(entity.name) by a key this read can use: read \(other) with a pattern of its own, or drop it from this one.")
            }
        }
    }

    /// Whether the index holds every item of the entity: a sparse index of a minority state
    /// (open alerts) holds only the items in that state, so no other read may use it.
    func holdsEveryItem(_ index: IndexDesign, of entity: Entity, in table: PlannedTable) -> Bool {
        guard let sparse = index.sparse else { return true }
        return !SparsePlanner.selections(of: entity, in: table, context).contains { $0.attribute == sparse.attribute }
    }

    /// Children a read lists whose table is keyed by another parent: a Query on a GSI keyed by
    /// the reference (one this table already has, or a new one). When no index can be added
    /// (a table holding several kinds, DynamoDB's 20-GSI limit, a reference that cannot be a
    /// key) the read cannot return them, and the pattern says so instead of claiming it does.
    private mutating func readChildrenThroughIndex(_ child: String, in childTable: PlannedTable, foreignKey: [String], relationship: Relationship,
                                                   identifier: [String], fromMain: (String) -> PlanValue, repetition: StepRepetition,
                                                   catalog: inout IndexCatalog) {
        let references = foreignKey.joined(separator: ", ")
        guard childTable.lookup == nil, let childEntity = context.entity(child), unkeyable(foreignKey, on: childEntity) == nil,
              missingAttribute(foreignKey, on: childEntity) == nil, foreignKey.count <= 4 else {
            relatedReadProblems.append("Lists \(child), whose items are keyed otherwise and cannot be indexed by \(references) here: read them with a pattern of their own, or drop \(child) from this one.")
            return
        }
        let existing = (catalog.byTable[childTable.id] ?? []).first {
            $0.kind == .global && $0.partitionKey.map(\.name) == foreignKey && holdsEveryItem($0, of: childEntity, in: childTable)
        }
        let indexID: String
        if let existing {
            catalog.attach(pattern.id, to: existing.id, on: childTable.id)
            indexID = existing.id
        } else if catalog.globalCount(on: childTable.id) < IndexCatalog.globalLimit {
            indexID = catalog.use(on: childTable, entity: childEntity, partition: foreignKey, sort: [], kind: .global, pattern: pattern, context)
        } else {
            relatedReadProblems.append("Lists \(child), which would need an index by \(references), but \(tableName(childTable)) already has \(IndexCatalog.globalLimit) GSIs.")
            return
        }
        let partition = foreignKey.enumerated().map { position, reference in
            KeyValue(attribute: storedName(reference, of: child, in: childTable), type: storedType(reference, of: child, in: childTable),
                     value: fromMain(identifier[position]))
        }
        // In a table holding several kinds, other kinds carrying the same reference land in the
        // index too: a filter on the kind keeps the children.
        let sharing = kindsSharing(partition.map(\.attribute), with: child, in: childTable)
        let kindFilter = sharing.isEmpty ? nil : kindCondition(of: child, in: childTable)
        let request = QueryRequest(tableID: childTable.id, indexID: indexID, partition: partition, sort: nil, filter: kindFilter, scanForward: true, consistent: false)
        steps.append(PlanStep(purpose: .related, entity: child, request: .query(request), repetition: repetition, items: childrenAverage(relationship),
                              itemsExamined: sharing.isEmpty ? nil : .unknown(reason: "pattern #\(pattern.id) reads \(sharing.joined(separator: ", ")) items under the same index key, in numbers nobody stated")))
        notes.append("Then Query \(tableName(childTable)) / \(TableAssembler.indexName(indexID, tableID: childTable.id, context)) by \(references) for the \(child) items (eventually consistent: a GSI).")
    }

    /// Whether every attribute of `parent` the pattern uses (to find items or to return them) is
    /// an adopted copy in `child` items: the parent itself is then not read.
    private func coveredByCopies(parent: String, child: String) -> Bool {
        guard let parentEntity = context.entity(parent), let childEntity = context.entity(child) else { return false }
        var used = equality + (sortRequirement.map { [$0.attribute] } ?? []) + (pattern.filterAttributes ?? [])
        if case .only(let needed)? = pattern.attributes { used += needed }
        let fromParent = used.filter { childEntity.attribute(named: $0) == nil && parentEntity.attribute(named: $0) != nil }
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
        let request = ScanRequest(tableID: table.id, filter: filterCondition(entity: entity.name, table: table), entityFilter: kindCondition(of: entity.name, in: table))
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
        if let missing = parentKey.parts.flatMap(\.value.inputs).first(where: { $0.entity != entity.name || !equality.contains($0.attribute) }) {
            return unserved("\(entity.name) is embedded in \(aggregate.parent) items, whose key needs \(missing.attribute), which this pattern does not know. Reject the aggregate (`/reject aggregate:\(entity.name)`) or look \(entity.name) up by the \(aggregate.parent)'s whole key.")
        }
        steps.append(PlanStep(purpose: .main, entity: aggregate.parent,
                              request: .getItem(GetRequest(tableID: parentTableID, key: parentKey, consistent: strong))))
        notes.append("Reads the \(aggregate.parent) item and its `\(aggregate.attribute)` list.")
        return served()
    }
}
