import Requirements

/// Retention and streams (docs/design-engine.md, "Lifecycle"): the TTL attribute of each table
/// holding an entity with a retention period, the expiry value its items store, the filter
/// readers apply, and the consumers that need the table's stream.
enum LifecyclePlanner {
    /// Names tried for the TTL attribute, first one no stored attribute uses.
    static let ttlNames = ["expires_at", "ttl_expires_at", "ttl_epoch"]

    /// The entities whose items a planned table stores (a lookup table's owner for its lookup items).
    static func owners(of table: PlannedTable) -> [String] {
        table.lookup.map { [$0.entity] } ?? table.entities
    }

    /// The TTL attribute of a planned table, when an entity it stores has a retention period.
    static func ttlAttribute(of table: PlannedTable, _ context: DesignContext) -> String? {
        let owners = owners(of: table).compactMap(context.entity)
        guard owners.contains(where: { $0.retention?.period != nil }) else { return nil }
        let taken = Set(owners.flatMap { entity in entity.attributes.map { context.attributeName($0.name, inTable: table.id) } } + table.keyAttributeNames)
        return ttlNames.first { !taken.contains($0) } ?? "ttl_epoch_seconds"
    }

    /// The expiry an item of `entity` stores: its `from` time plus the retention, in epoch seconds.
    static func expiry(of entity: Entity) -> PlanValue? {
        guard let period = entity.retention?.period else { return nil }
        return .expiry(from: .input(entity: entity.name, attribute: period.from), seconds: period.seconds)
    }

    /// The table's TTL with each expiring entity's retention.
    static func timeToLive(of table: PlannedTable, _ context: DesignContext) -> TimeToLive? {
        guard let attribute = ttlAttribute(of: table, context) else { return nil }
        let retentions = owners(of: table).compactMap { name -> EntityRetention? in
            guard let entity = context.entity(name), let period = entity.retention?.period else { return nil }
            return EntityRetention(entity: name, period: period, storedFrom: context.attributeName(period.from, inTable: table.id))
        }
        return TimeToLive(attribute: attribute, retentions: retentions)
    }

    /// The filter a read of `entity`'s items applies so expired items (which TTL deletes within
    /// days, not at once) are not returned: items without the attribute never expire.
    static func unexpiredFilter(_ attribute: String) -> PlanCondition {
        .compare(attribute, .greater, .currentTime)
    }

    /// Update actions an update adds when it writes the attribute the retention counts from:
    /// the expiry moves with it.
    static func expiryActions(of entity: Entity, written: [String], ttlAttribute: String?) -> [UpdateAction] {
        guard let ttlAttribute, let period = entity.retention?.period, written.contains(period.from), let value = expiry(of: entity) else { return [] }
        return [.set(ttlAttribute, value)]
    }

    /// Whether a delete pattern purges items by age ("delete readings older than 30 days"),
    /// which TTL does for free on an entity with a retention period.
    static func isPurgeByAge(_ pattern: AccessPattern, entity: Entity) -> Bool {
        guard pattern.type == .delete, let period = entity.retention?.period else { return false }
        let text = pattern.description.lowercased()
        let ageWords = ["older than", "expired", "expire", "purge", "retention", "outdated", "stale", "days old", "aged out", "days ago", "by age"]
        let byAge = ageWords.contains { text.contains($0) }
        if byAge { return true }
        // A range on the retention's own date with no equality on a key: a delete by age.
        if case .attribute(let sort)? = pattern.sort, sort.attribute == period.from, (pattern.equalityAttributes ?? []).isEmpty { return true }
        return (pattern.filterAttributes ?? []).contains(period.from) && (pattern.equalityAttributes ?? []).isEmpty
    }

