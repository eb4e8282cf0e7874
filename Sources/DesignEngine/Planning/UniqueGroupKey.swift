import Requirements

/// A composite unique group that becomes its entity's key in place of a surrogate identifier
/// (docs/design-engine.md, section 3): a cart line unique on `(user_id, product_id)` is keyed
/// partition `user_id`, sort `product_id`, when no pattern needs its `cart_item_id`.
///
/// The key then enforces the group (a conditional Put), so no lookup table is needed and adding,
/// changing and removing the item are single-item writes instead of transactions.
struct UniqueGroupKey: Equatable {
    var entity: String
    /// The identifier the requirements give (`cart_item_id`), kept as a plain attribute.
    var surrogate: String
    /// The unique group, the parent's key first (`user_id`, `product_id`).
    var group: [String]
    /// The parent whose key leads the group.
    var parent: String

    /// The groups that qualify, by entity name.
    static func find(_ requirements: Requirements, choices: DesignChoices) -> [String: UniqueGroupKey] {
        var found: [String: UniqueGroupKey] = [:]
        let merged = Set(choices.merges.flatMap { $0 })
        for entity in requirements.entities where entity.identifier.count == 1 && choices.tableKeys[entity.name] == nil && !merged.contains(entity.name) {
            let surrogate = entity.identifier[0]
            // Children that point at the surrogate need it as a key.
            guard !requirements.relationships.contains(where: { $0.parent == entity.name }),
                  !surrogateUsed(surrogate, of: entity.name, requirements) else { continue }
            for group in entity.uniqueGroups where group.count >= 2 && !group.contains(surrogate) && Set(group).count == group.count {
                guard group.allSatisfy({ keyable($0, of: entity) }),
                      let parent = requirements.relationships.first(where: { relationship in
                          relationship.kind == .oneToMany && relationship.child == entity.name && relationship.parent != entity.name
                              && ForeignKeys.of(relationship, in: requirements) == [group[0]]
                      }) else { continue }
                found[entity.name] = UniqueGroupKey(entity: entity.name, surrogate: surrogate, group: group, parent: parent.parent)
                break
            }
        }
        return found
    }

    /// Whether some pattern about the entity looks items up, orders or filters by the surrogate id.
    static func surrogateUsed(_ surrogate: String, of entity: String, _ requirements: Requirements) -> Bool {
        requirements.accessPatterns.contains { pattern in
            guard pattern.entities.contains(entity) else { return false }
            var used = (pattern.equalityAttributes ?? []) + (pattern.filterAttributes ?? [])
            if case .attribute(let sort)? = pattern.sort { used.append(sort.attribute) }
            return used.contains(surrogate)
        }
    }

    /// A migrated scalar attribute that is never NULL in MySQL (a NULL cannot be a key, and
    /// MySQL lets several rows hold NULL in a unique group).
    static func keyable(_ name: String, of entity: Entity) -> Bool {
        guard let attribute = entity.attribute(named: name), attribute.isMigrated, ItemSizer.dynamoDBType(of: attribute).hasKeyForm else { return false }
        return attribute.source?.nullable != true
    }

    /// The entity as the engine keys it: identified by the group, the surrogate a plain attribute.
    func rekeyed(_ entity: Entity) -> Entity {
        var result = entity
        result.identifier = group
        result.uniqueGroups = entity.uniqueGroups.filter { $0 != group }
        return result
    }

    /// The decision; `collection` names the table whose item collection holds the entity, if any.
    func decision(inCollectionOf collection: String? = nil) -> DesignDecision {
        let groupText = group.joined(separator: ", ")
        let sortText = group.dropFirst().joined(separator: "#")
        let keyText = collection.map { "In \($0)'s item collection under \(group[0]), told apart by \(sortText)" } ?? "Partition key \(group[0]) (\(parent)'s key), sort key \(sortText)"
        return DesignDecision(
            id: "unique-key:\(entity)", type: .uniqueConstraint, subject: "\(entity) keyed by its unique \(groupText)",
            alternativesConsidered: [
                "Partition key \(group[0]), sort key \(sortText): the key enforces that \(groupText) is unique",
                "Keyed by the surrogate \(surrogate), with a lookup table for \(groupText) written in a TransactWriteItems",
            ],
            chosenApproach: "\(keyText); \(surrogate) is a plain attribute",
            justification: "\(groupText) is unique and starts with \(parent)'s key, and no pattern looks \(entity) items up, orders or filters them by \(surrogate), so the unique group can be the key: a PutItem with attribute_not_exists refuses a second \(entity) for the same \(groupText), with no lookup table. Adding, changing and removing \(Article.a(entity)) are then single-item writes (PutItem, UpdateItem, DeleteItem) instead of transactions at 2 write units per KB.",
            tradeOffs: ["No lookup table: half the write units of a create, and no transaction", "\(surrogate) is no longer unique by itself: the application generates it (or drops it)", "Changing \(groupText) is a delete and a put (it is the key)"],
            rollbackStrategy: "Key the table by \(surrogate) (`/keys`) and add a lookup table for \(groupText); items are copied to the new table.",
            monitoring: ["ConditionalCheckFailed on \(entity) creates (duplicate \(groupText) attempts)"])
    }
}
