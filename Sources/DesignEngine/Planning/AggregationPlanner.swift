import Requirements

/// Plans aggregating reads (docs/design-engine.md, "Aggregations"): a bounded Query the client
/// aggregates, a pre-aggregated counter item per group key and period kept current with `ADD`
/// (in the write transactions, or by a Streams consumer when the write rate makes that cheaper),
/// or an export for analytics-only reports.
enum AggregationPlanner {
    /// At most this many bytes examined per request for a client-side aggregation (1 MB, one page).
    static let clientSideLimitBytes = 1_048_576.0
    /// Counter writes per second on the busiest counter item above which a Streams consumer
    /// batches the increments: 50% of a partition's 1,000 write units per second.
    static let transactionalCounterLimit = 500.0
    static let partitionKeyName = "totals_key"
    static let sortKeyName = "period"
    static let countAttribute = AggregationPlan.countAttribute

    struct Outcome {
        var mapping: PatternMapping
        var decision: DesignDecision?
        var exportNote: SearchPatternNote?
    }

    static func plan(_ pattern: AccessPattern, _ aggregation: Aggregation, context: DesignContext, layout: inout TableLayout,
                     catalog: inout IndexCatalog, copies: [DenormalizationCandidate], items: ItemLayoutBuilder) -> Outcome {
        let planner = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: copies, items: items)
        guard let entityName = pattern.entities.first, let entity = context.entity(entityName) else {
            return Outcome(mapping: planner.unserved("The pattern names no entity."))
        }
        let group = pattern.equalityAttributes ?? []
        if pattern.analyticsOnly == true {
            let reason = "An analytics-only aggregation (\(aggregation.text) of \(entityName)): an export of the table to S3, queried with Athena, serves it without adding counters or reads to DynamoDB (see docs/design-engine.md, \"Aggregations\")."
            var mapping = PatternMapping(patternID: pattern.id, description: pattern.description, status: .analyticsExport(reason: reason), plan: nil,
                                         itemsPerRequest: planner.expectedItems, consistency: pattern.consistency ?? .eventual,
                                         notes: ["Served by an export to S3 (DynamoDB export to S3, or a stream to Firehose) queried with Athena."])
            mapping.aggregation = AggregationPlan(aggregation: aggregation, method: .export, entity: entityName, groupAttributes: group, periodAttribute: nil)
            return Outcome(mapping: mapping, exportNote: SearchPatternNote(patternID: pattern.id, description: pattern.description, reason: reason))
        }
        if let problem = attributeProblem(aggregation, entity: entity) { return Outcome(mapping: planner.unserved(problem)) }
        var periodAttribute: String?
        if aggregation.period != .none {
            guard let chosen = Self.periodAttribute(of: entity, period: aggregation.period) else {
                return Outcome(mapping: planner.unserved("Aggregates per \(aggregation.period.rawValue), but \(entityName) has no \(aggregation.period == .hour ? "datetime" : "date or datetime") attribute to bucket its items by. Add the attribute that records when each \(entityName) happens, or drop the period (`/edit pattern \(pattern.id) aggregate=\"\(Aggregation(function: aggregation.function, attribute: aggregation.attribute).text)\"`)."))
            }
            periodAttribute = chosen
        }

