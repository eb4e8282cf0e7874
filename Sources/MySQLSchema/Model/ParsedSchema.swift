/// What importing a set of SQL files produced: the tables as the files leave them, every problem
/// found, and the statements that were read but do not describe tables.
public struct ParsedSchema: Sendable, Equatable, Codable {
    /// The tables in creation order, with every later ALTER, RENAME and DROP applied.
    public var tables: [Table]
    /// Problems, in the order found: statements that could not be read (and were skipped) and
    /// definitions that could not be applied.
    public var diagnostics: [SchemaDiagnostic]
    /// Statements read but not turned into tables (INSERT, SET, views, triggers, ...), in order.
    public var skipped: [SkippedStatement]

    /// A result, empty unless given.
    public init(tables: [Table] = [], diagnostics: [SchemaDiagnostic] = [], skipped: [SkippedStatement] = []) {
        self.tables = tables
        self.diagnostics = diagnostics
        self.skipped = skipped
    }

    /// The table with this name, compared case-insensitively (as MySQL does on Windows and macOS,
    /// and as `lower_case_table_names` makes it everywhere).
    public func table(named name: String) -> Table? {
        let key = IdentifierKey.folded(name)
        return tables.first { IdentifierKey.folded($0.name) == key }
    }

    /// How many skipped statements are of this kind.
    public func skippedCount(of kind: SkippedStatement.Kind) -> Int {
        skipped.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
    }

    /// The distinct names of the skipped statements of this kind, in first-seen order, compared
    /// case-insensitively: `mysqldump` writes a view twice (a stand-in, then the real one).
    public func skippedNames(of kind: SkippedStatement.Kind) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for statement in skipped where statement.kind == kind {
            guard let name = statement.name, seen.insert(IdentifierKey.folded(name)).inserted else { continue }
            names.append(name)
        }
        return names
    }
}
