import Requirements

/// The model's monthly cost (docs/design-engine.md, "Hot partitions, cost and warnings"): one
/// line per table and one per index.
///
/// On-demand requests come from average RPS (cost follows the average, capacity the peak); the provisioned alternative is sized from peak RPS at 70% target
/// utilization. Storage needs item counts, which only the user can give: without one the
/// storage figure stays unknown rather than guessed.
enum CostEstimator {
    /// Bytes DynamoDB adds to every item (and index entry) for storage billing.
    static let storageOverheadBytes = 100
    /// Storage is counted in binary gigabytes (2^30 bytes), the unit DynamoDB's storage metrics
    /// and the AWS Pricing Calculator use; every GB figure of the model uses this one unit.
    static let bytesPerGigabyte = 1_073_741_824.0
    /// Provisioned capacity is sized so peak traffic uses 70% of it (auto scaling's usual target).
    static let targetUtilization = 0.7

    static func estimate(tables: [TableDesign], mappings: [PatternMapping], requirements: Requirements, prices: PriceTable) -> CostEstimate {
        let counts = ItemCountResolver(requirements).counts
        let loads = traffic(tables: tables, mappings: mappings, requirements: requirements)
        let hoursPerMonth = prices.secondsPerMonth / 3_600
        var lines: [CostLine] = []
        var assumed: [String: Int] = [:]
        for table in tables {
            for entity in table.entities { if let count = counts[entity] { assumed[entity] = count } }
            let classPrices = prices.prices(for: table.tableClass)
            // LSIs share the base table's provisioned capacity, so their peak load is added to it.
            let localPeak = table.indexes.filter { $0.kind == .local }
                .reduce(into: Load()) { $0.add(peakOnly: loads[LineKey(tableID: table.id, indexName: $1.name)] ?? Load()) }
            var baseLoad = loads[LineKey(tableID: table.id, indexName: nil)] ?? Load()
            let baseStorage = storageBytes(of: table, counts: counts)
            var base = line(table: table, index: nil, load: baseLoad, storageBytes: baseStorage, prices: prices, classPrices: classPrices)
            baseLoad.add(peakOnly: localPeak)
            provision(&base, load: baseLoad, hours: hoursPerMonth, classPrices: classPrices)
            lines.append(base)
            for index in table.indexes {
                let load = loads[LineKey(tableID: table.id, indexName: index.name)] ?? Load()
                let storage = storageBytes(of: index, in: table, counts: counts)
                var indexLine = line(table: table, index: index, load: load, storageBytes: storage, prices: prices, classPrices: classPrices)
                if index.kind == .global { provision(&indexLine, load: load, hours: hoursPerMonth, classPrices: classPrices) }
                lines.append(indexLine)
            }
        }
        return CostEstimate(prices: prices, lines: lines, assumedItemCounts: assumed)
    }

    // MARK: Traffic

    /// Units per second on one table or index: average for the bill, peak for capacity.
    struct Load {
        var averageReads = 0.0
        var averageWrites = 0.0
        var peakReads = 0.0
        var peakWrites = 0.0
        /// Patterns whose units on this line are unknown (an unknown item count): the figures
        /// are lower bounds until they are answered.
        var unknownPatterns: [Int] = []

        mutating func add(peakOnly other: Load) {
            peakReads += other.peakReads
            peakWrites += other.peakWrites
        }
    }

    struct LineKey: Hashable {
        var tableID: String
        var indexName: String?
    }

