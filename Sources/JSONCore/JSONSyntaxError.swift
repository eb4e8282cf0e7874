/// The first place where a document stops being valid JSON, so a file edited by hand can be fixed
/// where the problem is.
///
/// Positions are 1-based and count characters (Unicode scalars), not bytes, so they match what an
/// editor shows for a file with accented names in it. A tab counts as one column; a UTF-8 byte
/// order mark counts as none.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line; lines are separated by `\n`.
    public let line: Int
    /// The 1-based column within `line`.
    public let column: Int
    /// What is wrong at that position, phrased as what was expected ("expected ',' or '}' after an object member").
    public let message: String
    /// True when the document simply stops early (the position is then just past its last character),
    /// which almost always means a truncated file rather than a typing mistake.
    public let isUnexpectedEndOfFile: Bool

    public init(line: Int, column: Int, message: String, isUnexpectedEndOfFile: Bool = false) {
        self.line = line
        self.column = column
        self.message = message
        self.isUnexpectedEndOfFile = isUnexpectedEndOfFile
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
