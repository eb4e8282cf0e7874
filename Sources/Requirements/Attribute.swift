/// The kinds of value an attribute can hold, in the user's vocabulary rather than DynamoDB's.
public enum AttributeType: String, Codable, Sendable, CaseIterable {
    case string, number, boolean, date, datetime, binary, json, list, set

    /// Accepts the canonical names and the common synonyms people type.
    public init?(userText: String) {
        let text = userText.lowercased()
        if let exact = AttributeType(rawValue: text) {
            self = exact
            return
        }
        switch text {
        case "str", "text", "varchar", "char", "uuid", "enum": self = .string
        case "int", "integer", "bigint", "decimal", "float", "double", "num": self = .number
        case "bool": self = .boolean
        case "timestamp", "time": self = .datetime
        case "bytes", "blob": self = .binary
        case "map", "object", "document": self = .json
        case "array": self = .list
        default: return nil
        }
    }

    /// The accepted names, for error messages and help.
    public static var acceptedNames: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

/// One attribute of an entity, with the typical size the user estimated for it.
public struct Attribute: Codable, Sendable, Equatable {
    public var name: String
    public var type: AttributeType
    /// Typical value size in bytes, as the user estimated it; `nil` when they did not say.
    public var typicalSizeBytes: Int?
    /// Where the attribute comes from in the MySQL schema, when it was imported.
    public var source: SourceColumn?
    /// Why the column is not migrated to DynamoDB; `nil` when it is.
    public var excludedReason: String?
    /// Marked as holding sensitive data (personal data, secrets), so later stages can flag copies.
    public var isSensitive: Bool?
    /// How many distinct values the attribute takes (an enum's values, a flag's two), when the
    /// user said or the schema shows it; hot-partition figures for keys on it depend on it.
    public var distinctValues: Int?
    /// The busiest value's share of the items and traffic (the largest tenant's 30%), when the
    /// user stated it: hot-partition figures for keys on the attribute use it.
    public var busiestShare: Double?
    /// Stated shares of particular values (`open` is 5% of issues; `nil` value: items without
    /// one), which make a read selecting a minority value a sparse-index candidate.
    public var valueShares: [ValueShare]?

    public init(name: String, type: AttributeType, typicalSizeBytes: Int? = nil, source: SourceColumn? = nil,
                excludedReason: String? = nil, isSensitive: Bool? = nil) {
        self.name = name
        self.type = type
        self.typicalSizeBytes = typicalSizeBytes
        self.source = source
        self.excludedReason = excludedReason
        self.isSensitive = isSensitive
    }

    /// Whether the attribute moves to DynamoDB.
    public var isMigrated: Bool { excludedReason == nil }

    enum CodingKeys: String, CodingKey {
        case name, type, source
        case typicalSizeBytes = "typical_size_bytes"
        case excludedReason = "excluded_reason"
        case isSensitive = "sensitive"
        case distinctValues = "distinct_values"
        case busiestShare = "busiest_share"
        case valueShares = "value_shares"
    }
}

/// The MySQL column an attribute was imported from.
public struct SourceColumn: Codable, Sendable, Equatable {
    public var table: String
    public var column: String
    /// The column's type as MySQL declares it, such as `varchar(255)` or `int unsigned`.
    public var mysqlType: String
    /// The DynamoDB type the column maps to (docs/design-engine.md, "Types").
    public var dynamoDBType: DynamoDBType
    public var nullable: Bool

    public init(table: String, column: String, mysqlType: String, dynamoDBType: DynamoDBType, nullable: Bool) {
        self.table = table
        self.column = column
        self.mysqlType = mysqlType
        self.dynamoDBType = dynamoDBType
        self.nullable = nullable
    }

    enum CodingKeys: String, CodingKey {
        case table, column, nullable
        case mysqlType = "mysql_type"
        case dynamoDBType = "dynamodb_type"
    }
}
