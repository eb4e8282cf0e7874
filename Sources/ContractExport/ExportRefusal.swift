/// Why one export format cannot be written for a model. `ddbmodel export` then writes nothing at
/// all, and prints `message`: what is wrong and what to do.
public enum ExportRefusal: Error, Sendable, Equatable {
    /// A DMS value template refers to a column as `${column}` and has no escape for `character`,
    /// which the column's name holds.
    case dmsCannotNameColumn(column: String, table: String, character: Character)

    public var message: String {
        switch self {
        case .dmsCannotNameColumn(let column, let table, let character):
            return """
                The DMS mappings cannot name the column "\(column)" of the MySQL table "\(table)": a DMS value template \
                refers to a column as ${column} and has no escape for "\(character)" in its name, so the mapping would \
                read other columns. Rename the column in MySQL and import the schema again, or exclude it at the import \
                review (exclude COLUMN REASON).
                """
        }
    }
}
