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

    /// Reads an optional alias after a table or a select item: `AS name`, or a bare name that is
    /// not a clause keyword.
    mutating func readAlias() throws(ReadingStop) -> String? {
        if cursor.consumeKeyword(.`as`) {
            guard let token = cursor.peek(), token.isName || token.kind == .string else {
                throw cursor.unexpected(expecting: "an alias after AS")
            }
            cursor.advance()
            return token.text
        }
        guard let token = cursor.peek() else { return nil }
        switch token.kind {
        case .quotedName, .doubleQuoted, .string:
            cursor.advance()
            return token.text
        case .word where !(token.keyword.map { Self.clauseWords.contains($0) } ?? false):
            cursor.advance()
            return token.text
        default:
            return nil
        }
    }

    /// `LIMIT n`, `LIMIT ?`, `LIMIT offset, n`, `LIMIT n OFFSET m`, MariaDB's digest `LIMIT ?, ...`.
    mutating func readLimit() throws(ReadingStop) {
        guard cursor.consumeKeyword(.limit) else { return }
        let first = try readLimitValue()
        if cursor.consumeSymbol(",") {
            limit = try readLimitValue()
        } else {
            limit = first
            if cursor.consumeKeyword(.offset) { _ = try readLimitValue() }
        }
    }

    private mutating func readLimitValue() throws(ReadingStop) -> RowLimit {
        guard let token = cursor.peek() else { throw cursor.stoppedEarly() }
        switch token.kind {
        case .number:
            cursor.advance()
            // A count beyond Int (`LIMIT 18446744073709551615`) is MySQL's idiom for "no limit".
            return Int(token.text).map { RowLimit.rows($0) } ?? .none
        case .placeholder, .variable, .ellipsis:
            cursor.advance()
            return .placeholder
        default:
            throw cursor.unexpected(expecting: "a row count after LIMIT")
        }
    }

    /// `ORDER BY` terms: plain columns (or aliases of plain columns) with their direction.
    mutating func readOrderBy() throws(ReadingStop) {
        guard cursor.isKeyword(.order) && cursor.isKeyword(.by, at: 1) else { return }
        cursor.index += 2
        place = "in ORDER BY"
        repeat {
            let term = try readExpression()
            var descending = false
            if cursor.consumeKeyword(.desc) { descending = true } else { _ = cursor.consumeKeyword(.asc) }
            guard case .column(let column) = term else { continue }
            if column.qualifier == nil, let alias = selectAliases.first(where: { $0.0.lowercased() == column.column.lowercased() }) {
                if let aliased = alias.1 { orderBy.append((aliased, descending)) }
                continue
            }
            orderBy.append((column, descending))
        } while cursor.consumeSymbol(",")
        _ = cursor.consumeKeywords(.with, .rollup)
    }
}
