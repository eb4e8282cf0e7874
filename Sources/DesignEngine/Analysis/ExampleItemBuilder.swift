import Requirements

/// Two sample items per entity of a table (two lookup items for a lookup table), so the
/// document shows what the keys and attributes look like with values in them.
///
/// Values are built from each attribute's name and type alone, never from real data, and the
/// same attribute gets the same value for the same example number in every table: item 1 of
/// Orders carries `user_id` "usr-0001", which is the `user_id` of item 1 of Users. Members of an
/// item collection both sit in the first parent's collection, so the shared partition key shows.
enum ExampleItemBuilder {
    static let itemsPerEntity = 2

    /// `entities` is the engine's entity index, passed in so a large model does not search the
    /// entity list for every example value; tests may leave it out.
    static func examples(for table: TableDesign, requirements: Requirements, entities: [String: Entity]? = nil) -> [ExampleItem] {
        let builder = Builder(table: table, requirements: requirements,
                              entities: entities ?? Dictionary(requirements.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        if let lookup = table.lookup {
            return (1...itemsPerEntity).map { builder.item(entity: lookup.entity, ordinal: $0, attributes: table.attributes) }
        }
        var items: [ExampleItem] = []
        for entity in table.entities {
            let attributes = table.attributes.filter { builder.holder(of: $0) == nil || builder.holder(of: $0) == entity }
            for ordinal in 1...itemsPerEntity { items.append(builder.item(entity: entity, ordinal: ordinal, attributes: attributes)) }
        }
        return items
    }

    /// The values of one table's examples.
    struct Builder {
        let table: TableDesign
        let requirements: Requirements
        let entities: [String: Entity]
        /// Key attribute types by name: a boolean stored as a key is a number, not BOOL.
        let keyTypes: [String: DynamoDBType]
        /// For an item collection: the parent, and each member's attributes that point at it.
        let collectionParent: String?
        let parentReferences: [String: Set<String>]

        init(table: TableDesign, requirements: Requirements, entities: [String: Entity]) {
            self.table = table
            self.requirements = requirements
            self.entities = entities
            var types: [String: DynamoDBType] = [:]
            for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap({ $0.partitionKey + $0.sortKey }) {
                if types[key.name] == nil { types[key.name] = key.dynamoDBType }
            }
            keyTypes = types
            var references: [String: Set<String>] = [:]
            if case .itemCollection(let parent, let children) = table.role {
                collectionParent = parent
                let partition = Set((table.partitionKey.composedOf ?? [table.partitionKey.name]).map { table.attribute(named: $0)?.sourceAttribute ?? $0 })
                let context = DesignContext(requirements: requirements, choices: DesignChoices())
                for child in children {
                    var names = partition
                    if let relationship = requirements.relationships.first(where: { $0.parent == parent && $0.child == child }),
                       let foreignKey = context.foreignKey(of: relationship) {
                        names.formUnion(foreignKey)
                    }
                    references[child] = names
                }
            } else {
                collectionParent = nil
            }
            parentReferences = references
        }

        /// The entity whose items carry the attribute; nil when every item does (its keys).
        func entityNamed(_ name: String) -> Entity? {
            entities[name] ?? requirements.entity(named: name)
        }

        func holder(of attribute: ModelAttribute) -> String? {
            if attribute.composedOf != nil || table.keyAttributeNames.contains(attribute.name) { return nil }
            // `entity` is the holder: the entity itself, the child holding a copy, or the parent holding an embedded list.
            return table.entities.contains(attribute.entity) ? attribute.entity : table.entities.first
        }

        func item(entity: String, ordinal: Int, attributes: [ModelAttribute]) -> ExampleItem {
            ExampleItem(entity: entity, values: attributes.compactMap { attribute in
                // A sparse key outside its state, or an expiry with no start, is not stored.
                if let selected = selection(of: attribute, entity: entity) {
                    guard text(of: selected.selector, entity: entity, ordinal: ordinal) == quoted(selected.value ?? "") else { return nil }
                    return ExampleValue(attribute: attribute.name, text: quoted(selected.literal))
                }
                let value = text(of: attribute, entity: entity, ordinal: ordinal)
                return value == "–" ? nil : ExampleValue(attribute: attribute.name, text: value)
            })
        }

        /// The selector attribute and value of a sparse index key attribute.
        func selection(of attribute: ModelAttribute, entity: String) -> (selector: ModelAttribute, value: String?, literal: String)? {
            guard let stored = table.itemLayout(of: entity)?.attributes.first(where: { $0.attribute == attribute.name }),
                  case .whenSelected(.input(_, let selector), let value, .literal(let literal)) = stored.value,
                  let selectorAttribute = table.attributes.first(where: { $0.entity == entity && $0.sourceAttribute == selector && $0.denormalization == nil })
            else { return nil }
            return (selectorAttribute, value, literal)
        }

        // MARK: Values

        func text(of attribute: ModelAttribute, entity: String, ordinal: Int) -> String {
            if let parts = attribute.composedOf {
                if parts.first == "entity type" { return quoted(collectionKey(parts, entity: entity, ordinal: ordinal)) }
                return quoted(parts.map { raw(component: $0, entity: entity, ordinal: ordinal) }.joined(separator: "#"))
            }
            let type = keyTypes[attribute.name] ?? attribute.dynamoDBType
            if let ttl = table.timeToLive, ttl.attribute == attribute.name {
                // The expiry: the example's start time plus the retention, in epoch seconds.
                guard let retention = ttl.retention(of: entity), let start = entityNamed(entity)?.attribute(named: retention.period.from) else { return "–" }
                let number = self.ordinal(of: retention.period.from, entity: entity, ordinal: ordinal)
                let startText = unquoted(ExampleValueWriter.text(name: retention.period.from, entity: entity, attribute: start, type: ItemSizer.dynamoDBType(of: start), ordinal: number))
                return EpochTime.seconds(of: startText).map { String($0 + retention.period.seconds) } ?? "–"
            }
            if let copy = attribute.denormalization {
                // The copy equals the source item's value: the one the local join attribute points at.
                let source = entityNamed(attribute.sourceEntity)?.attribute(named: attribute.sourceAttribute)
                let number = self.ordinal(of: copy.localAttribute, entity: entity, ordinal: ordinal)
                return ExampleValueWriter.text(name: attribute.sourceAttribute, entity: attribute.sourceEntity, attribute: source, type: type, ordinal: number)
            }
            let owner = table.entities.contains(attribute.entity) ? attribute.entity : entity
            let source = entityNamed(attribute.sourceEntity)?.attribute(named: attribute.sourceAttribute)
            // A stated minority value shows in the first example (the items a sparse index holds).
            if ordinal % 2 == 1, let stated = source?.valueShares?.first(where: { $0.value != nil })?.value, type == .string { return quoted(stated) }
            let number = self.ordinal(of: attribute.sourceAttribute, entity: entity, ordinal: ordinal)
            return ExampleValueWriter.text(name: attribute.sourceAttribute, entity: owner, attribute: source, type: type, ordinal: number)
        }

        /// Members of an item collection point at the first parent item; everything else uses the item's own number.
        func ordinal(of attributeName: String, entity: String, ordinal: Int) -> Int {
            guard let parent = collectionParent, entity != parent, parentReferences[entity]?.contains(attributeName) ?? false else { return ordinal }
            return 1
        }

        /// One part of a concatenated key, unquoted: the named attribute's value in this item.
        func raw(component name: String, entity: String, ordinal: Int) -> String {
            let modelAttribute = table.attribute(named: name)
            let sourceName = modelAttribute?.sourceAttribute ?? name
            let sourceEntity = modelAttribute.map { table.entities.contains($0.entity) ? $0.entity : entity } ?? entity
            let attribute = entityNamed(sourceEntity)?.attribute(named: sourceName)
                ?? entityNamed(entity)?.attribute(named: sourceName)
            let type = modelAttribute?.dynamoDBType ?? attribute.map(ItemSizer.dynamoDBType) ?? .string
            let number = self.ordinal(of: sourceName, entity: entity, ordinal: ordinal)
            return unquoted(ExampleValueWriter.text(name: sourceName, entity: sourceEntity, attribute: attribute, type: type, ordinal: number))
        }

        /// `ORDER` on the collection's parent item (with any sort key it had before), `ORDER_ITEM#ori-0001` on a member.
        func collectionKey(_ parts: [String], entity: String, ordinal: Int) -> String {
            let prefix = snake(entity).uppercased()
            if entity == collectionParent || collectionParent == nil {
                let existing = parts.dropFirst().dropLast().map { raw(component: $0, entity: entity, ordinal: ordinal) }
                return ([prefix] + existing).joined(separator: "#")
            }
            let partition = parentReferences[entity] ?? []
            let identifier = entityNamed(entity)?.identifier ?? []
            let own = identifier.filter { !partition.contains($0) }
            let memberID = (own.isEmpty ? identifier : own).map { memberComponent($0, entity: entity, ordinal: ordinal) }
            return ([prefix] + (memberID.isEmpty ? [String(ordinal)] : memberID)).joined(separator: "#")
        }

        func memberComponent(_ name: String, entity: String, ordinal: Int) -> String {
            let attribute = entityNamed(entity)?.attribute(named: name)
            let type = attribute.map(ItemSizer.dynamoDBType) ?? .string
            return unquoted(ExampleValueWriter.text(name: name, entity: entity, attribute: attribute, type: type, ordinal: ordinal))
        }

        func quoted(_ text: String) -> String { "\"\(text)\"" }

        func unquoted(_ text: String) -> String {
            guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
            return String(text.dropFirst().dropLast())
        }
    }
}
