import Requirements

/// Plans one access pattern against the layout: the typed, executable steps of its
/// `PatternPlan`, or the reason it cannot be served as asked and what the user can do about it.
///
/// Reads are in `SinglePatternPlanner+Reads.swift`, writes in `SinglePatternPlanner+Writes.swift`.
struct SinglePatternPlanner {
    let pattern: AccessPattern
    let context: DesignContext
    let layout: TableLayout
    /// Adopted copies of parent attributes into child items.
    let copies: [DenormalizationCandidate]
    let items: ItemLayoutBuilder
    var steps: [PlanStep] = []
    private(set) var searchNote: SearchPatternNote?
    var notes: [String] = []
    /// Entities a read lists that its plan cannot read: the pattern is then not served.
    var relatedReadProblems: [String] = []

    init(pattern: AccessPattern, context: DesignContext, layout: TableLayout, copies: [DenormalizationCandidate], items: ItemLayoutBuilder) {
        self.pattern = pattern
        self.context = context
        self.layout = layout
        self.copies = copies
        self.items = items
    }

    var equality: [String] { pattern.equalityAttributes ?? [] }
    var sortRequirement: SortRequirement? {
        if case .attribute(let sort)? = pattern.sort { return sort }
        return nil
    }
    var strong: Bool { pattern.consistency == .strong }

    /// Items one request returns or writes, as the pattern states it.
    var expectedItems: ItemEstimate {
        switch pattern.expectedItems {
        case .known(let count)?: return .known(max(count.average, 0))
        case .unknown?, nil: return .unknown(reason: "items per request of pattern #\(pattern.id) unknown")
        }
    }

    /// Whether the pattern states more than one item per request on average.
    var expectsSeveralItems: Bool {
        (expectedItems.value ?? 1) > 1
    }

    mutating func markSearch() -> PatternMapping {
        let reason = "Needs full-text or multi-field search, which DynamoDB key conditions cannot express (see docs/design-engine.md, \"Patterns DynamoDB should not serve\")."
        searchNote = SearchPatternNote(patternID: pattern.id, description: pattern.description, reason: reason)
        return PatternMapping(
            patternID: pattern.id, description: pattern.description, status: .searchService(reason: reason), plan: nil,
            itemsPerRequest: expectedItems, consistency: pattern.consistency ?? .eventual,
            notes: ["Served by OpenSearch, fed from DynamoDB Streams or zero-ETL integration."])
    }

    // MARK: What items carry

    /// The first attribute the pattern uses on `entity`'s items that those items do not carry,
    /// with why and how to fix it; nil when every one is there. An attribute of another entity
    /// is usable only through an adopted copy, whose write path the plans keep fresh.
    func missingAttribute(_ names: [String], on entity: Entity) -> String? {
        for name in names {
            if let attribute = entity.attribute(named: name) {
                guard attribute.isMigrated else {
                    return "\(name) of \(entity.name) is excluded from the migration (\(attribute.excludedReason ?? "excluded at the import review")), so no \(entity.name) item carries it. Include it again, or drop it from pattern #\(pattern.id)."
                }
                continue
            }
            if copies.contains(where: { $0.child == entity.name && $0.copyName == name }) { continue }
            let owner = pattern.entities.dropFirst().first { context.entity($0)?.attribute(named: name) != nil } ?? "another entity"
            let proposal = "denormalize:\(entity.name).\(name)"
            let proposed = context.choices.proposals[proposal] == false ? " (the copy was rejected at the design gate)" : ""
            return "\(name) is an attribute of \(owner), which \(entity.name) items do not carry\(proposed). Accept the copy (`/accept \(proposal)`: \(entity.name) writes then copy it from the \(owner), and writes that change it refresh the copies), or read the \(owner) first and look \(entity.name) items up by its key."
        }
        return nil
    }

    // MARK: Keys

    func key(of entity: String, in table: PlannedTable) -> ItemKey {
        items.key(of: entity, in: table)
    }

    /// The stored name of an attribute in a table (renames applied).
    func name(_ attribute: String, _ table: PlannedTable) -> String {
        context.attributeName(attribute, inTable: table.id)
    }

    /// The stored name of a copy or own attribute of `entity` in `table`.
    func storedName(_ attribute: String, of entity: String, in table: PlannedTable) -> String {
        if let copy = copies.first(where: { $0.child == entity && $0.copyName == attribute }) {
            return name(copy.copyName, table)
        }
        return name(attribute, table)
    }

