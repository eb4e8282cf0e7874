import Requirements

/// One read of a minority state served by a sparse index (docs/design-engine.md, "Sparse
/// indexes"): the attribute only the items in that state carry, and the index on it.
struct SparseSelection: Equatable {
    var patternID: Int
    var entity: String
    var selected: SelectedValue
    /// The stated share of the items in the state.
    var share: Double
    /// The stored attribute only those items carry, such as `status_open`.
    var attribute: String
    /// The other equality attributes, which key the index's partitions.
    var partition: [String]
    /// The attribute the pattern orders by, if any.
    var sort: String?
    /// The other equality attributes are the table's partition key: a local index on the
    /// sparse attribute serves the read (a GSI on the table's own partition key would double its
    /// writes for nothing). The attribute then holds the order attribute's value, when there is
    /// one, so the LSI both selects and orders.
    var local = false

    /// The literal the items in the state store (the selected value, or `none` for a null selection).
    var literal: String { selected.value ?? "none" }

    /// The value an item of the entity stores: the literal while the selector holds it, else nothing.
    var value: PlanValue {
        let then: PlanValue = local ? sort.map { .input(entity: entity, attribute: $0) } ?? .literal(literal) : .literal(literal)
        return .whenSelected(selector: .input(entity: entity, attribute: selected.attribute), equals: selected.value, then: then)
    }
}

enum SparsePlanner {
    /// A state held by fewer than this share of the items gets a sparse index.
    static let threshold = 0.10

    /// The sparse selection of one read pattern, when it selects a minority state whose share
    /// the requirements state and the table's own key cannot serve it.
    static func selection(for pattern: AccessPattern, in table: PlannedTable, _ context: DesignContext) -> SparseSelection? {
        guard pattern.type == .read, pattern.hasRPS, pattern.entities.count == 1, table.lookup == nil, let entityName = pattern.entities.first,
              let entity = context.entity(entityName), table.entities.contains(entityName) else { return nil }
        for selected in pattern.selects ?? [] {
            guard let attribute = entity.attribute(named: selected.attribute), attribute.isMigrated,
                  let share = attribute.share(of: selected.value), share < threshold else { continue }
            let equality = pattern.equalityAttributes ?? []
            let partition = equality.filter { $0 != selected.attribute }
            let view = KeyView.of(entityName, in: table, context)
            // The table's own key already selects these items (the state is part of the key).
            if view.partition.contains(selected.attribute) || view.sort.contains(selected.attribute) { return nil }
            // The other equality attributes are the table's whole key: one item, the state a check on it.
            if !view.partition.isEmpty, (view.partition + view.sort).allSatisfy(partition.contains) { return nil }
            var sort: String?
            if case .attribute(let requirement)? = pattern.sort { sort = requirement.attribute }
            // A filter on one of the index's key attributes would be refused by DynamoDB.
            let keyNames = Set(partition + (sort.map { [$0] } ?? []))
            if (pattern.filterAttributes ?? []).contains(where: { $0 != selected.attribute && keyNames.contains($0) }) { return nil }
            // Index keys are strings, numbers or binary (a boolean is stored as a number).
            let keyable: Set<DynamoDBType> = [.string, .number, .binary, .boolean]
            guard partition.count <= 3, (partition + (sort.map { [$0] } ?? [])).allSatisfy({ name in
                entity.attribute(named: name).map { keyable.contains(ItemSizer.dynamoDBType(of: $0)) && $0.isMigrated } ?? false
            }) else { return nil }
            let name = storedName(selected, entity: entity, table: table, context)
            var selection = SparseSelection(patternID: pattern.id, entity: entityName, selected: selected, share: share, attribute: name,
                                            partition: partition, sort: sort)
            // An LSI's sort key is one attribute, stored here as a string: the order attribute
            // must be one (text, a date or a time) to become it.
            // The table's partition key alone finds at most one item when it has no sort key:
            // the state is then a filter on that item, not an index.
            if !partition.isEmpty, partition == view.partition, table.sortKey == nil { return nil }
            if case .entity = table.role, !partition.isEmpty, partition == view.partition,
               sort.map({ name in entity.attribute(named: name).map { ItemSizer.dynamoDBType(of: $0) == .string } ?? false }) ?? true {
                selection.local = true
            }
            return selection
        }
        return nil
    }

