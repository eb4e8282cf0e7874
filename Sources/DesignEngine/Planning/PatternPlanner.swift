import Requirements

/// What planning the access patterns produced.
struct PlannedPatterns {
    var mappings: [PatternMapping] = []
    var indexes: [String: [IndexDesign]] = [:]
    var decisions: [DesignDecision] = []
    var searchNotes: [SearchPatternNote] = []
    /// Analytics-only aggregations, left to an export (S3 + Athena).
    var exportNotes: [SearchPatternNote] = []
    /// Parent attributes copied into child items, adopted at the design gate.
    var denormalizations: [DenormalizationCandidate] = []
    /// How each entity's items are stored, by table id.
    var itemLayouts: [String: [EntityItemLayout]] = [:]
}

/// Plans every access pattern (docs/design-engine.md, "Plan every access pattern"): the typed
/// steps of each, adding GSIs (or an LSI) where the base key cannot serve a read. Reads are
/// planned before writes, so a write that must find its item first can use an index a read
/// already needed, and so every index key's type is known when the writes build their items.
enum PatternPlanner {
    static func plan(_ context: DesignContext, layout: inout TableLayout) -> PlannedPatterns {
        var planned = PlannedPatterns()
        var catalog = IndexCatalog()
        var byID: [Int: PatternMapping] = [:]
        let patterns = context.requirements.accessPatterns
        let candidates = DenormalizationPlanner.candidates(context, layout: layout)
        planned.denormalizations = candidates.filter(\.isAdopted)
        var items = ItemLayoutBuilder(context: context, layout: layout, copies: planned.denormalizations, keyTypes: keyTypes(layout, catalog, context))
        var aggregationDecisions: [DesignDecision] = []
        // Ordered reads first: an index keyed for an order also serves the reads that need none,
        // whatever the pattern order (docs/design-engine.md, section 4).
        let reads = patterns.filter { $0.type == .read || $0.type == nil || $0.type == .search }
        let ordered = reads.filter { if case .attribute? = $0.sort { return true } else { return false } }
        for pattern in ordered + reads.filter({ read in !ordered.contains { $0.id == read.id } }) {
            if pattern.type == .read, pattern.hasRPS, let aggregation = pattern.aggregate?.aggregation {
                let outcome = AggregationPlanner.plan(pattern, aggregation, context: context, layout: &layout, catalog: &catalog,
                                                      copies: planned.denormalizations, items: items)
                byID[pattern.id] = outcome.mapping
                if let decision = outcome.decision { aggregationDecisions.append(decision) }
                if let note = outcome.exportNote { planned.exportNotes.append(note) }
                continue
            }
            var planner = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: planned.denormalizations, items: items)
            byID[pattern.id] = planner.planRead(catalog: &catalog)
            if let note = planner.searchNote { planned.searchNotes.append(note) }
        }
        catalog.orderByFirstPattern()
        for (id, mapping) in byID { byID[id] = LifecyclePlanner.leavingOutExpired(mapping, layout: layout, context) }
        ProjectionPlanner.chooseProjections(&catalog, context: context, layout: layout)
        LifecyclePlanner.projectExpiry(&catalog, mappings: Array(byID.values), layout: layout, context)
        for (id, mapping) in byID { byID[id] = ProjectionPlanner.checkProjected(mapping, catalog: catalog, layout: layout, context: context) }
        items = ItemLayoutBuilder(context: context, layout: layout, copies: planned.denormalizations, keyTypes: keyTypes(layout, catalog, context))
        let writeCatalog = catalog.excludingSelectionIndexes(layout, context)
        for pattern in patterns where pattern.type?.isWrite ?? false {
            var planner = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: planned.denormalizations, items: items)
            byID[pattern.id] = planner.planWrite(catalog: writeCatalog)
        }
        planned.mappings = patterns.compactMap { byID[$0.id] }
        for table in layout.tables {
            if table.totals != nil {
                planned.itemLayouts[table.id] = []
            } else if table.lookup != nil {
                planned.itemLayouts[table.id] = items.lookupItem(table).map { [$0] } ?? []
            } else {
                planned.itemLayouts[table.id] = table.entities.map { items.item(of: $0, in: table) }
            }
        }
        planned.indexes = catalog.byTable
        planned.decisions = candidates.map { DenormalizationPlanner.decision(for: $0, context) }
            + IndexDecisionWriter.decisions(for: catalog, layout: layout, context: context) + aggregationDecisions
        return planned
    }

    /// The stored type of every key attribute by table id and stored name: table keys, then
    /// index keys (a boolean index key is a number, and every item writes it as one).
    static func keyTypes(_ layout: TableLayout, _ catalog: IndexCatalog, _ context: DesignContext) -> [String: [String: DynamoDBType]] {
        var types: [String: [String: DynamoDBType]] = [:]
        for table in layout.tables {
            var byName: [String: DynamoDBType] = [:]
            for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + (catalog.byTable[table.id] ?? []).flatMap({ $0.partitionKey + $0.sortKey }) {
                let stored = TableAssembler.renamed(key, table.id, context).name
                if byName[stored] == nil { byName[stored] = key.dynamoDBType }
            }
            types[table.id] = byName
        }
        return types
    }
}
