/// Expressions: operands joined by arithmetic, function calls, CASE, names and values. They are
/// not evaluated, only told apart: a plain column, a value, or an expression over columns.
extension StatementParser {
    /// Words that cannot be a column where an operand is expected.
    static let reservedInOperands: Set<SQLKeyword> = [
        .from, .`where`, .group, .having, .order, .limit, .union, .except, .intersect, .select, .and,
        .or, .xor, .`is`, .`in`, .between, .like, .regexp, .rlike, .on, .using, .join, .inner, .cross,
        .natural, .straightJoin, .`set`, .`as`, .asc, .desc, .then, .when, .`else`, .end, .into, .`for`,
        .lock, .escape, .div, .with, .offset, .outer, .duplicate, .sounds, .member, .by,
    ]

    /// Words with the meaning of a value when they stand alone.
    static let valueWords: Set<SQLKeyword> = [
        .null, .`true`, .`false`, .`default`, .unknown, .currentDate, .currentTime, .currentTimestamp,
        .localtime, .localtimestamp, .utcDate, .utcTime, .utcTimestamp, .currentUser, .currentRole,
    ]

    static let aggregateFunctions: [SQLKeyword: AggregateCall.Function] = [
        .count: .count, .sum: .sum, .avg: .avg, .min: .min, .max: .max,
    ]

    /// An operand with its binary operators: `price * qty`, `created_at + INTERVAL 1 DAY`,
    /// `doc->>'$.name'`, `name COLLATE utf8mb4_bin`.
    mutating func readExpression() throws(ReadingStop) -> Operand {
        let first = try readUnary()
        var columns: [RawColumn]? = nil
        while let token = cursor.peek() {
            if token.kind == .symbol {
                switch token.text {
                case "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "->", "->>":
                    cursor.advance()
                    if columns == nil { columns = first.columns }
                    columns! += try readUnary().columns
                    continue
                default:
                    break
                }
            } else if token.kind == .word {
                if token.keyword == .div || token.keyword == .mod {
                    cursor.advance()
                    if columns == nil { columns = first.columns }
                    columns! += try readUnary().columns
                    continue
                }
                if token.keyword == .collate {
                    cursor.advance()
                    guard let name = cursor.peek(), name.isName || name.kind == .string else {
                        throw cursor.unexpected(expecting: "a collation after COLLATE")
                    }
                    cursor.advance()
                    continue
                }
            }
            break
        }
        guard let columns else { return first }
        return .combining(columns)
    }

    private mutating func readUnary() throws(ReadingStop) -> Operand {
        try enterNesting()
        defer { nesting -= 1 }
        guard let token = cursor.peek() else { throw cursor.stoppedEarly() }
        if token.kind == .symbol && (token.isSymbol("-") || token.isSymbol("+") || token.isSymbol("~") || token.isSymbol("!")) {
            cursor.advance()
            let operand = try readUnary()
            if case .value = operand { return .value(literal: nil) }
            return .combining(operand.columns)
        }
        if token.isKeyword(.binary) && !cursor.isSymbol("(", at: 1) {
            cursor.advance()
            return .combining(try readUnary().columns)
        }
        return try readPrimary()
    }

    private mutating func readPrimary() throws(ReadingStop) -> Operand {
        guard let token = cursor.peek() else { throw cursor.stoppedEarly() }
        switch token.kind {
        case .string:
            cursor.advance()
            return .value(literal: token.text)
        case .number, .placeholder, .variable, .systemVariable, .ellipsis:
            cursor.advance()
            return .value(literal: nil)
        case .symbol:
            if token.isSymbol("(") { return try readParenthesized() }
            if token.isSymbol("*") {
                cursor.advance()
                return .star(qualifier: nil)
            }
            if token.isSymbol("{") {
                // ODBC escapes: {d '2024-01-01'}, {ts '...'}.
                cursor.advance()
                while let inner = cursor.peek(), !inner.isSymbol("}") { cursor.advance() }
                try cursor.expectSymbol("}", "to close `{`")
                return .value(literal: nil)
            }
            throw cursor.unexpected(expecting: "a value or a column")
        case .quotedName, .doubleQuoted:
            return try readName()
        case .word:
            return try readWordOperand(token)
        }
    }