    /// The stored type of an attribute of `entity` in `table` (a key attribute has its key type).
    func storedType(_ attribute: String, of entity: String, in table: PlannedTable) -> DynamoDBType {
        let stored = storedName(attribute, of: entity, in: table)
        if let keyType = items.keyTypes[table.id]?[stored] { return keyType }
        if let known = context.entity(entity)?.attribute(named: attribute) { return ItemSizer.dynamoDBType(of: known) }
        if let copy = copies.first(where: { $0.child == entity && $0.copyName == attribute }) { return ItemSizer.dynamoDBType(of: copy.attribute) }
        return .string
    }

    /// The pattern's filters as one condition on `entity`'s items in `table`, leaving out the
    /// attributes in `skipping` (key attributes: DynamoDB refuses a filter on them, so they go
    /// into the key condition instead).
    func filterCondition(entity: String, table: PlannedTable, skipping: Set<String> = []) -> PlanCondition? {
        PlanCondition.all((pattern.filterAttributes ?? []).filter { !skipping.contains($0) }.map { attribute in
            .compare(storedName(attribute, of: entity, in: table), .equal, .input(entity: entity, attribute: attribute))
        })
    }

    /// Items a Query reads to return `returned`: a filter on attributes with a stated number of
    /// distinct values reads that many times more (capped by the items under the key); without
    /// one the count is unknown.
    func examined(returned: ItemEstimate, entity: Entity, partitionItems: Double?) -> ItemEstimate {
        let filters = pattern.filterAttributes ?? []
        guard !filters.isEmpty else { return returned }
        guard let count = returned.value else { return returned }
        var factor = 1.0
        for name in filters {
            guard let distinct = entity.attribute(named: name)?.distinctValues ?? (entity.attribute(named: name)?.type == .boolean ? 2 : nil) else {
                if let partitionItems { return .known(partitionItems) }
                return .unknown(reason: "the filter on \(name) of pattern #\(pattern.id) reads an unknown number of items: state how many distinct values \(name) has")
            }
            factor *= Double(distinct)
        }
        let examined = count * factor
        return .known(partitionItems.map { min(examined, max($0, count)) } ?? examined)
    }

    // MARK: Building mappings

    func unserved(_ reason: String) -> PatternMapping {
        PatternMapping(patternID: pattern.id, description: pattern.description, status: .unserved(reason: reason), plan: nil,
                       itemsPerRequest: expectedItems, consistency: pattern.consistency ?? .eventual, notes: [])
    }

    /// The mapping of a plan with these steps; the main step names the table and index.
    func served(_ status: MappingStatus = .served) -> PatternMapping {
        if let problem = relatedReadProblems.first { return unserved(problem) }
        var allNotes = notes
        if let main = steps.first(where: { $0.purpose == .main }), main.request.operation.isRead, !(pattern.filterAttributes ?? []).isEmpty {
            allNotes.append("The filter is applied after reading: it does not reduce read units, which count every item examined (\(Self.itemsText(main.itemsExamined)) for \(Self.itemsText(main.items)) returned).")
        }
        return PatternMapping(
            patternID: pattern.id, description: pattern.description, status: status, plan: PatternPlan(steps: steps),
            itemsPerRequest: steps.first(where: { $0.purpose == .main })?.items ?? expectedItems,
            consistency: pattern.consistency ?? .eventual, notes: allNotes)
    }

    /// The table's name as the user will see it (naming convention and renames applied).
    func tableName(_ table: PlannedTable) -> String {
        TableAssembler.tableName(table, context)
    }

    func relationship(parent: String, child: String) -> Relationship? {
        context.requirements.relationships.first { $0.parent == parent && $0.child == child && $0.kind == .oneToMany }
    }

    static func itemsText(_ estimate: ItemEstimate) -> String {
        estimate.value.map { NumberFormatting.plain($0) } ?? "unknown"
    }

    func childrenAverage(_ relationship: Relationship) -> ItemEstimate {
        if case .known(let cardinality)? = relationship.cardinality { return .known(cardinality.average) }
        return .unknown(reason: "the number of \(relationship.child) items per \(relationship.parent) is unknown")
    }
}
