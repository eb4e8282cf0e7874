/// Conditions (WHERE, ON, and boolean expressions anywhere): each comparison is classified as it
/// is read.
///
/// The rules, for a comparison of a column with a value (a literal, `?`, a variable, an
/// expression over values only; either side):
/// - `=`, `<=>`, `IN (...)`, `IS NULL` (pt-query-digest's `IS ?` too): equality.
/// - `<`, `<=`, `>`, `>=`, `BETWEEN`, `LIKE 'abc%'`: range. `LIKE 'abc'` (no wildcard): equality.
/// - `LIKE '%abc'` (a leading wildcard), `LIKE ?` (a digest hides the pattern, which may start
///   with a wildcard), `REGEXP`, `RLIKE`, `SOUNDS LIKE`, `MATCH (...) AGAINST (...)`: searched.
/// - `!=`, `<>`, `NOT IN`, `NOT LIKE`, `IS NOT NULL`, anything under `NOT`, and any comparison
///   of an expression over columns (`DATE(created_at) = ?`, `price * qty > ?`): filters, on
///   every column involved.
/// - Column to column: `a.x = b.y` over two tables is a join pair (in WHERE, a comma join);
///   over one table, or with any other operator, a filter.
/// OR does not change where a column lands: `a = ? OR b = ?` puts both in equality, and
/// `hasDisjunction` tells the pattern layer that the WHERE holds an OR (at any depth).
extension StatementParser {
    /// A condition or expression read only for the columns it mentions (function arguments,
    /// select items, HAVING): a single operand comes back as itself.
    mutating func readGeneralExpression() throws(ReadingStop) -> Operand {
        try readDisjunction(.collect, negated: false)
    }

    /// Reads a condition and classifies its comparisons for `condition`.
    mutating func readCondition(_ condition: ConditionPlace) throws(ReadingStop) {
        _ = try readDisjunction(condition, negated: false)
    }

    private mutating func readDisjunction(_ condition: ConditionPlace, negated: Bool) throws(ReadingStop) -> Operand {
        let first = try readConjunction(condition, negated: negated)
        var columns: [RawColumn]? = nil
        while cursor.isKeyword(.or) || cursor.isKeyword(.xor) || cursor.isSymbol("||") {
            cursor.advance()
            if case .whereClause = condition { hasDisjunction = true }
            if columns == nil { columns = first.columns }
            columns! += try readConjunction(condition, negated: negated).columns
        }
        return columns.map { Operand.combining($0) } ?? first
    }

    private mutating func readConjunction(_ condition: ConditionPlace, negated: Bool) throws(ReadingStop) -> Operand {
        let first = try readNegation(condition, negated: negated)
        var columns: [RawColumn]? = nil
        while cursor.isKeyword(.and) || cursor.isSymbol("&&") {
            cursor.advance()
            if columns == nil { columns = first.columns }
            columns! += try readNegation(condition, negated: negated).columns
        }
        return columns.map { Operand.combining($0) } ?? first
    }

    private mutating func readNegation(_ condition: ConditionPlace, negated: Bool) throws(ReadingStop) -> Operand {
        try enterNesting()
        defer { nesting -= 1 }
        if cursor.isKeyword(.not) || cursor.isSymbol("!") {
            cursor.advance()
            return .combining(try readNegation(condition, negated: true).columns)
        }
        return try readPredicate(condition, negated: negated)
    }

    /// Whether the token after a `)` continues an operand (`(a, b) IN`, `(a + b) * 2 > ?`)
    /// rather than ending a grouped condition.
    private mutating func continuesOperand(_ token: SQLToken?) -> Bool {
        guard let token else { return false }
        if token.kind == .symbol {
            switch token.text {
            case "=", "<=>", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "->", "->>":
                return true
            default:
                return false
            }
        }
        guard token.kind == .word else { return false }
        switch token.keyword {
        case .`is`, .`in`, .not, .between, .like, .regexp, .rlike, .sounds, .member, .div, .mod, .collate:
            return true
        default:
            return false
        }
    }

