/// Table references (FROM, the UPDATE target list, DELETE ... USING): tables with aliases,
/// joins with ON or USING, comma joins, nested parentheses; derived tables are refused.
extension StatementParser {
    /// Reads `t1 [AS] a JOIN t2 b ON ... , t3 ...` up to the next clause.
    mutating func readTableReferences() throws(ReadingStop) {
        repeat {
            try readTableFactor()
            try readJoins()
        } while cursor.consumeSymbol(",")
    }

    private mutating func readJoins() throws(ReadingStop) {
        while true {
            let start = cursor.index
            var natural = false
            if cursor.consumeKeyword(.natural) { natural = true }
            if cursor.consumeKeyword(.straightJoin) {
                // a join keyword by itself
            } else {
                if cursor.consumeKeyword(.left) || cursor.consumeKeyword(.right) || cursor.consumeKeyword(.full) {
                    _ = cursor.consumeKeyword(.outer)
                } else {
                    _ = cursor.consumeKeyword(.inner) || cursor.consumeKeyword(.cross)
                }
                guard cursor.consumeKeyword(.join) else {
                    cursor.index = start
                    return
                }
            }
            let before = sources.count
            try readTableFactor()
            // The joined source: the first one this factor added (a nested group may add more).
            let joined = before < sources.count ? before : sources.count - 1
            if natural { continue }
            if cursor.consumeKeyword(.on) {
                let saved = place
                place = "in an ON condition"
                try readCondition(.join(joined))
                place = saved
            } else if cursor.consumeKeyword(.using) {
                try cursor.expectSymbol("(", "after USING")
                repeat {
                    guard let name = cursor.peek(), name.isName else { throw cursor.unexpected(expecting: "a column in USING (...)") }
                    cursor.advance()
                    if joined > 0 {
                        let previous = sources[joined - 1]
                        let current = sources[joined]
                        joinPairs[joined].append((
                            RawColumn(qualifier: previous.alias ?? previous.table, column: name.text),
                            RawColumn(qualifier: current.alias ?? current.table, column: name.text)
                        ))
                    }
                } while cursor.consumeSymbol(",")
                try cursor.expectSymbol(")", "to close USING (")
            }
        }
    }

    /// One table (with alias, partitions and index hints) or a parenthesized group of joins.
    mutating func readTableFactor() throws(ReadingStop) {
        guard let token = cursor.peek() else { throw cursor.stoppedEarly() }
        if token.isSymbol("(") {
            if cursor.opensQuery() { throw ReadingStop.unplaceable(UnplaceableReason.derivedTable) }
            cursor.advance()
            try enterNesting()
            try readTableReferences()
            nesting -= 1
            try cursor.expectSymbol(")", "to close `(` in FROM")
            return
        }
        if token.isKeyword(.dual) {
            cursor.advance()
            return
        }
        if token.isKeyword(.lateral) { throw ReadingStop.unplaceable(UnplaceableReason.derivedTable) }
        if token.kind == .word && cursor.isSymbol("(", at: 1) {
            throw ReadingStop.unplaceable("a table function (\(token.text.uppercased())) is not followed")
        }
        let table = try readTableName()
        if cursor.consumeKeyword(.partition) {
            guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` after PARTITION") }
            try skipParenthesized()
        }
        let alias = try readAlias()
        try skipIndexHints()
        addSource(table, alias: alias)
    }

    /// `name` or `db.name` (the database is dropped).
    mutating func readTableName() throws(ReadingStop) -> String {
        guard let first = cursor.peek(), first.isName else { throw cursor.unexpected(expecting: "a table name") }
        if let keyword = first.keyword, Self.reservedInOperands.contains(keyword) {
            throw cursor.unexpected(expecting: "a table name")
        }
        cursor.advance()
        var name = first.text
        if cursor.isSymbol("."), let second = cursor.peek(1), second.isName {
            cursor.index += 2
            name = second.text
        }
        return name
    }

    /// `USE INDEX (a)`, `FORCE KEY FOR ORDER BY (b)`, `IGNORE INDEX (c), USE INDEX ()`.
    private mutating func skipIndexHints() throws(ReadingStop) {
        while let word = cursor.keyword, word == .use || word == .force || word == .ignore,
              cursor.isKeyword(.index, at: 1) || cursor.isKeyword(.key, at: 1) {
            cursor.index += 2
            if cursor.consumeKeyword(.`for`) {
                if !cursor.consumeKeyword(.join) {
                    _ = cursor.consumeKeywords(.order, .by) || cursor.consumeKeywords(.group, .by)
                }
            }
            guard cursor.isSymbol("(") else { throw cursor.unexpected(expecting: "`(` after an index hint") }
            try skipParenthesized()
            if cursor.isSymbol(","), let after = cursor.peek(1), after.isKeyword(.use) || after.isKeyword(.force) || after.isKeyword(.ignore) {
                cursor.advance()
            }
        }
    }
}