    /// Every sparse selection on `entity`'s items in `table`, one per stored attribute.
    static func selections(of entity: Entity, in table: PlannedTable, _ context: DesignContext) -> [SparseSelection] {
        var found: [SparseSelection] = []
        for pattern in context.requirements.accessPatterns where pattern.entities.first == entity.name {
            guard let selection = selection(for: pattern, in: table, context), !found.contains(where: { $0.attribute == selection.attribute }) else { continue }
            found.append(selection)
        }
        return found
    }

    /// `status_open`, `returned_at_none`: the selected attribute and value, in the name rules.
    static func storedName(_ selected: SelectedValue, entity: Entity, table: PlannedTable, _ context: DesignContext) -> String {
        let value = (selected.value ?? "none").lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        var name = context.attributeName(selected.attribute, inTable: table.id) + "_" + String(value.prefix(40))
        let taken = Set(entity.attributes.map(\.name))
        while taken.contains(name) { name += "_flag" }
        return name
    }

    /// The sparse attributes as table attributes (S, the literal's size).
    static func modelAttributes(of table: PlannedTable, _ context: DesignContext) -> [ModelAttribute] {
        guard table.lookup == nil else { return [] }
        var attributes: [ModelAttribute] = []
        for name in table.entities {
            guard let entity = context.entity(name) else { continue }
            for selection in selections(of: entity, in: table, context) where !attributes.contains(where: { $0.name == selection.attribute }) {
                attributes.append(ModelAttribute(name: selection.attribute, dynamoDBType: .string, entity: name, sourceAttribute: selection.selected.attribute,
                                                 sourceTable: nil, sourceColumn: nil, typicalSizeBytes: selection.literal.utf8.count))
            }
        }
        return attributes
    }

    /// An update that writes a selected attribute sets the sparse key when the new value is
    /// the selected one and removes it otherwise: the item enters or leaves the index.
    static func stateActions(of entity: Entity, written: [String], in table: PlannedTable, _ context: DesignContext) -> [UpdateAction] {
        selections(of: entity, in: table, context).filter { written.contains($0.selected.attribute) }.map { .setOrRemove($0.attribute, $0.value) }
    }

