/// CREATE TABLE: the column and constraint list, table options, LIKE.
extension StatementParser {
    /// Table options that take a value (`NAME [=] value`) and that this import ignores.
    private static let ignoredTableOptions: [StaticString] = [
        "AUTO_INCREMENT", "AVG_ROW_LENGTH", "CHECKSUM", "TABLE_CHECKSUM", "COMPRESSION", "CONNECTION",
        "DELAY_KEY_WRITE", "ENCRYPTION", "INSERT_METHOD", "KEY_BLOCK_SIZE", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS",
        "PASSWORD", "ROW_FORMAT", "STATS_AUTO_RECALC", "STATS_PERSISTENT", "STATS_SAMPLE_PAGES", "SECONDARY_ENGINE",
        "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE", "AUTOEXTEND_SIZE", "PAGE_CHECKSUM", "PAGE_COMPRESSED",
        "PAGE_COMPRESSION_LEVEL", "TRANSACTIONAL", "ENCRYPTED", "ENCRYPTION_KEY_ID", "IETF_QUOTES", "SEQUENCE",
        "STORAGE",
    ]

    mutating func parseCreateTable(orReplace: Bool, temporary: Bool) throws(SyntaxError) -> Statement {
        let ifNotExists = acceptIfNotExists()
        let name = try qualifiedName("a table name after CREATE TABLE")
        if accept("LIKE") {
            let source = try qualifiedName("a table name after LIKE")
            try expectEnd()
            return .createTable(CreateTable(name: name, ifNotExists: ifNotExists, orReplace: orReplace, temporary: temporary, body: .like(source)))
        }
        if atPunctuation(UInt8(ascii: "(")), isWord(peek(), "LIKE") {
            advance()
            advance()
            let source = try qualifiedName("a table name after LIKE")
            try expectPunctuation(UInt8(ascii: ")"), "`)` after the table name")
            try expectEnd()
            return .createTable(CreateTable(name: name, ifNotExists: ifNotExists, orReplace: orReplace, temporary: temporary, body: .like(source)))
        }
        var elements: [TableElement] = []
        if atPunctuation(UInt8(ascii: "(")) && !isWord(peek(), "SELECT") && !isWord(peek(), "WITH") {
            advance()
            repeat {
                try parseTableElement(into: &elements)
            } while acceptPunctuation(UInt8(ascii: ","))
            guard acceptPunctuation(UInt8(ascii: ")")) else {
                throw failure(expected: "`,` or `)` after \(describeLastElement(elements))")
            }
        }
        var options = TableOptions()
        var selectToken: Token?
        while !atEnd {
            if acceptPunctuation(UInt8(ascii: ",")) { continue }
            if at("PARTITION") && isWord(peek(), "BY") {
                try skipRest()
                break
            }
            if at("SELECT") || at("AS") || at("IGNORE") || at("REPLACE") || atPunctuation(UInt8(ascii: "("))
                || (at("WITH") && !isWord(peek(), "SYSTEM")) || at("TABLE") || at("VALUES") {
                selectToken = current
                try skipRest()
                break
            }
            guard try parseTableOption(into: &options) else {
                throw failure(expected: elements.isEmpty
                    ? "`(` and the table's columns after the table name"
                    : "a table option (ENGINE=, DEFAULT CHARSET=, COMMENT=, ...) or the end of the statement")
            }
        }
        let definition = TableDefinition(elements: elements, options: options, selectToken: selectToken)
        return .createTable(CreateTable(name: name, ifNotExists: ifNotExists, orReplace: orReplace, temporary: temporary, body: .definition(definition)))
    }

    /// "the definition of column `x`", "the key definition", ... for error messages.
    private func describeLastElement(_ elements: [TableElement]) -> String {
        for element in elements.reversed() {
            if case .column(let definition) = element { return "the definition of column `\(definition.column.name)`" }
            break
        }
        return elements.isEmpty ? "`(`" : "the constraint definition"
    }

