/// Data types: every MySQL and MariaDB spelling, resolved to MySQL's own names.
extension StatementParser {
    /// A data type being read; `columnType` derives the DynamoDB mapping from it.
    struct ParsedType {
        var name: String
        var length: Int?
        var scale: Int?
        var unsigned = false
        var zerofill = false
        var values: [String] = []
        /// SERIAL: BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE.
        var isSerial = false

        var columnType: ColumnType {
            ColumnType(name: name, length: length, scale: scale, unsigned: unsigned, zerofill: zerofill, values: values)
        }
    }

    /// How a type keyword reads its arguments.
    enum TypeKeyword {
        case integer(String)
        case serial, bool, decimal, float, float4, double, real, bit
        case char, nchar, national, varchar, binary, varbinary, long
        /// TEXT and BLOB types, which take an optional length.
        case sized(String)
        case enumeration, set
        /// TIME, DATETIME, TIMESTAMP: optional fractional-second precision; YEAR: optional width.
        case temporal(String)
        /// Types without arguments.
        case plain(String)
    }

    static let typeKeywords: [String: TypeKeyword] = [
        "TINYINT": .integer("tinyint"), "INT1": .integer("tinyint"),
        "SMALLINT": .integer("smallint"), "INT2": .integer("smallint"),
        "MEDIUMINT": .integer("mediumint"), "INT3": .integer("mediumint"), "MIDDLEINT": .integer("mediumint"),
        "INT": .integer("int"), "INTEGER": .integer("int"), "INT4": .integer("int"),
        "BIGINT": .integer("bigint"), "INT8": .integer("bigint"),
        "SERIAL": .serial, "BOOL": .bool, "BOOLEAN": .bool,
        "DECIMAL": .decimal, "DEC": .decimal, "NUMERIC": .decimal, "FIXED": .decimal, "NUMBER": .decimal,
        "FLOAT": .float, "FLOAT4": .float4, "FLOAT8": .double, "DOUBLE": .double, "REAL": .real,
        "BIT": .bit,
        "CHAR": .char, "CHARACTER": .char, "NCHAR": .nchar, "NATIONAL": .national,
        "VARCHAR": .varchar, "VARCHARACTER": .varchar, "NVARCHAR": .varchar, "VARCHAR2": .varchar,
        "BINARY": .binary, "VARBINARY": .varbinary, "LONG": .long,
        "TINYTEXT": .sized("tinytext"), "TEXT": .sized("text"), "MEDIUMTEXT": .sized("mediumtext"), "LONGTEXT": .sized("longtext"),
        "TINYBLOB": .sized("tinyblob"), "BLOB": .sized("blob"), "MEDIUMBLOB": .sized("mediumblob"), "LONGBLOB": .sized("longblob"),
        "ENUM": .enumeration, "SET": .set,
        "DATE": .plain("date"), "TIME": .temporal("time"), "DATETIME": .temporal("datetime"),
        "TIMESTAMP": .temporal("timestamp"), "YEAR": .temporal("year"),
        "JSON": .plain("json"),
        "GEOMETRY": .plain("geometry"), "POINT": .plain("point"), "LINESTRING": .plain("linestring"),
        "POLYGON": .plain("polygon"), "MULTIPOINT": .plain("multipoint"), "MULTILINESTRING": .plain("multilinestring"),
        "MULTIPOLYGON": .plain("multipolygon"), "GEOMETRYCOLLECTION": .plain("geometrycollection"),
        "GEOMCOLLECTION": .plain("geometrycollection"),
        "UUID": .plain("uuid"), "INET4": .plain("inet4"), "INET6": .plain("inet6"),
    ]

    /// Words that start column attributes, so they cannot be a (missing) type's name.
    private static let columnAttributeKeywords: [StaticString] = [
        "NOT", "NULL", "DEFAULT", "PRIMARY", "KEY", "UNIQUE", "COMMENT", "AUTO_INCREMENT", "REFERENCES", "CHECK",
        "CONSTRAINT", "GENERATED", "AS", "COLLATE", "CHARSET", "ON", "UNSIGNED", "ZEROFILL", "INDEX", "FOREIGN",
    ]

