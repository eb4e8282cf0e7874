import Requirements

/// The five critical production warnings, raised on the triggers docs/design-engine.md lists,
/// plus low-cardinality keys and DynamoDB limit violations (docs/design-engine.md,
/// "Cost, limits and warnings").
///
/// One warning per concrete occurrence, each naming the table, index, pattern and numbers, so
/// the user can see why it was raised and what would make it go away.
enum WarningDetector {
    /// Distinct partition-key values a table or index with traffic should have (docs/design-engine.md, "Cost, limits and warnings").
    static let minimumDistinctValues = 100
    /// Peak RPS at which a low-cardinality partition key is a hot-partition risk (docs/design-engine.md, "Cost, limits and warnings").
    static let lowCardinalityRPS = 100.0

    static func warnings(tables: [TableDesign], mappings: [PatternMapping], hotPartitions: [HotPartitionFinding],
                         requirements: Requirements) -> [ModelWarning] {
        let traffic = WriteTraffic(mappings: mappings, requirements: requirements)
        // Findings grouped once: each table's checks then read only its own.
        let findingsByTable = Dictionary(grouping: hotPartitions, by: \.tableID)
        var warnings: [ModelWarning] = []
        for table in tables {
            let findings = findingsByTable[table.id] ?? []
            warnings += gsiThrottlingCascade(table, hotPartitions: findings, traffic: traffic, requirements: requirements)
            warnings += hotPartitionRisk(table, hotPartitions: findings)
            warnings += entityBoundaryViolation(table, requirements: requirements)
            warnings += schemaEvolutionTrap(table, requirements: requirements)
            warnings += debuggingComplexity(table)
            warnings += lowCardinalityKeys(table, requirements: requirements)
            warnings += limitViolations(table)
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: WarningKind.allCases.enumerated().map { ($1, $0) })
        let tableOrder = Dictionary(tables.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return warnings.sorted { lhs, rhs in
            let left = (kindOrder[lhs.kind] ?? 0, lhs.tableID.flatMap { tableOrder[$0] } ?? Int.max, lhs.reason)
            let right = (kindOrder[rhs.kind] ?? 0, rhs.tableID.flatMap { tableOrder[$0] } ?? Int.max, rhs.reason)
            return left < right
        }
    }

    // MARK: 1. GSI Throttling Cascade

    /// A GSI whose hottest value takes over 50% of 1,000 write units/s from base-table writes, or
    /// whose partition key has under 100 values on a table with write traffic.
    static func gsiThrottlingCascade(_ table: TableDesign, hotPartitions: [HotPartitionFinding], traffic: WriteTraffic,
                                     requirements: Requirements) -> [ModelWarning] {
        var warnings: [ModelWarning] = []
        let tableWriters = traffic.writers(of: table)
        for index in table.indexes where index.kind == .global {
            let hot = hotPartitions.filter {
                $0.tableID == table.id && $0.indexName == index.name && $0.isWrite
                    && ($0.hottestUnitsPerSecond ?? 0) > HotPartitionAnalyzer.warningFraction * HotPartitionAnalyzer.writeLimit
            }
            for finding in hot {
                warnings.append(ModelWarning(kind: .gsiThrottlingCascade, tableID: table.id, reason: "Index \(index.name) on \(table.name): pattern #\(finding.patternID) writes \(plain(finding.peakRPS)) RPS at peak × \(plain(finding.unitsPerRequest ?? 0)) write units into it, and the hottest \(finding.partitionKey) value takes \(plain(finding.hottestUnitsPerSecond ?? 0)) write units/s, over 50% of the \(plain(finding.limit)) limit; when the index throttles, writes to \(table.name) throttle too."))
            }
            let distribution = HotPartitionAnalyzer.effectiveDistribution(of: index, in: table, requirements: requirements)
            guard hot.isEmpty, case .fewValues(let count, let source) = distribution, count < minimumDistinctValues,
                  !tableWriters.isEmpty else { continue }
            let indexWriters = traffic.writers(of: table, index: index)
            let writes = indexWriters.isEmpty
                ? "\(table.name) takes writes (\(list(tableWriters))), and every write of an item with \(index.partitionKeyLabel) lands in the index"
                : "\(list(indexWriters)) write\(indexWriters.count == 1 ? "s" : "") into it"
            warnings.append(ModelWarning(kind: .gsiThrottlingCascade, tableID: table.id, reason: "Index \(index.name) on \(table.name): \(valuesText(index.partitionKeyLabel, count, source)); \(writes), so each value takes at least \(percent(1 / Double(max(count, 1)))) of the index's writes, and throttling on the index throttles writes to \(table.name)."))
        }
        return warnings
    }

    // MARK: 2. Hot Partition Risk

    /// Any finding above 50% of a limit, or a partition key with under 100 values serving 100+ RPS at peak.
    static func hotPartitionRisk(_ table: TableDesign, hotPartitions: [HotPartitionFinding]) -> [ModelWarning] {
        let findings = hotPartitions.filter { $0.tableID == table.id }
        var warnings: [ModelWarning] = []
        var flaggedTargets = Set<String>()
        for finding in findings where finding.level >= .warning {
            flaggedTargets.insert(finding.indexName ?? "")
            warnings.append(ModelWarning(kind: .hotPartitionRisk, tableID: table.id, reason: hotReason(finding, table: table)))
        }
        var targets: [String] = []
        var byTarget: [String: [HotPartitionFinding]] = [:]
        for finding in findings where finding.distribution.isLowCardinality {
            let target = finding.indexName ?? ""
            if byTarget[target] == nil { targets.append(target) }
            byTarget[target, default: []].append(finding)
        }
        for target in targets where !flaggedTargets.contains(target) {
            guard let group = byTarget[target], let first = group.first, case .fewValues(let count, let source) = first.distribution else { continue }
            var peaks: [Int: Double] = [:]
            for finding in group { peaks[finding.patternID] = max(peaks[finding.patternID] ?? 0, finding.peakRPS) }
            let total = peaks.values.reduce(0, +)
            guard total >= lowCardinalityRPS else { continue }
            let patterns = peaks.keys.sorted().map { "#\($0) at \(plain(peaks[$0] ?? 0))" }.joined(separator: ", ")
            warnings.append(ModelWarning(kind: .hotPartitionRisk, tableID: table.id, reason: "\(targetName(table, indexName: first.indexName)): \(valuesText(first.partitionKey, count, source)) and serves \(plain(total)) RPS at peak (pattern\(peaks.count == 1 ? "" : "s") \(patterns)); under \(minimumDistinctValues) values cannot spread that load."))
        }
        return warnings
    }

    static func hotReason(_ finding: HotPartitionFinding, table: TableDesign) -> String {
        let target = targetName(table, indexName: finding.indexName)
        let kind = finding.isWrite ? "write" : "read"
        guard let share = finding.hottestShare, let hottest = finding.hottestUnitsPerSecond else {
            return "\(target): pattern #\(finding.patternID) writes \(plain(finding.peakRPS)) RPS at peak × \(plain(finding.unitsPerRequest ?? 0)) write units, and the number of distinct \(finding.partitionKey) values is unknown; one value taking more than \(percent(finding.safeShare ?? 1)) of these writes passes 50% of the \(plain(finding.limit)) write-unit limit."
        }
        let state = finding.level == .overLimit ? "at or over" : "over 50% of"
        return "\(target): pattern #\(finding.patternID) at \(plain(finding.peakRPS)) RPS peak × \(plain(finding.unitsPerRequest ?? 0)) \(kind) units × \(percent(share)) on the hottest \(finding.partitionKey) value = \(plain(hottest)) \(kind) units/s, \(state) the \(plain(finding.limit)) \(kind)-unit partition limit."
    }

    // MARK: 3. Entity Boundary Violation

    /// One table holding entities (own items or embedded ones) that belong to different owners.
    static func entityBoundaryViolation(_ table: TableDesign, requirements: Requirements) -> [ModelWarning] {
        var held = table.entities
        for attribute in table.attributes where attribute.denormalization == nil && !held.contains(attribute.sourceEntity) && table.lookup == nil {
            held.append(attribute.sourceEntity)
        }
        let owned = held.compactMap { name in requirements.entity(named: name)?.owner.map { (entity: name, owner: $0) } }
        let owners = owned.reduce(into: [String]()) { if !$0.contains($1.owner) { $0.append($1.owner) } }
        guard owners.count > 1 else { return [] }
        let holding = owned.map { "\($0.entity) (owner \($0.owner))" }.joined(separator: ", ")
        let kind = if case .itemCollection = table.role { "one item collection" } else { "one table" }
        return [ModelWarning(kind: .entityBoundaryViolation, tableID: table.id, reason: "\(table.name) keeps \(holding) in \(kind): \(owners.count) owners share its capacity, backups and schema changes.")]
    }

    // MARK: 4. Schema Evolution Trap

    /// A denormalized copy of an attribute some update pattern changes, an item collection, or an
    /// entity embedded in its parent's items.
    static func schemaEvolutionTrap(_ table: TableDesign, requirements: Requirements) -> [ModelWarning] {
        var warnings: [ModelWarning] = []
        for attribute in table.attributes {
            if let copy = attribute.denormalization {
                let updates = requirements.accessPatterns.filter { pattern in
                    pattern.type == .update && pattern.entities.first == attribute.sourceEntity && writes(pattern, attribute.sourceAttribute)
                }
                guard !updates.isEmpty else { continue }
                let patterns = updates.map { "#\($0.id) (\(plain($0.peakRPS?.value ?? 0)) RPS at peak)" }.joined(separator: ", ")
                warnings.append(ModelWarning(kind: .schemaEvolutionTrap, tableID: table.id, reason: "\(table.name).\(attribute.name) copies \(attribute.sourceEntity).\(attribute.sourceAttribute) (join \(copy.localAttribute) = \(copy.sourceJoinAttribute)); pattern\(updates.count == 1 ? "" : "s") \(patterns) update\(updates.count == 1 ? "s" : "") it, so every change must also rewrite the copies, and changing its shape means migrating both tables."))
            } else if table.lookup == nil, attribute.sourceEntity != attribute.entity {
                let parent = attribute.entity
                warnings.append(ModelWarning(kind: .schemaEvolutionTrap, tableID: table.id, reason: "\(table.name) embeds \(attribute.sourceEntity) items in the \(attribute.name) list of each \(parent) item: changing \(attribute.sourceEntity)'s attributes means rewriting every \(parent) item that holds them."))
            }
        }
        if case .itemCollection(let parent, let children) = table.role {
            warnings.append(ModelWarning(kind: .schemaEvolutionTrap, tableID: table.id, reason: "\(table.name) is an item collection holding \(parent) with \(children.joined(separator: ", ")) under one partition key: changing one entity's key or attributes means migrating items that share partitions with the others."))
        }
        return warnings
    }

    /// Whether a write pattern writes the attribute; an unstated selection may write any.
    static func writes(_ pattern: AccessPattern, _ attribute: String) -> Bool {
        guard case .only(let names)? = pattern.attributes else { return true }
        return names.contains(attribute)
    }

    // MARK: 5. Debugging Complexity

    /// Every concatenated key (table or index) and every denormalized attribute.
    static func debuggingComplexity(_ table: TableDesign) -> [ModelWarning] {
        var warnings: [ModelWarning] = []
        func composite(_ key: KeyAttribute, role: String, target: String) {
            guard let parts = key.composedOf else { return }
            warnings.append(ModelWarning(kind: .debuggingComplexity, tableID: table.id, reason: "\(target): \(role) \(key.name) concatenates \(parts.joined(separator: " + ")) into one string; finding an item by hand means rebuilding that string, so log the parts next to it."))
        }
        composite(table.partitionKey, role: "partition key", target: table.name)
        if let sortKey = table.sortKey { composite(sortKey, role: "sort key", target: table.name) }
        for index in table.indexes {
            for key in index.partitionKey { composite(key, role: "partition key", target: "Index \(index.name) on \(table.name)") }
            for key in index.sortKey { composite(key, role: "sort key", target: "Index \(index.name) on \(table.name)") }
        }
        for attribute in table.attributes {
            guard let copy = attribute.denormalization else { continue }
            warnings.append(ModelWarning(kind: .debuggingComplexity, tableID: table.id, reason: "\(table.name).\(attribute.name) is a denormalized copy of \(attribute.sourceEntity).\(attribute.sourceAttribute) (join \(copy.localAttribute) = \(copy.sourceJoinAttribute)): a stale copy looks like a bug in \(table.name), so log both values when they differ."))
        }
        return warnings
    }

    // MARK: Low-cardinality keys

    /// A table or index partition key with under 100 distinct values (docs/design-engine.md, "Hot partitions, cost and warnings").
    static func lowCardinalityKeys(_ table: TableDesign, requirements: Requirements) -> [ModelWarning] {
        var warnings: [ModelWarning] = []
        if case .fewValues(let count, let source) = table.partitionKey.distribution, count < minimumDistinctValues {
            warnings.append(ModelWarning(kind: .lowCardinalityKey, tableID: table.id, reason: "\(table.name): \(valuesText(table.partitionKey.name, count, source)); a table with traffic needs \(minimumDistinctValues)+ values to spread its load over partitions."))
        }
        for index in table.indexes {
            let distribution = HotPartitionAnalyzer.effectiveDistribution(of: index, in: table, requirements: requirements)
            guard case .fewValues(let count, let source) = distribution, count < minimumDistinctValues else { continue }
            let key = index.partitionKeyLabel
            var remedies = ["write sharding (\(key)#0 … \(key)#N-1, readers query the N shards and merge)"]
            if let time = index.sortKey.first(where: { ["date", "datetime"].contains(requirements.entity(named: table.entities[0])?.attribute(named: $0.name)?.type.rawValue ?? "") }) {
                remedies.append("a time bucket (\(key)#<month of \(time.name)>, readers query the buckets they need)")
            }
            if index.sparse == nil { remedies.append("a sparse index holding only the items that are listed") }
            warnings.append(ModelWarning(kind: .lowCardinalityKey, tableID: table.id, reason: "Index \(index.name) on \(table.name): \(valuesText(key, count, source)), so each value's items share one partition. Spread them over \(minimumDistinctValues)+ values with " + remedies.joined(separator: ", or ") + "."))
        }
        return warnings
    }

    // MARK: Limits

    static let maximumGSIs = 20
    static let maximumLSIs = 5
    static let maximumItemBytes = 400 * 1024
    static let maximumProjectedPerIndex = 20
    static let maximumProjectedPerTable = 100
    static let maximumKeyNameBytes = 255
    static let maximumPartitionValueBytes = 2048
    static let maximumSortValueBytes = 1024

    /// DynamoDB's hard limits and default quotas (docs/design-engine.md, "Cost, limits and warnings") the table breaks.
    static func limitViolations(_ table: TableDesign) -> [ModelWarning] {
        var reasons: [String] = []
        let gsis = table.indexes.filter { $0.kind == .global }.count
        let lsis = table.indexes.filter { $0.kind == .local }.count
        if gsis > maximumGSIs { reasons.append("\(table.name) has \(gsis) GSIs; the default quota is \(maximumGSIs) per table.") }
        if lsis > maximumLSIs { reasons.append("\(table.name) has \(lsis) LSIs; a table can have at most \(maximumLSIs).") }
        if table.estimatedItemSizeBytes > maximumItemBytes {
            reasons.append("\(table.name): the estimated item size is \(table.estimatedItemSizeBytes) bytes, over the 400 KB (\(maximumItemBytes) bytes) item limit.")
        }
        var projectedTotal = 0
        for index in table.indexes {
            guard case .include(let names) = index.projection else { continue }
            let keys = Set(index.keyAttributeNames + table.keyAttributeNames)
            let projected = Set(names.filter { !keys.contains($0) }).count
            projectedTotal += projected
            if projected > maximumProjectedPerIndex {
                reasons.append("Index \(index.name) on \(table.name) projects \(projected) non-key attributes (INCLUDE); an index may project at most \(maximumProjectedPerIndex).")
            }
        }
        if projectedTotal > maximumProjectedPerTable {
            reasons.append("The indexes of \(table.name) project \(projectedTotal) non-key attributes in all; the limit is \(maximumProjectedPerTable) across a table's indexes.")
        }
        if !isValidName(table.name) { reasons.append("The table name \(table.name) breaks the naming rule: 3–255 characters of A–Z, a–z, 0–9, _, . and -.") }
        for index in table.indexes where !isValidName(index.name) {
            reasons.append("The index name \(index.name) on \(table.name) breaks the naming rule: 3–255 characters of A–Z, a–z, 0–9, _, . and -.")
        }
        var keys: [(key: KeyAttribute, role: String, target: String, isPartition: Bool)] = [(table.partitionKey, "partition key", table.name, true)]
        if let sortKey = table.sortKey { keys.append((sortKey, "sort key", table.name, false)) }
        for index in table.indexes {
            keys += index.partitionKey.map { ($0, "partition key", "Index \(index.name) on \(table.name)", true) }
            keys += index.sortKey.map { ($0, "sort key", "Index \(index.name) on \(table.name)", false) }
        }
        for (key, role, target, isPartition) in keys {
            if !key.dynamoDBType.isKeyType {
                reasons.append("\(target): \(role) \(key.name) has type \(key.dynamoDBType.rawValue); key attributes must be S, N or B.")
            }
            let nameBytes = key.name.utf8.count
            if nameBytes == 0 || nameBytes > maximumKeyNameBytes {
                reasons.append("\(target): the \(role) name is \(nameBytes) bytes; key attribute names must be 1–\(maximumKeyNameBytes) bytes.")
            }
            let valueLimit = isPartition ? maximumPartitionValueBytes : maximumSortValueBytes
            if let size = table.attribute(named: key.name)?.typicalSizeBytes, size > valueLimit {
                reasons.append("\(target): \(role) \(key.name) values are about \(size) bytes; a \(role) value may be at most \(valueLimit) bytes.")
            }
        }
        return reasons.map { ModelWarning(kind: .limitViolation, tableID: table.id, reason: $0) }
    }

    /// Table and index names: 3–255 characters of `[A-Za-z0-9_.-]`.
    static func isValidName(_ name: String) -> Bool {
        let count = name.unicodeScalars.count
        return count >= 3 && count <= 255 && name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." || scalar == "-"
        }
    }