    /// One entry of the parenthesized list: a column (with its inline constraints after it) or a
    /// table-level key, foreign key or check.
    mutating func parseTableElement(into elements: inout [TableElement]) throws(SyntaxError) {
        if current.kind == .word {
            let start = current
            if accept("CONSTRAINT") {
                var symbol: String?
                if isIdentifierToken(current) && !at("PRIMARY") && !at("UNIQUE") && !at("FOREIGN") && !at("CHECK") {
                    symbol = try identifier("a constraint name").text
                }
                elements.append(try parseConstraint(symbol: symbol, start: start))
                return
            }
            if at("PRIMARY") || at("UNIQUE") || at("FOREIGN") || at("CHECK") {
                elements.append(try parseConstraint(symbol: nil, start: start))
                return
            }
            if accept("KEY") || accept("INDEX") {
                elements.append(.key(try parseKeyBody(kind: .plain, token: start, constraintName: nil)))
                return
            }
            if accept("FULLTEXT") || accept("SPATIAL") {
                let kind: KeyKind = isWord(start, "FULLTEXT") ? .fullText : .spatial
                _ = accept("KEY") || accept("INDEX")
                elements.append(.key(try parseKeyBody(kind: kind, token: start, constraintName: nil)))
                return
            }
            if at("PERIOD") && isWord(peek(), "FOR") {
                // MariaDB's application-time or system-time period: no columns of its own.
                try skipToElementEnd()
                return
            }
        }
        let (definition, inline) = try parseColumnDefinition()
        elements.append(.column(definition))
        elements.append(contentsOf: inline)
    }

    /// After `[CONSTRAINT [symbol]]`: PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK.
    mutating func parseConstraint(symbol: String?, start: Token) throws(SyntaxError) -> TableElement {
        let token = current
        if accept("PRIMARY") {
            try expect("KEY", "KEY after PRIMARY")
            return .key(try parseKeyBody(kind: .primary, token: token, constraintName: symbol))
        }
        if accept("UNIQUE") {
            _ = accept("KEY") || accept("INDEX")
            return .key(try parseKeyBody(kind: .unique, token: token, constraintName: symbol))
        }
        if accept("FOREIGN") {
            try expect("KEY", "KEY after FOREIGN")
            return .foreignKey(try parseForeignKeyBody(symbol: symbol, token: token))
        }
        if accept("CHECK") {
            return .check(try parseCheckBody(symbol: symbol), token: token)
        }
        throw failure(expected: "PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK after CONSTRAINT")
    }

    /// One table option; false (nothing consumed) when the current token does not start one.
    mutating func parseTableOption(into options: inout TableOptions) throws(SyntaxError) -> Bool {
        guard current.kind == .word else { return false }
        if accept("ENGINE") || accept("TYPE") {
            skipEquals()
            options.engine = current.kind == .string ? try stringLiteral("an engine name") : try identifier("an engine name after ENGINE").text
            return true
        }
        if accept("COMMENT") {
            skipEquals()
            options.comment = try stringLiteral("a string after COMMENT")
            return true
        }
        let hasDefault = accept("DEFAULT")
        if accept("CHARACTER") {
            try expect("SET", "SET after CHARACTER")
            skipEquals()
            _ = try charsetName("a character set name")
            return true
        }
        if accept("CHARSET") || accept("COLLATE") {
            skipEquals()
            _ = try charsetName("a character set or collation name")
            return true
        }
        if hasDefault { throw failure(expected: "CHARSET, CHARACTER SET or COLLATE after DEFAULT") }
        if accept("DATA") || accept("INDEX") {
            try expect("DIRECTORY", "DIRECTORY")
            skipEquals()
            _ = try stringLiteral("a directory string")
            return true
        }
        if accept("UNION") {
            skipEquals()
            guard atPunctuation(UInt8(ascii: "(")) else { throw failure(expected: "`(` and the tables after UNION =") }
            try skipParenthesized()
            return true
        }
        if accept("TABLESPACE") {
            _ = try identifier("a tablespace name")
            if accept("STORAGE") { try skipOptionValue("DISK or MEMORY after STORAGE") }
            return true
        }
        if accept("START") {
            try expect("TRANSACTION", "TRANSACTION after START")
            return true
        }
        if at("WITH") && isWord(peek(), "SYSTEM") {
            advance()
            advance()
            try expect("VERSIONING", "VERSIONING after WITH SYSTEM")
            return true
        }
        if Self.ignoredTableOptions.contains(where: at) {
            advance()
            skipEquals()
            try skipOptionValue("a value for the table option")
            return true
        }
        if isPunctuation(peek(), UInt8(ascii: "=")) {
            // An engine-defined option (MariaDB), e.g. TABLE_TYPE=CSV.
            advance()
            advance()
            try skipOptionValue("a value for the table option")
            return true
        }
        return false
    }
}
