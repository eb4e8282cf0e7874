import DesignEngine
import Requirements

extension DataModelDocument {
    /// The traffic the served patterns put on one table (its base table and its indexes),
    /// gathered in one pass over the mappings for every table.
    struct TableLoad {
        var readPatterns: [Int] = []
        var readPeak = 0.0
        var readAverage = 0.0
        var readUnitsPeak = 0.0
        var writePatterns: [Int] = []
        var writePeak = 0.0
        var writeAverage = 0.0
        /// Write units at peak, including the index and lookup-item writes each request causes.
        var writeUnitsPeak = 0.0
        /// Patterns whose writes also write here: a lookup item written with its entity, or an
        /// index entry written with its base item.
        var indirectWriters: [Int] = []
        var indirectWriteUnitsPeak = 0.0
        /// Base-table patterns whose key condition uses the sort key.
        var sortKeyPatterns: [Int] = []
        var unknownRPS: [Int] = []
    }

    /// The key of a table's load (`tableID`) or of one of its indexes' (`tableID`, unit separator, index name).
    static func loadKey(tableID: String, indexName: String?) -> String {
        guard let indexName else { return tableID }
        return tableID + "\u{1F}" + indexName
    }

    /// Loads of every table and index, keyed by `loadKey`: reads land on what they query, writes on
    /// the base table, and the index and lookup-item writes each write causes on those.
    static func tableLoads(_ context: Context) -> [String: TableLoad] {
        var loads: [String: TableLoad] = [:]
        loads.reserveCapacity(context.model.tables.count * 2)
        for mapping in context.model.mappings where mapping.isServedByDynamoDB {
            guard let tableID = mapping.tableID, let operation = mapping.operation else { continue }
            let peak = context.peakRPS(mapping.patternID)
            let average = context.averageRPS(mapping.patternID)
            let key = loadKey(tableID: tableID, indexName: operation.isRead ? context.indexName(tableID: tableID, indexID: mapping.indexID) : nil)
            var load = loads.removeValue(forKey: key) ?? TableLoad()  // removed, so appends do not copy
            if peak == nil || average == nil { load.unknownRPS.append(mapping.patternID) }
            if operation.isRead {
                load.readPatterns.append(mapping.patternID)
                load.readPeak += peak ?? 0
                load.readAverage += average ?? 0
                load.readUnitsPeak += (peak ?? 0) * (mapping.targetReadUnitsPerRequest ?? 0)
            } else {
                load.writePatterns.append(mapping.patternID)
                load.writePeak += peak ?? 0
                load.writeAverage += average ?? 0
                load.writeUnitsPeak += (peak ?? 0) * (mapping.writeUnitsPerRequest ?? 0)
            }
            if mapping.indexID == nil, let sortKey = context.tablesByID[tableID]?.sortKey, let main = mapping.plan?.mainStep,
               usesSortKey(main.request, sortKey: sortKey.name)
            {
                load.sortKeyPatterns.append(mapping.patternID)
            }
            loads[key] = load
            // Reads the request makes elsewhere (a lookup table first, children after their parent).
            for read in mapping.readUnitsElsewhere {
                let otherKey = loadKey(tableID: read.tableID, indexName: context.indexName(tableID: read.tableID, indexID: read.indexID))
                guard otherKey != key else { continue }
                var other = loads.removeValue(forKey: otherKey) ?? TableLoad()
                if other.readPatterns.last != mapping.patternID {
                    other.readPatterns.append(mapping.patternID)
                    other.readPeak += peak ?? 0
                    other.readAverage += average ?? 0
                }
                other.readUnitsPeak += (peak ?? 0) * (read.readUnits ?? 0)
                loads[otherKey] = other
            }
            for indexWrite in mapping.indexWriteUnits {
                let otherKey = loadKey(tableID: indexWrite.tableID, indexName: context.indexName(tableID: indexWrite.tableID, indexID: indexWrite.indexID))
                guard otherKey != key else { continue }
                var other = loads.removeValue(forKey: otherKey) ?? TableLoad()
                if other.indirectWriters.last != mapping.patternID { other.indirectWriters.append(mapping.patternID) }
                other.indirectWriteUnitsPeak += (peak ?? 0) * (indexWrite.writeUnits ?? 0)
                loads[otherKey] = other
            }
        }
        return loads
    }

    /// Whether a base-table request states the sort key: a Query with a sort condition, or a
    /// key that includes it.
    static func usesSortKey(_ request: PlannedRequest, sortKey: String) -> Bool {
        switch request {
        case .query(let query): return query.sort != nil
        case .getItem(let get), .batchGetItem(let get): return get.key.attributes.contains(sortKey)
        case .updateItem(let update): return update.key.attributes.contains(sortKey)
        case .deleteItem(let delete): return delete.key.attributes.contains(sortKey)
        case .putItem(let put): return put.item.contains { $0.attribute == sortKey }
        case .transactWriteItems(let actions):
            guard let first = actions.first else { return false }
            switch first.operation {
            case .put(let put): return put.item.contains { $0.attribute == sortKey }
            case .update(let update): return update.key.attributes.contains(sortKey)
            case .delete(let delete): return delete.key.attributes.contains(sortKey)
            case .conditionCheck(let check): return check.key.attributes.contains(sortKey)
            }
        default: return false
        }
    }
}
