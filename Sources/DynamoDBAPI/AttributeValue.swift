/// One DynamoDB attribute value, exactly the ten types of the wire format.
///
/// Numbers stay as their decimal text (`n("12.50")`) because DynamoDB carries up to 38
/// significant digits, more than any binary floating-point type holds; `DynamoDBNumber` reads
/// them when a comparison or arithmetic needs the value. Sets compare as sets: `ss(["a", "b"])`
/// equals `ss(["b", "a"])`, as DynamoDB's set equality does.
public indirect enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    case s(String)
    case n(String)
    case b([UInt8])
    case bool(Bool)
    case null
    case m([String: AttributeValue])
    case l([AttributeValue])
    case ss([String])
    case ns([String])
    case bs([[UInt8]])

    /// The wire type descriptor: `S`, `N`, `B`, `BOOL`, `NULL`, `M`, `L`, `SS`, `NS` or `BS`.
    public var typeName: String {
        switch self {
        case .s: return "S"
        case .n: return "N"
        case .b: return "B"
        case .bool: return "BOOL"
        case .null: return "NULL"
        case .m: return "M"
        case .l: return "L"
        case .ss: return "SS"
        case .ns: return "NS"
        case .bs: return "BS"
        }
    }

    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case (.s(let a), .s(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.n(let a), .n(let b)): return a == b || DynamoDBNumber.equal(a, b)
        case (.b(let a), .b(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.m(let a), .m(let b)): return a == b
        case (.l(let a), .l(let b)): return a == b
        case (.ss(let a), .ss(let b)): return Set(a.map { Array($0.utf8) }) == Set(b.map { Array($0.utf8) })
        case (.ns(let a), .ns(let b)): return Set(a.map(DynamoDBNumber.canonicalText)) == Set(b.map(DynamoDBNumber.canonicalText))
        case (.bs(let a), .bs(let b)): return Set(a) == Set(b)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeName)
        switch self {
        case .s(let value): hasher.combine(Array(value.utf8))
        case .n(let value): hasher.combine(DynamoDBNumber.canonicalText(value))
        case .b(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: break
        case .m(let value): hasher.combine(value)
        case .l(let value): hasher.combine(value)
        // Order-independent, like the equality above.
        case .ss(let value): hasher.combine(Set(value.map { Array($0.utf8) }))
        case .ns(let value): hasher.combine(Set(value.map(DynamoDBNumber.canonicalText)))
        case .bs(let value): hasher.combine(Set(value))
        }
    }

    /// The value in the JSON protocol's shape, for messages and test failures.
    public var description: String {
        String(decoding: DynamoDBWire.encode(self).compact(), as: UTF8.self)
    }

    /// The string, when this is `S`.
    public var stringValue: String? {
        if case .s(let value) = self { return value }
        return nil
    }

    /// The number's text, when this is `N`.
    public var numberText: String? {
        if case .n(let value) = self { return value }
        return nil
    }
}

/// An item: attribute names to values.
public typealias Item = [String: AttributeValue]