    /// Sums every served pattern's units onto the lines they land on: reads on the table or index
    /// the pattern reads, its own writes on its table, and the index and lookup-table writes each
    /// request causes on theirs.
    static func traffic(tables: [TableDesign], mappings: [PatternMapping], requirements: Requirements) -> [LineKey: Load] {
        var loads: [LineKey: Load] = [:]
        addConsumerWrites(tables, requirements: requirements, to: &loads)
        let tables = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for mapping in mappings where isServed(mapping) {
            guard let tableID = mapping.tableID else { continue }
            let pattern = requirements.pattern(mapping.patternID)
            let average = pattern?.averageRPS?.value ?? 0
            let peak = pattern?.peakRPS?.value ?? 0
            func add(_ key: LineKey, units: Double?, write: Bool) {
                guard let units else {
                    if !(loads[key]?.unknownPatterns.contains(mapping.patternID) ?? false) { loads[key, default: Load()].unknownPatterns.append(mapping.patternID) }
                    return
                }
                guard units > 0 else { return }
                if write {
                    loads[key, default: Load()].averageWrites += average * units
                    loads[key, default: Load()].peakWrites += peak * units
                } else {
                    loads[key, default: Load()].averageReads += average * units
                    loads[key, default: Load()].peakReads += peak * units
                }
            }
            let isRead = mapping.operation?.isRead ?? false
            add(lineKey(tableID: tableID, indexID: mapping.indexID, tables), units: mapping.targetReadUnitsPerRequest, write: false)
            for entry in mapping.readUnitsElsewhere {
                add(lineKey(tableID: entry.tableID, indexID: entry.indexID, tables), units: entry.readUnits, write: false)
            }
            if !isRead { add(LineKey(tableID: tableID, indexName: nil), units: mapping.writeUnitsPerRequest, write: true) }
            for entry in mapping.indexWriteUnits {
                add(lineKey(tableID: entry.tableID, indexID: entry.indexID, tables), units: entry.writeUnits, write: true)
            }
        }
        return loads
    }

    /// A Streams consumer keeping totals writes each counter item at most once per record: an
    /// `UpdateItem` of a small item (1 unit) per create or delete of the entity, an upper bound
    /// (a batch holding several records of one counter writes it once).
    static func addConsumerWrites(_ tables: [TableDesign], requirements: Requirements, to loads: inout [LineKey: Load]) {
        for table in tables {
            guard let totals = table.totals else { continue }
            let streamed = totals.counters.filter { $0.maintenance == .stream }
            guard !streamed.isEmpty else { continue }
            let units = Double(Set(streamed.map(\.key)).count) * ItemSizer.writeUnits(itemBytes: table.estimatedItemSizeBytes)
            for pattern in requirements.accessPatterns where pattern.entities.first == totals.entity && (pattern.type == .write || pattern.type == .delete) {
                let key = LineKey(tableID: table.id, indexName: nil)
                loads[key, default: Load()].averageWrites += (pattern.averageRPS?.value ?? 0) * units
                loads[key, default: Load()].peakWrites += (pattern.peakRPS?.value ?? 0) * units
            }
        }
    }

    static func isServed(_ mapping: PatternMapping) -> Bool {
        mapping.status == .served || mapping.status == .acceptedScan
    }

    /// The line a table id and index id lands on; an index the table does not have falls back
    /// to the base table so no traffic drops out of the total.
    static func lineKey(tableID: String, indexID: String?, _ tables: [String: TableDesign]) -> LineKey {
        guard let indexID, let table = tables[tableID] else { return LineKey(tableID: tableID, indexName: nil) }
        return LineKey(tableID: tableID, indexName: table.index(id: indexID)?.name)
    }

    // MARK: Lines

    static func line(table: TableDesign, index: IndexDesign?, load: Load, storageBytes: Double?, prices: PriceTable,
                     classPrices: ClassPrices) -> CostLine {
        let readUnits = load.averageReads * prices.secondsPerMonth
        let writeUnits = load.averageWrites * prices.secondsPerMonth
        let gigabytes = storageBytes.map { $0 / bytesPerGigabyte }
        return CostLine(
            tableID: table.id, indexName: index?.name, tableClass: table.tableClass, readUnitsPerMonth: readUnits,
            writeUnitsPerMonth: writeUnits, storageGB: gigabytes, readCost: readUnits / 1_000_000 * classPrices.readRequestPerMillion,
            writeCost: writeUnits / 1_000_000 * classPrices.writeRequestPerMillion,
            storageCost: gigabytes.map { $0 * classPrices.storagePerGBMonth }, provisionedReadCapacity: 0, provisionedWriteCapacity: 0,
            provisionedCost: 0, unknownPatterns: load.unknownPatterns.sorted(),
            unknownSizes: index?.unknownSizeAttributes ?? table.unknownSizeAttributes)
    }

