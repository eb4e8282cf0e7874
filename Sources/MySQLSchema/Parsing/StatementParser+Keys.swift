/// Keys, foreign keys and CHECK constraints.
extension StatementParser {
    /// After PRIMARY KEY, UNIQUE [KEY], KEY/INDEX, FULLTEXT or SPATIAL:
    /// `[IF NOT EXISTS] [name] [USING type] (key_part, ...) [index_option ...]`.
    mutating func parseKeyBody(kind: KeyKind, token: Token, constraintName: String?) throws(SyntaxError) -> KeyDefinition {
        _ = acceptIfNotExists()
        var name: String?
        if isIdentifierToken(current) && !at("USING") && !at("TYPE") {
            name = try identifier("a key name").text
        }
        if kind == .primary {
            name = nil
        } else if name == nil {
            name = constraintName
        }
        try skipIndexType()
        let (columns, columnTokens) = try parseKeyParts()
        try parseIndexOptions()
        return KeyDefinition(kind: kind, name: name, token: token, columns: columns, columnTokens: columnTokens)
    }

    /// `USING BTREE|HASH|RTREE` (or the old `TYPE ...`), if present.
    mutating func skipIndexType() throws(SyntaxError) {
        if accept("USING") || accept("TYPE") {
            try skipOptionValue("BTREE, HASH or RTREE")
        }
    }

    /// `(col [(length)] [ASC|DESC], (expression) [ASC|DESC], ...)`.
    mutating func parseKeyParts() throws(SyntaxError) -> ([IndexColumn], [Token]) {
        try expectPunctuation(UInt8(ascii: "("), "`(` and the key's columns")
        var columns: [IndexColumn] = []
        var tokens: [Token] = []
        repeat {
            var part: IndexColumn
            if atPunctuation(UInt8(ascii: "(")) {
                let (open, close) = try skipParenthesized()
                tokens.append(self.tokens[open])
                part = IndexColumn(name: rawText(fromToken: open, throughToken: close), isExpression: true)
            } else {
                let name = try identifier("a column name in the key")
                tokens.append(name.token)
                part = IndexColumn(name: name.text)
                if acceptPunctuation(UInt8(ascii: "(")) {
                    part.prefixLength = try integer("a prefix length")
                    try expectPunctuation(UInt8(ascii: ")"), "`)` after the prefix length")
                }
            }
            if accept("DESC") {
                part.descending = true
            } else {
                _ = accept("ASC")
            }
            columns.append(part)
        } while acceptPunctuation(UInt8(ascii: ","))
        try expectPunctuation(UInt8(ascii: ")"), "`,` or `)` after the key's column")
        return (columns, tokens)
    }

    /// Index options, read and ignored: KEY_BLOCK_SIZE, USING, COMMENT, VISIBLE, WITH PARSER, ...
    mutating func parseIndexOptions() throws(SyntaxError) {
        while true {
            if accept("USING") || accept("TYPE") {
                try skipOptionValue("BTREE, HASH or RTREE")
            } else if accept("KEY_BLOCK_SIZE") || accept("ENGINE_ATTRIBUTE") || accept("SECONDARY_ENGINE_ATTRIBUTE")
                        || accept("CLUSTERING") {
                skipEquals()
                try skipOptionValue("a value for the index option")
            } else if accept("COMMENT") {
                _ = try stringLiteral("a string after COMMENT")
            } else if accept("WITH") {
                try expect("PARSER", "PARSER after WITH")
                _ = try identifier("a parser name")
            } else if accept("NOT") {
                try expect("IGNORED", "IGNORED after NOT")
            } else if !(accept("VISIBLE") || accept("INVISIBLE") || accept("IGNORED")) {
                return
            }
        }
    }

    /// After FOREIGN KEY: `[IF NOT EXISTS] [index_name] (col, ...) REFERENCES ...`.
    mutating func parseForeignKeyBody(symbol: String?, token: Token) throws(SyntaxError) -> ForeignKeyDefinition {
        _ = acceptIfNotExists()
        var indexName: String?
        if isIdentifierToken(current) { indexName = try identifier("a foreign key name").text }
        try expectPunctuation(UInt8(ascii: "("), "`(` and the foreign key's columns")
        var columns: [String] = []
        var columnTokens: [Token] = []
        repeat {
            let name = try identifier("a column name in the foreign key")
            columns.append(name.text)
            columnTokens.append(name.token)
        } while acceptPunctuation(UInt8(ascii: ","))
        try expectPunctuation(UInt8(ascii: ")"), "`,` or `)` after the foreign key's column")
        try expect("REFERENCES", "REFERENCES after the foreign key's columns")
        let (foreignKey, referencedToken) = try parseReferences(columns: columns, name: symbol ?? indexName)
        return ForeignKeyDefinition(foreignKey: foreignKey, token: token, columnTokens: columnTokens, referencedTableToken: referencedToken)
    }

    /// After REFERENCES: `table [(col, ...)] [MATCH ...] [ON DELETE action] [ON UPDATE action]`.
    mutating func parseReferences(columns: [String], name: String?) throws(SyntaxError) -> (ForeignKey, Token) {
        let table = try qualifiedName("the referenced table's name after REFERENCES")
        var referenced: [String] = []
        if acceptPunctuation(UInt8(ascii: "(")) {
            repeat {
                referenced.append(try identifier("a referenced column name").text)
                if acceptPunctuation(UInt8(ascii: "(")) {
                    _ = try integer("a prefix length")
                    try expectPunctuation(UInt8(ascii: ")"), "`)` after the prefix length")
                }
                _ = accept("ASC") || accept("DESC")
            } while acceptPunctuation(UInt8(ascii: ","))
            try expectPunctuation(UInt8(ascii: ")"), "`,` or `)` after the referenced column")
        }
        var foreignKey = ForeignKey(name: name, columns: columns, referencedTable: table.name.text, referencedColumns: referenced)
        if accept("MATCH") { try skipOptionValue("FULL, PARTIAL or SIMPLE after MATCH") }
        while at("ON") && (isWord(peek(), "DELETE") || isWord(peek(), "UPDATE")) {
            advance()
            let isDelete = at("DELETE")
            advance()
            let action = try parseReferentialAction()
            if isDelete {
                foreignKey.onDelete = action
            } else {
                foreignKey.onUpdate = action
            }
        }
        return (foreignKey, table.name.token)
    }

    private mutating func parseReferentialAction() throws(SyntaxError) -> ReferentialAction {
        if accept("RESTRICT") { return .restrict }
        if accept("CASCADE") { return .cascade }
        if accept("SET", "NULL") { return .setNull }
        if accept("SET", "DEFAULT") { return .setDefault }
        if accept("NO", "ACTION") { return .noAction }
        throw failure(expected: "RESTRICT, CASCADE, SET NULL, SET DEFAULT or NO ACTION")
    }

    /// After CHECK: `(expression) [[NOT] ENFORCED]`.
    mutating func parseCheckBody(symbol: String?) throws(SyntaxError) -> CheckConstraint {
        guard atPunctuation(UInt8(ascii: "(")) else { throw failure(expected: "`(` and the check's expression after CHECK") }
        var check = CheckConstraint(name: symbol, expression: try parenthesizedText())
        if accept("NOT", "ENFORCED") {
            check.enforced = false
        } else {
            _ = accept("ENFORCED")
        }
        return check
    }
}