    /// The longest type keyword, so longer words skip the lookup.
    private static let longestTypeKeyword = 18

    /// The type keyword a word spells, ignoring case.
    func typeKeyword(_ token: Token) -> TypeKeyword? {
        let length = token.end - token.start
        guard length <= Self.longestTypeKeyword else { return nil }
        for index in token.start..<token.end where bytes[index] >= 0x80 { return nil }
        let upper = String(unsafeUninitializedCapacity: length) { buffer in
            for offset in 0..<length {
                let byte = bytes[token.start + offset]
                buffer[offset] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            }
            return length
        }
        return Self.typeKeywords[upper]
    }

    mutating func parseDataType(columnName: String) throws(SyntaxError) -> ParsedType {
        let token = current
        guard token.kind == .word else { throw failure(expected: "a data type for column `\(columnName)`") }
        advance()
        guard let keyword = typeKeyword(token) else { return try parseUnknownType(token, columnName: columnName) }
        var type: ParsedType
        switch keyword {
        case .integer(let name):
            type = ParsedType(name: name, length: try optionalLength())
        case .serial:
            return ParsedType(name: "bigint", unsigned: true, isSerial: true)
        case .bool:
            return ParsedType(name: "tinyint", length: 1)
        case .decimal:
            let (precision, scale) = try optionalPrecision()
            type = ParsedType(name: "decimal", length: precision ?? 10, scale: scale ?? 0)
        case .float:
            let (precision, scale) = try optionalPrecision()
            if let precision, scale == nil {
                // FLOAT(p): single precision up to 24 bits, double up to 53.
                if precision > 53 {
                    notes.append(ParserNote(token: token, message: "FLOAT(\(precision)) for column `\(columnName)`: the precision must be at most 53; read as DOUBLE"))
                }
                type = ParsedType(name: precision > 24 ? "double" : "float")
            } else {
                type = ParsedType(name: "float", length: precision, scale: scale)
            }
        case .float4:
            let (precision, scale) = try optionalPrecision()
            type = ParsedType(name: "float", length: precision, scale: scale)
        case .double, .real:
            if case .double = keyword { _ = accept("PRECISION") }
            let (precision, scale) = try optionalPrecision()
            type = ParsedType(name: "double", length: precision, scale: scale)
        case .bit:
            type = ParsedType(name: "bit", length: try optionalLength() ?? 1)
        case .char:
            if accept("VARYING") {
                return try requiredLength(ParsedType(name: "varchar"), token: token, columnName: columnName)
            }
            if accept("BYTE") { return ParsedType(name: "binary", length: try optionalLength() ?? 1) }
            let length = try optionalLength() ?? 1
            // CHAR(n) BYTE is BINARY(n).
            return ParsedType(name: accept("BYTE") ? "binary" : "char", length: length)
        case .nchar:
            if accept("VARYING") || accept("VARCHAR") {
                return try requiredLength(ParsedType(name: "varchar"), token: token, columnName: columnName)
            }
            return ParsedType(name: "char", length: try optionalLength() ?? 1)
        case .national:
            if accept("CHAR") || accept("CHARACTER") {
                if accept("VARYING") {
                    return try requiredLength(ParsedType(name: "varchar"), token: token, columnName: columnName)
                }
                return ParsedType(name: "char", length: try optionalLength() ?? 1)
            }
            if accept("VARCHAR") || accept("VARCHARACTER") {
                return try requiredLength(ParsedType(name: "varchar"), token: token, columnName: columnName)
            }
            throw failure(expected: "CHAR or VARCHAR after NATIONAL")
        case .varchar:
            return try requiredLength(ParsedType(name: "varchar"), token: token, columnName: columnName)
        case .binary:
            return ParsedType(name: "binary", length: try optionalLength() ?? 1)
        case .varbinary:
            return try requiredLength(ParsedType(name: "varbinary"), token: token, columnName: columnName)
        case .long:
            if accept("VARBINARY") { return ParsedType(name: "mediumblob") }
            if accept("CHAR") || accept("CHARACTER") { try expect("VARYING", "VARYING after LONG CHAR") }
            _ = accept("VARCHAR") || accept("VARCHARACTER")
            return ParsedType(name: "mediumtext")
        case .sized(let name):
            return ParsedType(name: name, length: try optionalLength())
        case .enumeration, .set:
            let name = if case .set = keyword { "set" } else { "enum" }
            return ParsedType(name: name, values: try parseValueList(typeName: name.uppercased()))
        case .temporal(let name):
            return ParsedType(name: name, length: try optionalLength())
        case .plain(let name):
            return ParsedType(name: name)
        }
        // Numeric modifiers.
        while true {
            if accept("UNSIGNED") {
                type.unsigned = true
            } else if accept("ZEROFILL") {
                type.zerofill = true
                type.unsigned = true
            } else if !accept("SIGNED") {
                break
            }
        }
        return type
    }

