import Foundation

/// Everything captured in the requirements stage.
///
/// All changes go through the methods here, which check names and references, so the guided
/// flow, the one-line commands and the YAML loader accept and reject exactly the same things.
public struct Requirements: Codable, Sendable, Equatable {
    /// Set through `setOverview`, which checks its free text.
    public private(set) var overview: ApplicationOverview
    public private(set) var entities: [Entity]
    public private(set) var relationships: [Relationship]
    public private(set) var accessPatterns: [AccessPattern]
    public private(set) var acceptedGaps: [AcceptedGap]
    /// Measured statements that were not turned into patterns, with the reason; the document
    /// lists them so nothing measured is dropped silently.
    public var unplacedStatements: [UnplacedStatement]
    /// The next pattern number; numbers are never reused, so "pattern 7" always means one thing.
    public private(set) var nextPatternID: Int
    /// Positions of entities and relationships by name; derived from the arrays, not saved.
    private var index = RequirementsIndex()

    public init(overview: ApplicationOverview = ApplicationOverview()) {
        self.overview = overview
        self.entities = []
        self.relationships = []
        self.accessPatterns = []
        self.acceptedGaps = []
        self.unplacedStatements = []
        self.nextPatternID = 1
    }

    enum CodingKeys: String, CodingKey {
        case overview, entities, relationships
        case accessPatterns = "access_patterns"
        case acceptedGaps = "accepted_gaps"
        case nextPatternID = "next_pattern_id"
        case unplacedStatements = "unplaced_statements"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        overview = try container.decode(ApplicationOverview.self, forKey: .overview)
        entities = try container.decode([Entity].self, forKey: .entities)
        relationships = try container.decode([Relationship].self, forKey: .relationships)
        accessPatterns = try container.decode([AccessPattern].self, forKey: .accessPatterns)
        acceptedGaps = try container.decode([AcceptedGap].self, forKey: .acceptedGaps)
        nextPatternID = try container.decode(Int.self, forKey: .nextPatternID)
        unplacedStatements = try container.decodeIfPresent([UnplacedStatement].self, forKey: .unplacedStatements) ?? []
        index = RequirementsIndex(entities: entities, relationships: relationships)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overview, forKey: .overview)
        try container.encode(entities, forKey: .entities)
        try container.encode(relationships, forKey: .relationships)
        try container.encode(accessPatterns, forKey: .accessPatterns)
        try container.encode(acceptedGaps, forKey: .acceptedGaps)
        try container.encode(nextPatternID, forKey: .nextPatternID)
        // Only sessions that measured traffic have these; other session files keep their bytes.
        if !unplacedStatements.isEmpty { try container.encode(unplacedStatements, forKey: .unplacedStatements) }
    }

    // MARK: Look-ups

    /// The entity with this name, matched exactly first and then ignoring case (users type
    /// `user` for `User`); a dictionary look-up, not a scan.
    public func entity(named name: String) -> Entity? {
        guard let position = index.entityPosition(named: name) else { return nil }
        LookupWork.current?.add(1)
        return entities[position]
    }

    /// Patterns are kept in increasing id order (ids are assigned in order and never reused), so
    /// this is a binary search; large sessions look patterns up once per mapping.
    public func pattern(_ id: Int) -> AccessPattern? {
        var low = 0
        var high = accessPatterns.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = accessPatterns[middle].id
            if candidate == id { return accessPatterns[middle] }
            if candidate < id { low = middle + 1 } else { high = middle - 1 }
        }
        // Only reachable if a hand-edited session file listed patterns out of order.
        return accessPatterns.first { $0.id == id }
    }

    public func relationship(parent: String, child: String) -> Relationship? {
        guard let position = index.relationshipPosition(parent, child) else { return nil }
        LookupWork.current?.add(1)
        return relationships[position]
    }

    /// Every attribute name of the given entities, in order, without repeats.
    public func attributeNames(of entityNames: [String]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for entityName in entityNames {
            for attribute in entity(named: entityName)?.attributes ?? [] where seen.insert(attribute.name).inserted {
                names.append(attribute.name)
            }
        }
        return names
    }

    // MARK: Overview

    /// Replaces the overview after checking its free text (`FreeText`): the domain like any
    /// answer, the business context with room for a few paragraphs.
    public mutating func setOverview(_ overview: ApplicationOverview) throws(RequirementsError) {
        if let domain = overview.domain { try FreeText.check(domain, what: "The domain", limit: FreeText.answerLimit) }
        if let context = overview.businessContext {
            try FreeText.check(context, what: "The business context", limit: FreeText.contextLimit, allowingLineBreaks: true)
        }
        self.overview = overview
    }

    // MARK: Entities

    /// Adds an entity (possibly with no attributes yet: the guided flow fills them in).
    public mutating func addEntity(_ entity: Entity) throws(RequirementsError) {
        try NameRules.checkEntityName(entity.name)
        if let existing = self.entity(named: entity.name) {
            throw RequirementsError("An entity named \(existing.name) already exists: use /edit entity \(existing.name).")
        }
        try Self.checkEntityConsistency(entity)
        entities.append(entity)
        index.appendEntity(named: entity.name, at: entities.count - 1)
    }

    /// Replaces the entity with the given name (the new value may rename it).
    public mutating func updateEntity(named name: String, to updated: Entity) throws(RequirementsError) {
        guard let index = self.index.entityPosition(named: name) else {
            throw RequirementsError("There is no entity named \(name).")
        }
        let oldName = entities[index].name
        if updated.name != oldName {
            try NameRules.checkEntityName(updated.name)
            if let other = entity(named: updated.name), other.name != oldName {
                throw RequirementsError("An entity named \(other.name) already exists.")
            }
        }
        try Self.checkEntityConsistency(updated)
        entities[index] = updated
        if updated.name != oldName {
            self.index.rebuildEntities(entities)
            renameEntityReferences(from: oldName, to: updated.name)
        }
    }

    /// Deletes an entity and its relationships; refuses while access patterns still use it.
    public mutating func deleteEntity(named name: String) throws(RequirementsError) -> [Relationship] {
        guard let entity = entity(named: name) else { throw RequirementsError("There is no entity named \(name).") }
        let users = accessPatterns.filter { $0.entities.contains(entity.name) }.map { String($0.id) }
        if !users.isEmpty {
            throw RequirementsError(
                "\(entity.name) is used by pattern\(users.count == 1 ? "" : "s") \(users.joined(separator: ", ")): edit or delete \(users.count == 1 ? "it" : "them") first.")
        }
        let removed = relationships.filter { $0.parent == entity.name || $0.child == entity.name }
        relationships.removeAll { $0.parent == entity.name || $0.child == entity.name }
        entities.removeAll { $0.name == entity.name }
        index = RequirementsIndex(entities: entities, relationships: relationships)
        return removed
    }

    private static func checkEntityConsistency(_ entity: Entity) throws(RequirementsError) {
        if let owner = entity.owner { try FreeText.check(owner, what: "The owner of \(entity.name)", limit: FreeText.answerLimit) }
        var seen = Set<String>()
        for attribute in entity.attributes {
            if let reason = attribute.excludedReason {
                try FreeText.check(reason, what: "The reason \(attribute.name) is not migrated", limit: FreeText.answerLimit)
            }
            try NameRules.checkAttributeName(attribute.name)
            guard seen.insert(attribute.name).inserted else {
                throw RequirementsError("\(entity.name) lists the attribute \(attribute.name) twice.")
            }
            if let size = attribute.typicalSizeBytes, size <= 0 || size > 400 * 1024 {
                throw RequirementsError("The typical size of \(attribute.name) must be between 1 and 409600 bytes (the 400 KB item limit).")
            }
        }
        for name in entity.identifier where !seen.contains(name) {
            throw RequirementsError("The identifier \(name) is not an attribute of \(entity.name); its attributes are \(list(entity.attributes.map(\.name))).")
        }
        for group in entity.uniqueGroups {
            for name in group where !seen.contains(name) {
                throw RequirementsError("The unique attribute \(name) is not an attribute of \(entity.name); its attributes are \(list(entity.attributes.map(\.name))).")
            }
        }
        if let period = entity.retention?.period { try AnswerParser.checkRetention(period, of: entity) }
    }

    private mutating func renameEntityReferences(from oldName: String, to newName: String) {
        for index in relationships.indices {
            if relationships[index].parent == oldName { relationships[index].parent = newName }
            if relationships[index].child == oldName { relationships[index].child = newName }
        }
        for index in accessPatterns.indices {
            accessPatterns[index].entities = accessPatterns[index].entities.map { $0 == oldName ? newName : $0 }
        }
        self.index.rebuildRelationships(relationships)
    }

    // MARK: Relationships

    public mutating func addRelationship(_ relationship: Relationship) throws(RequirementsError) {
        let resolved = try resolveRelationshipNames(relationship)
        if let existing = self.relationship(parent: resolved.parent, child: resolved.child)
            ?? self.relationship(parent: resolved.child, child: resolved.parent).flatMap({ $0.kind == .manyToMany || resolved.kind == .manyToMany ? $0 : nil })
        {
            throw RequirementsError("The relationship \(existing.label) already exists: use /edit relationship \(existing.parent)->\(existing.child).")
        }
        try Self.checkCardinality(resolved.cardinality)
        relationships.append(resolved)
        index.appendRelationship(resolved, at: relationships.count - 1)
    }

    public mutating func updateRelationship(parent: String, child: String, to updated: Relationship) throws(RequirementsError) {
        guard let position = index.relationshipPosition(parent, child) else {
            throw RequirementsError("There is no relationship \(parent) -> \(child).")
        }
        let resolved = try resolveRelationshipNames(updated)
        try Self.checkCardinality(resolved.cardinality)
        let old = relationships[position]
        relationships[position] = resolved
        // Only a change of ends or kind moves what the index holds (a cardinality does not).
        if old.parent != resolved.parent || old.child != resolved.child || old.kind != resolved.kind {
            index.rebuildRelationships(relationships)
        }
    }

    public mutating func deleteRelationship(parent: String, child: String) throws(RequirementsError) {
        guard let position = index.relationshipPosition(parent, child) else {
            throw RequirementsError("There is no relationship \(parent) -> \(child).")
        }
        relationships.remove(at: position)
        index.rebuildRelationships(relationships)
    }

    private func resolveRelationshipNames(_ relationship: Relationship) throws(RequirementsError) -> Relationship {
        var resolved = relationship
        resolved.parent = try canonicalEntityName(relationship.parent)
        resolved.child = try canonicalEntityName(relationship.child)
        if resolved.parent == resolved.child, relationship.kind == .manyToMany {
            throw RequirementsError("A many-to-many relationship needs two different entities.")
        }
        return resolved
    }

    private static func checkCardinality(_ answer: CardinalityAnswer?) throws(RequirementsError) {
        guard case .known(let cardinality)? = answer else { return }
        try AnswerParser.checkCardinality(cardinality)
    }

    /// The entity's name as it was entered, or an error listing the known entities.
    public func canonicalEntityName(_ name: String) throws(RequirementsError) -> String {
        if let entity = entity(named: name) { return entity.name }
        let known = entities.isEmpty ? "none yet" : Self.list(entities.map(\.name))
        throw RequirementsError("There is no entity named \(name) (entities: \(known)).")
    }

    // MARK: Access patterns

    /// Adds a pattern and returns its number. The pattern's `id` is assigned here.
    @discardableResult
    public mutating func addPattern(_ pattern: AccessPattern) throws(RequirementsError) -> Int {
        var numbered = pattern
        numbered.id = nextPatternID
        numbered = try checkedPattern(numbered)
        accessPatterns.append(numbered)
        nextPatternID += 1
        return numbered.id
    }

    public mutating func updatePattern(_ pattern: AccessPattern) throws(RequirementsError) {
        guard let index = accessPatterns.firstIndex(where: { $0.id == pattern.id }) else {
            throw RequirementsError("There is no pattern \(pattern.id).")
        }
        accessPatterns[index] = try checkedPattern(pattern)
    }

    public mutating func deletePattern(_ id: Int) throws(RequirementsError) {
        guard let index = accessPatterns.firstIndex(where: { $0.id == id }) else {
            throw RequirementsError("There is no pattern \(id).")
        }
        accessPatterns.remove(at: index)
        acceptedGaps.removeAll { $0.gapID.hasPrefix("pattern-\(id):") }
    }

    /// Checks every reference of a pattern and returns it with entity names as entered.
    public func checkedPattern(_ pattern: AccessPattern) throws(RequirementsError) -> AccessPattern {
        var checked = pattern
        let description = pattern.description.trimmingWhitespace
        guard !description.isEmpty else { throw RequirementsError("A pattern needs a description, such as \"Get user by ID\".") }
        try FreeText.check(description, what: "The description", limit: FreeText.answerLimit, allowingLineBreaks: true)
        if let latency = pattern.latency { try FreeText.check(latency, what: "The latency", limit: FreeText.answerLimit) }
        checked.description = description
        var names: [String] = []
        for name in pattern.entities {
            let canonical = try canonicalEntityName(name)
            if !names.contains(canonical) { names.append(canonical) }
        }
        checked.entities = names
        let known = attributeNames(of: names)
        func check(_ attributes: [String]?, _ role: String) throws(RequirementsError) {
            for attribute in attributes ?? [] where !known.contains(attribute) {
                throw RequirementsError(
                    "\(attribute) is not an attribute of \(Self.list(names)); \(role) must be one of: \(known.isEmpty ? "(no attributes yet)" : known.joined(separator: ", ")).")
            }
        }
        try check(pattern.equalityAttributes, "an equality attribute")
        if case .some(.attribute(let sort)) = pattern.sort { try check([sort.attribute], "the sort attribute") }
        try check(pattern.filterAttributes, "a filter attribute")
        if case .some(.only(let result)) = pattern.attributes { try check(result, "a result attribute") }
        for selected in pattern.selects ?? [] {
            try check([selected.attribute], "a selected attribute")
            guard (pattern.equalityAttributes ?? []).contains(selected.attribute) || (pattern.filterAttributes ?? []).contains(selected.attribute) else {
                throw RequirementsError("The pattern selects \(selected.text), but \(selected.attribute) is neither an equality nor a filter attribute of it: add it to one.")
            }
        }
        try AnswerParser.checkRPS(peak: pattern.peakRPS, average: pattern.averageRPS)
        checked.effects = try checkedEffects(of: checked)
        try checkAggregate(of: checked)
        return checked
    }

    // MARK: Accepted gaps

    public mutating func acceptGap(_ gapID: String, reason: String) throws(RequirementsError) {
        let trimmed = reason.trimmingWhitespace
        guard !trimmed.isEmpty else { throw RequirementsError("Say why the gap is acceptable, for example: accept created by the nightly import.") }
        try FreeText.check(trimmed, what: "The reason", limit: FreeText.answerLimit, allowingLineBreaks: true)
        acceptedGaps.removeAll { $0.gapID == gapID }
        acceptedGaps.append(AcceptedGap(gapID: gapID, reason: trimmed))
    }

    public func acceptance(of gapID: String) -> AcceptedGap? {
        acceptedGaps.first { $0.gapID == gapID }
    }

    static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}