    /// The sparse GSI of a selection: partition the other equality attributes (or the sparse
    /// attribute when there are none), sort the sparse attribute then the order attribute.
    static func index(for selection: SparseSelection, entity: Entity, table: PlannedTable, pattern: AccessPattern, _ context: DesignContext) -> IndexDesign {
        let sparseKey = KeyAttribute(name: selection.attribute, dynamoDBType: .string,
                                     distribution: .fewValues(count: 1, source: "only \(entity.name) items with \(selection.selected.text) carry \(selection.attribute)"))
        let keys = { (names: [String]) in names.map { TableLayoutPlanner.key([$0], of: entity, context) } }
        var partition = selection.partition.isEmpty ? [sparseKey] : keys(selection.partition)
        var sort = (selection.partition.isEmpty ? [] : [sparseKey]) + keys(selection.sort.map { [$0] } ?? [])
        if selection.local {
            partition = [table.partitionKey]
            sort = [sparseKey]
        }
        let subject = NameWords.split(entity.name).map(NameWords.capitalized)
        let plural = subject.dropLast() + [NameWords.plural(subject.last ?? entity.name)]
        let state = selection.selected.value.map { NameWords.split($0).map(NameWords.capitalized).joined() }
        let id = (state ?? "") + plural.joined() + (selection.selected.value == nil ? "Without" + IndexCatalog.words(selection.selected.attribute) : "")
            + (selection.partition.isEmpty ? "" : "By" + selection.partition.map(IndexCatalog.words).joined(separator: "And"))
        let percent = NumberFormatting.plain(selection.share * 100) + "%"
        var index = IndexDesign(
            id: id, name: id, kind: selection.local ? .local : .global, partitionKey: partition, sortKey: sort, projection: .keysOnly, projectionReason: "",
            sparse: SparseMarker(attribute: selection.attribute, reason: "Only the \(percent) of \(entity.name) items with \(selection.selected.text) carry \(selection.attribute) (stated share): writes set it when an item enters that state and remove it when it leaves, so the index holds, and is billed for, those items alone."),
            patternIDs: [pattern.id],
            purpose: "Serves pattern #\(pattern.id) (\(pattern.description)): a sparse index of the \(entity.name) items with \(selection.selected.text), \(percent) of them."
                + (selection.local ? " Local, because the read knows the table's partition key: its sort key \(selection.attribute) holds \(selection.sort.map { "the item's \($0)" } ?? "a marker") only while the item is in that state, so it selects\(selection.sort == nil ? "" : " and orders") without a GSI on the table's own partition key. An LSI can only be created with the table, and caps each partition at 10 GB." : ""),
            estimatedEntrySizeBytes: 0)
        if partition.count > 1 { index.combinedPartitionDistribution = context.distribution(of: selection.partition, in: entity.name) }
        return index
    }
}

extension SinglePatternPlanner {
    /// A read of a minority state through its sparse index (docs/design-engine.md, "Sparse
    /// indexes"); nil when the pattern selects no such state.
    mutating func sparseRead(entity: Entity, table: PlannedTable, catalog: inout IndexCatalog) -> PatternMapping? {
        guard let selection = SparsePlanner.selection(for: pattern, in: table, context), !strong || selection.local else { return nil }
        var index = SparsePlanner.index(for: selection, entity: entity, table: table, pattern: pattern, context)
        // Another selection's index may have taken the name: name this one by its attribute too.
        if let taken = catalog.index(index.id, on: table.id), taken.keyAttributeNames != index.keyAttributeNames {
            index.id += "Of" + IndexCatalog.words(selection.selected.attribute)
            while let other = catalog.index(index.id, on: table.id), other.keyAttributeNames != index.keyAttributeNames { index.id += "2" }
            index.name = index.id
        }
        if catalog.index(index.id, on: table.id) == nil, catalog.globalCount(on: table.id) >= IndexCatalog.globalLimit { return nil }
        if selection.local, catalog.index(index.id, on: table.id) == nil, catalog.localCount(on: table.id) >= IndexCatalog.localLimit { return nil }
        catalog.add(index, on: table.id)
        let literal = KeyValue(attribute: selection.attribute, type: .string, value: .literal(selection.literal))
        let partition: [KeyValue]
        let sortPrefix: [KeyValue]
        if selection.local {
            // The table's partition key from the caller; the LSI holds only the items in the
            // state, ordered by the value their sparse attribute carries.
            partition = [key(of: entity.name, in: table).parts[0]]
            sortPrefix = selection.sort == nil ? [literal] : []
        } else {
            // The index key's own type: a boolean key is stored as a number.
            let others = index.partitionKey.filter { $0.name != selection.attribute }.map { key in
                KeyValue(attribute: storedName(key.name, of: entity.name, in: table), type: key.dynamoDBType, value: .input(entity: entity.name, attribute: key.name))
            }
            partition = selection.partition.isEmpty ? [literal] : others
            sortPrefix = selection.partition.isEmpty ? [] : [literal]
        }
        let filter = filterCondition(entity: entity.name, table: table, skipping: [selection.selected.attribute])
        let request = QueryRequest(tableID: table.id, indexID: index.id, partition: partition, sortPrefix: sortPrefix, sort: nil, filter: filter,
                                   scanForward: sortRequirement?.direction != .descending, consistent: selection.local && strong)
        let returned = expectedItems
        let otherFilters = (pattern.filterAttributes ?? []).filter { $0 != selection.selected.attribute }
        let examinedItems = otherFilters.isEmpty ? returned : examined(returned: returned, entity: entity, partitionItems: nil)
        notes.append("Queries the sparse \(selection.local ? "LSI" : "index") \(TableAssembler.indexName(index.id, tableID: table.id, context)): only \(entity.name) items with \(selection.selected.text) (\(NumberFormatting.plain(selection.share * 100))% of them) carry \(selection.attribute), so the Query reads those items alone.")
        if let requirement = sortRequirement {
            let order = selection.local ? "\(selection.attribute) (the item's \(requirement.attribute))" : name(requirement.attribute, table)
            notes.append("Ordered by \(order), \(requirement.direction == .descending ? "descending (ScanIndexForward = false)" : "ascending").")
        }
        notes.append("Paginate with LastEvaluatedKey (1 MB per page).")
        steps.append(PlanStep(purpose: .main, entity: entity.name, request: .query(request), items: returned, itemsExamined: examinedItems))
        return served()
    }
}

extension IndexCatalog {
    /// The catalog without the sparse indexes of minority-state reads: they hold only the items
    /// in one state, so a write that must find every item of a parent (to refresh a copy, to
    /// delete them all) cannot use them.
    func excludingSelectionIndexes(_ layout: TableLayout, _ context: DesignContext) -> IndexCatalog {
        var copy = IndexCatalog()
        for table in layout.tables {
            let selected = Set(table.entities.compactMap(context.entity).flatMap { SparsePlanner.selections(of: $0, in: table, context).map(\.attribute) })
            for index in byTable[table.id] ?? [] where !(index.sparse.map { selected.contains($0.attribute) } ?? false) {
                copy.add(index, on: table.id)
            }
        }
        return copy
    }
}
