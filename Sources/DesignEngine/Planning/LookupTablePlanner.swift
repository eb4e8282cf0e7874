import Requirements

/// Unique constraints (docs/design-engine.md): every unique
/// attribute group gets a lookup table whose partition key is the unique value, written in the
/// same transaction as the entity with `attribute_not_exists`.
enum LookupTablePlanner {
    static func addLookupTables(_ context: DesignContext, to layout: inout TableLayout) {
        for entity in context.requirements.entities {
            guard let ownerID = layout.tableOfEntity[entity.name], layout.embedded[entity.name] == nil,
                  let owner = layout.table(id: ownerID) else { continue }
            let ownerKeys = ownerKeyAttributes(of: entity, in: owner)
            var groups = entity.uniqueGroups.filter { !$0.isEmpty }
            // An identifier the table's key does not cover (keys chosen at the design gate) is
            // no longer unique by itself: it gets a lookup table like any unique group.
            let keyed = Set(KeyView.of(entity.name, in: owner, context).allAttributes)
            if !entity.identifier.isEmpty, !Set(entity.identifier).isSubset(of: keyed), !groups.contains(where: { Set($0) == Set(entity.identifier) }) {
                groups.append(entity.identifier)
            }
            for group in groups {
                let migrated = group.allSatisfy { entity.attribute(named: $0)?.isMigrated ?? false }
                guard migrated else { continue }
                // The item's key is unique already: a group holding every key attribute (the
                // key itself, in any order, or more) is enforced by the conditional Put.
                if !keyed.isEmpty, keyed.isSubset(of: Set(group)), layout.embedded[entity.name] == nil {
                    layout.decisions.append(keyCoversDecision(entity: entity, group: group, owner: owner, keyed: KeyView.of(entity.name, in: owner, context).allAttributes))
                    continue
                }
                // A document, list or set has no key form: such a group cannot be a lookup key.
                if let unkeyable = group.first(where: { name in entity.attribute(named: name).map { !ItemSizer.dynamoDBType(of: $0).hasKeyForm } ?? false }) {
                    layout.decisions.append(unenforceableDecision(entity: entity, group: group, attribute: unkeyable))
                    continue
                }
                layout.add(lookupTable(entity: entity, group: group, owner: owner, ownerKeys: ownerKeys, context))
                layout.decisions.append(decision(entity: entity, group: group))
            }
        }
    }

    static func lookupTableID(entity: String, group: [String]) -> String {
        "\(entity).\(group.joined(separator: "+"))"
    }

    /// The attributes that find the owner item again: its table's key components as the entity names them.
    static func ownerKeyAttributes(of entity: Entity, in owner: PlannedTable) -> [String] {
        let components = owner.keyComponents.partition + owner.keyComponents.sort
        let own = components.filter { entity.attribute(named: $0) != nil }
        let identifier = entity.identifier.isEmpty ? [TableLayoutPlanner.fallbackIdentifier(entity)] : entity.identifier
        var names = own
        for name in identifier where !names.contains(name) { names.append(name) }
        return names
    }

    static func lookupTable(entity: Entity, group: [String], owner: PlannedTable, ownerKeys: [String], _ context: DesignContext) -> PlannedTable {
        let id = lookupTableID(entity: entity.name, group: group)
        let partition = TableLayoutPlanner.key(group, of: entity, context)
        let condition = "attribute_not_exists(\(partition.name))"
        let lookup = UniqueLookup(
            entity: entity.name, attributes: group, ownerTableID: owner.id, ownerKeyAttributes: ownerKeys,
            createTransaction: [
                TransactionStep(action: .put, tableID: owner.id, condition: "attribute_not_exists(\(owner.partitionKey.name))"),
                TransactionStep(action: .put, tableID: id, condition: condition),
            ],
            changeTransaction: [
                TransactionStep(action: .update, tableID: owner.id, condition: "attribute_exists(\(owner.partitionKey.name))"),
                TransactionStep(action: .delete, tableID: id, condition: "attribute_exists(\(partition.name))"),
                TransactionStep(action: .put, tableID: id, condition: condition),
            ])
        var copied: [(name: String, type: DynamoDBType, size: Int?)] = []
        for name in ownerKeys where !group.contains(name) {
            if let attribute = entity.attribute(named: name) {
                copied.append((name, ItemSizer.keyType(of: attribute), ItemSizer.valueSize(of: attribute)))
            }
        }
        let groupText = group.joined(separator: ", ")
        return PlannedTable(
            id: id, role: .uniqueLookup(lookup), entities: [entity.name], partitionKey: partition, sortKey: nil,
            keyJustification: "\(partition.name) is the unique value itself: a conditional Put with \(condition) fails when another \(entity.name) already holds it, so uniqueness holds even under concurrent writes.",
            purpose: "Enforces that \(groupText) is unique across \(entity.name) items and finds the \(entity.name) by it (strongly consistent GetItem).",
            lookupAttributes: copied)
    }

