import Requirements

extension ColumnType {
    /// Types grouped by how they print, map and size; looked up once per type by name.
    enum Family {
        case integer, decimal, floatingPoint, bit, year
        case fixedString, variableString, text, enumeration, set
        case fixedBinary, variableBinary, blob
        case date, time, dateTime
        case json, spatial
        case uuid, inet4, inet6
        case unknown
    }

    static let families: [String: Family] = [
        "tinyint": .integer, "smallint": .integer, "mediumint": .integer, "int": .integer, "bigint": .integer,
        "decimal": .decimal, "float": .floatingPoint, "double": .floatingPoint, "bit": .bit, "year": .year,
        "char": .fixedString, "varchar": .variableString,
        "tinytext": .text, "text": .text, "mediumtext": .text, "longtext": .text,
        "enum": .enumeration, "set": .set,
        "binary": .fixedBinary, "varbinary": .variableBinary,
        "tinyblob": .blob, "blob": .blob, "mediumblob": .blob, "longblob": .blob,
        "date": .date, "time": .time, "datetime": .dateTime, "timestamp": .dateTime,
        "json": .json,
        "geometry": .spatial, "point": .spatial, "linestring": .spatial, "polygon": .spatial, "multipoint": .spatial,
        "multilinestring": .spatial, "multipolygon": .spatial, "geometrycollection": .spatial,
        "uuid": .uuid, "inet4": .inet4, "inet6": .inet6,
    ]

    /// The largest DECIMAL precision a DynamoDB number holds exactly.
    static let dynamoDBNumberDigits = 38
    /// MySQL's DECIMAL precision when none is written.
    static let defaultDecimalPrecision = 10

    var family: Family { Self.families[name] ?? .unknown }

    /// Whether CHARACTER SET and COLLATE apply to this type.
    var isCharacterType: Bool {
        switch family {
        case .fixedString, .variableString, .text, .enumeration, .set: return true
        default: return false
        }
    }

    /// The type text in MySQL 8.0's spelling.
    func normalizedText(family: Family) -> String {
        var text = name
        switch family {
        case .enumeration, .set:
            text += "(" + values.map(Self.quoted).joined(separator: ",") + ")"
        case .integer where !(name == "tinyint" && length == 1):
            // MySQL 8.0.19+ leaves integer display widths out (TINYINT(1) aside).
            break
        default:
            if let length {
                text += "(\(length)" + (scale.map { ",\($0)" } ?? "") + ")"
            }
        }
        if unsigned { text += " unsigned" }
        if zerofill { text += " zerofill" }
        return text
    }

    /// The DynamoDB type a value of this column becomes.
    func mappedDynamoDBType(family: Family) -> DynamoDBType {
        switch family {
        case .integer:
            return name == "tinyint" && length == 1 ? .boolean : .number
        case .floatingPoint, .bit, .year:
            return .number
        case .decimal:
            return (length ?? Self.defaultDecimalPrecision) > Self.dynamoDBNumberDigits ? .string : .number
        case .set:
            return .stringSet
        case .json:
            return .map
        case .fixedBinary, .variableBinary, .blob:
            return .binary
        case .fixedString, .variableString, .text, .enumeration, .date, .time, .dateTime, .spatial, .uuid, .inet4, .inet6, .unknown:
            // Strings, ENUM, dates and times (ISO-8601), spatial values (WKT), UUID/INET types
            // and any type this importer does not know.
            return .string
        }
    }

    /// A typical value size in bytes, or nil when the user has to say.
    func mappedTypicalSize(family: Family) -> Int? {
        switch family {
        case .integer:
            return name == "tinyint" && length == 1 ? 1 : 8
        case .floatingPoint, .bit, .year:
            return 8
        case .decimal:
            let precision = length ?? Self.defaultDecimalPrecision
            // Beyond 38 digits the value is a string: its digits, a sign and a decimal point.
            return precision > Self.dynamoDBNumberDigits ? precision + 2 : 8
        case .fixedString, .fixedBinary:
            return length ?? 1
        case .variableString, .variableBinary:
            // Expected fill: half the declared length, rounded up.
            return length.map { ($0 + 1) / 2 }
        case .enumeration:
            return values.map(\.utf8.count).max()
        case .set:
            return values.isEmpty ? nil : values.reduce(0) { $0 + $1.utf8.count }
        case .date:
            return 10
        case .time:
            return 8
        case .dateTime:
            return 25
        case .uuid:
            return 36
        case .inet4:
            return 15
        case .inet6:
            return 39
        case .text, .blob, .json, .spatial, .unknown:
            return nil
        }
    }

    /// A member as MySQL quotes it: in single quotes, quotes doubled, backslashes escaped.
    static func quoted(_ value: String) -> String {
        var text = "'"
        for character in value.unicodeScalars {
            switch character {
            case "'": text += "''"
            case "\\": text += "\\\\"
            default: text.unicodeScalars.append(character)
            }
        }
        return text + "'"
    }
}
