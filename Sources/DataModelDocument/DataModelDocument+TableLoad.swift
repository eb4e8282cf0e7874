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
            let key = loadKey(tableID: tableID, indexName: operation.isRead ? mapping.indexName : nil)
            var load = loads.removeValue(forKey: key) ?? TableLoad()  // removed, so appends do not copy
            if peak == nil || average == nil { load.unknownRPS.append(mapping.patternID) }
            if operation.isRead {
                load.readPatterns.append(mapping.patternID)
                load.readPeak += peak ?? 0
                load.readAverage += average ?? 0
                load.readUnitsPeak += (peak ?? 0) * mapping.targetReadUnitsPerRequest
            } else {
                load.writePatterns.append(mapping.patternID)
                load.writePeak += peak ?? 0
                load.writeAverage += average ?? 0
                load.writeUnitsPeak += (peak ?? 0) * mapping.writeUnitsPerRequest
            }
            if mapping.indexName == nil, let condition = mapping.keyCondition,
               let sortKey = context.tablesByID[tableID]?.sortKey, mentions(condition, word: sortKey.name)
            {
                load.sortKeyPatterns.append(mapping.patternID)
            }
            loads[key] = load
            // Reads the request makes elsewhere (a lookup table first, children after their parent).
            for read in mapping.readUnitsElsewhere {
                let otherKey = loadKey(tableID: read.tableID, indexName: read.indexName)
                guard otherKey != key else { continue }
                var other = loads.removeValue(forKey: otherKey) ?? TableLoad()
                if other.readPatterns.last != mapping.patternID {
                    other.readPatterns.append(mapping.patternID)
                    other.readPeak += peak ?? 0
                    other.readAverage += average ?? 0
                }
                other.readUnitsPeak += (peak ?? 0) * read.readUnits
                loads[otherKey] = other
            }
            for indexWrite in mapping.indexWriteUnits {
                let otherKey = loadKey(tableID: indexWrite.tableID, indexName: indexWrite.indexName)
                guard otherKey != key else { continue }
                var other = loads.removeValue(forKey: otherKey) ?? TableLoad()
                if other.indirectWriters.last != mapping.patternID { other.indirectWriters.append(mapping.patternID) }
                other.indirectWriteUnitsPeak += (peak ?? 0) * indexWrite.writeUnits
                loads[otherKey] = other
            }
        }
        return loads
    }

    /// Whether `text` contains `word` as a whole identifier (`order_id` is not in `suborder_id`).
    static func mentions(_ text: String, word: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
        }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start ..< start + needle.count].elementsEqual(needle) {
                let before = start == 0 || !isIdentifier(haystack[start - 1])
                let afterIndex = start + needle.count
                let after = afterIndex == haystack.count || !isIdentifier(haystack[afterIndex])
                // `:order_id` is a placeholder for the value, not the attribute.
                let placeholder = start > 0 && haystack[start - 1] == UInt8(ascii: ":")
                if before, after, !placeholder { return true }
            }
            start += 1
        }
        return false
    }
}
