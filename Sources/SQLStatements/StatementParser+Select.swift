/// SELECT: the select list, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and locking reads.
extension StatementParser {
    static let selectModifiers: Set<String> = [
        "ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT",
        "SQL_BUFFER_RESULT", "SQL_CACHE", "SQL_NO_CACHE", "SQL_CALC_FOUND_ROWS",
    ]

    /// Reads a whole SELECT; returns false when it names no table (`SELECT @@version`, `SELECT 1`).
    func readSelect() throws(ReadingStop) -> Bool {
        try cursor.expectKeyword("SELECT", "")
        while let word = cursor.keyword, Self.selectModifiers.contains(word) { cursor.advance() }
        try readSelectList()
        try skipInto()
        guard cursor.consumeKeyword("FROM") else {
            try readSelectTail()
            return false
        }
        place = "in FROM"
        try readTableReferences()
        try readSelectTail()
        return !sources.isEmpty
    }

    private func readSelectList() throws(ReadingStop) {
        place = "in the select list"
        listsColumns = true
        recordsAggregates = true
        defer { recordsAggregates = false }
        repeat {
            let item = try readGeneralExpression()
            var plain: RawColumn?
            switch item {
            case .star:
                selectsAll = true
            case .column(let column):
                selected.append(column)
                plain = column
            case .value, .computed, .search, .row:
                break
            }
            if let alias = try readAlias() { selectAliases.append((alias, plain)) }
        } while cursor.consumeSymbol(",")
    }

    /// `INTO @a, @b`, `INTO OUTFILE 'f' ...`, `INTO DUMPFILE 'f'`: where the rows go, not what is read.
    private func skipInto() throws(ReadingStop) {
        guard cursor.consumeKeyword("INTO") else { return }
        while let token = cursor.peek() {
            if token.kind == .word, ["FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "FOR", "LOCK", "UNION"].contains(token.upper) { return }
            cursor.advance()
        }
    }

    /// Everything after FROM's table references.
    private func readSelectTail() throws(ReadingStop) {
        if cursor.consumeKeyword("WHERE") {
            place = "in WHERE"
            try readCondition(.whereClause)
        }
        if cursor.isKeyword("GROUP") && cursor.isKeyword("BY", at: 1) {
            cursor.index += 2
            place = "in GROUP BY"
            repeat {
                if case .column(let column) = try readExpression() { groupBy.append(column) }
                _ = cursor.consumeKeyword("ASC") || cursor.consumeKeyword("DESC")
            } while cursor.consumeSymbol(",")
            _ = cursor.consumeKeywords("WITH", "ROLLUP")
        }
        if cursor.consumeKeyword("HAVING") {
            place = "in HAVING"
            _ = try readGeneralExpression()
        }
        if cursor.consumeKeyword("WINDOW") {
            repeat {
                cursor.advance()
                try cursor.expectKeyword("AS", "in WINDOW name AS (...)")
                guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` in WINDOW") }
                try skipParenthesized()
            } while cursor.consumeSymbol(",")
        }
        try readOrderBy()
        try readLimit()
        if cursor.consumeKeyword("PROCEDURE") {
            cursor.advance()
            if cursor.isSymbol("(") { try skipParenthesized() }
        }
        try skipInto()
        try readLocking()
        if let word = cursor.keyword, ["UNION", "EXCEPT", "INTERSECT", "MINUS"].contains(word) {
            throw ReadingStop.unplaceable(UnplaceableReason.union)
        }
    }

    /// `FOR UPDATE [OF t] [NOWAIT | SKIP LOCKED | WAIT n]`, `FOR SHARE`, `LOCK IN SHARE MODE`.
    private func readLocking() throws(ReadingStop) {
        while true {
            if cursor.consumeKeywords("LOCK", "IN", "SHARE", "MODE") {
                locksRows = true
            } else if cursor.isKeyword("FOR") && (cursor.isKeyword("UPDATE", at: 1) || cursor.isKeyword("SHARE", at: 1)) {
                cursor.index += 2
                locksRows = true
                if cursor.consumeKeyword("OF") {
                    repeat { _ = try readTableName() } while cursor.consumeSymbol(",")
                }
                if cursor.consumeKeyword("NOWAIT") || cursor.consumeKeywords("SKIP", "LOCKED") {
                } else if cursor.consumeKeyword("WAIT") {
                    cursor.advance()
                }
            } else {
                return
            }
        }
    }
}
