import Requirements

extension SinglePatternPlanner {
    /// Adds the pre-aggregated totals' increments to a create of the entity they count
    /// (docs/design-engine.md, "Aggregations"): one `Update` with `ADD` per counter item kept by
    /// transaction, so the item and its totals are written together or not at all.
    mutating func joinTotals(of entity: Entity, type: PatternType) {
        guard type == .write else { return }
        let counters = layout.tables.compactMap(\.totals).filter { $0.entity == entity.name }
            .flatMap { totals in totals.counters.filter { $0.maintenance == .transaction }.map { (totals, $0) } }
        guard !counters.isEmpty, let mainIndex = steps.lastIndex(where: { $0.purpose == .main }), steps[mainIndex].repetition == .once else { return }
        var main = steps[mainIndex]
        var actions: [TransactAction]
        switch main.request {
        case .putItem(let put): actions = [TransactAction(.put(put), entity: main.entity)]
        case .transactWriteItems(let existing): actions = existing
        default: return
        }
        var names: [String] = []
        for (totals, counter) in counters {
            guard let table = layout.tables.first(where: { $0.totals == totals }) else { continue }
            let update = UpdateRequest(tableID: table.id, key: counter.key, actions: counter.increments, condition: nil)
            actions.append(TransactAction(.update(update), entity: entity.name))
            names.append(PlanText(mainEntity: entity.name).update(counter.increments))
        }
        main.request = .transactWriteItems(actions)
        if let count = main.items.value { main.items = .known(count + Double(counters.count)) }
        main.itemsExamined = main.items
        steps[mainIndex] = main
        notes.append("The totals in \(tableName(layout.tables.first { $0.totals?.entity == entity.name }!)) are updated in the same transaction: " + names.joined(separator: "; ") + ".")
    }
}