    /// The consumers of each table's stream: OpenSearch feeding for entities with search
    /// patterns, archiving of expired items.
    static func addStreamReasons(to tables: inout [TableDesign], searchNotes: [SearchPatternNote], _ context: DesignContext) {
        for position in tables.indices {
            var table = tables[position]
            guard table.lookup == nil else { continue }
            var searched: [Int] = []
            for note in searchNotes {
                guard let pattern = context.requirements.pattern(note.patternID), let entity = pattern.entities.first,
                      table.entities.contains(entity) else { continue }
                searched.append(note.patternID)
            }
            if !searched.isEmpty {
                let entities = table.entities.filter { entity in searched.contains { context.requirements.pattern($0)?.entities.first == entity } }
                table.streamReasons.append(StreamReason(
                    consumer: .openSearch,
                    detail: "pattern\(searched.count == 1 ? "" : "s") " + searched.map { "#\($0)" }.joined(separator: ", ")
                        + " search \(entities.joined(separator: ", ")) items, indexed in OpenSearch from the stream"))
            }
            let archived = table.timeToLive?.retentions.filter { $0.period.archived == true }.map(\.entity) ?? []
            if !archived.isEmpty {
                table.streamReasons.append(StreamReason(
                    consumer: .ttlArchive,
                    detail: archived.joined(separator: ", ") + " items TTL deletes are copied to the archive (records whose userIdentity is dynamodb.amazonaws.com)"))
            }
            tables[position] = table
        }
    }
}

extension LifecyclePlanner {
    /// One LIFECYCLE decision per table with a TTL or a stream.
    static func decisions(tables: [TableDesign], mappings: [PatternMapping], _ context: DesignContext) -> [DesignDecision] {
        var decisions: [DesignDecision] = []
        for table in tables {
            if let ttl = table.timeToLive {
                let purges = mappings.filter { mapping in
                    if case .expiresByTTL(let attribute) = mapping.status, attribute == ttl.attribute,
                       let entity = context.requirements.pattern(mapping.patternID)?.entities.first { return ttl.retention(of: entity) != nil }
                    return false
                }
                var justification = ttl.retentions.map { "\($0.entity) items are kept \($0.period.text) (requirements)" }.joined(separator: "; ") + "."
                justification += " Each item stores its expiry in \(ttl.attribute) as epoch seconds (a Number), computed by the writes from \(ttl.retentions.map(\.storedFrom).joined(separator: ", ")); TTL deletes expired items in the background without consuming write units."
                if !purges.isEmpty {
                    justification += " It replaces the purge pattern\(purges.count == 1 ? "" : "s") " + purges.map { "#\($0.patternID)" }.joined(separator: ", ") + ", which would otherwise Scan or Query and delete item by item, paying write units for each."
                }
                if table.lookup != nil { justification += " Lookup items expire with their owner, so an expired item's unique value becomes free again." }
                decisions.append(DesignDecision(
                    id: "ttl:\(table.id)", type: .lifecycle, subject: "\(table.name) retention",
                    alternativesConsidered: ["TTL attribute set by every write", "A scheduled job that queries and deletes old items (paid writes)", "Keep items for ever"],
                    chosenApproach: "TTL on \(ttl.attribute)",
                    justification: justification,
                    tradeOffs: ["Deletes are free but happen within days of expiry, not at the second: reads filter on \(ttl.attribute)",
                                "An item changed to count from a new date must have \(ttl.attribute) rewritten (the updates do it)"],
                    rollbackStrategy: "Disable TTL on the table (UpdateTimeToLive); items keep the attribute and stop expiring.",
                    monitoring: ["TimeToLiveDeletedItemCount", "Items past \(ttl.attribute) still returned by reads that do not filter"]))
            }
            if let view = table.streamViewType {
                decisions.append(DesignDecision(
                    id: "stream:\(table.id)", type: .lifecycle, subject: "\(table.name) stream",
                    alternativesConsidered: ["DynamoDB Streams", "Kinesis Data Streams for DynamoDB", "Dual writes from the application"],
                    chosenApproach: "DynamoDB Streams with \(view.rawValue)",
                    justification: "Consumers depend on the table's changes: " + table.streamReasons.map(\.text).joined(separator: "; ")
                        + ". \(view.rawValue) is the least view that gives each consumer the images it needs; records are kept 24 hours.",
                    tradeOffs: ["Consumers see changes within about a second, in order per item", "Records expire after 24 hours: a consumer down longer must rebuild from a table export"],
                    rollbackStrategy: "Disable the stream (the consumers stop receiving changes).",
                    monitoring: ["IteratorAge of each consumer (Lambda)", "Consumer errors and retries"]))
            }
        }
        return decisions
    }
}