    // MARK: Text

    static func targetName(_ table: TableDesign, indexName: String?) -> String {
        indexName.map { "Index \($0) on \(table.name)" } ?? table.name
    }

    /// `partition key status has 3 distinct values (status is a MySQL ENUM of 3 values)`, without
    /// repeating a source that already says it (`status has 3 distinct values (stated)`).
    static func valuesText(_ key: String, _ count: Int, _ source: String) -> String {
        if source.hasPrefix("\(key) has \(count) distinct value") { return "partition key \(source)" }
        return "partition key \(key) has \(count) distinct value\(count == 1 ? "" : "s") (\(source))"
    }

    static func list(_ writers: [WriteTraffic.Writer]) -> String {
        writers.map { "pattern #\($0.patternID) at \(plain($0.peakRPS)) RPS peak" }.joined(separator: ", ")
    }

    static func plain(_ number: Double) -> String { NumberFormatting.plain(number) }

    static func percent(_ share: Double) -> String { NumberFormatting.plain(share * 100) + "%" }
}

/// Which served patterns write to each table and index, at what peak RPS.
struct WriteTraffic {
    struct Writer: Equatable {
        var patternID: Int
        var peakRPS: Double
    }

    /// The writes that reach each table (by id), in pattern order.
    private var writesByTable: [String: [(mapping: PatternMapping, peakRPS: Double)]] = [:]

