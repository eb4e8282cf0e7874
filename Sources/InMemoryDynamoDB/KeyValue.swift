import DynamoDBAPI

/// A key attribute's value in the form storage orders and hashes: strings and binaries by their
/// bytes, numbers exactly (so `"1"` and `"1.0"` are one key, as in DynamoDB).
enum KeyValue: Hashable, Comparable {
    case s([UInt8])
    case n(DynamoDBNumber)
    case b([UInt8])

    init?(_ value: AttributeValue) {
        switch value {
        case .s(let text): self = .s(Array(text.utf8))
        case .n(let text):
            guard let number = DynamoDBNumber(text) else { return nil }
            self = .n(number)
        case .b(let bytes): self = .b(bytes)
        default: return nil
        }
    }

    static func < (lhs: KeyValue, rhs: KeyValue) -> Bool {
        switch (lhs, rhs) {
        case (.s(let a), .s(let b)), (.b(let a), .b(let b)): return a.lexicographicallyPrecedes(b)
        case (.n(let a), .n(let b)): return a < b
        case (.s, _): return true
        case (.n, .b): return true
        default: return false
        }
    }
}

/// The ordered key parts that place an entry: a partition key (one value for a table, up to
/// four for a multi-attribute index key) or a sort position.
struct CompositeKey: Hashable, Comparable {
    var parts: [KeyValue]

    static func < (lhs: CompositeKey, rhs: CompositeKey) -> Bool {
        lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }
}
