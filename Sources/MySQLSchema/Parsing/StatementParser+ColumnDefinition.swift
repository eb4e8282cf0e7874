/// A column definition: name, data type, then attributes in any order.
extension StatementParser {
    /// Text types that `CHARACTER SET binary` turns into their binary counterparts.
    private static let binaryCounterparts: [String: String] = [
        "char": "binary", "varchar": "varbinary", "tinytext": "tinyblob", "text": "blob",
        "mediumtext": "mediumblob", "longtext": "longblob",
    ]

    /// The column and the constraints written on it (in the order written).
    mutating func parseColumnDefinition() throws(SyntaxError) -> (ColumnDefinition, [TableElement]) {
        let name = try identifier("a column definition, or a key or constraint definition")
        var type = try parseDataType(columnName: name.text)
        var column = Column(name: name.text, type: type.columnType)
        var inline: [TableElement] = []
        if type.isSerial {
            column.nullable = false
            column.autoIncrement = true
            inline.append(uniqueKey(on: name))
        }
        let expectation = "a column attribute, `,` or `)` in the definition of column `\(name.text)`"
        // FIRST and AFTER end a definition in ALTER TABLE; elsewhere the caller rejects them.
        while !atEnd && !atPunctuation(UInt8(ascii: ",")) && !atPunctuation(UInt8(ascii: ")")) && !at("FIRST") && !at("AFTER") {
            let token = current
            guard token.kind == .word else { throw failure(expected: expectation) }
            if accept("NOT") {
                if accept("NULL") {
                    column.nullable = false
                } else if accept("ENFORCED") {
                    markLastCheck(in: &inline, enforced: false)
                } else {
                    throw failure(expected: "NULL or ENFORCED after NOT")
                }
            } else if accept("NULL") {
                column.nullable = true
            } else if accept("DEFAULT") {
                column.defaultValue = try parseDefaultValue()
            } else if accept("COMMENT") {
                column.comment = try stringLiteral("a string after COMMENT")
            } else if accept("AUTO_INCREMENT") {
                column.autoIncrement = true
            } else if at("ON") && isWord(peek(), "UPDATE") {
                advance()
                advance()
                try parseTimestampFunction()
                column.onUpdateCurrentTimestamp = true
            } else if accept("CHARACTER") {
                try expect("SET", "SET after CHARACTER")
                column.characterSet = try charsetName("a character set name after CHARACTER SET")
            } else if accept("CHARSET") {
                column.characterSet = try charsetName("a character set name after CHARSET")
            } else if accept("COLLATE") {
                column.collation = try charsetName("a collation name after COLLATE")
            } else if accept("PRIMARY") {
                try expect("KEY", "KEY after PRIMARY")
                inline.append(.key(KeyDefinition(kind: .primary, name: nil, token: token, columns: [IndexColumn(name: name.text)], columnTokens: [name.token])))
            } else if accept("KEY") {
                inline.append(.key(KeyDefinition(kind: .primary, name: nil, token: token, columns: [IndexColumn(name: name.text)], columnTokens: [name.token])))
            } else if accept("UNIQUE") {
                _ = accept("KEY") || accept("INDEX")
                inline.append(uniqueKey(on: name, token: token))
            } else if accept("REFERENCES") {
                let (foreignKey, referencedToken) = try parseReferences(columns: [name.text], name: nil)
                inline.append(.foreignKey(ForeignKeyDefinition(foreignKey: foreignKey, token: token, columnTokens: [name.token], referencedTableToken: referencedToken)))
            } else if accept("CHECK") {
                inline.append(.check(try parseCheckBody(symbol: nil), token: token))
            } else if accept("CONSTRAINT") {
                var symbol: String?
                if isIdentifierToken(current) && !at("CHECK") { symbol = try identifier("a constraint name").text }
                try expect("CHECK", "CHECK after CONSTRAINT in a column definition")
                inline.append(.check(try parseCheckBody(symbol: symbol), token: token))
            } else if accept("GENERATED") {
                try expect("ALWAYS", "ALWAYS after GENERATED")
                try expect("AS", "AS after GENERATED ALWAYS")
                column.generated = try parseGeneratedExpression()
            } else if accept("AS") {
                column.generated = try parseGeneratedExpression()
            } else if accept("VIRTUAL") {
                column.generated?.stored = false
            } else if accept("STORED") || accept("PERSISTENT") {
                column.generated?.stored = true
            } else if accept("VISIBLE") {
                column.invisible = false
            } else if accept("INVISIBLE") {
                column.invisible = true
            } else if accept("COLUMN_FORMAT") || accept("STORAGE") {
                let valueExpectation = "a value after \(rawText(token).uppercased())"
                try skipOptionValue(valueExpectation)
            } else if accept("SRID") || accept("REF_SYSTEM_ID") {
                skipEquals()
                _ = try integer("a spatial reference system id")
            } else if accept("SERIAL") {
                try expect("DEFAULT", "DEFAULT VALUE after SERIAL")
                try expect("VALUE", "VALUE after SERIAL DEFAULT")
                column.nullable = false
                column.autoIncrement = true
                inline.append(uniqueKey(on: name, token: token))
            } else if accept("UNSIGNED") {
                type.unsigned = true
                column.type = type.columnType
            } else if accept("ZEROFILL") {
                type.zerofill = true
                type.unsigned = true
                column.type = type.columnType
            } else if accept("SIGNED") {
                // The default.
            } else if accept("BINARY") || accept("ASCII") || accept("UNICODE") || accept("BYTE") || accept("ENFORCED") {
                // BINARY: the binary collation of the column's character set; ASCII/UNICODE: latin1/ucs2.
            } else if accept("ENGINE_ATTRIBUTE") || accept("SECONDARY_ENGINE_ATTRIBUTE") {
                skipEquals()
                let valueExpectation = "a value after \(rawText(token).uppercased())"
                try skipOptionValue(valueExpectation)
            } else if accept("COMPRESSED") {
                if acceptPunctuation(UInt8(ascii: "=")) { try skipOptionValue("a compression method") }
            } else if accept("WITH") || accept("WITHOUT") {
                try expect("SYSTEM", "SYSTEM VERSIONING")
                try expect("VERSIONING", "VERSIONING after SYSTEM")
            } else {
                throw failure(expected: expectation)
            }
        }
        if let characterSet = column.characterSet, IdentifierKey.folded(characterSet) == "binary",
           let counterpart = Self.binaryCounterparts[column.type.name] {
            var converted = ColumnType(name: counterpart, length: column.type.length)
            if counterpart == "binary" && converted.length == nil { converted = ColumnType(name: counterpart, length: 1) }
            column.type = converted
            column.characterSet = nil
            column.collation = nil
        }
        if column.type.name == "longtext" && inline.contains(where: { isJSONValidCheck($0, column: name.text) }) {
            // MariaDB's JSON: an alias for LONGTEXT with CHECK (json_valid(column)).
            column.type = ColumnType(name: "json")
        }
        return (ColumnDefinition(column: column, nameToken: name.token), inline)
    }

