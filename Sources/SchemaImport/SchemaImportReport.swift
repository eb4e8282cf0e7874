import Requirements

/// What an import did, for the summary shown after `--schema` or `/import schema`.
public struct SchemaImportReport: Sendable, Equatable {
    public var tables = 0
    public var columns = 0
    public var primaryKeys = 0
    public var uniqueKeys = 0
    public var foreignKeys = 0
    /// Lines about statements that were skipped (INSERTs counted, views and triggers named).
    public var skipped: [String] = []
    /// Statements that could not be read, as `file:line:column: message`.
    public var problems: [String] = []
    /// What a re-import changed: added and removed tables and columns, changed types.
    public var changes: [String] = []
    /// Things the user should look at: removed columns still used by patterns, and so on.
    public var warnings: [String] = []

    public init() {}

    /// The summary printed after an import. Names and statement starts quoted from the files
    /// (a view's name, a statement that could not be read) show a control character escaped.
    public var summary: String {
        var lines = ["Imported \(tables) table\(tables == 1 ? "" : "s") with \(columns) columns: \(primaryKeys) primary keys, \(uniqueKeys) unique keys, \(foreignKeys) foreign keys."]
        if !changes.isEmpty {
            lines.append("Changes since the last import:")
            lines += changes.map { "  - \($0)" }
        }
        if !skipped.isEmpty {
            lines.append("Skipped:")
            lines += skipped.map { "  - \($0)" }
        }
        if !problems.isEmpty {
            lines.append("Could not read \(problems.count) statement\(problems.count == 1 ? "" : "s") (skipped; the rest was imported):")
            lines += problems.map { "  - \($0)" }
        }
        if !warnings.isEmpty {
            lines.append("Check:")
            lines += warnings.map { "  - \($0)" }
        }
        return lines.map(FreeText.visible).joined(separator: "\n")
    }
}