    private mutating func readWordOperand(_ token: SQLToken) throws(ReadingStop) -> Operand {
        let keyword = token.keyword
        let next = cursor.peek(1)
        if keyword == .exists {
            throw ReadingStop.unplaceable(UnplaceableReason.subquery("\(place) (EXISTS (SELECT ...))"))
        }
        if (keyword == .any || keyword == .some || keyword == .all) && next?.isSymbol("(") == true {
            throw ReadingStop.unplaceable(UnplaceableReason.subquery(place))
        }
        let isValueWord = keyword.map { Self.valueWords.contains($0) } ?? false
        if next?.isSymbol("(") == true && !isValueWord {
            return try readFunctionCall(keyword)
        }
        if isValueWord {
            cursor.advance()
            if cursor.isSymbol("(") && cursor.isSymbol(")", at: 1) { cursor.index += 2 }
            return .value(literal: nil)
        }
        if next?.kind == .string && (keyword == .date || keyword == .time || keyword == .timestamp) {
            cursor.index += 2
            return .value(literal: nil)
        }
        switch keyword {
        case .interval:
            cursor.advance()
            let amount = try readExpression()
            guard let unit = cursor.peek(), unit.kind == .word else { throw cursor.unexpected(expecting: "a unit after INTERVAL") }
            cursor.advance()
            return .combining(amount.columns)
        case .`case`:
            return try readCase()
        default:
            break
        }
        // A character set introducer before a digest's `?`: `_utf8mb4 ?`.
        if token.text.utf8.first == UInt8(ascii: "_"), let next, next.isValue {
            cursor.advance()
            return try readPrimary()
        }
        if let keyword, Self.reservedInOperands.contains(keyword) {
            throw cursor.unexpected(expecting: "a value or a column")
        }
        return try readName()
    }

    /// `name`, `t.name`, `db.t.name`, `t.*`.
    private mutating func readName() throws(ReadingStop) -> Operand {
        guard let first = cursor.peek(), first.isName else { throw cursor.unexpected(expecting: "a column") }
        cursor.advance()
        var parts = [first.text]
        var isDoubleQuoted = first.kind == .doubleQuoted
        while cursor.isSymbol(".") {
            cursor.advance()
            guard let part = cursor.peek() else { throw cursor.stoppedEarly() }
            if part.isSymbol("*") {
                cursor.advance()
                return .star(qualifier: parts.last)
            }
            guard part.isName else { throw cursor.unexpected(expecting: "a name after `.`") }
            cursor.advance()
            parts.append(part.text)
            isDoubleQuoted = false
        }
        let qualifier = parts.count > 1 ? parts[parts.count - 2] : nil
        return .column(RawColumn(qualifier: qualifier, column: parts[parts.count - 1], isDoubleQuoted: isDoubleQuoted))
    }

    /// `( ... )` as an operand: a subquery (not followed), a row `(a, b)`, a grouped
    /// expression or condition; MariaDB digests' `(_charset) ?` and `(unknown)`.
    private mutating func readParenthesized() throws(ReadingStop) -> Operand {
        if cursor.opensQuery() { throw ReadingStop.unplaceable(UnplaceableReason.subquery(place)) }
        if let inner = cursor.peek(1), inner.kind == .word, cursor.isSymbol(")", at: 2) {
            if inner.text.utf8.first == UInt8(ascii: "_"), cursor.peek(3)?.isValue == true {
                cursor.index += 3
                return try readPrimary()
            }
            if inner.keyword == .unknown {
                cursor.index += 3
                return .value(literal: nil)
            }
        }
        cursor.advance()
        var items: [Operand] = []
        repeat {
            items.append(try readGeneralExpression())
        } while cursor.consumeSymbol(",")
        try cursor.expectSymbol(")", "to close `(`")
        return items.count == 1 ? items[0] : .row(items)
    }

    /// `CASE [x] WHEN a THEN b ... [ELSE c] END`: an expression over the columns it mentions.
    private mutating func readCase() throws(ReadingStop) -> Operand {
        cursor.advance()
        var columns: [RawColumn] = []
        if !cursor.isKeyword(.when) { columns += try readGeneralExpression().columns }
        while cursor.consumeKeyword(.when) {
            columns += try readGeneralExpression().columns
            try cursor.expectKeyword(.then, "after WHEN")
            columns += try readGeneralExpression().columns
        }
        if cursor.consumeKeyword(.`else`) { columns += try readGeneralExpression().columns }
        try cursor.expectKeyword(.end, "to close CASE")
        return .combining(columns)
    }

