/// INSERT, REPLACE, UPDATE and DELETE.
extension StatementParser {
    /// `INSERT [modifiers] [INTO] t [(cols)] VALUES (...), (...) [AS alias] [ON DUPLICATE KEY UPDATE ...]`,
    /// `INSERT ... SET a = ?`; `INSERT ... SELECT` is refused. REPLACE reads the same way.
    mutating func readInsert() throws(ReadingStop) {
        cursor.advance()
        while let word = cursor.keyword, [SQLKeyword.lowPriority, .delayed, .highPriority, .ignore].contains(word) { cursor.advance() }
        _ = cursor.consumeKeyword(.into)
        let table = try readTableName()
        addSource(table, alias: nil)
        if cursor.consumeKeyword(.partition) {
            guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` after PARTITION") }
            try skipParenthesized()
        }
        if cursor.isSymbol("(") && !cursor.opensQuery() {
            cursor.advance()
            listsColumns = true
            if !cursor.isSymbol(")") {
                repeat {
                    guard case .column(let column) = try readExpression() else {
                        throw cursor.unexpected(expecting: "a column name in the INSERT column list")
                    }
                    selected.append(column)
                } while cursor.consumeSymbol(",")
            }
            try cursor.expectSymbol(")", "to close the column list")
        }
        if cursor.isSymbol("(") { throw ReadingStop.unplaceable(UnplaceableReason.insertSelect) }
        guard let word = cursor.keyword else {
            throw cursor.atEnd ? cursor.stoppedEarly() : cursor.unexpected(expecting: "VALUES, SET or SELECT")
        }
        switch word {
        case .values, .value:
            cursor.advance()
            place = "in VALUES"
            repeat {
                _ = cursor.consumeKeyword(.row)
                guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` with a row of values") }
                cursor.advance()
                if !cursor.isSymbol(")") {
                    repeat { _ = try readGeneralExpression() } while cursor.consumeSymbol(",")
                }
                try cursor.expectSymbol(")", "to close a row of values")
            } while cursor.consumeSymbol(",")
        case .`set`:
            cursor.advance()
            listsColumns = true
            selected += try readAssignments()
        case .select, .with, .table:
            throw ReadingStop.unplaceable(UnplaceableReason.insertSelect)
        default:
            throw cursor.unexpected(expecting: "VALUES, SET or SELECT")
        }
        if cursor.consumeKeyword(.`as`) {
            cursor.advance()
            if cursor.isSymbol("(") { try skipParenthesized() }
        }
        if cursor.consumeKeywords(.on, .duplicate, .key, .update) {
            upserts = true
            _ = try readAssignments()
        }
        try skipReturning()
    }

    /// `col = expr, t.col = expr, ...` (SET lists, ON DUPLICATE KEY UPDATE): the columns set.
    mutating func readAssignments() throws(ReadingStop) -> [RawColumn] {
        place = "in SET"
        var columns: [RawColumn] = []
        repeat {
            guard case .column(let column) = try readExpression() else {
                throw cursor.unexpected(expecting: "a column to set")
            }
            guard cursor.consumeSymbol("=") || cursor.consumeSymbol(":=") else {
                throw cursor.unexpected(expecting: "`=` after the column to set")
            }
            _ = try readGeneralExpression()
            columns.append(column)
        } while cursor.consumeSymbol(",")
        return columns
    }

    /// `UPDATE [LOW_PRIORITY] [IGNORE] refs SET ... [WHERE] [ORDER BY] [LIMIT]`.
    mutating func readUpdate() throws(ReadingStop) {
        cursor.advance()
        while let word = cursor.keyword, word == .lowPriority || word == .ignore { cursor.advance() }
        place = "in the UPDATE table list"
        try readTableReferences()
        try cursor.expectKeyword(.`set`, "after the tables of UPDATE")
        listsColumns = true
        selected += try readAssignments()
        try readWhereOrderLimit()
    }

    /// `DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t [WHERE] [ORDER BY] [LIMIT]` and the
    /// multi-table forms `DELETE t1 FROM t1 JOIN t2 ...` and `DELETE FROM t1 USING t1 JOIN t2 ...`,
    /// whose main table is the first table deleted from.
    mutating func readDelete() throws(ReadingStop) {
        cursor.advance()
        while let word = cursor.keyword, [SQLKeyword.lowPriority, .quick, .ignore].contains(word) { cursor.advance() }
        place = "in the DELETE table list"
        var target: String?
        if cursor.consumeKeyword(.from) {
            let start = cursor.index
            let targets = try readTargetList()
            if cursor.consumeKeyword(.using) {
                target = targets
                try readTableReferences()
            } else {
                cursor.index = start
                try readTableReferences()
            }
        } else {
            target = try readTargetList()
            try cursor.expectKeyword(.from, "after the tables DELETE deletes from")
            try readTableReferences()
        }
        if let target, let index = NameResolver(sources: sources).source(of: RawColumn(qualifier: target, column: "")), index > 0 {
            // The table deleted from comes first; each join keeps its pairs, oriented again at the end.
            sources.swapAt(0, index)
        }
        try readWhereOrderLimit()
    }

    /// The targets of a multi-table DELETE (`t1, t2.*`): the first is returned; the rows deleted
    /// are those of tables named again in FROM or USING, where the reader learns them.
    private mutating func readTargetList() throws(ReadingStop) -> String? {
        var first: String?
        repeat {
            let name = try readTableName()
            if first == nil { first = name }
            if cursor.isSymbol(".") && cursor.isSymbol("*", at: 1) { cursor.index += 2 }
        } while cursor.consumeSymbol(",")
        return first
    }

    private mutating func readWhereOrderLimit() throws(ReadingStop) {
        if cursor.consumeKeyword(.`where`) {
            place = "in WHERE"
            try readCondition(.whereClause)
        }
        try readOrderBy()
        try readLimit()
        try skipReturning()
    }

    /// MariaDB's `RETURNING expr, ...`: what comes back, not what is read.
    private mutating func skipReturning() throws(ReadingStop) {
        guard cursor.consumeKeyword(.returning) else { return }
        place = "in RETURNING"
        repeat {
            _ = try readGeneralExpression()
            _ = try readAlias()
        } while cursor.consumeSymbol(",")
    }
}
