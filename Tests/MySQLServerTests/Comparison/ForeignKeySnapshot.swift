/// A foreign key with its referential actions spelled as information_schema spells them.
struct ForeignKeySnapshot {
    var name: String?
    var columns: [String]
    var referencedTable: String
    var referencedColumns: [String]
    /// Upper-case rule as information_schema spells it (RESTRICT, CASCADE, SET NULL, ...).
    var onDelete: String
    var onUpdate: String

    var signature: String {
        "(\(columns.joined(separator: ","))) -> \(referencedTable)(\(referencedColumns.joined(separator: ","))) "
            + "ON DELETE \(onDelete) ON UPDATE \(onUpdate)"
    }
}
