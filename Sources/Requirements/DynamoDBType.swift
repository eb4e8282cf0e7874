/// The type of a stored DynamoDB attribute value.
public enum DynamoDBType: String, Sendable, CaseIterable, Codable, Hashable {
    case string = "S"
    case number = "N"
    case binary = "B"
    case boolean = "BOOL"
    case map = "M"
    case list = "L"
    case stringSet = "SS"
    case numberSet = "NS"
    case binarySet = "BS"

    /// Whether DynamoDB accepts the type for a key attribute (S, N or B only).
    public var isKeyType: Bool { self == .string || self == .number || self == .binary }

    /// Whether a value of this type can be part of a key at all: the key types, and booleans
    /// (stored as 1 or 0). Documents, lists and sets cannot.
    public var hasKeyForm: Bool { isKeyType || self == .boolean }

    /// The type a key attribute gets when the attribute itself is of this type: booleans are
    /// stored as numbers (1 or 0) and documents as strings, since keys take S, N or B only.
    public var keyType: DynamoDBType {
        switch self {
        case .number, .boolean: return .number
        case .binary: return .binary
        default: return .string
        }
    }
}
