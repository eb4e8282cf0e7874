import Requirements

/// The requirements and choices the passes read, with the look-ups they share built once.
struct DesignContext {
    let requirements: Requirements
    let choices: DesignChoices
    let entitiesByName: [String: Entity]
    /// Complete, non-search patterns by their main (first) entity, in pattern order.
    let patternsByEntity: [String: [AccessPattern]]
    let patternsByID: [Int: AccessPattern]
    /// Entities keyed by a composite unique group instead of their surrogate identifier.
    let uniqueGroupKeys: [String: UniqueGroupKey]

    init(requirements original: Requirements, choices: DesignChoices) {
        // An entity keyed by its unique group is designed as if the group were its identifier
        // (docs/design-engine.md, section 3); the proof still checks the original requirements.
        let uniqueGroupKeys = UniqueGroupKey.find(original, choices: choices)
        var requirements = original
        for (name, key) in uniqueGroupKeys.sorted(by: { $0.key < $1.key }) {
            guard let entity = original.entity(named: name) else { continue }
            try? requirements.updateEntity(named: name, to: key.rekeyed(entity))
        }
        self.uniqueGroupKeys = uniqueGroupKeys.filter { requirements.entity(named: $0.key)?.identifier == $0.value.group }
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

    /// The child's attributes that hold its parent's identifier (see `ForeignKeys`).
    func foreignKey(of relationship: Relationship) -> [String]? {
        ForeignKeys.of(relationship, parent: entity(relationship.parent), child: entity(relationship.child))
    }

    /// The attribute `name` the entity's items carry: its own, or a parent's it holds as a copy
    /// (an index over a copied boolean is keyed by a number, like the parent's own index would be).
    /// Parents named in `preferring` (the pattern's entities) are looked at first, as copies
    /// come from the parent the pattern names.
    func carriedAttribute(_ name: String, of entity: Entity, preferring: [String] = []) -> Attribute? {
        if let own = entity.attribute(named: name) { return own }
        let parents = requirements.relationships.filter { $0.child == entity.name && $0.kind == .oneToMany }
        let ordered = parents.filter { preferring.contains($0.parent) } + parents.filter { !preferring.contains($0.parent) }
        for relationship in ordered {
            if let parent = self.entity(relationship.parent), let attribute = parent.attribute(named: name), attribute.isMigrated { return attribute }
        }
        return nil
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
