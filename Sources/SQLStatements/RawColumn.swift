/// A column as written, before its qualifier is resolved against the statement's tables (the
/// select list comes before FROM, so resolution waits until the whole statement is read).
struct RawColumn: Sendable, Equatable {
    /// The table name or alias before the dot; nil when unqualified.
    var qualifier: String?
    var column: String
    /// A lone double-quoted word (`"status"`): a string in MySQL's default mode, a name under
    /// ANSI_QUOTES. Compared with a real column it is read as the value.
    var isDoubleQuoted = false
}

/// A table named in FROM, INTO, UPDATE or a join, with the alias it goes by.
struct TableSource: Sendable {
    var table: String
    var alias: String?
}
