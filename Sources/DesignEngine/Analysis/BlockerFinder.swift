import Requirements

/// Limits the model must not pass to be approved: a partition whose hottest value reaches its
/// throughput limit at peak, and an item larger than DynamoDB's 400 KB.
enum BlockerFinder {
    /// DynamoDB's item size limit, attribute names included.
    static let itemSizeLimit = 400 * 1024

    static func blockers(tables: [TableDesign], hotPartitions: [HotPartitionFinding]) -> [ModelBlocker] {
        var blockers: [ModelBlocker] = []
        let byID = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in hotPartitions where finding.level == .overLimit {
            let table = byID[finding.tableID]
            let target = (table?.name ?? finding.tableID) + (finding.indexName.map { " / \($0)" } ?? "")
            let kind = finding.isWrite ? "write" : "read"
            let hottest = NumberFormatting.plain(finding.hottestUnitsPerSecond ?? 0)
            blockers.append(ModelBlocker(
                kind: .partitionOverLimit, tableID: finding.tableID,
                reason: "\(target): pattern #\(finding.patternID) puts \(hottest) \(kind) units/s on the hottest \(finding.partitionKey) value at peak, at or over the \(NumberFormatting.plain(finding.limit)) \(kind)-unit partition limit: requests would be throttled.",
                mitigation: finding.mitigation ?? "Spread \(finding.partitionKey) over more values."))
        }
        for table in tables where table.estimatedItemSizeBytes > itemSizeLimit {
            let kilobytes = NumberFormatting.plain((Double(table.estimatedItemSizeBytes) / 1024).rounded(.up))
            let largest = table.attributes.filter { $0.composedOf == nil }.max { ($0.typicalSizeBytes ?? 0) < ($1.typicalSizeBytes ?? 0) }
            blockers.append(ModelBlocker(
                kind: .itemTooLarge, tableID: table.id,
                reason: "\(table.name): an item is about \(kilobytes) KB, over DynamoDB's 400 KB item limit, so writes of it would be refused.",
                mitigation: "Store \(largest?.name ?? "the largest attribute") in S3 and keep its object key in the item, or split the item" + (table.entities.count > 1 || largest?.entity != table.entities.first ? " (or reject the aggregate that embeds it)." : ".")))
        }
        return blockers
    }
}