    /// Provisioned capacity from peak units at 70% utilization; at least 1 each, the smallest
    /// capacity a table or GSI can be given.
    static func provision(_ line: inout CostLine, load: Load, hours: Double, classPrices: ClassPrices) {
        line.provisionedReadCapacity = max(1, capacity(forPeakUnits: load.peakReads))
        line.provisionedWriteCapacity = max(1, capacity(forPeakUnits: load.peakWrites))
        line.provisionedCost = Double(line.provisionedReadCapacity) * classPrices.provisionedRCUHour * hours
            + Double(line.provisionedWriteCapacity) * classPrices.provisionedWCUHour * hours
    }

    /// ⌈peak / 0.7⌉, tolerant of binary rounding (70 / 0.7 is 100, not 101).
    static func capacity(forPeakUnits peak: Double) -> Int {
        guard peak.isFinite, peak > 0 else { return 0 }
        let raw = peak / targetUtilization
        let nearest = raw.rounded()
        let units = abs(raw - nearest) < 1e-9 * max(1, raw) ? nearest : raw.rounded(.up)
        return units < Double(Int.max / 2) ? Int(units) : Int.max / 2
    }

    // MARK: Storage

    /// Bytes the table stores: per entity, items × (item size + 100); nil when any entity's count is unknown.
    static func storageBytes(of table: TableDesign, counts: [String: Int]) -> Double? {
        var total = 0.0
        for entity in table.entities {
            guard let count = counts[entity] else { return nil }
            total += Double(count) * Double(itemSize(of: entity, in: table) + storageOverheadBytes)
        }
        return total
    }

    /// Bytes an index stores: the items that carry its key × (entry size + 100). A sparse index is
    /// counted as if every such item carried the key, an upper bound the document can state.
    static func storageBytes(of index: IndexDesign, in table: TableDesign, counts: [String: Int]) -> Double? {
        var items = 0
        for entity in indexedEntities(index, in: table) {
            guard let count = counts[entity] else { return nil }
            items += count
        }
        return Double(items) * Double(index.estimatedEntrySizeBytes + storageOverheadBytes)
    }

    /// One entity's item size: the table's estimate when it holds one entity; in a shared table,
    /// the size its write units were computed from (`CapacityCalculator.itemSize`).
    static func itemSize(of entity: String, in table: TableDesign) -> Int {
        table.entities.count > 1 ? CapacityCalculator.itemSize(entity, in: table).bytes : table.estimatedItemSizeBytes
    }

    /// The entities whose items carry every key attribute of the index (all of them when the
    /// attributes cannot tell, such as a concatenated key or the table's own key, which every item has).
    static func indexedEntities(_ index: IndexDesign, in table: TableDesign) -> [String] {
        let tableKeys = Set(table.keyAttributeNames)
        let owners = index.keyAttributeNames.compactMap { name -> String? in
            guard !tableKeys.contains(name), let attribute = table.attribute(named: name), attribute.composedOf == nil else { return nil }
            return attribute.entity
        }
        let carrying = table.entities.filter { entity in owners.allSatisfy { $0 == entity } }
        return carrying.isEmpty ? table.entities : carrying
    }
}

/// Item counts by entity (docs/design-engine.md): the user's estimate, else derived from a
/// parent's count × the average children per parent of a one-to-many relationship, following
/// the first relationship whose numbers are all known. Never guessed: no path, no count.
struct ItemCountResolver {
    private let requirements: Requirements
    private(set) var counts: [String: Int] = [:]

    init(_ requirements: Requirements) {
        self.requirements = requirements
        for entity in requirements.entities {
            var visiting = Set<String>()
            if let count = resolve(entity.name, visiting: &visiting) { counts[entity.name] = count }
        }
    }

    private func resolve(_ name: String, visiting: inout Set<String>) -> Int? {
        if let known = counts[name] { return known }
        guard let entity = requirements.entity(named: name), visiting.insert(entity.name).inserted else { return nil }
        defer { visiting.remove(entity.name) }
        if let stated = entity.itemCount?.value { return Self.count(stated) }
        for relationship in requirements.relationships where relationship.child == entity.name && relationship.kind == .oneToMany {
            guard case .known(let cardinality)? = relationship.cardinality,
                  let parentCount = resolve(relationship.parent, visiting: &visiting),
                  let derived = Self.count(Double(parentCount) * cardinality.average) else { continue }
            return derived
        }
        return nil
    }

    /// A whole item count, or nil for a figure no table could hold (negative, not finite, absurdly large).
    static func count(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value < 1e15 else { return nil }
        return Int(value.rounded())
    }
}
