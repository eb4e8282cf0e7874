import Requirements

/// Builds `EntityItemLayout`s from the table layout: which stored attribute holds which input,
/// and how concatenated and item-collection keys are composed. Names are the stored names
/// (after the user's renames); values are the entity's inputs by their requirements names.
struct ItemLayoutBuilder {
    let context: DesignContext
    let layout: TableLayout
    /// Adopted copies of parent attributes, stored in the child's items.
    let copies: [DenormalizationCandidate]
    /// Stored key types by table id and attribute name (table keys and index keys), so a boolean
    /// used as a key is written as a number everywhere.
    let keyTypes: [String: [String: DynamoDBType]]

    /// The key of `entity`'s items in `table`: partition, then sort.
    func key(of entity: String, in table: PlannedTable) -> ItemKey {
        let view = KeyView.of(entity, in: table, context)
        var parts = [KeyValue(attribute: keyName(table.partitionKey, table), type: table.partitionKey.dynamoDBType,
                              value: value(of: table.partitionKey, components: view.partition, entity: entity))]
        if let sortKey = table.sortKey {
            let sortValue: PlanValue
            if let prefix = view.sortPrefix {
                // `ORDER` on a parent, `"ORDER_ITEM#" + :line_no` on a member (parts joined with `#`).
                let parts = PlanValue.joined(view.sort.map { .input(entity: entity, attribute: $0) })
                if view.sort.isEmpty {
                    sortValue = .literal(view.isCollectionParent ? prefix : String(prefix.dropLast()))
                } else if case .concatenation(let pieces) = parts {
                    sortValue = .concatenation([.literal(view.isCollectionParent ? prefix + "#" : prefix)] + pieces)
                } else {
                    sortValue = .concatenation([.literal(view.isCollectionParent ? prefix + "#" : prefix), parts])
                }
            } else {
                sortValue = value(of: sortKey, components: view.sort, entity: entity)
            }
            parts.append(KeyValue(attribute: keyName(sortKey, table), type: sortKey.dynamoDBType, value: sortValue))
        }
        return ItemKey(parts)
    }

    /// A single attribute's input, or the `#`-joined inputs of a concatenated key.
    private func value(of key: KeyAttribute, components: [String], entity: String) -> PlanValue {
        let names = components.isEmpty ? [key.name] : components
        return PlanValue.joined(names.map { .input(entity: entity, attribute: $0) })
    }

    /// The whole item of `entity` in `table`: key attributes, then every migrated attribute,
    /// adopted copies and embedded lists.
    func item(of entity: String, in table: PlannedTable) -> EntityItemLayout {
        let itemKey = key(of: entity, in: table)
        var attributes = itemKey.parts.map { StoredValue(attribute: $0.attribute, type: $0.type, value: $0.value) }
        var seen = Set(attributes.map(\.attribute))
        func add(_ stored: String, _ type: DynamoDBType, _ value: PlanValue) {
            guard seen.insert(stored).inserted else { return }
            attributes.append(StoredValue(attribute: stored, type: keyTypes[table.id]?[stored] ?? type, value: value))
        }
        if let lookup = table.lookup, let owner = context.entity(lookup.entity) {
            for copied in table.lookupAttributes {
                guard let attribute = owner.attribute(named: copied.name) else { continue }
                add(name(copied.name, table), ItemSizer.dynamoDBType(of: attribute).keyType, .input(entity: owner.name, attribute: copied.name))
            }
            if table.partitionKey.composedOf == nil {
                for name in lookup.attributes {
                    guard let attribute = owner.attribute(named: name) else { continue }
                    add(self.name(name, table), ItemSizer.dynamoDBType(of: attribute), .input(entity: owner.name, attribute: name))
                }
            }
            // A lookup item expires with its owner, so an expired item's unique value is free again.
            if let ttl = LifecyclePlanner.ttlAttribute(of: table, context), let expiry = LifecyclePlanner.expiry(of: owner) { add(ttl, .number, expiry) }
            return EntityItemLayout(entity: lookup.entity, tableID: table.id, attributes: attributes, key: itemKey)
        }
        guard let definition = context.entity(entity) else {
            return EntityItemLayout(entity: entity, tableID: table.id, attributes: attributes, key: itemKey)
        }
        for attribute in context.migratedAttributes(of: definition) {
            add(name(attribute.name, table), ItemSizer.dynamoDBType(of: attribute), .input(entity: entity, attribute: attribute.name))
        }
        for copy in copies where copy.child == entity && table.entities.contains(entity) {
            add(name(copy.copyName, table), ItemSizer.dynamoDBType(of: copy.attribute), .input(entity: copy.parent, attribute: copy.attribute.name))
        }
        for (_, aggregate) in layout.embedded.sorted(by: { $0.key < $1.key }) where aggregate.parent == entity {
            add(name(aggregate.attribute, table), .list, .emptyList)
        }
        if let ttl = LifecyclePlanner.ttlAttribute(of: table, context), let expiry = LifecyclePlanner.expiry(of: definition) { add(ttl, .number, expiry) }
        for selection in SparsePlanner.selections(of: definition, in: table, context) { add(selection.attribute, .string, selection.value) }
        return EntityItemLayout(entity: entity, tableID: table.id, attributes: attributes, key: itemKey)
    }

    /// The item reserving `owner`'s unique values in a lookup table.
    func lookupItem(_ lookupTable: PlannedTable) -> EntityItemLayout? {
        guard let lookup = lookupTable.lookup else { return nil }
        return item(of: lookup.entity, in: lookupTable)
    }

    func name(_ attribute: String, _ table: PlannedTable) -> String {
        context.attributeName(attribute, inTable: table.id)
    }

    /// The stored name of a key attribute (a concatenated key keeps its `a#b` name, renamed part by part).
    func keyName(_ key: KeyAttribute, _ table: PlannedTable) -> String {
        TableAssembler.renamed(key, table.id, context).name
    }
}
