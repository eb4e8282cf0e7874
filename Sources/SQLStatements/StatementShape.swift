/// What one DML statement does to the data, as far as an access pattern needs it: the tables it
/// touches, the columns it finds rows by, ranges and order, how many rows, which columns come back
/// or are written, and whether it searches, aggregates or locks.
///
/// It is read from MySQL's normalized digests (`WHERE id = ?`) and from literal statements in
/// query logs (`WHERE id = 42`) alike: a literal and a `?` play the same part.
public struct StatementShape: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case select, insert, update, delete, replace
    }

    public var kind: Kind
    /// The tables in the order the statement names them: the main table first (FROM, INTO, the
    /// UPDATE or DELETE target), then each joined table. Names without database qualifier and
    /// without quotes, case as written.
    public var tables: [String]
    /// Columns compared for equality with a value (`col = ?`, `col IN (...)`, `col <=> ?`,
    /// `col IS NULL`), in the order written; joins' `a.x = b.y` are not here but in `joins`.
    public var equality: [ColumnReference]
    /// Columns bounded by a range (`<`, `<=`, `>`, `>=`, `BETWEEN`, `LIKE 'prefix%'`), in order.
    public var ranges: [ColumnReference]
    /// `ORDER BY` terms in order (a column with its direction); expressions are left out.
    public var orderBy: [OrderTerm]
    /// The LIMIT: none, a number, or a placeholder (`LIMIT ?`, the digest's form).
    public var limit: RowLimit
    /// The columns a SELECT returns (or an INSERT/REPLACE lists, or an UPDATE sets).
    public var columns: ColumnList
    /// Each join: the table joined and the column pairs of its ON/USING condition.
    public var joins: [Join]
    /// Columns searched for text inside the value (`LIKE '%…'`, `MATCH (…) AGAINST (…)`,
    /// `REGEXP`); empty when the statement does not search.
    public var searched: [ColumnReference]
    /// Aggregate functions in the select list (`COUNT(*)`, `SUM(amount)`), in order.
    public var aggregates: [AggregateCall]
    /// `GROUP BY` columns in order.
    public var groupBy: [ColumnReference]
    /// `FOR UPDATE`, `FOR SHARE` or `LOCK IN SHARE MODE`: the read must see the latest write.
    public var locksRows: Bool
    /// Columns the statement narrows rows by without naming the rows it wants: compared by
    /// inequality or negation (`!=`, `<>`, `NOT IN`, `NOT LIKE`, `IS NOT NULL`, anything under
    /// `NOT`), or through an expression (`DATE(created_at) = ?` filters on `created_at`;
    /// `a.x < b.y`, `a.x = a.y`). In the order written; a key cannot serve them.
    public var filters: [ColumnReference]
    /// The WHERE holds an OR (at any depth of parentheses): its columns were still put in
    /// equality, ranges or filters as if joined by AND, so `a = ? OR b = ?` has both `a` and `b`
    /// in `equality`, and the pattern layer decides what an OR of key conditions means.
    public var hasDisjunction: Bool
    /// `INSERT ... ON DUPLICATE KEY UPDATE`: the insert updates the row when its key exists.
    public var upserts: Bool
    /// Columns of `equality` compared with `IS NULL` written out (a digest's `IS ?` could be
    /// TRUE or FALSE as well, so it is not here): the statement selects the rows without a value.
    public var nullTested: [ColumnReference]

    public init(
        kind: Kind, tables: [String], equality: [ColumnReference] = [], ranges: [ColumnReference] = [],
        orderBy: [OrderTerm] = [], limit: RowLimit = .none, columns: ColumnList = .all, joins: [Join] = [],
        searched: [ColumnReference] = [], aggregates: [AggregateCall] = [], groupBy: [ColumnReference] = [],
        locksRows: Bool = false, filters: [ColumnReference] = [], hasDisjunction: Bool = false, upserts: Bool = false,
        nullTested: [ColumnReference] = []
    ) {
        self.kind = kind
        self.tables = tables
        self.equality = equality
        self.ranges = ranges
        self.orderBy = orderBy
        self.limit = limit
        self.columns = columns
        self.joins = joins
        self.searched = searched
        self.aggregates = aggregates
        self.groupBy = groupBy
        self.locksRows = locksRows
        self.filters = filters
        self.hasDisjunction = hasDisjunction
        self.upserts = upserts
        self.nullTested = nullTested
    }
}

/// A column as a statement names it, with its table resolved from an alias or qualifier.
public struct ColumnReference: Sendable, Hashable {
    /// The table the column belongs to (a real table name, aliases resolved); nil when the
    /// column is unqualified in a statement over several tables, so its table is not known.
    /// In a single-table statement an unqualified column belongs to that table.
    public var table: String?
    public var column: String

    public init(table: String?, column: String) {
        self.table = table
        self.column = column
    }
}

/// One `ORDER BY` term.
public struct OrderTerm: Sendable, Equatable {
    public var column: ColumnReference
    public var descending: Bool

    public init(column: ColumnReference, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// A statement's LIMIT.
public enum RowLimit: Sendable, Equatable {
    case none
    case rows(Int)
    /// `LIMIT ?`: a digest hides the number.
    case placeholder
}

/// The columns a statement returns or writes.
public enum ColumnList: Sendable, Equatable {
    /// `SELECT *` (or `t.*` of the main table), an INSERT without a column list, a DELETE.
    case all
    /// Only these columns. Expressions that are not plain columns or aggregates are left out.
    case only([ColumnReference])
}

/// A joined table and how it is joined.
public struct Join: Sendable, Equatable {
    public var table: String
    /// The `ON a.x = b.y` (or `USING (x)`) column pairs; `left` is on a table named before.
    public var on: [ColumnPair]

    public init(table: String, on: [ColumnPair]) {
        self.table = table
        self.on = on
    }
}

public struct ColumnPair: Sendable, Equatable {
    public var left: ColumnReference
    public var right: ColumnReference

    public init(left: ColumnReference, right: ColumnReference) {
        self.left = left
        self.right = right
    }
}

/// An aggregate function call in a select list.
public struct AggregateCall: Sendable, Equatable {
    public enum Function: String, Sendable, Equatable, CaseIterable {
        case count, sum, avg, min, max
    }

    public var function: Function
    /// The column aggregated; nil for `COUNT(*)` or an expression.
    public var column: ColumnReference?

    public init(function: Function, column: ColumnReference?) {
        self.function = function
        self.column = column
    }
}

/// What the parser made of a statement.
public enum StatementReading: Sendable, Equatable {
    /// A DML statement whose shape is known.
    case placed(StatementShape)
    /// A data statement the parser cannot place, with the reason in words the user reads
    /// ("a subquery in WHERE is not followed", "dynamic SQL: PREPARE/EXECUTE").
    case unplaceable(reason: String)
    /// Not a data access at all: session and transaction control (`SET`, `BEGIN`, `COMMIT`,
    /// `SHOW`, `USE`, `SELECT @@version`). `what` names it ("transaction control: COMMIT").
    case notDataAccess(what: String)
}
