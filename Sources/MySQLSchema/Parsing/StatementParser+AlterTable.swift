/// ALTER TABLE and its comma-separated alterations.
extension StatementParser {
    /// Alterations about partitions and maintenance, which run to the end of the statement
    /// (their own lists contain commas).
    private static let partitionOperations: [StaticString] = [
        "ANALYZE", "CHECK", "COALESCE", "EXCHANGE", "OPTIMIZE", "REBUILD", "REORGANIZE", "REPAIR", "TRUNCATE",
        "UPGRADE", "REMOVE", "PARTITION", "ORDER",
    ]

    mutating func parseAlterTable() throws(SyntaxError) -> Statement {
        let table = try qualifiedName("a table name after ALTER TABLE")
        var actions: [AlterAction] = []
        while !atEnd {
            if Self.partitionOperations.contains(where: at) && !(at("CHECK") && !isWord(peek(), "PARTITION")) {
                try skipRest()
                break
            }
            try parseAlteration(into: &actions)
            if !acceptPunctuation(UInt8(ascii: ",")) { break }
        }
        try expectEnd()
        return .alterTable(table: table, actions: actions)
    }

    private mutating func parseAlteration(into actions: inout [AlterAction]) throws(SyntaxError) {
        if accept("ADD") {
            try parseAdd(into: &actions)
        } else if accept("DROP") {
            actions.append(try parseDropAlteration())
        } else if accept("MODIFY") {
            _ = accept("COLUMN")
            let ifExists = acceptIfExists()
            let (definition, inline) = try parseColumnDefinition()
            actions.append(.modifyColumn(definition, inline: inline, placement: try parsePlacement(), ifExists: ifExists))
        } else if accept("CHANGE") {
            _ = accept("COLUMN")
            let ifExists = acceptIfExists()
            let old = try identifier("the name of the column to change")
            let (definition, inline) = try parseColumnDefinition()
            actions.append(.changeColumn(old: old, definition, inline: inline, placement: try parsePlacement(), ifExists: ifExists))
        } else if accept("ALTER") {
            actions.append(contentsOf: try parseAlterAlteration())
        } else if accept("RENAME") {
            actions.append(try parseRenameAlteration())
        } else if accept("CONVERT") {
            try expect("TO", "TO after CONVERT")
            if accept("CHARACTER") {
                try expect("SET", "SET after CHARACTER")
            } else {
                try expect("CHARSET", "CHARACTER SET after CONVERT TO")
            }
            let characterSet = try charsetName("a character set name")
            var collation: String?
            if accept("COLLATE") { collation = try charsetName("a collation name") }
            actions.append(.convertCharacterSet(characterSet, collation: collation))
        } else if accept("ALGORITHM") || accept("LOCK") {
            skipEquals()
            try skipOptionValue("a value after ALGORITHM or LOCK")
        } else if accept("ENABLE") || accept("DISABLE") {
            try expect("KEYS", "KEYS")
        } else if accept("DISCARD") || accept("IMPORT") {
            try skipToElementEnd()
        } else if accept("WITH") || accept("WITHOUT") {
            if !accept("VALIDATION") {
                try expect("SYSTEM", "VALIDATION or SYSTEM VERSIONING")
                try expect("VERSIONING", "VERSIONING after SYSTEM")
            }
        } else if accept("FORCE") {
            // Rebuilds the table; nothing changes.
        } else {
            var options = TableOptions()
            guard try parseTableOption(into: &options) else {
                throw failure(expected: "an alteration such as ADD, DROP, MODIFY, CHANGE, ALTER, RENAME or a table option")
            }
            while try parseTableOption(into: &options) {}
            actions.append(.options(options))
        }
    }

    /// After ADD: a column, a parenthesized list of columns, or a key or constraint.
    private mutating func parseAdd(into actions: inout [AlterAction]) throws(SyntaxError) {
        let explicitColumn = accept("COLUMN")
        let ifNotExists = acceptIfNotExists()
        if atPunctuation(UInt8(ascii: "(")) {
            advance()
            var elements: [TableElement] = []
            repeat {
                try parseTableElement(into: &elements)
            } while acceptPunctuation(UInt8(ascii: ","))
            try expectPunctuation(UInt8(ascii: ")"), "`,` or `)` after the column definition")
            var pending: (ColumnDefinition, [TableElement])?
            for element in elements {
                if case .column(let definition) = element {
                    if let (column, inline) = pending {
                        actions.append(.addColumn(column, inline: inline, placement: nil, ifNotExists: ifNotExists))
                    }
                    pending = (definition, [])
                } else if pending != nil {
                    pending?.1.append(element)
                } else {
                    actions.append(.addElement(element, ifNotExists: ifNotExists))
                }
            }
            if let (column, inline) = pending {
                actions.append(.addColumn(column, inline: inline, placement: nil, ifNotExists: ifNotExists))
            }
            return
        }
        if !explicitColumn {
            if at("PARTITION") {
                try skipToElementEnd()
                return
            }
            if at("PERIOD") && isWord(peek(), "FOR") {
                try skipToElementEnd()
                return
            }
            if at("SYSTEM") && isWord(peek(), "VERSIONING") {
                advance()
                advance()
                return
            }
            if at("INDEX") || at("KEY") || at("UNIQUE") || at("FULLTEXT") || at("SPATIAL") || at("PRIMARY")
                || at("FOREIGN") || at("CONSTRAINT") || at("CHECK") {
                var elements: [TableElement] = []
                try parseTableElement(into: &elements)
                for element in elements { actions.append(.addElement(element, ifNotExists: ifNotExists)) }
                return
            }
        }
        let (definition, inline) = try parseColumnDefinition()
        actions.append(.addColumn(definition, inline: inline, placement: try parsePlacement(), ifNotExists: ifNotExists))
    }