        // The read the aggregation would run without a counter, on a trial catalog: an index it
        // needs is kept only when the client aggregates its items.
        var trial = catalog
        var reader = SinglePatternPlanner(pattern: pattern, context: context, layout: layout, copies: copies, items: items)
        let read = reader.planRead(catalog: &trial)
        let size = examinedBytes(read, entity: entity, pattern: pattern, context: context)
        if case .known(let bytes) = size, bytes <= clientSideLimitBytes {
            catalog = trial
            var mapping = read
            mapping.aggregation = AggregationPlan(aggregation: aggregation, method: .clientSide, entity: entityName, groupAttributes: group,
                                                  periodAttribute: periodAttribute, bytesExamined: bytes)
            let per = periodAttribute.map { " per \(aggregation.period.rawValue) of \($0)" } ?? ""
            mapping.notes.append("The client computes \(mapping.aggregation!.functionText)\(per) over the items the \(mapping.operation?.rawValue ?? "read") returns: about \(NumberFormatting.plain((bytes / 1024).rounded(.up))) KB examined per request, within one 1 MB page.")
            return Outcome(mapping: mapping)
        }
        let sizeText: String
        switch size {
        case .known(let bytes): sizeText = "about \(NumberFormatting.plain((bytes / 1024).rounded(.up))) KB examined per request, over the 1 MB a client-side aggregation may read"
        case .unbounded(let why): sizeText = why
        case .unknown(let why): sizeText = "whether a Query stays under 1 MB is unknown (\(why)), so it is not assumed small"
        }
        if aggregation.function == .min || aggregation.function == .max {
            return Outcome(mapping: planner.unserved("Computes \(aggregation.text), and \(sizeText). A minimum or maximum cannot be kept by ADD (removing the current one needs the next), so no counter item can serve it. Read it with a Query ordered by \(aggregation.attribute ?? "the attribute") and Limit 1 (a sort key or index on it), or state the items per request and attribute sizes so a client-side aggregation can be shown to stay under 1 MB."))
        }
        if let problem = planner.unkeyable(group, on: entity) { return Outcome(mapping: planner.unserved(problem)) }
        return counter(pattern, aggregation, entity: entity, group: group, periodAttribute: periodAttribute, sizeText: sizeText,
                       context: context, layout: &layout, planner: planner)
    }

    // MARK: Client-side or not

    enum ExaminedBytes {
        case known(Double)
        case unbounded(String)
        case unknown(String)
    }

    /// Bytes the underlying read examines per request: items examined × item size.
    static func examinedBytes(_ read: PatternMapping, entity: Entity, pattern: AccessPattern, context: DesignContext) -> ExaminedBytes {
        guard read.status == .served, let main = read.plan?.mainStep else {
            if read.status == .acceptedScan { return .unbounded("a Scan reads the whole table") }
            return .unbounded("no bounded Query can read the items it aggregates")
        }
        // An aggregation reads every item under its key, however few rows it returns: at peak,
        // as many as the relationship allows one parent (its maximum).
        if let relationship = context.requirements.relationships.first(where: { relationship in
            relationship.child == entity.name && relationship.kind == .oneToMany
                && context.foreignKey(of: relationship).map { Set($0) == Set(pattern.equalityAttributes ?? []) } == true
        }), case .known(let cardinality)? = relationship.cardinality {
            guard let maximum = cardinality.maximum else {
                return .unbounded("a \(relationship.parent) can have any number of \(entity.name) items (no maximum stated)")
            }
            let bytes = Double(ItemSizer.itemSize(of: entity, context)) * Double(max(maximum, 1))
            let unknownSizes = context.migratedAttributes(of: entity).filter { ItemSizer.valueSize(of: $0) == nil }.map(\.name)
            if bytes <= clientSideLimitBytes, !unknownSizes.isEmpty { return .unknown("the typical size of \(unknownSizes.joined(separator: ", ")) of \(entity.name) is unknown") }
            return .known(bytes)
        }
        // Without a relationship, the items under one group key follow from the entity's count
        // and the distinct values of the group attributes; the pattern's own item count is the
        // rows it returns, not what it reads.
        let group = pattern.equalityAttributes ?? []
        let distinct = group.map { entity.attribute(named: $0)?.distinctValues }
        if let total = entity.itemCount?.value, distinct.allSatisfy({ $0 != nil }) {
            let perGroup = total / Double(distinct.compactMap { $0 }.reduce(1, *))
            let bytes = Double(ItemSizer.itemSize(of: entity, context)) * max(perGroup, 1)
            let unknownSizes = context.migratedAttributes(of: entity).filter { ItemSizer.valueSize(of: $0) == nil }.map(\.name)
            if bytes <= clientSideLimitBytes, !unknownSizes.isEmpty { return .unknown("the typical size of \(unknownSizes.joined(separator: ", ")) of \(entity.name) is unknown") }
            return .known(bytes)
        }
        if !group.isEmpty || entity.itemCount?.value == nil {
            let missing = group.filter { entity.attribute(named: $0)?.distinctValues == nil }
            return .unknown(missing.isEmpty ? "how many \(entity.name) items there are is unknown"
                : "how many \(entity.name) items share one \(missing.joined(separator: ", ")) is unknown (no relationship or distinct-value count says)")
        }
        guard let count = main.itemsExamined.value else {
            if case .unknown(let reason) = main.itemsExamined { return .unknown(reason) }
            return .unknown("the items examined are unknown")
        }
        let unknownSizes = context.migratedAttributes(of: entity).filter { ItemSizer.valueSize(of: $0) == nil }.map(\.name)
        let bytes = Double(ItemSizer.itemSize(of: entity, context)) * max(count, 1)
        if bytes > clientSideLimitBytes { return .known(bytes) }
        if !unknownSizes.isEmpty { return .unknown("the typical size of \(unknownSizes.joined(separator: ", ")) of \(entity.name) is unknown") }
        return .known(bytes)
    }

    /// Why the aggregated attribute cannot be aggregated; nil when it can.
    static func attributeProblem(_ aggregation: Aggregation, entity: Entity) -> String? {
        guard let name = aggregation.attribute else { return nil }
        guard let attribute = entity.attribute(named: name), attribute.isMigrated else {
            return "Aggregates \(name), which is not a migrated attribute of \(entity.name). Name one of its attributes."
        }
        if aggregation.function == .sum || aggregation.function == .avg, ItemSizer.dynamoDBType(of: attribute) != .number {
            return "Computes \(aggregation.text), but \(name) of \(entity.name) is not a number. Name a number attribute."
        }
        return nil
    }

    /// The attribute whose hour, day or month buckets the totals: the entity's creation
    /// datetime (`created_at`, `created`, `creation_*`), else its first datetime attribute (a date
    /// serves days and months). Chosen the same way every time; nil when there is none.
    static func periodAttribute(of entity: Entity, period: Aggregation.Period) -> String? {
        let candidates = entity.attributes.filter { $0.isMigrated && ($0.type == .datetime || ($0.type == .date && period != .hour)) }
        let creation = candidates.first { attribute in
            let words = attribute.name.lowercased().split { !$0.isLetter }.map(String.init)
            return words.contains { $0 == "created" || $0 == "creation" || $0 == "createdat" }
        }
        return (creation ?? candidates.first)?.name
    }

    static func bucketLength(_ period: Aggregation.Period) -> Int? {
        switch period {
        case .none: return nil
        case .hour: return 13
        case .day: return 10
        case .month: return 7
        }
    }

    static func sumAttribute(_ attribute: String) -> String { AggregationPlan.sumAttribute(attribute) }

    // MARK: Counter items

    private static func counter(_ pattern: AccessPattern, _ aggregation: Aggregation, entity: Entity, group: [String], periodAttribute: String?, sizeText: String,
                                context: DesignContext, layout: inout TableLayout, planner: SinglePatternPlanner) -> Outcome {
        let tableID = totalsTableID(of: entity.name, layout: layout, context: context)
        let tag = group.isEmpty ? "ALL" : group.joined(separator: "+")
        var partitionParts: [PlanValue] = [.literal(tag)]
        for name in group { partitionParts += [.literal("#"), .input(entity: entity.name, attribute: name)] }
        let partition = KeyValue(attribute: partitionKeyName, type: .string, value: partitionParts.count == 1 ? partitionParts[0] : .concatenation(partitionParts))
        let periodValue: PlanValue = periodAttribute.flatMap { name in bucketLength(aggregation.period).map { PlanValue.prefix(.input(entity: entity.name, attribute: name), length: $0) } }
            ?? .literal("ALL")
        let key = ItemKey([partition, KeyValue(attribute: sortKeyName, type: .string, value: periodValue)])
        var increments: [UpdateAction] = []
        var counterAttributes: [String] = []
        if aggregation.function == .count || aggregation.function == .avg {
            increments.append(.add(countAttribute, .literal("1")))
            counterAttributes.append(countAttribute)
        }
        if let name = aggregation.attribute, aggregation.function == .sum || aggregation.function == .avg {
            increments.append(.add(sumAttribute(name), .input(entity: entity.name, attribute: name)))
            counterAttributes.insert(sumAttribute(name), at: 0)
        }

        // Counter writes per second on the busiest counter item at peak.
        let writes = context.requirements.accessPatterns.filter { $0.entities.first == entity.name && ($0.type == .write || $0.type == .delete) }
        let writePeak = writes.reduce(0) { $0 + DesignContext.peakRPS($1) }
        let share = hottestShare(group, entity: entity, context: context)
        let counterUnits = writePeak * share.value * 2
        let maintenance: AggregationPlan.CounterMaintenance = counterUnits <= transactionalCounterLimit && !changedByOtherWrites(entity, group: group, periodAttribute: periodAttribute, aggregation: aggregation, context: context)
            ? .transaction : .stream

        var counters = layout.table(id: tableID)?.totals?.counters ?? []
        if let position = counters.firstIndex(where: { $0.key == key }) {
            counters[position].patternIDs.append(pattern.id)
            for increment in increments where !counters[position].increments.contains(increment) { counters[position].increments.append(increment) }
            if maintenance == .stream { counters[position].maintenance = .stream }
        } else {
            counters.append(TotalsCounter(patternIDs: [pattern.id], groupAttributes: group, period: aggregation.period, periodAttribute: periodAttribute,
                                          key: key, increments: increments, maintenance: maintenance))
        }
        let totals = EntityTotals(entity: entity.name, counters: counters)
        layout.replace(PlannedTable(
            id: tableID, role: .totals(totals), entities: [],
            partitionKey: KeyAttribute(name: partitionKeyName, dynamoDBType: .string, distribution: group.isEmpty ? .fewValues(count: 1, source: "one running total") : context.distribution(of: group, in: entity.name)),
            sortKey: KeyAttribute(name: sortKeyName, dynamoDBType: .string, distribution: .unknown),
            keyJustification: "One item per group key (`<attributes>#<values>`) and period (`ALL`, or the hour, day or month of the \(entity.name)'s datetime), so each total is one GetItem.",
            purpose: "Pre-aggregated totals of \(entity.name) (patterns \(counters.flatMap(\.patternIDs).map { "#\($0)" }.joined(separator: ", ")))"))

        var reader = planner
        reader.steps = [PlanStep(purpose: .main, entity: entity.name, request: .getItem(GetRequest(tableID: tableID, key: key, consistent: pattern.consistency == .strong)))]
        let per = periodAttribute.map { " for the \(aggregation.period.rawValue) of the \($0) passed" } ?? ""
        var readText = "GetItem on the \(entity.name) totals by \(group.isEmpty ? "the one running total" : group.joined(separator: ", "))\(per)"
        switch aggregation.function {
        case .avg: readText += ": the average is \(sumAttribute(aggregation.attribute ?? "")) ÷ \(countAttribute), divided by the reader"
        case .sum: readText += ": \(sumAttribute(aggregation.attribute ?? "")) is the sum"
        default: readText += ": \(countAttribute) is the count"
        }
        reader.notes = [readText + ". A missing item means no \(entity.name) yet (0)."]
        if periodAttribute != nil { reader.notes.append("A range of periods is a Query on the same \(partitionKeyName) with BETWEEN on \(sortKeyName).") }
        reader.notes.append(maintenance == .transaction
            ? "Kept current by ADD inside every \(entity.name) create's transaction (deletes subtract)."
            : "Kept current by a consumer of the \(entity.name) table's stream, which batches the increments.")
        var mapping = reader.served()
        mapping.itemsPerRequest = .known(1)
        mapping.aggregation = AggregationPlan(aggregation: aggregation, method: .counter(maintenance), entity: entity.name, groupAttributes: group,
                                              periodAttribute: periodAttribute, counterAttributes: counterAttributes)
        let rateText = "\(NumberFormatting.plain(writePeak)) \(entity.name) writes per second at peak × \(share.text) on the busiest counter × 2 units (a transactional write of a small item) = \(NumberFormatting.plain(counterUnits)) write units per second"
        let decision = DesignDecision(
            id: "totals:\(pattern.id)", type: .tableStructure, subject: "Pattern #\(pattern.id) (\(aggregation.text) of \(entity.name)) from pre-aggregated totals",
            alternativesConsidered: ["A Query with client-side aggregation (\(sizeText))", "A counter attribute on a parent item", maintenance == .transaction ? "A Streams consumer batching increments" : "ADD inside each write transaction"],
            chosenApproach: "One counter item per \(group.isEmpty ? "table" : group.joined(separator: ", "))\(periodAttribute.map { " and \(aggregation.period.rawValue) of \($0)" } ?? "") in \(TableAssembler.tableName(layout.table(id: tableID)!, context)), kept by " + (maintenance == .transaction ? "ADD in the \(entity.name) write transactions" : "a Streams consumer"),
            justification: "A client-side aggregation is out: \(sizeText). Counter writes: \(rateText)" + (maintenance == .transaction
                ? ", within 50% of the 1,000 a partition takes, so the increment rides in each write's transaction (always exact)."
                : (counterUnits > transactionalCounterLimit ? ", over 50% of the 1,000 a partition takes, so a Streams consumer sums a batch of records per counter and writes once." : "; updates or deletes that change the aggregated values cannot carry the increment without reading the item first, so a Streams consumer (old and new images) applies them.")),
            tradeOffs: maintenance == .transaction
                ? ["Every \(entity.name) create (and delete) becomes a transaction: twice the write units", "Existing totals are computed once at migration, before the writes switch over"]
                : ["Totals lag the writes by the stream's delay (usually under a second)", "The consumer must be idempotent or tolerate a retried batch counted twice", "Existing totals are computed once at migration"],
            rollbackStrategy: "Drop the totals table and aggregate on the client (or in an export).",
            monitoring: ["Throttled writes on the totals table", maintenance == .stream ? "The stream consumer's iterator age" : "Transaction conflicts on the busiest counter"])
        return Outcome(mapping: mapping, decision: decision)
    }

    /// The share of writes the busiest counter item takes, and how it was derived.
    static func hottestShare(_ group: [String], entity: Entity, context: DesignContext) -> (value: Double, text: String) {
        if group.isEmpty { return (1, "all of them (one running total)") }
        switch context.distribution(of: group, in: entity.name) {
        case .perItem:
            if let count = entity.itemCount?.value, count > 0 { return (1 / count, "1 in \(NumberFormatting.plain(count))") }
        case .fewValues(let count, _) where count > 0:
            return (1 / Double(count), "1 in \(count)")
        case .perParent(let parent, let average, let maximum):
            if let average, let maximum, let parents = context.entity(parent)?.itemCount?.value, parents > 0, average > 0 {
                let share = min(1, Double(maximum) / (parents * average))
                return (share, "at most \(maximum) of \(NumberFormatting.plain(parents * average)) (the largest \(parent))")
            }
        default:
            break
        }
        return (1, "possibly all of them (how writes spread over \(group.joined(separator: ", ")) is unknown)")
    }

    /// Whether an update of the entity changes an attribute the counter depends on, or a delete
    /// needs the old values: a transaction would have to read the item first; a stream consumer
    /// sees the old and new images.
    static func changedByOtherWrites(_ entity: Entity, group: [String], periodAttribute: String?, aggregation: Aggregation, context: DesignContext) -> Bool {
        let depended = Set(group + [periodAttribute, aggregation.attribute].compactMap { $0 })
        for pattern in context.requirements.accessPatterns where pattern.entities.dropFirst().contains(entity.name) && (pattern.type?.isWrite ?? false) {
            // Created or consumed inside another entity's write: its own transaction is not the one that runs.
            if pattern.type == .write || pattern.type == .delete || [.put, .delete].contains(pattern.effect(on: entity.name)) { return true }
        }
        for pattern in context.requirements.accessPatterns where pattern.entities.first == entity.name {
            switch pattern.type {
            case .write?:
                // A batch of puts carries no transaction to add the increment to.
                if case .known(let count)? = pattern.expectedItems, count.average > 1 { return true }
            case .delete?: return true
            case .update?:
                guard case .only(let names)? = pattern.attributes else { return true }
                if names.contains(where: { depended.contains($0) && !(pattern.equalityAttributes ?? []).contains($0) }) { return true }
            default: continue
            }
        }
        return false
    }

    /// `OrderTotals`, unless an entity or table already has that id.
    static func totalsTableID(of entity: String, layout: TableLayout, context: DesignContext) -> String {
        var id = entity + "Totals"
        while context.entity(id) != nil || (layout.table(id: id).map { $0.totals?.entity != entity } ?? false) { id += "_" }
        return id
    }
}