    private func uniqueKey(on name: Name, token: Token? = nil) -> TableElement {
        .key(KeyDefinition(kind: .unique, name: nil, token: token ?? name.token, columns: [IndexColumn(name: name.text)], columnTokens: [name.token]))
    }

    private func markLastCheck(in elements: inout [TableElement], enforced: Bool) {
        guard let last = elements.indices.last, case .check(var check, let token) = elements[last] else { return }
        check.enforced = enforced
        elements[last] = .check(check, token: token)
    }

    /// `json_valid(column)` with the column quoted or not, in any case.
    private func isJSONValidCheck(_ element: TableElement, column: String) -> Bool {
        guard case .check(let check, _) = element else { return false }
        let compact = String(check.expression.unicodeScalars.filter { $0 != " " && $0 != "`" && $0 != "\"" && $0 != "\n" && $0 != "\t" })
        return IdentifierKey.folded(compact) == "json_valid(" + IdentifierKey.folded(column) + ")"
    }

    /// `(expression) [VIRTUAL | STORED | PERSISTENT]` after AS; the storage keyword is read by
    /// the attribute loop.
    private mutating func parseGeneratedExpression() throws(SyntaxError) -> GeneratedColumn {
        guard atPunctuation(UInt8(ascii: "(")) else { throw failure(expected: "`(` and the generated column's expression after AS") }
        return GeneratedColumn(expression: try parenthesizedText(), stored: false)
    }

    /// The value after DEFAULT, as written (string literals without quotes).
    mutating func parseDefaultValue() throws(SyntaxError) -> String {
        let start = index
        if atPunctuation(UInt8(ascii: "(")) {
            let (open, close) = try skipParenthesized()
            return rawText(fromToken: open, throughToken: close)
        }
        if let value = acceptStringLiteral() { return value }
        if atPunctuation(UInt8(ascii: "-")) || atPunctuation(UInt8(ascii: "+")) {
            advance()
            guard current.kind == .number else { throw failure(expected: "a number after the sign") }
            advance()
            return rawText(fromToken: start, throughToken: index - 1)
        }
        if current.kind == .number {
            advance()
            return rawText(tokens[start])
        }
        guard current.kind == .word else { throw failure(expected: "a default value after DEFAULT") }
        if accept("NULL") { return "NULL" }
        let word = current
        let length = word.end - word.start
        if length == 1, bytes[word.start] | 0x20 == UInt8(ascii: "x") || bytes[word.start] | 0x20 == UInt8(ascii: "b"),
           peek().kind == .string, peek().start == word.end {
            // X'0F' and b'0' literals keep their spelling.
            advance()
            advance()
            return rawText(fromToken: start, throughToken: index - 1)
        }
        if at("NEXT") && isWord(peek(), "VALUE") {
            // MariaDB: DEFAULT NEXT VALUE FOR sequence.
            advance()
            advance()
            try expect("FOR", "FOR after NEXT VALUE")
            _ = try qualifiedName("a sequence name")
            return rawText(fromToken: start, throughToken: index - 1)
        }
        advance()
        if atPunctuation(UInt8(ascii: "(")) {
            let (_, close) = try skipParenthesized()
            return rawText(fromToken: start, throughToken: close)
        }
        return rawText(word)
    }

    /// CURRENT_TIMESTAMP[(n)], NOW([n]), LOCALTIME[(n)], LOCALTIMESTAMP[(n)] after ON UPDATE.
    private mutating func parseTimestampFunction() throws(SyntaxError) {
        guard at("CURRENT_TIMESTAMP") || at("NOW") || at("LOCALTIME") || at("LOCALTIMESTAMP") else {
            throw failure(expected: "CURRENT_TIMESTAMP after ON UPDATE")
        }
        advance()
        if atPunctuation(UInt8(ascii: "(")) { try skipParenthesized() }
    }
}