    /// `(n)` if present.
    private mutating func optionalLength() throws(SyntaxError) -> Int? {
        guard acceptPunctuation(UInt8(ascii: "(")) else { return nil }
        let value = try integer("a length")
        try expectPunctuation(UInt8(ascii: ")"), "`)` after the length")
        return value
    }

    /// `(p)` or `(p,s)` if present.
    private mutating func optionalPrecision() throws(SyntaxError) -> (Int?, Int?) {
        guard acceptPunctuation(UInt8(ascii: "(")) else { return (nil, nil) }
        let precision = try integer("a precision")
        var scale: Int?
        if acceptPunctuation(UInt8(ascii: ",")) { scale = try integer("a scale") }
        try expectPunctuation(UInt8(ascii: ")"), "`)` after the precision")
        return (precision, scale)
    }

    /// VARCHAR and VARBINARY need a length; without one the column is kept, with a note.
    private mutating func requiredLength(_ type: ParsedType, token: Token, columnName: String) throws(SyntaxError) -> ParsedType {
        var type = type
        type.length = try optionalLength()
        if type.length == nil {
            notes.append(ParserNote(token: token, message: "\(type.name.uppercased()) needs a length, as in \(type.name.uppercased())(255), for column `\(columnName)`; its typical size is unknown"))
        }
        return type
    }

    /// `('a','b',...)` of ENUM and SET.
    private mutating func parseValueList(typeName: String) throws(SyntaxError) -> [String] {
        try expectPunctuation(UInt8(ascii: "("), "`(` and the \(typeName) members")
        var values: [String] = []
        repeat {
            guard let value = acceptStringLiteral() else { throw failure(expected: "a quoted \(typeName) member") }
            values.append(value)
        } while acceptPunctuation(UInt8(ascii: ","))
        try expectPunctuation(UInt8(ascii: ")"), "`,` or `)` after the \(typeName) member")
        return values
    }

    /// A type this importer does not know: kept by name (read as a string), with a note.
    private mutating func parseUnknownType(_ token: Token, columnName: String) throws(SyntaxError) -> ParsedType {
        if Self.columnAttributeKeywords.contains(where: { isWord(token, $0) }) {
            throw SyntaxError(token: token, message: "expected a data type for column `\(columnName)`, found \(describe(token))")
        }
        var type = ParsedType(name: rawText(token).lowercased())
        if atPunctuation(UInt8(ascii: "(")) {
            if peek().kind == .number && isPunctuation(peek(2), UInt8(ascii: ")")) {
                type.length = try optionalLength()
            } else if peek().kind == .number && isPunctuation(peek(2), UInt8(ascii: ",")) && peek(3).kind == .number
                        && isPunctuation(peek(4), UInt8(ascii: ")")) {
                let (precision, scale) = try optionalPrecision()
                type.length = precision
                type.scale = scale
            } else {
                try skipParenthesized()
            }
        }
        notes.append(ParserNote(token: token, message: "unknown data type \(describe(token)) for column `\(columnName)`; it is read as a string (S) of unknown size"))
        return type
    }
}
