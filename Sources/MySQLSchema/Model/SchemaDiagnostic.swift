/// A problem found while importing: where it is, what it is, and which statement it is in.
public struct SchemaDiagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The source's name.
    public var file: String
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column of the offending token, counted in Unicode scalars (a tab counts as one).
    public var column: Int
    /// What is wrong, and what the import did about it.
    public var message: String
    /// The first 60 characters of the statement on one line (whitespace runs become one space,
    /// "…" marks a cut); empty when the problem is not inside a statement.
    public var statementStart: String

    /// A diagnostic at a 1-based line and column.
    public init(file: String, line: Int, column: Int, message: String, statementStart: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.statementStart = statementStart
    }

    /// `FILE:LINE:COLUMN: message (statement starts: CREATE TABL…)`.
    public var description: String {
        let location = "\(file):\(line):\(column): \(message)"
        return statementStart.isEmpty ? location : "\(location) (statement starts: \(statementStart))"
    }
}
