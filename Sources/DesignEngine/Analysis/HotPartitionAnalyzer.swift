import Requirements

/// The load each pattern puts on the hottest partition-key value of every table and index it
/// touches (docs/design-engine.md), with a mitigation in numbers where that load is too high.
///
/// Base-table writes flow into every GSI that indexes the item, so a write pattern is also
/// analysed on each index its `indexWriteUnits` names: a GSI keyed by a status can throttle
/// while the base table is fine.
enum HotPartitionAnalyzer {
    /// Read and write units per second one partition-key value's partition serves (docs/design-engine.md, "Hot partitions").
    static let readLimit = 3_000.0
    static let writeLimit = 1_000.0
    /// Share of a limit above which a value is a warning (docs/design-engine.md, "Hot partitions").
    static let warningFraction = 0.5

    static func analyze(tables: [TableDesign], mappings: [PatternMapping], requirements: Requirements) -> [HotPartitionFinding] {
        var findings: [HotPartitionFinding] = []
        let tables = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let skew = SkewEstimator(requirements)
        for mapping in mappings where mapping.status == .served || mapping.status == .acceptedScan {
            guard let tableID = mapping.tableID, let table = tables[tableID] else { continue }
            let peak = requirements.pattern(mapping.patternID)?.peakRPS?.value ?? 0
            for load in loads(of: mapping, table: table, tables: tables) {
                findings.append(finding(patternID: mapping.patternID, load: load, peakRPS: peak, requirements: requirements, skew: skew))
            }
        }
        return findings.sorted { lhs, rhs in
            (lhs.patternID, lhs.tableID, lhs.indexName ?? "", lhs.isWrite ? 1 : 0) < (rhs.patternID, rhs.tableID, rhs.indexName ?? "", rhs.isWrite ? 1 : 0)
        }
    }

    /// One table or index a request touches and the units it costs there (nil when unknown).
    struct Load {
        var table: TableDesign
        var index: IndexDesign?
        var isWrite: Bool
        var units: Double?
    }

    /// The tables and indexes a mapping loads. A Scan spreads over every partition, so it has
    /// no hottest value; a write that first queries an index reads that index too.
    static func loads(of mapping: PatternMapping, table: TableDesign, tables: [String: TableDesign]) -> [Load] {
        let index = mapping.indexID.flatMap { table.index(id: $0) }
        let isRead = mapping.operation?.isRead ?? false
        var loads: [Load] = []
        for entry in mapping.readUnitsElsewhere where (entry.readUnits ?? 1) > 0 {
            guard let target = tables[entry.tableID] else { continue }
            loads.append(Load(table: target, index: entry.indexID.flatMap { target.index(id: $0) }, isWrite: false, units: entry.readUnits))
        }
        if isRead {
            if mapping.operation != .scan { loads.insert(Load(table: table, index: index, isWrite: false, units: mapping.targetReadUnitsPerRequest), at: 0) }
            return loads
        }
        guard mapping.operation != nil else { return [] }
        if (mapping.targetReadUnitsPerRequest ?? 1) > 0 {
            loads.insert(Load(table: table, index: index, isWrite: false, units: mapping.targetReadUnitsPerRequest), at: 0)
        }
        loads.append(Load(table: table, index: nil, isWrite: true, units: mapping.writeUnitsPerRequest))
        // Several entries for one index (a key change deletes and puts) add up on it.
        var order: [String] = []
        var merged: [String: Load] = [:]
        for entry in mapping.indexWriteUnits {
            guard let target = tables[entry.tableID] else { continue }
            let entryIndex = entry.indexID.flatMap { target.index(id: $0) }
            let key = target.id + "\u{0}" + (entryIndex?.id ?? "")
            if merged[key] == nil {
                order.append(key)
                merged[key] = Load(table: target, index: entryIndex, isWrite: true, units: 0)
            }
            if let current = merged[key]?.units, let units = entry.writeUnits { merged[key]?.units = current + units } else { merged[key]?.units = nil }
        }
        return loads + order.compactMap { merged[$0] }
    }

    static func secondaryIndex(named name: String, in table: TableDesign) -> IndexDesign? {
        table.indexes.first { $0.name == name } ?? table.indexes.first { $0.id == name }
    }

    // MARK: One finding

    static func finding(patternID: Int, load: Load, peakRPS: Double, requirements: Requirements, skew: SkewEstimator? = nil) -> HotPartitionFinding {
        let limit = load.isWrite ? writeLimit : readLimit
        let key = load.index?.partitionKeyLabel ?? load.table.partitionKey.name
        let distribution = effectiveDistribution(load, requirements: requirements)
        let keys = load.index?.partitionKey ?? [load.table.partitionKey]
        let stated = (skew ?? SkewEstimator(requirements)).hottestShare(of: keys, in: load.table, distribution: distribution)
        let hottestShare = stated?.share ?? distribution.hottestShare
        var hottest: Double?
        var safeShare: Double?
        var level = PartitionLoadLevel.ok
        var mitigation: String?
        guard let unitsPerRequest = load.units else {
            var finding = HotPartitionFinding(
                patternID: patternID, tableID: load.table.id, indexName: load.index?.name, partitionKey: key, distribution: distribution,
                isWrite: load.isWrite, peakRPS: peakRPS, unitsPerRequest: nil, hottestShare: hottestShare,
                hottestUnitsPerSecond: nil, limit: limit, level: .ok, safeShare: nil,
                mitigation: "Units per request unknown (an item count or size the requirements do not give): state it to check this partition.")
            finding.hottestShareSource = stated?.source
            return finding
        }
        let units = peakRPS * unitsPerRequest
        if let share = hottestShare {
            let hottestUnits = units * share
            hottest = hottestUnits
            level = Self.level(hottestUnits, limit: limit)
            if level != .ok { mitigation = Self.mitigation(load: load, key: key, distribution: distribution, hottest: hottestUnits, limit: limit) }
        } else {
            let safe = units > 0 ? min(1, warningFraction * limit / units) : 1
            safeShare = safe
            // Only a risk when one value could pass the threshold at all: at 200 write units a
            // second in total, no share of them reaches 50% of 1,000.
            if load.index != nil, load.isWrite, distribution == .unknown, units > 0, safe < 1 {
                level = .warning
                mitigation = "State the number of distinct values of \(key) (or the busiest value's share of writes): at \(plain(peakRPS)) RPS × \(plain(unitsPerRequest)) write units at peak, one value may take at most \(percent(safe)) of these writes to stay under 50% of the \(plain(limit)) write-unit limit."
            }
        }
        var finding = HotPartitionFinding(
            patternID: patternID, tableID: load.table.id, indexName: load.index?.name, partitionKey: key, distribution: distribution,
            isWrite: load.isWrite, peakRPS: peakRPS, unitsPerRequest: unitsPerRequest, hottestShare: hottestShare,
            hottestUnitsPerSecond: hottest, limit: limit, level: level, safeShare: safeShare, mitigation: mitigation)
        finding.hottestShareSource = stated?.source
        return finding
    }

