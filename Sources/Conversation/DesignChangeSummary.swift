import DesignEngine

/// What a design change did to the model: tables and indexes added, removed or changed, and the
/// patterns now planned differently. Compares the model designed before the change with the one
/// designed after it, so the reply reports what the engine really did.
enum DesignChangeSummary {
    static func lines(before: DataModel, after: DataModel) -> [String] {
        var lines: [String] = []
        let previous = Dictionary(before.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let remaining = Set(after.tables.map(\.id))
        for table in after.tables {
            guard let old = previous[table.id] else {
                lines.append("Table \(table.name) added: keys \(keys(table))\(table.indexes.isEmpty ? "" : ", indexes " + table.indexes.map(\.name).joined(separator: ", ")).")
                continue
            }
            let changes = tableChanges(old, table)
            if !changes.isEmpty { lines.append("Table \(old.name): " + changes.joined(separator: "; ") + ".") }
        }
        for table in before.tables where !remaining.contains(table.id) {
            let homes = after.tables.filter { candidate in candidate.lookup == nil && table.entities.contains { candidate.entities.contains($0) } }
            lines.append("Table \(table.name) removed" + (homes.isEmpty ? "." : ": its items now live in \(homes.map(\.name).joined(separator: ", "))."))
        }
        let previousMappings = Dictionary(before.mappings.map { ($0.patternID, $0) }, uniquingKeysWith: { first, _ in first })
        var patterns: [String] = []
        for mapping in after.mappings {
            guard let old = previousMappings[mapping.patternID] else { continue }
            let oldText = shortOperation(old, model: before)
            let newText = shortOperation(mapping, model: after)
            if oldText != newText {
                patterns.append("  #\(mapping.patternID) \(mapping.description): \(oldText) → \(newText)")
            } else if let condition = keyCondition(mapping, model: after), condition != keyCondition(old, model: before) {
                patterns.append("  #\(mapping.patternID) \(mapping.description): key condition now \(condition)")
            }
        }
        if !patterns.isEmpty { lines.append("Patterns affected:") }
        lines.append(contentsOf: patterns)
        let oldCost = DesignReviewText.dollars(before.cost.onDemandTotal)
        let newCost = DesignReviewText.dollars(after.cost.onDemandTotal)
        if oldCost != newCost { lines.append("On-demand estimate: \(oldCost) → \(newCost) per month.") }
        if lines.isEmpty { lines.append("The redesigned model is the same as before.") }
        return lines
    }

    static func keys(_ table: TableDesign) -> String {
        table.partitionKey.name + (table.sortKey.map { " / \($0.name)" } ?? "")
    }

    static func indexKeys(_ index: IndexDesign) -> String {
        DesignReviewText.keyNames(index)
    }

    /// The operation without the reasons, which the gate and the confirmation show in full.
    static func shortOperation(_ mapping: PatternMapping, model: DataModel) -> String {
        switch mapping.status {
        case .searchService: return "❌ search service"
        case .analyticsExport: return "❌ export (S3 + Athena)"
        case .unserved: return "⚠️ broken"
        case .expiresByTTL: return DesignReviewText.operationText(mapping, model: model)
        case .served, .acceptedScan: return DesignReviewText.operationText(mapping, model: model)
        }
    }

    static func tableChanges(_ old: TableDesign, _ new: TableDesign) -> [String] {
        var changes: [String] = []
        if old.name != new.name { changes.append("renamed to \(new.name)") }
        if old.entities != new.entities { changes.append("now holds \(new.entities.joined(separator: ", ")) (was \(old.entities.joined(separator: ", ")))") }
        if keys(old) != keys(new) { changes.append("keys now \(keys(new)) (were \(keys(old)))") }
        var renamed: Set<String> = []
        for attribute in new.attributes where attribute.composedOf == nil {
            if let match = old.attributes.first(where: { $0.entity == attribute.entity && $0.sourceAttribute == attribute.sourceAttribute && $0.composedOf == nil }),
               match.name != attribute.name {
                changes.append("attribute \(match.name) renamed to \(attribute.name)")
                renamed.insert(attribute.name)
                renamed.insert(match.name)
            }
        }
        let oldNames = Set(old.attributes.map(\.name))
        let newNames = Set(new.attributes.map(\.name))
        let added = new.attributes.map(\.name).filter { !oldNames.contains($0) && !renamed.contains($0) }
        let removed = old.attributes.map(\.name).filter { !newNames.contains($0) && !renamed.contains($0) }
        if !added.isEmpty { changes.append("attributes added: \(added.joined(separator: ", "))") }
        if !removed.isEmpty { changes.append("attributes removed: \(removed.joined(separator: ", "))") }
        let oldIndexes = Dictionary(old.indexes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIndexIDs = Set(new.indexes.map(\.id))
        for index in new.indexes {
            guard let before = oldIndexes[index.id] else {
                changes.append("\(index.kind.rawValue) \(index.name) added (\(indexKeys(index)))")
                continue
            }
            if before.name != index.name { changes.append("index \(before.name) renamed to \(index.name)") }
            if indexKeys(before) != indexKeys(index) { changes.append("index \(index.name) keys now \(indexKeys(index)) (were \(indexKeys(before)))") }
            if before.projection != index.projection {
                changes.append("index \(index.name) projection now \(DesignReviewText.projectionText(index.projection)) (was \(DesignReviewText.projectionText(before.projection)))")
            }
        }
        for index in old.indexes where !newIndexIDs.contains(index.id) {
            changes.append("\(index.kind.rawValue) \(index.name) removed")
        }
        if old.capacityMode != new.capacityMode { changes.append("capacity \(new.capacityMode.rawValue) (was \(old.capacityMode.rawValue))") }
        if old.tableClass != new.tableClass { changes.append("table class \(new.tableClass.rawValue) (was \(old.tableClass.rawValue))") }
        return changes
    }

    /// The main step's key condition in DynamoDB's notation; nil without a plan.
    static func keyCondition(_ mapping: PatternMapping, model: DataModel) -> String? {
        guard let plan = mapping.plan, let main = plan.mainStep else { return nil }
        return PlanText(plan: plan, model: model).keyCondition(of: main)
    }
}
