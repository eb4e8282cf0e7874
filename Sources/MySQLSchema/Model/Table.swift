/// One table as the schema files define it.
public struct Table: Sendable, Equatable, Codable {
    /// The name as written, case preserved; for `` `db`.`t` `` this is `t`.
    public var name: String
    /// The database qualifier as written (`` `db`.`t` `` gives `db`); nil when unqualified.
    public var database: String?
    /// The columns in table order.
    public var columns: [Column]
    /// The primary key's column names in key order; empty when the table has none.
    public var primaryKey: [String]
    /// UNIQUE keys (a column's own UNIQUE included), in definition order.
    public var uniqueKeys: [Index]
    /// Plain (non-unique) indexes.
    public var indexes: [Index]
    /// FULLTEXT indexes.
    public var fullTextIndexes: [Index]
    /// SPATIAL indexes.
    public var spatialIndexes: [Index]
    /// Foreign keys, including a column's inline `REFERENCES`.
    public var foreignKeys: [ForeignKey]
    /// CHECK constraints, table-level and inline, in definition order.
    public var checkConstraints: [CheckConstraint]
    /// The ENGINE table option as written, e.g. `InnoDB`.
    public var engine: String?
    /// The table's COMMENT option, unescaped.
    public var comment: String?
    /// Whether the table was created with CREATE TEMPORARY TABLE.
    public var temporary: Bool
    /// Row count and average row length, when read from a live server; nil from DDL.
    public var statistics: TableStatistics?

    /// A table; everything but the name empty unless given.
    public init(
        name: String,
        database: String? = nil,
        columns: [Column] = [],
        primaryKey: [String] = [],
        uniqueKeys: [Index] = [],
        indexes: [Index] = [],
        fullTextIndexes: [Index] = [],
        spatialIndexes: [Index] = [],
        foreignKeys: [ForeignKey] = [],
        checkConstraints: [CheckConstraint] = [],
        engine: String? = nil,
        comment: String? = nil,
        temporary: Bool = false,
        statistics: TableStatistics? = nil
    ) {
        self.name = name
        self.database = database
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueKeys = uniqueKeys
        self.indexes = indexes
        self.fullTextIndexes = fullTextIndexes
        self.spatialIndexes = spatialIndexes
        self.foreignKeys = foreignKeys
        self.checkConstraints = checkConstraints
        self.engine = engine
        self.comment = comment
        self.temporary = temporary
        self.statistics = statistics
    }

    /// The CHECK constraints' expressions as written, without the outer parentheses.
    public var checks: [String] { checkConstraints.map(\.expression) }

    /// The column with this name, compared case-insensitively (MySQL column names always are).
    public func column(named name: String) -> Column? {
        let key = IdentifierKey.folded(name)
        return columns.first { IdentifierKey.folded($0.name) == key }
    }
}