    /// Reaching the limit counts as over it: the figure is a peak, and any burst above it throttles.
    static func level(_ hottestUnits: Double, limit: Double) -> PartitionLoadLevel {
        if hottestUnits >= limit { return .overLimit }
        if hottestUnits > warningFraction * limit { return .warning }
        return .ok
    }

    static func effectiveDistribution(_ load: Load, requirements: Requirements) -> KeyDistribution {
        guard let index = load.index else { return load.table.partitionKey.distribution }
        return effectiveDistribution(of: index, in: load.table, requirements: requirements)
    }

    /// The index's partition-key distribution, except for a sparse index on a boolean partition
    /// key: only the items where it is true are written, so every entry shares one value.
    static func effectiveDistribution(of index: IndexDesign, in table: TableDesign, requirements: Requirements) -> KeyDistribution {
        let distribution = index.partitionDistribution
        guard let sparse = index.sparse, index.partitionKey.count == 1, index.partitionKey[0].name == sparse.attribute,
              let modelAttribute = table.attribute(named: sparse.attribute),
              let attribute = requirements.entity(named: modelAttribute.entity)?.attribute(named: modelAttribute.sourceAttribute),
              ItemSizer.dynamoDBType(of: attribute) == .boolean else { return distribution }
        return .fewValues(count: 1, source: "only items where \(sparse.attribute) is true are written to the sparse index")
    }

    /// Write sharding with N = ⌈hottest / 50% of the limit⌉ shards (docs/design-engine.md, "Hot partitions"); for a low-cardinality
    /// index key also a composite key or a sparse index.
    static func mitigation(load: Load, key: String, distribution: KeyDistribution, hottest: Double, limit: Double) -> String {
        let half = warningFraction * limit
        let shards = shardCount(hottest / half)
        let kind = load.isWrite ? "write" : "read"
        var text = "Shard \(key): append a suffix #0..#\(shards - 1) to its values, N = ⌈\(plain(hottest)) / \(plain(half))⌉ = \(shards) shards, so each takes about \(plain(hottest / Double(shards))) \(kind) units/s at peak; readers then query \(shards) shards and merge."
        if let index = load.index, distribution.isLowCardinality {
            let bucket = index.sortKey.first?.name ?? "<date>"
            text += " Or key \(index.name) by a composite \(key)#\(bucket) value (like status#date) so each \(key) value spreads over many partitions"
            text += index.sparse == nil ? ", or make it a sparse index that holds only the items this pattern selects." : "."
        }
        return text
    }

    /// ⌈ratio⌉, at least 2, tolerant of binary rounding; absurd ratios (from absurd RPS) are capped
    /// rather than trapping on the conversion.
    static func shardCount(_ ratio: Double) -> Int {
        guard ratio.isFinite, ratio < 1e9 else { return 1_000_000_000 }
        let nearest = ratio.rounded()
        let count = abs(ratio - nearest) < 1e-9 * max(1, ratio) ? nearest : ratio.rounded(.up)
        return max(2, Int(count))
    }

    static func plain(_ number: Double) -> String { NumberFormatting.plain(number) }

    static func percent(_ share: Double) -> String { NumberFormatting.plain(share * 100) + "%" }
}

extension IndexDesign {
    /// The partition key as one label: `status`, or `tenant_id#status` for a multi-attribute key.
    var partitionKeyLabel: String { partitionKey.map(\.name).joined(separator: "#") }

    /// How the values of the whole partition key spread: one attribute's distribution, or for a
    /// multi-attribute key the combination (any per-item attribute makes it per item; otherwise
    /// the first per-parent or unknown one; few values multiply).
    var partitionDistribution: KeyDistribution {
        guard partitionKey.count > 1 else { return partitionKey.first?.distribution ?? .unknown }
        if let combinedPartitionDistribution { return combinedPartitionDistribution }
        var product = 1
        var sources: [String] = []
        var result: KeyDistribution?
        for key in partitionKey {
            switch key.distribution {
            case .perItem:
                return key.distribution
            case .perParent, .unknown:
                if result == nil { result = key.distribution }
            case .fewValues(let count, let source):
                product = product.multipliedReportingOverflow(by: count).overflow ? Int.max : product * count
                sources.append(source)
            }
        }
        if let result { return result }
        return sources.isEmpty ? .unknown : .fewValues(count: product, source: sources.joined(separator: " × "))
    }
}
