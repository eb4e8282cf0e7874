/// SELECT: the select list, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and locking reads.
extension StatementParser {
    static let selectModifiers: Set<SQLKeyword> = [
        .all, .distinct, .distinctrow, .highPriority, .straightJoin, .sqlSmallResult, .sqlBigResult,
        .sqlBufferResult, .sqlCache, .sqlNoCache, .sqlCalcFoundRows,
    ]

    /// Reads a whole SELECT; returns false when it names no table (`SELECT @@version`, `SELECT 1`).
    mutating func readSelect() throws(ReadingStop) -> Bool {
        try cursor.expectKeyword(.select, "")
        while let word = cursor.keyword, Self.selectModifiers.contains(word) { cursor.advance() }
        try readSelectList()
        try skipInto()
        guard cursor.consumeKeyword(.from) else {
            try readSelectTail()
            return false
        }
        place = "in FROM"
        try readTableReferences()
        try readSelectTail()
        return !sources.isEmpty
    }

    private mutating func readSelectList() throws(ReadingStop) {
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
    private mutating func skipInto() throws(ReadingStop) {
        guard cursor.consumeKeyword(.into) else { return }
        while let token = cursor.peek() {
            if let keyword = token.keyword, [SQLKeyword.from, .`where`, .group, .having, .order, .limit, .`for`, .lock, .union].contains(keyword) { return }
            cursor.advance()
        }
    }

    /// Everything after FROM's table references.
    private mutating func readSelectTail() throws(ReadingStop) {
        if cursor.consumeKeyword(.`where`) {
            place = "in WHERE"
            try readCondition(.whereClause)
        }
        if cursor.isKeyword(.group) && cursor.isKeyword(.by, at: 1) {
            cursor.index += 2
            place = "in GROUP BY"
            repeat {
                if let column = resolvingAlias(try readExpression()) { groupBy.append(column) }
                _ = cursor.consumeKeyword(.asc) || cursor.consumeKeyword(.desc)
            } while cursor.consumeSymbol(",")
            _ = cursor.consumeKeywords(.with, .rollup)
        }
        if cursor.consumeKeyword(.having) {
            place = "in HAVING"
            _ = try readGeneralExpression()
        }
        if cursor.consumeKeyword(.window) {
            repeat {
                cursor.advance()
                try cursor.expectKeyword(.`as`, "in WINDOW name AS (...)")
                guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` in WINDOW") }
                try skipParenthesized()
            } while cursor.consumeSymbol(",")
        }
        try readOrderBy()
        try readLimit()
        if cursor.consumeKeyword(.procedure) {
            cursor.advance()
            if cursor.isSymbol("(") { try skipParenthesized() }
        }
        try skipInto()
        try readLocking()
        if let word = cursor.keyword, [SQLKeyword.union, .except, .intersect, .minus].contains(word) {
            throw ReadingStop.unplaceable(UnplaceableReason.union)
        }
    }

    /// `FOR UPDATE [OF t] [NOWAIT | SKIP LOCKED | WAIT n]`, `FOR SHARE`, `LOCK IN SHARE MODE`.
    private mutating func readLocking() throws(ReadingStop) {
        while true {
            if cursor.consumeKeywords(.lock, .`in`, .share, .mode) {
                locksRows = true
            } else if cursor.isKeyword(.`for`) && (cursor.isKeyword(.update, at: 1) || cursor.isKeyword(.share, at: 1)) {
                cursor.index += 2
                locksRows = true
                if cursor.consumeKeyword(.of) {
                    repeat { _ = try readTableName() } while cursor.consumeSymbol(",")
                }
                if cursor.consumeKeyword(.nowait) || cursor.consumeKeywords(.skip, .locked) {
                } else if cursor.consumeKeyword(.wait) {
                    cursor.advance()
                }
            } else {
                return
            }
        }
    }
}
