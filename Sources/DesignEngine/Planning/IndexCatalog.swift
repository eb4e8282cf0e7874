import Requirements

/// The secondary indexes planned so far, per table: patterns with the same index key share one.
struct IndexCatalog {
    private(set) var byTable: [String: [IndexDesign]] = [:]
    /// GSIs a table may have (DynamoDB's default quota).
    static let globalLimit = 20

    /// LSIs a table may have (a hard limit, set at table creation).
    static let localLimit = 5

    func globalCount(on tableID: String) -> Int {
        (byTable[tableID] ?? []).filter { $0.kind == .global }.count
    }

    func localCount(on tableID: String) -> Int {
        (byTable[tableID] ?? []).filter { $0.kind == .local }.count
    }

    /// The index on `tableID` with exactly these key attributes, if planned already.
    func existing(on tableID: String, partition: [String], sort: [String], kind: IndexKind) -> IndexDesign? {
        // An LSI's partition key is always the table's (a concatenated one is named by its
        // parts by the caller), so local indexes match on their sort key alone.
        byTable[tableID]?.first { $0.kind == kind && (kind == .local || $0.partitionKey.map(\.name) == partition) && $0.sortKey.map(\.name) == sort }
    }

    /// Whether an index with these keys can serve a Query by `equality`, ordered by `sort`: every
    /// partition-key attribute known, and the sort key leading with the sort attribute when one is asked.
    static func serves(_ index: IndexDesign, equality: [String], sort: String?) -> Bool {
        let partition = index.partitionKey.map(\.name)
        guard partition.allSatisfy(equality.contains) else { return false }
        let extra = equality.filter { !partition.contains($0) }
        let sortNames = index.sortKey.map(\.name)
        // Extra equality attributes must be the leading sort-key attributes (matched left to right).
        guard extra.count <= sortNames.count, Array(sortNames.prefix(extra.count)).sorted() == extra.sorted() else { return false }
        if let sort { return sortNames.dropFirst(extra.count).first == sort }
        return true
    }

    /// Adds a pattern to an existing index or creates one; returns its id.
    mutating func use(
        on table: PlannedTable, entity: Entity, partition: [String], sort: [String], kind: IndexKind, pattern: AccessPattern,
        _ context: DesignContext
    ) -> String {
        if var index = existing(on: table.id, partition: partition, sort: sort, kind: kind),
           let position = byTable[table.id]?.firstIndex(where: { $0.id == index.id }) {
            if !index.patternIDs.contains(pattern.id) { index.patternIDs.append(pattern.id) }
            byTable[table.id]![position] = index
            return index.id
        }
        let id = uniqueID(Self.baseName(table: table, entity: entity, partition: partition, sort: sort, kind: kind), on: table.id, sort: sort)
        let keys = { (names: [String]) in names.map { TableLayoutPlanner.key([$0], of: entity, context, copiesFrom: Array(pattern.entities.dropFirst())) } }
        let partitionKeys = kind == .local ? [table.partitionKey] : keys(partition)
        let purpose = "Serves pattern #\(pattern.id) (\(pattern.description)): the table's key cannot, because it needs "
            + (kind == .local ? "items of one \(table.partitionKey.name) ordered by \(sort.joined(separator: ", ")) with strongly consistent reads (GSIs are eventually consistent only)."
                : "\(entity.name) items by \(partition.joined(separator: " and "))" + (sort.isEmpty ? "." : ", ordered by \(sort.joined(separator: ", ")).")) 
        var index = IndexDesign(
            id: id, name: id, kind: kind, partitionKey: partitionKeys, sortKey: keys(sort), projection: .keysOnly, projectionReason: "",
            sparse: nil, patternIDs: [pattern.id], purpose: purpose, estimatedEntrySizeBytes: 0)
        if kind == .global, let choice = context.choices.indexKeys[table.id]?[id], !choice.partition.isEmpty {
            index.partitionKey = keys(choice.partition)
            index.sortKey = keys(choice.sort)
            index.purpose += " Keys set at the design gate by the user."
        }
        if index.partitionKey.count > 1 {
            index.combinedPartitionDistribution = context.distribution(of: index.partitionKey.map(\.name), in: entity.name)
        }
        byTable[table.id, default: []].append(index)
        return id
    }

    /// Lists each table's indexes in the order of the first pattern each serves, whatever order
    /// the reads were planned in.
    mutating func orderByFirstPattern() {
        for (tableID, indexes) in byTable {
            byTable[tableID] = indexes.enumerated().sorted { left, right in
                let leftFirst = left.element.patternIDs.min() ?? Int.max, rightFirst = right.element.patternIDs.min() ?? Int.max
                return leftFirst != rightFirst ? leftFirst < rightFirst : left.offset < right.offset
            }.map(\.element)
        }
    }

    /// Adds a pattern to an index already planned.
    mutating func attach(_ patternID: Int, to indexID: String, on tableID: String) {
        guard let position = byTable[tableID]?.firstIndex(where: { $0.id == indexID }),
              !byTable[tableID]![position].patternIDs.contains(patternID) else { return }
        byTable[tableID]![position].patternIDs.append(patternID)
        byTable[tableID]![position].patternIDs.sort()
    }

    /// Adds an index built elsewhere (a sparse index), or the pattern to the one with its id.
    mutating func add(_ index: IndexDesign, on tableID: String) {
        if let position = byTable[tableID]?.firstIndex(where: { $0.id == index.id }) {
            for id in index.patternIDs where !byTable[tableID]![position].patternIDs.contains(id) { byTable[tableID]![position].patternIDs.append(id) }
        } else {
            byTable[tableID, default: []].append(index)
        }
    }

    mutating func update(_ index: IndexDesign, on tableID: String) {
        guard let position = byTable[tableID]?.firstIndex(where: { $0.id == index.id }) else { return }
        byTable[tableID]![position] = index
    }

    func index(_ id: String, on tableID: String) -> IndexDesign? {
        byTable[tableID]?.first { $0.id == id }
    }

    /// `OrdersByUser`: the table's plural entity name, `By`, and the key words (`_id` dropped).
    static func baseName(table: PlannedTable, entity: Entity, partition: [String], sort: [String], kind: IndexKind) -> String {
        let subject = NameWords.split(entity.name).map(NameWords.capitalized)
        let plural = subject.dropLast() + [NameWords.plural(subject.last ?? entity.name)]
        let keyNames = kind == .local ? sort : partition
        return plural.joined() + "By" + keyNames.map(words).joined(separator: "And")
    }

    /// `user_id` → `User`, `createdAt` → `CreatedAt`, `id` → `Id`.
    static func words(_ attribute: String) -> String {
        var parts = NameWords.split(attribute).map(NameWords.capitalized)
        if parts.count > 1, parts.last?.lowercased() == "id" { parts.removeLast() }
        return parts.joined()
    }

    private func uniqueID(_ base: String, on tableID: String, sort: [String]) -> String {
        let taken = Set((byTable[tableID] ?? []).map(\.id))
        if !taken.contains(base) { return base }
        let sorted = base + (sort.isEmpty ? "" : "And" + sort.map(Self.words).joined(separator: "And"))
        if !taken.contains(sorted) { return sorted }
        var counter = 2
        while taken.contains("\(sorted)\(counter)") { counter += 1 }
        return "\(sorted)\(counter)"
    }
}
