/// A problem the lexer found: an unterminated quote or comment, a bad DELIMITER command, a
/// statement the file ends inside of.
struct LexicalProblem {
    var offset: Int
    var line: Int
    var lineStart: Int
    var message: String
    /// Whether the statement it is in cannot be read (an unterminated quote or comment swallowed
    /// the rest of the file) and is skipped.
    var skipsStatement: Bool
}

/// What reading one statement found, besides its tokens.
struct StatementScan {
    /// The first problem inside the statement, if any.
    var problem: LexicalProblem?
    /// Whether the file ended (the statement may still have tokens).
    var reachedEndOfInput: Bool
}