    static func keyCoversDecision(entity: Entity, group: [String], owner: PlannedTable, keyed: [String]) -> DesignDecision {
        let groupText = group.joined(separator: ", ")
        let keyText = keyed.joined(separator: ", ")
        return DesignDecision(
            id: "unique:\(lookupTableID(entity: entity.name, group: group))", type: .uniqueConstraint, subject: "Unique \(groupText) of \(entity.name)",
            alternativesConsidered: ["Enforced by the primary key (\(keyText))", "Lookup table keyed by \(groupText), written in a TransactWriteItems with the \(entity.name) item"],
            chosenApproach: "Enforced by the primary key: no lookup table",
            justification: "The \(entity.name) item's key is made of \(keyText), all in the unique group \(groupText): two items with the same \(groupText) would have the same key, and the create's PutItem with attribute_not_exists refuses the second. A lookup table would double the write units of every create and turn it into a transaction for nothing.",
            tradeOffs: ["Creates are single PutItem requests", "A BatchWriteItem create replaces an item with the same key (no condition): the plan says so"],
            rollbackStrategy: "Nothing to undo.",
            monitoring: ["ConditionalCheckFailed on \(entity.name) creates (duplicate attempts)"])
    }

    static func unenforceableDecision(entity: Entity, group: [String], attribute: String) -> DesignDecision {
        let groupText = group.joined(separator: ", ")
        return DesignDecision(
            id: "unique:\(lookupTableID(entity: entity.name, group: group))", type: .uniqueConstraint, subject: "Unique \(groupText) of \(entity.name)",
            alternativesConsidered: ["Lookup table keyed by \(groupText)", "No enforcement in the database (the application checks)"],
            chosenApproach: "Not enforced by DynamoDB: \(attribute) holds documents, lists or sets, which cannot be part of a key",
            justification: "A lookup table needs the unique value as its key, and DynamoDB keys are strings, numbers or binary. Store \(attribute) as a scalar (a code, a canonical string or a hash) to enforce the constraint.",
            tradeOffs: ["Duplicates of \(groupText) are not refused by DynamoDB"],
            rollbackStrategy: "Nothing to undo.",
            monitoring: ["Duplicate \(groupText) values (periodic consistency check)"])
    }

    static func decision(entity: Entity, group: [String]) -> DesignDecision {
        let groupText = group.joined(separator: ", ")
        return DesignDecision(
            id: "unique:\(lookupTableID(entity: entity.name, group: group))", type: .uniqueConstraint, subject: "Unique \(groupText) of \(entity.name)",
            alternativesConsidered: [
                "Lookup table keyed by \(groupText), written in a TransactWriteItems with the \(entity.name) item",
                "GSI on \(groupText) checked before writing (races: two writers can both see no match)",
                "No enforcement in the database (the application checks)",
            ],
            chosenApproach: "Lookup table with a conditional Put in the same transaction",
            justification: "The MySQL schema (or the requirements) declare \(groupText) unique; DynamoDB enforces uniqueness only on primary keys, so the unique value becomes a primary key of its own table.",
            tradeOffs: ["Creates cost at least 4 write units (transactional writes cost double)", "Changing the value needs delete + put + update in one transaction", "A get by \(groupText) can be strongly consistent"],
            rollbackStrategy: "Drop the lookup table and the transaction; uniqueness then rests on the application.",
            monitoring: ["TransactionConflict and ConditionalCheckFailed counts (duplicate attempts)", "Lookup items without an owner (periodic consistency check)"])
    }
}
