import Requirements

extension SinglePatternPlanner {
    /// A delete pattern that purges items by age on an entity with a retention period is served
    /// by TTL (docs/design-engine.md, "Lifecycle"): DynamoDB deletes expired items without
    /// consuming write units, so the pattern needs no request (and never a Scan).
    func expiresByTTL(_ entity: Entity, in table: PlannedTable, type: PatternType) -> PatternMapping? {
        guard type == .delete, LifecyclePlanner.isPurgeByAge(pattern, entity: entity),
              let ttl = LifecyclePlanner.ttlAttribute(of: table, context), let period = entity.retention?.period else { return nil }
        let note = "Served by TTL on \(ttl): every \(entity.name) item stores \(period.from) + \(period.days) days in epoch seconds, and DynamoDB deletes it within days after that time, consuming no write units. No request is needed, and no Scan."
        return PatternMapping(patternID: pattern.id, description: pattern.description, status: .expiresByTTL(attribute: ttl), plan: nil,
                              itemsPerRequest: .known(0), consistency: pattern.consistency ?? .eventual, notes: [note])
    }
}

extension LifecyclePlanner {
    /// A read of items that expire leaves out the expired ones TTL has not deleted yet: Query
    /// and Scan steps filter on the TTL attribute when every entity they return expires; a
    /// GetItem cannot filter, so its plan says to check the attribute.
    static func leavingOutExpired(_ mapping: PatternMapping, layout: TableLayout, _ context: DesignContext) -> PatternMapping {
        guard var plan = mapping.plan else { return mapping }
        var result = mapping
        var changed = false
        for position in plan.steps.indices {
            var step = plan.steps[position]
            guard step.request.operation.isRead, let table = layout.table(id: step.request.tableID),
                  let ttl = ttlAttribute(of: table, context) else { continue }
            let returned = [step.entity] + step.collectionMembers
            let expiring = returned.filter { context.entity($0)?.retention?.period != nil }
            guard !expiring.isEmpty else { continue }
            let filter = unexpiredFilter(ttl)
            switch step.request {
            case .query(var query) where expiring.count == returned.count:
                query.filter = PlanCondition.all([query.filter, filter].compactMap { $0 })
                step.request = .query(query)
                result.notes.append("Step \(position + 1) leaves out expired \(expiring.joined(separator: ", ")) items (filter \(ttl) > now): TTL deletes them within days of expiry, not at once.")
            case .scan(var scan) where expiring.count == returned.count:
                scan.filter = PlanCondition.all([scan.filter, filter].compactMap { $0 })
                step.request = .scan(scan)
                result.notes.append("Step \(position + 1) leaves out expired \(expiring.joined(separator: ", ")) items (filter \(ttl) > now): TTL deletes them within days of expiry, not at once.")
            default:
                result.notes.append("Step \(position + 1) may return a \(expiring.joined(separator: ", ")) item whose \(ttl) has passed (TTL deletes within days of expiry): the caller treats it as gone.")
            }
            plan.steps[position] = step
            changed = true
        }
        guard changed else { return mapping }
        result.plan = plan
        return result
    }
}

extension LifecyclePlanner {
    /// An index a read of expiring items queries carries the TTL attribute, so the read's filter
    /// on it can leave out expired items (a KEYS_ONLY or INCLUDE projection would drop it).
    static func projectExpiry(_ catalog: inout IndexCatalog, mappings: [PatternMapping], layout: TableLayout, _ context: DesignContext) {
        for mapping in mappings.sorted(by: { $0.patternID < $1.patternID }) {
            for step in mapping.plan?.steps ?? [] {
                guard case .query(let query) = step.request, let indexID = query.indexID, let filter = query.filter,
                      let table = layout.table(id: query.tableID), let ttl = ttlAttribute(of: table, context),
                      filter.attributes.contains(ttl), var index = catalog.index(indexID, on: table.id) else { continue }
                switch index.projection {
                case .all: continue
                case .keysOnly: index.projection = .include([ttl])
                case .include(let names):
                    guard !names.contains(ttl) else { continue }
                    index.projection = .include(names + [ttl])
                }
                index.projectionReason += " \(ttl) is projected too: reads leave out items whose TTL has passed."
                catalog.update(index, on: table.id)
            }
        }
    }
}