    /// After DROP.
    private mutating func parseDropAlteration() throws(SyntaxError) -> AlterAction {
        let token = current
        if accept("COLUMN") {
            let ifExists = acceptIfExists()
            return .dropColumn(try identifier("a column name after DROP COLUMN"), ifExists: ifExists)
        }
        if accept("INDEX") || accept("KEY") {
            let ifExists = acceptIfExists()
            return .dropIndex(try identifier("an index name after DROP INDEX"), ifExists: ifExists)
        }
        if accept("PRIMARY") {
            try expect("KEY", "KEY after DROP PRIMARY")
            return .dropPrimaryKey(token)
        }
        if accept("FOREIGN") {
            try expect("KEY", "KEY after DROP FOREIGN")
            let ifExists = acceptIfExists()
            return .dropForeignKey(try identifier("a foreign key name after DROP FOREIGN KEY"), ifExists: ifExists)
        }
        if accept("CHECK") {
            let ifExists = acceptIfExists()
            return .dropCheck(try identifier("a check constraint name after DROP CHECK"), ifExists: ifExists)
        }
        if accept("CONSTRAINT") {
            let ifExists = acceptIfExists()
            return .dropConstraint(try identifier("a constraint name after DROP CONSTRAINT"), ifExists: ifExists)
        }
        if at("PARTITION") || at("PERIOD") || (at("SYSTEM") && isWord(peek(), "VERSIONING")) {
            try skipToElementEnd()
            return .options(TableOptions())
        }
        let ifExists = acceptIfExists()
        return .dropColumn(try identifier("a column, INDEX, PRIMARY KEY, FOREIGN KEY or CHECK after DROP"), ifExists: ifExists)
    }

    /// After ALTER (inside ALTER TABLE): a column's default or visibility, an index's
    /// visibility, a check's enforcement.
    private mutating func parseAlterAlteration() throws(SyntaxError) -> [AlterAction] {
        if accept("INDEX") || accept("KEY") {
            _ = try identifier("an index name")
            try parseIndexOptions()
            return []
        }
        if accept("CHECK") || accept("CONSTRAINT") {
            let name = try identifier("a constraint name")
            if accept("NOT") {
                try expect("ENFORCED", "ENFORCED after NOT")
                return [.setCheckEnforced(name, false)]
            }
            try expect("ENFORCED", "ENFORCED or NOT ENFORCED")
            return [.setCheckEnforced(name, true)]
        }
        _ = accept("COLUMN")
        _ = acceptIfExists()
        let name = try identifier("a column name after ALTER COLUMN")
        if accept("SET") {
            if accept("DEFAULT") { return [.setDefault(name, try parseDefaultValue())] }
            if accept("VISIBLE") { return [.setVisibility(name, invisible: false)] }
            if accept("INVISIBLE") { return [.setVisibility(name, invisible: true)] }
            throw failure(expected: "DEFAULT, VISIBLE or INVISIBLE after SET")
        }
        if accept("DROP") {
            try expect("DEFAULT", "DEFAULT after DROP")
            return [.setDefault(name, nil)]
        }
        throw failure(expected: "SET DEFAULT, DROP DEFAULT or SET VISIBLE after the column name")
    }

    /// After RENAME (inside ALTER TABLE).
    private mutating func parseRenameAlteration() throws(SyntaxError) -> AlterAction {
        if accept("COLUMN") {
            let old = try identifier("a column name after RENAME COLUMN")
            try expect("TO", "TO and the new column name")
            return .renameColumn(old, to: try identifier("the new column name after TO"))
        }
        if accept("INDEX") || accept("KEY") {
            let old = try identifier("an index name after RENAME INDEX")
            try expect("TO", "TO and the new index name")
            return .renameIndex(old, to: try identifier("the new index name after TO"))
        }
        _ = accept("TO") || accept("AS")
        return .renameTable(try qualifiedName("the new table name after RENAME"))
    }

    /// `FIRST` or `AFTER column`, if present.
    private mutating func parsePlacement() throws(SyntaxError) -> ColumnPlacement? {
        if accept("FIRST") { return .first }
        if accept("AFTER") { return .after(try identifier("a column name after AFTER")) }
        return nil
    }
}