    /// A function call; aggregates in the select list are recorded, `MATCH ... AGAINST` is a search.
    private mutating func readFunctionCall(_ name: SQLKeyword?) throws(ReadingStop) -> Operand {
        cursor.index += 2
        if let name, let function = Self.aggregateFunctions[name] {
            return try readAggregate(function)
        }
        switch name {
        case .match:
            var columns: [RawColumn] = []
            repeat { columns += try readGeneralExpression().columns } while cursor.consumeSymbol(",")
            try cursor.expectSymbol(")", "to close MATCH (")
            try cursor.expectKeyword(.against, "after MATCH (...)")
            guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` after AGAINST") }
            try skipParenthesized()
            return .search(columns)
        case .cast, .convert:
            let columns = try readGeneralExpression().columns
            try skipToClosingParenthesis()
            return .combining(columns)
        case .extract, .timestampdiff, .timestampadd, .getFormat:
            // The first argument is a unit word, not a column.
            if cursor.peek()?.kind == .word { cursor.advance() }
            _ = cursor.consumeKeyword(.from) || cursor.consumeSymbol(",")
        default:
            break
        }
        let columns = try readArguments()
        try skipWindow()
        return .combining(columns)
    }

    private mutating func readAggregate(_ function: AggregateCall.Function) throws(ReadingStop) -> Operand {
        let records = recordsAggregates
        while cursor.consumeKeyword(.distinct) || cursor.consumeKeyword(.distinctrow) || cursor.consumeKeyword(.all) {}
        var aggregated: RawColumn?
        var columns: [RawColumn] = []
        if cursor.isSymbol("*") && cursor.isSymbol(")", at: 1) {
            cursor.index += 2
        } else {
            let first = try readGeneralExpression()
            if case .column(let column) = first { aggregated = column }
            columns = first.columns
            if !cursor.consumeSymbol(")") {
                // COUNT(DISTINCT a, b): the rest are columns of the expression too.
                if cursor.consumeSymbol(",") { aggregated = nil }
                columns += try readArguments()
            }
        }
        try skipWindow()
        if records { aggregates.append((function, aggregated)) }
        return .combining(columns)
    }

    /// A function's arguments up to its `)`, with the keywords some functions take
    /// (`CAST(x AS t)`, `TRIM(LEADING x FROM y)`, `GROUP_CONCAT(x ORDER BY y SEPARATOR ',')`).
    private mutating func readArguments() throws(ReadingStop) -> [RawColumn] {
        var columns: [RawColumn] = []
        while true {
            guard let token = cursor.peek() else { throw cursor.stoppedEarly() }
            if token.kind == .symbol {
                if token.isSymbol(")") {
                    cursor.advance()
                    return columns
                }
                if token.isSymbol(",") {
                    cursor.advance()
                    continue
                }
            }
            if token.kind == .word {
                switch token.keyword {
                case .distinct, .distinctrow, .all, .leading, .trailing, .both, .from, .`for`, .`in`, .separator,
                     .asc, .desc, .by, .order:
                    cursor.advance()
                    continue
                case .`as`:
                    try skipToClosingParenthesis()
                    return columns
                case .using:
                    cursor.index += 2
                    continue
                default:
                    break
                }
            }
            let before = cursor.index
            columns += try readGeneralExpression().columns
            if cursor.index == before { throw cursor.unexpected(expecting: "a function argument") }
        }
    }

    /// `OVER (...)` or `OVER name` after a window function.
    private mutating func skipWindow() throws(ReadingStop) {
        guard cursor.consumeKeyword(.over) else { return }
        if cursor.isSymbol("(") { try skipParenthesized() } else { cursor.advance() }
    }

    /// Skips a balanced `( ... )` at the cursor, refusing subqueries inside.
    mutating func skipParenthesized() throws(ReadingStop) {
        guard let close = cursor.matchingParenthesis(from: cursor.index) else { throw cursor.stoppedEarly() }
        for position in cursor.index..<close where cursor.tokens[position].isSymbol("(") {
            let saved = cursor.index
            cursor.index = position
            let opens = cursor.opensQuery()
            cursor.index = saved
            if opens { throw ReadingStop.unplaceable(UnplaceableReason.subquery(place)) }
        }
        cursor.index = close + 1
    }

    /// Skips to just after the `)` closing the current parenthesis (the cursor is inside it).
    mutating func skipToClosingParenthesis() throws(ReadingStop) {
        var depth = 0
        while let token = cursor.peek() {
            if token.isSymbol("(") {
                if cursor.opensQuery() { throw ReadingStop.unplaceable(UnplaceableReason.subquery(place)) }
                depth += 1
            } else if token.isSymbol(")") {
                if depth == 0 {
                    cursor.advance()
                    return
                }
                depth -= 1
            }
            cursor.advance()
        }
        throw cursor.stoppedEarly()
    }
}
