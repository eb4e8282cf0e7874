import DesignEngine
import DynamoDBAPI
import Requirements

/// How a caller's value becomes the stored value a plan asks for: a boolean used as a key is
/// stored as the number 1 or 0, a number referenced by a string column as its text, and
/// concatenated keys join the text forms of their parts (`docs/design-engine.md`, "Plans").
public enum ValueConversion {
    /// The value as `type`; nil when it cannot be one.
    public static func convert(_ value: AttributeValue, to type: DynamoDBType) -> AttributeValue? {
        switch (type, value) {
        case (.string, .s), (.number, .n), (.binary, .b), (.boolean, .bool), (.map, .m), (.list, .l),
             (.stringSet, .ss), (.numberSet, .ns), (.binarySet, .bs):
            return value
        case (.number, .bool(let flag)): return .n(flag ? "1" : "0")
        case (.number, .s(let text)): return DynamoDBNumber(text) != nil ? .n(text) : nil
        case (.string, _): return text(of: value).map(AttributeValue.s)
        case (.binary, .s(let string)): return .b(Array(string.utf8))
        case (.boolean, .n(let number)): return .bool(DynamoDBNumber(number).map { $0 != .zero } ?? false)
        case (.list, _): return .l([value])
        default: return nil
        }
    }

    /// The text a value contributes to a concatenated key: strings as they are, numbers as their
    /// decimal text, booleans as `1`/`0` (the number a boolean key is stored as, so a key joined
    /// from a stored item and one joined from the caller's value agree), binary as base64.
    public static func text(of value: AttributeValue) -> String? {
        switch value {
        case .s(let string): return string
        case .n(let number): return number
        case .bool(let flag): return flag ? "1" : "0"
        case .b(let bytes): return Base64.encode(bytes)
        default: return nil
        }
    }
}