    /// Whether the parenthesis at the cursor holds a comma at its own depth (a row).
    private mutating func holdsRow(until close: Int) -> Bool {
        var depth = 0
        for position in cursor.index..<close {
            let token = cursor.tokens[position]
            guard token.kind == .symbol else { continue }
            if token.isSymbol("(") { depth += 1 } else if token.isSymbol(")") { depth -= 1 } else if token.isSymbol(",") && depth == 1 { return true }
        }
        return false
    }

    private mutating func readPredicate(_ condition: ConditionPlace, negated: Bool) throws(ReadingStop) -> Operand {
        if cursor.isSymbol("("), !cursor.opensQuery(), let close = cursor.matchingParenthesis(from: cursor.index),
           !holdsRow(until: close), !continuesOperand(cursor.peek(close - cursor.index + 1)) {
            cursor.advance()
            let grouped = try readDisjunction(condition, negated: negated)
            try cursor.expectSymbol(")", "to close `(`")
            return grouped
        }
        let left = try readExpression()
        let not = cursor.consumeKeyword(.not)
        let isNegated = negated || not
        guard let token = cursor.peek() else {
            if not { throw cursor.stoppedEarly() }
            record(.bare, left, [], condition, negated: isNegated)
            return left
        }
        var comparison: Comparison
        var right: [Operand] = []
        switch (token.kind == .symbol ? token.text : "", token.keyword) {
        case ("=", _), ("<=>", _):
            cursor.advance()
            comparison = .equal
            right = [try readComparedOperand()]
        case ("!=", _), ("<>", _):
            cursor.advance()
            comparison = .notEqual
            right = [try readComparedOperand()]
        case ("<", _), ("<=", _), (">", _), (">=", _):
            cursor.advance()
            comparison = .range
            right = [try readComparedOperand()]
        case (_, .`is`):
            cursor.advance()
            let isNot = cursor.consumeKeyword(.not)
            guard let tested = cursor.peek() else { throw cursor.stoppedEarly() }
            if tested.isKeyword(.null) || tested.kind == .placeholder {
                // `IS NULL` written out selects the rows without a value; a digest's `IS ?`
                // could be `IS TRUE` too, so it is only an equality.
                comparison = isNot ? .notEqual : tested.isKeyword(.null) ? .isNullWrittenOut : .isNull
            } else if tested.isKeyword(.`true`) || tested.isKeyword(.`false`) || tested.isKeyword(.unknown) {
                comparison = .notEqual
            } else {
                throw cursor.unexpected(expecting: "NULL, TRUE, FALSE or UNKNOWN after IS")
            }
            cursor.advance()
        case (_, .`in`):
            cursor.advance()
            comparison = .inList
            if cursor.isSymbol("(") {
                if cursor.opensQuery() {
                    throw ReadingStop.unplaceable(UnplaceableReason.subquery("\(place) (IN (SELECT ...))"))
                }
                cursor.advance()
                repeat { right.append(try readExpression()) } while cursor.consumeSymbol(",")
                try cursor.expectSymbol(")", "to close IN (")
            } else {
                right = [try readExpression()]
            }
        case (_, .between):
            cursor.advance()
            comparison = .between
            right = [try readExpression()]
            try cursor.expectKeyword(.and, "in BETWEEN ... AND")
            right.append(try readExpression())
        case (_, .like):
            cursor.advance()
            comparison = .like
            right = [try readExpression()]
            if cursor.consumeKeyword(.escape) { _ = try readExpression() }
        case (_, .regexp), (_, .rlike):
            cursor.advance()
            comparison = .search
            right = [try readExpression()]
        case (_, .sounds):
            cursor.advance()
            try cursor.expectKeyword(.like, "after SOUNDS")
            comparison = .search
            right = [try readExpression()]
        case (_, .member):
            cursor.advance()
            _ = cursor.consumeKeyword(.of)
            comparison = .notEqual
            right = [try readExpression()]
        default:
            if not { throw cursor.unexpected(expecting: "IN, LIKE, BETWEEN or REGEXP after NOT") }
            comparison = .bare
        }
        record(comparison, left, right, condition, negated: isNegated)
        if case .bare = comparison { return left }
        return .combining(left.columns + right.flatMap(\.columns))
    }

