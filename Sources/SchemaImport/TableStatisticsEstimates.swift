import MySQLSchema
import Requirements

/// What a live server's table statistics add to an imported entity: the item count (TABLE_ROWS)
/// and, from the average row length, sizes for the attributes whose type gives none (TEXT,
/// BLOB, JSON). Only unanswered values are filled in: a count or size the user gave stays.
enum TableStatisticsEstimates {
    static func apply(_ statistics: TableStatistics?, to entity: inout Entity) {
        guard let statistics else { return }
        if entity.itemCount == nil, statistics.rows > 0 {
            entity.itemCount = .known(Double(statistics.rows))
        }
        guard let rowLength = statistics.averageRowLength, rowLength > 0 else { return }
        let migrated = entity.attributes.indices.filter { entity.attributes[$0].isMigrated }
        let unsized = migrated.filter { entity.attributes[$0].typicalSizeBytes == nil }
        guard !unsized.isEmpty else { return }
        let known = migrated.reduce(0) { $0 + (entity.attributes[$1].typicalSizeBytes ?? 0) }
        // InnoDB's average includes a row header of about 20 bytes; what is left after the
        // attributes of known size is shared by those without one.
        let left = rowLength - known - Self.rowHeaderBytes
        guard left > 0 else { return }
        let share = max(1, left / unsized.count)
        for index in unsized { entity.attributes[index].typicalSizeBytes = share }
    }

    /// InnoDB's per-row overhead (record header and transaction fields), roughly.
    static let rowHeaderBytes = 20
}
