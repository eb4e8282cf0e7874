/// A key or index: UNIQUE, plain, FULLTEXT or SPATIAL.
public struct Index: Sendable, Equatable, Codable {
    /// The name as written; nil when the DDL gave none (MySQL then names it after its first column).
    public var name: String?
    /// The key parts in key order.
    public var columns: [IndexColumn]

    /// An index; unnamed unless given.
    public init(name: String? = nil, columns: [IndexColumn]) {
        self.name = name
        self.columns = columns
    }

    /// The key parts' column names (an expression part gives its expression text).
    public var columnNames: [String] { columns.map(\.name) }
}

/// One key part: a column, optionally a prefix of it, ascending or descending.
public struct IndexColumn: Sendable, Equatable, Codable {
    /// The column name; for a functional key part (MySQL 8.0.13+), the expression as written in
    /// its parentheses, e.g. `(lower(email))`.
    public var name: String
    /// The prefix length of `name(10)`; nil for the whole column.
    public var prefixLength: Int?
    /// DESC.
    public var descending: Bool
    /// Whether `name` is a functional key part's expression rather than a column.
    public var isExpression: Bool

    /// A key part; ascending and the whole column unless given.
    public init(name: String, prefixLength: Int? = nil, descending: Bool = false, isExpression: Bool = false) {
        self.name = name
        self.prefixLength = prefixLength
        self.descending = descending
        self.isExpression = isExpression
    }
}