    init(mappings: [PatternMapping], requirements: Requirements) {
        for mapping in mappings where mapping.status == .served || mapping.status == .acceptedScan {
            guard let operation = mapping.operation, !operation.isRead else { continue }
            let peak = requirements.pattern(mapping.patternID)?.peakRPS?.value ?? 0
            guard peak > 0 else { continue }
            var reached: [String] = mapping.tableID.map { [$0] } ?? []
            for entry in mapping.indexWriteUnits where !reached.contains(entry.tableID) { reached.append(entry.tableID) }
            for tableID in reached { writesByTable[tableID, default: []].append((mapping, peak)) }
        }
    }

    /// Patterns that write items of the table (its own items, its index entries or its lookup items).
    func writers(of table: TableDesign) -> [Writer] {
        (writesByTable[table.id] ?? []).map { Writer(patternID: $0.mapping.patternID, peakRPS: $0.peakRPS) }
    }

    /// Patterns whose writes reach the index.
    func writers(of table: TableDesign, index: IndexDesign) -> [Writer] {
        (writesByTable[table.id] ?? []).filter { write in
            write.mapping.indexWriteUnits.contains { entry in entry.tableID == table.id && entry.indexID == index.id }
        }.map { Writer(patternID: $0.mapping.patternID, peakRPS: $0.peakRPS) }
    }
}
