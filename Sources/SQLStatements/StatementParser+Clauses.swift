/// Small clauses several statements share: aliases, LIMIT, ORDER BY.
extension StatementParser {
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
            if let column = resolvingAlias(term) { orderBy.append((column, descending)) }
        } while cursor.consumeSymbol(",")
        _ = cursor.consumeKeywords(.with, .rollup)
    }

    /// The column an ORDER BY or GROUP BY term names: a plain column, or the column behind a
    /// select-list alias (`SELECT a AS x ... ORDER BY x`); nil for an expression or the alias of one.
    func resolvingAlias(_ term: Operand) -> RawColumn? {
        guard case .column(let column) = term else { return nil }
        if column.qualifier == nil, let alias = selectAliases.first(where: { $0.0.lowercased() == column.column.lowercased() }) {
            return alias.1
        }
        return column
    }
}
