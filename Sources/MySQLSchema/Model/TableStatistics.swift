/// What the server knows about a table's contents (information_schema.TABLES): only a live
/// import has it; DDL files do not.
public struct TableStatistics: Sendable, Equatable, Codable {
    /// TABLE_ROWS: exact for MyISAM, an estimate for InnoDB (sampled index statistics).
    public var rows: Int
    /// AVG_ROW_LENGTH in bytes (data length over rows); nil when the table is empty.
    public var averageRowLength: Int?

    public init(rows: Int, averageRowLength: Int?) {
        self.rows = rows
        self.averageRowLength = averageRowLength
    }
}
