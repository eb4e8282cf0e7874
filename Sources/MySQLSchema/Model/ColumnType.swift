import Requirements

/// A column's data type as MySQL means it, with its DynamoDB mapping and typical item size
/// (docs/design-engine.md).
public struct ColumnType: Sendable, Equatable, Codable {
    /// The lower-case base type with aliases resolved: `int`, `bigint`, `tinyint`, `decimal`,
    /// `double`, `varchar`, `enum`, `datetime`, `json`, `point`, ... An unknown type keeps its
    /// written name, lower-cased.
    public var name: String
    /// Display width of an integer type, length of a string or binary type, precision of DECIMAL
    /// (and of FLOAT(M,D)/DOUBLE(M,D)), fractional-second precision of TIME/DATETIME/TIMESTAMP,
    /// width of BIT; nil when not written and MySQL does not fill one in.
    public var length: Int?
    /// The scale of DECIMAL(p,s) and FLOAT(M,D)/DOUBLE(M,D).
    public var scale: Int?
    /// UNSIGNED (also implied by ZEROFILL and SERIAL).
    public var unsigned: Bool
    /// ZEROFILL.
    public var zerofill: Bool
    /// ENUM or SET members in order, unescaped.
    public var values: [String]
    /// The type as MySQL 8.0 writes it, lower-case: `int unsigned`, `tinyint(1)`, `varchar(255)`,
    /// `decimal(10,2)`, `enum('a','b')`, `datetime(6)`. Integer display widths are left out
    /// except TINYINT(1), as MySQL 8.0.19+ does; `length` still holds them.
    public var sqlText: String
    /// The DynamoDB attribute type the column maps to: number, string, string set, map, binary
    /// or boolean (docs/design-engine.md, "Types").
    public var dynamoDBType: DynamoDBType
    /// Typical size of one value in bytes, for item size estimates; nil when unknown (TEXT, BLOB,
    /// JSON, spatial types: the user has to say).
    public var typicalSizeBytes: Int?

    /// A type with `sqlText`, `dynamoDBType` and `typicalSizeBytes` derived from the rest.
    public init(
        name: String,
        length: Int? = nil,
        scale: Int? = nil,
        unsigned: Bool = false,
        zerofill: Bool = false,
        values: [String] = []
    ) {
        self.name = name
        self.length = length
        self.scale = scale
        self.unsigned = unsigned
        self.zerofill = zerofill
        self.values = values
        self.sqlText = ""
        self.dynamoDBType = .string
        self.typicalSizeBytes = nil
        let family = self.family
        self.sqlText = normalizedText(family: family)
        self.dynamoDBType = mappedDynamoDBType(family: family)
        self.typicalSizeBytes = mappedTypicalSize(family: family)
    }
}
