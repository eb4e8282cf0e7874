/// Reads one DML statement's tokens into what `StatementShape` needs. One value per statement:
/// the clauses add to its lists as they are read, and `shape(kind:)` resolves the columns'
/// tables at the end (the select list is read before FROM names the aliases). A struct, so that
/// its many small mutations need no run-time exclusivity checks.
struct StatementParser {
    /// Where a condition stands: its comparisons land in different places.
    enum ConditionPlace {
        /// WHERE: column-to-value comparisons are the statement's equality, ranges and filters;
        /// column-to-column equality is a (comma) join pair.
        case whereClause
        /// The ON condition of the source at this index.
        case join(Int)
        /// Inside an expression (a function argument, HAVING, a select item): only the
        /// columns are collected.
        case collect
    }

    var cursor: TokenCursor
    /// What part of the statement is being read, for messages ("in WHERE").
    var place = "in WHERE"

    var sources: [TableSource] = []
    /// The ON/USING pairs of each source (aligned with `sources`; the first has none).
    var joinPairs: [[(RawColumn, RawColumn)]] = []
    /// `a.x = b.y` pairs found in WHERE: comma joins, attached to a join once tables are known.
    var wherePairs: [(RawColumn, RawColumn)] = []
    var equality: [RawColumn] = []
    var ranges: [RawColumn] = []
    var filters: [RawColumn] = []
    /// Equality columns tested with `IS NULL` written out.
    var nullTested: [RawColumn] = []
    var searched: [RawColumn] = []
    var selected: [RawColumn] = []
    var selectsAll = false
    /// Set when the statement names a column list at all (a SELECT's items, INSERT's list, SET).
    var listsColumns = false
    var aggregates: [(AggregateCall.Function, RawColumn?)] = []
    var groupBy: [RawColumn] = []
    var orderBy: [(RawColumn, Bool)] = []
    var limit = RowLimit.none
    var locksRows = false
    var hasDisjunction = false
    var upserts = false
    /// `SELECT expr AS name`: an ORDER BY on `name` orders by the column (nil: by an expression).
    var selectAliases: [(String, RawColumn?)] = []
    /// Aggregates are recorded only while the select list is read.
    var recordsAggregates = false
    /// How deep expressions nest right now: the reader recurses, so the depth is bounded to keep
    /// any input from exhausting the stack.
    var nesting = 0
    static let maximumNesting = 200

    /// Enters one level of nesting (a parenthesis, a NOT, a unary operator, a function call).
    mutating func enterNesting() throws(ReadingStop) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw ReadingStop.unplaceable("the statement nests expressions more than \(Self.maximumNesting) deep")
        }
    }

    init(cursor: TokenCursor) {
        self.cursor = cursor
    }

    /// Registers a table source and returns its index.
    @discardableResult
    mutating func addSource(_ table: String, alias: String?) -> Int {
        sources.append(TableSource(table: table, alias: alias))
        joinPairs.append([])
        return sources.count - 1
    }

    /// The statement must end here (a trailing `;` was removed before reading).
    mutating func expectEnd() throws(ReadingStop) {
        guard cursor.atEnd else { throw cursor.unexpected(expecting: "the end of the statement") }
    }

    /// Words that end an expression or a name's alias: clause and operator keywords.
    static let clauseWords: Set<SQLKeyword> = [
        .from, .`where`, .group, .having, .order, .limit, .`for`, .lock, .union, .except, .intersect,
        .minus, .into, .window, .procedure, .on, .using, .join, .inner, .left, .right, .cross,
        .natural, .straightJoin, .full, .outer, .`set`, .values, .value, .and, .or, .xor, .not,
        .`as`, .asc, .desc, .with, .use, .force, .ignore, .partition, .select, .offset, .`is`, .`in`,
        .between, .like, .regexp, .rlike, .sounds, .member, .escape, .collate, .div, .mod, .then,
        .when, .`else`, .end, .returning, .rows, .range, .over, .duplicate, .key, .separator,
    ]
}