    /// The right side of a comparison; `= ANY (SELECT ...)` and `= (SELECT ...)` are subqueries.
    private mutating func readComparedOperand() throws(ReadingStop) -> Operand {
        if let word = cursor.keyword, word == .`any` || word == .`some` || word == .all, cursor.isSymbol("(", at: 1) {
            throw ReadingStop.unplaceable(UnplaceableReason.subquery(place))
        }
        return try readExpression()
    }

    enum Comparison {
        case bare, equal, notEqual, range, isNull, isNullWrittenOut, inList, between, like, search
    }

    /// Puts a comparison's columns where the rules in this extension's comment say.
    private mutating func record(_ comparison: Comparison, _ left: Operand, _ right: [Operand], _ condition: ConditionPlace, negated: Bool) {
        if case .collect = condition { return }
        if case .search(let columns) = left {
            searched += columns
            for operand in right { filters += operand.columns }
            return
        }
        if let search = right.first(where: { if case .search = $0 { return true } else { return false } }) {
            searched += search.columns
            filters += left.columns
            return
        }
        if negated {
            filters += involvedColumns(left, right)
            return
        }
        switch comparison {
        case .bare:
            filters += left.columns
        case .equal:
            recordEquality(left, right[0], condition)
        case .notEqual:
            filters += involvedColumns(left, right)
        case .range, .between:
            if case .column(let column) = left, right.allSatisfy(\.isValue) {
                ranges.append(column)
            } else if right.count == 1, case .column(let column) = right[0], left.isValue {
                ranges.append(column)
            } else {
                filters += involvedColumns(left, right)
            }
        case .isNull, .isNullWrittenOut:
            if case .column(let column) = left {
                equality.append(column)
                if comparison == .isNullWrittenOut { nullTested.append(column) }
            } else {
                filters += left.columns
            }
        case .inList:
            if right.allSatisfy(\.isValue) {
                switch left {
                case .column(let column): equality.append(column)
                case .row(let items) where items.allSatisfy({ if case .column = $0 { return true } else { return false } }):
                    equality += items.flatMap(\.columns)
                default: filters += left.columns
                }
            } else {
                filters += involvedColumns(left, right)
            }
        case .like:
            let literal: String?
            switch right[0] {
            case .value(let text): literal = text
            case .column(let quoted) where quoted.isDoubleQuoted: literal = quoted.column
            default:
                filters += involvedColumns(left, right)
                return
            }
            guard case .column(let column) = left else {
                filters += left.columns
                return
            }
            guard let pattern = literal, let first = pattern.utf8.first else {
                // `LIKE ?`: the digest hides the pattern; it may start with a wildcard.
                searched.append(column)
                return
            }
            if first == UInt8(ascii: "%") || first == UInt8(ascii: "_") {
                searched.append(column)
            } else if pattern.utf8.contains(UInt8(ascii: "%")) || pattern.utf8.contains(UInt8(ascii: "_")) {
                ranges.append(column)
            } else {
                equality.append(column)
            }
        case .search:
            if case .column(let column) = left { searched.append(column) } else { filters += left.columns }
        }
    }

    private mutating func recordEquality(_ left: Operand, _ right: Operand, _ condition: ConditionPlace) {
        switch (left, right) {
        case (.column(let a), .column(let b)):
            if a.isDoubleQuoted && !b.isDoubleQuoted {
                equality.append(b)
            } else if b.isDoubleQuoted {
                equality.append(a)
            } else {
                switch condition {
                case .join(let index): joinPairs[index].append((a, b))
                case .whereClause: wherePairs.append((a, b))
                case .collect: break
                }
            }
        case (.column(let column), _) where right.isValue:
            equality.append(column)
        case (_, .column(let column)) where left.isValue:
            equality.append(column)
        case (.row(let lefts), .row(let rights)) where lefts.count == rights.count:
            for (a, b) in zip(lefts, rights) { recordEquality(a, b, condition) }
        default:
            filters += involvedColumns(left, [right])
        }
    }

    /// The columns a comparison involves. A lone double-quoted word next to a real column is
    /// the value (a string in MySQL's default mode): `status != "done"` filters on `status` only.
    private func involvedColumns(_ left: Operand, _ right: [Operand]) -> [RawColumn] {
        let all = left.columns + right.flatMap(\.columns)
        guard all.contains(where: { !$0.isDoubleQuoted }) else { return all }
        return all.filter { !$0.isDoubleQuoted }
    }
}
