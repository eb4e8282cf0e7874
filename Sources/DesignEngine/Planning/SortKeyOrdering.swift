import Requirements

/// Orders a table's sort key for a read by its partition key in another attribute's order
/// (docs/design-engine.md, section 2): `user_id` / `order_id` becomes `user_id` /
/// `created_at#order_id`, so "a user's orders, newest first" is a Query on the table instead of
/// a GSI keyed by the table's own partition key (a second copy of every item, with write costs
/// of its own).
///
/// Only when nothing else needs the old sort key: every pattern that names a part of it also
/// knows the new leading attribute, no update changes that attribute (the key would go stale),
/// and the attribute sorts as text in its own order (a date or a time). Otherwise the read
/// gets an LSI, which only table creation can add.
enum SortKeyOrdering {
    /// The table re-keyed for the busiest read that qualifies, with its decision; nil when none does.
    static func order(_ table: PlannedTable, entity: Entity, _ context: DesignContext) -> (table: PlannedTable, decision: DesignDecision)? {
        guard case .entity = table.role, context.choices.tableKeys[table.id] == nil, table.sortKey != nil else { return nil }
        let partition = table.keyComponents.partition
        let sort = table.keyComponents.sort
        let candidates = context.readPatterns(of: entity.name).filter { pattern in
            guard case .attribute(let requirement)? = pattern.sort, Set(pattern.equalityAttributes ?? []) == Set(partition) else { return false }
            return !sort.contains(requirement.attribute) && !partition.contains(requirement.attribute)
        }
        let busiest = candidates.enumerated().max { left, right in
            let leftRPS = DesignContext.averageRPS(left.element), rightRPS = DesignContext.averageRPS(right.element)
            return leftRPS != rightRPS ? leftRPS < rightRPS : left.offset > right.offset
        }?.element
        guard let pattern = busiest, case .attribute(let requirement)? = pattern.sort,
              compatible(requirement.attribute, entity: entity, sort: sort, context) else { return nil }
        let leading = requirement.attribute
        var ordered = table
        let oldSort = table.sortKey!.name
        ordered.sortKey = TableLayoutPlanner.key([leading] + sort, of: entity, context)
        let newSort = ordered.sortKey!.name
        ordered.keyJustification += " The sort key is \(newSort) rather than \(oldSort): pattern #\(pattern.id) reads one \(partition.joined(separator: ", "))'s items in \(leading) order, which a Query on the table then returns directly; \(sort.joined(separator: ", ")) keeps each item's key unique."
        let others = candidates.filter { $0.id != pattern.id }.map { "#\($0.id)" }
        let decision = DesignDecision(
            id: "sort-key:\(table.id)", type: .tableStructure, subject: "Sort key of the \(entity.name) table ordered by \(leading)",
            alternativesConsidered: [
                "Sort key \(newSort): the table's own items in \(leading) order",
                "LSI sorted by \(leading) (only at table creation; caps each \(partition.joined(separator: ", ")) at 10 GB; one more write per item)",
                "GSI keyed by \(partition.joined(separator: ", ")) sorted by \(leading) (rejected: same partition key as the table, so a second copy of every item with its own write units)",
            ],
            chosenApproach: "Sort key \(newSort)",
            justification: "Pattern #\(pattern.id) (\(pattern.description)) knows only \(partition.joined(separator: ", ")) and wants the items in \(leading) order, at \(NumberFormatting.plain(DesignContext.averageRPS(pattern))) average RPS. Every pattern that names \(sort.joined(separator: ", ")) also knows \(leading), no update changes \(leading), and \(leading) values sort as text in time order, so leading the sort key with it serves the read with no index at all." + (others.isEmpty ? "" : " Reads \(others.joined(separator: ", ")) want another order and get an LSI."),
            tradeOffs: ["No index: no extra write units or storage", "Getting one item needs \(leading) as well as \(sort.joined(separator: ", "))", "Changing \(leading) would mean a delete and a put (it is part of the key)"],
            rollbackStrategy: "Re-key the table by \(oldSort) (copy the items) and add an LSI or GSI for the ordered read.",
            monitoring: ["Consumed read capacity of pattern #\(pattern.id)'s Query"])
        return (ordered, decision)
    }

    /// Whether `leading` can lead the sort key without breaking another pattern.
    static func compatible(_ leading: String, entity: Entity, sort: [String], _ context: DesignContext) -> Bool {
        guard let attribute = entity.attribute(named: leading), attribute.isMigrated, attribute.source?.nullable != true,
              attribute.type == .date || attribute.type == .datetime else { return false }
        for pattern in context.patterns(involving: entity.name) where pattern.entities.first == entity.name {
            let equality = pattern.equalityAttributes ?? []
            // Finding one item by its old key would become a Query with a filter.
            if equality.contains(where: sort.contains), !equality.contains(leading) { return false }
            if pattern.type == .update {
                switch pattern.attributes {
                case .all?, nil: return false
                case .only(let names)?: if names.contains(leading) { return false }
                }
            }
        }
        return true
    }

    /// Whether a sort key made of `parts` returns items in the order of its first part: a
    /// date or time leads a concatenated key in its own order (ISO text sorts by time).
    static func ordersBy(_ attribute: String, parts: [String], entity: Entity) -> Bool {
        guard parts.first == attribute else { return false }
        if parts.count == 1 { return true }
        guard let type = entity.attribute(named: attribute)?.type else { return false }
        return type == .date || type == .datetime
    }
}
