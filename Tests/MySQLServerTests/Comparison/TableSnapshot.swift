/// One table in the comparable shape; keys are grouped as information_schema groups them.
struct TableSnapshot {
    var name: String
    var engine: String?
    var comment: String?
    var columns: [ColumnSnapshot]
    var primaryKey: [String]
    var uniqueKeys: [KeySnapshot]
    /// Non-unique indexes: plain (B-tree), FULLTEXT and SPATIAL.
    var indexes: [KeySnapshot]
    var foreignKeys: [ForeignKeySnapshot]
}
