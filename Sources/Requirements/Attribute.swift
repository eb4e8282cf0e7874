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

    public init(name: String, type: AttributeType, typicalSizeBytes: Int? = nil) {
        self.name = name
        self.type = type
        self.typicalSizeBytes = typicalSizeBytes
    }

    enum CodingKeys: String, CodingKey {
        case name, type
        case typicalSizeBytes = "typical_size_bytes"
    }
}
