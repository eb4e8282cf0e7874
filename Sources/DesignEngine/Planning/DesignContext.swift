import Requirements

/// The requirements and choices the passes read, with the look-ups they share built once.
struct DesignContext {
    let requirements: Requirements
    let choices: DesignChoices
    let entitiesByName: [String: Entity]
    /// Complete, non-search patterns by their main (first) entity, in pattern order.
    let patternsByEntity: [String: [AccessPattern]]
    let patternsByID: [Int: AccessPattern]

    init(requirements: Requirements, choices: DesignChoices) {
        self.requirements = requirements
        self.choices = choices
        var byName: [String: Entity] = [:]
        for entity in requirements.entities where byName[entity.name] == nil { byName[entity.name] = entity }
        entitiesByName = byName
        var byEntity: [String: [AccessPattern]] = [:]
        for pattern in requirements.accessPatterns {
            for entity in pattern.entities { byEntity[entity, default: []].append(pattern) }
        }
        patternsByEntity = byEntity
        patternsByID = Dictionary(requirements.accessPatterns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func entity(_ name: String) -> Entity? { entitiesByName[name] }

    /// The migrated attributes of an entity (excluded columns stay in MySQL).
    func migratedAttributes(of entity: Entity) -> [Attribute] {
        entity.attributes.filter(\.isMigrated)
    }

    /// Read patterns whose main entity is this one.
    func readPatterns(of entityName: String) -> [AccessPattern] {
        (patternsByEntity[entityName] ?? []).filter { $0.entities.first == entityName && $0.type == .read }
    }

    /// Every pattern that involves this entity.
    func patterns(involving entityName: String) -> [AccessPattern] {
        patternsByEntity[entityName] ?? []
    }

    /// The child's attributes that hold its parent's identifier: the imported foreign key, or
    /// attributes named like the parent's identifier (`user_id` in Order for User's `user_id`).
    func foreignKey(of relationship: Relationship) -> [String]? {
        guard let parent = entity(relationship.parent), let child = entity(relationship.child) else { return nil }
        if let columns = relationship.sourceForeignKey?.columns {
            let names = columns.compactMap { column in child.attributes.first { $0.source?.column.lowercased() == column.lowercased() }?.name }
            if names.count == columns.count, !names.isEmpty { return names }
        }
        guard !parent.identifier.isEmpty else { return nil }
        var names: [String] = []
        for identifier in parent.identifier {
            let candidates = [identifier, "\(snake(parent.name))_\(identifier)", "\(snake(parent.name))_id"]
            guard let found = candidates.first(where: { child.attribute(named: $0) != nil && !(child.identifier == [$0] && parent.identifier.count == 1 && $0 == "id") }) else { return nil }
            names.append(found)
        }
        return names
    }

    /// Average RPS of a pattern, zero when unknown.
    static func averageRPS(_ pattern: AccessPattern) -> Double { pattern.averageRPS?.value ?? 0 }
    static func peakRPS(_ pattern: AccessPattern) -> Double { pattern.peakRPS?.value ?? 0 }
}

/// `OrderItem` → `order_item`.
func snake(_ name: String) -> String {
    NameWords.split(name).map { $0.lowercased() }.joined(separator: "_")
}

extension DesignContext {
    /// The name an attribute has in a table after the user's renames.
    func attributeName(_ original: String, inTable tableID: String) -> String {
        choices.attributeNames[tableID]?[original] ?? original
    }
}
