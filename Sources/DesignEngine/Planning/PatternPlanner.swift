import Requirements

/// What planning the access patterns produced.
struct PlannedPatterns {
    var mappings: [PatternMapping] = []
    /// The requests each mapping makes, by pattern id, for the capacity pass.
    var steps: [Int: [RequestStep]] = [:]
    var indexes: [String: [IndexDesign]] = [:]
    var decisions: [DesignDecision] = []
    var searchNotes: [SearchPatternNote] = []
    /// Parent attributes copied into child items, adopted at the design gate.
    var denormalizations: [DenormalizationCandidate] = []
}

/// Plans every access pattern (modeling rules §2): the operation, the table or index, the key
/// condition and filter, adding GSIs (or an LSI) where the base key cannot serve a read.
/// Reads are planned before writes, so a write that must find its item first can use an index
/// a read already needed.
enum PatternPlanner {
    static func plan(_ context: DesignContext, layout: inout TableLayout) -> PlannedPatterns {
        var planned = PlannedPatterns()
        var catalog = IndexCatalog()
        var byID: [Int: PatternMapping] = [:]
        let patterns = context.requirements.accessPatterns
        let candidates = DenormalizationPlanner.candidates(context, layout: layout)
        planned.denormalizations = candidates.filter(\.isAdopted)
        for pattern in patterns where pattern.type == .read || pattern.type == nil || pattern.type == .search {
            var planner = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: planned.denormalizations)
            byID[pattern.id] = planner.planRead(catalog: &catalog)
            planned.steps[pattern.id] = planner.steps
            if let note = planner.searchNote { planned.searchNotes.append(note) }
        }
        for pattern in patterns where pattern.type?.isWrite ?? false {
            var planner = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: planned.denormalizations)
            byID[pattern.id] = planner.planWrite(catalog: catalog)
            planned.steps[pattern.id] = planner.steps
        }
        planned.mappings = patterns.compactMap { byID[$0.id] }
        ProjectionPlanner.chooseProjections(&catalog, context: context, layout: layout)
        planned.indexes = catalog.byTable
        planned.decisions = candidates.map { DenormalizationPlanner.decision(for: $0, context) }
            + IndexDecisionWriter.decisions(for: catalog, layout: layout, context: context)
        return planned
    }
}
