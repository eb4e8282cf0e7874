import Requirements

/// The model's trade-offs as a whole, each stated with what it costs and what it buys.
enum TradeOffWriter {
    static func tradeOffs(tables: [TableDesign], mappings: [PatternMapping], decisions: [DesignDecision], context: DesignContext) -> [String] {
        var result: [String] = []
        let entityTables = tables.filter { $0.lookup == nil }
        let lookups = tables.filter { $0.lookup != nil }
        let collections = entityTables.filter { if case .itemCollection = $0.role { return true } else { return false } }
        result.append("Multi-table: \(entityTables.count) table\(entityTables.count == 1 ? "" : "s") for \(context.requirements.entities.count) entit\(context.requirements.entities.count == 1 ? "y" : "ies"). Each table is provisioned, monitored and restored on its own and one entity's traffic cannot throttle another's; reads that need several entities make one request per table.")
        if !collections.isEmpty {
            result.append("Item collections (\(collections.map(\.name).joined(separator: ", "))): one Query reads related items together, at the price of sharing a partition's 3,000 RCU / 1,000 WCU and of items with different shapes in one table.")
        }
        if !lookups.isEmpty {
            let lookupIDs = Set(lookups.map(\.id))
            let creates = mappings.filter { mapping in
                mapping.operation == .transactWriteItems && mapping.indexWriteUnits.contains { lookupIDs.contains($0.tableID) }
            }.map { "#\($0.patternID)" }
            result.append("Unique constraints through \(lookups.count) lookup table\(lookups.count == 1 ? "" : "s"): writes that touch a unique value are transactions (2 write units per KB per item\(creates.isEmpty ? "" : "; pattern\(creates.count == 1 ? "" : "s") \(creates.joined(separator: ", "))")), in exchange for uniqueness that holds under concurrent writes.")
        }
        let indexCount = entityTables.reduce(0) { $0 + $1.indexes.count }
        if indexCount > 0 {
            let allProjections = entityTables.flatMap(\.indexes).filter { $0.projection == .all }.map(\.name)
            var text = "\(indexCount) secondary index\(indexCount == 1 ? "" : "es"): each adds write units to every write of the items it holds and is eventually consistent (GSIs)."
            if !allProjections.isEmpty { text += " \(allProjections.joined(separator: ", ")) project\(allProjections.count == 1 ? "s" : "") ALL, doubling storage and index write cost for simpler reads." }
            result.append(text)
        }
        let scans = mappings.filter { $0.status == .acceptedScan }.map { "#\($0.patternID)" }
        if !scans.isEmpty {
            result.append("Accepted Scans (\(scans.joined(separator: ", "))) read whole tables: their cost grows with the data, not with the results.")
        }
        let denormalized = tables.flatMap(\.attributes).filter { $0.denormalization != nil }
        if !denormalized.isEmpty {
            result.append("Denormalized copies (\(denormalized.map(\.name).joined(separator: ", "))) save a read per request and must be kept in step when their source changes.")
        }
        return result
    }
}
