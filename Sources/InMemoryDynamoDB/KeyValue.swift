import DynamoDBAPI

/// A key attribute's value in the form storage orders and hashes: strings and binaries by their
/// bytes, numbers exactly (so `"1"` and `"1.0"` are one key, as in DynamoDB). Hashing and
/// comparing work on whole byte buffers: every key lookup and binary search goes through here.
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

    func hash(into hasher: inout Hasher) {
        switch self {
        case .s(let bytes):
            hasher.combine(0 as UInt8)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .b(let bytes):
            hasher.combine(1 as UInt8)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .n(let number):
            hasher.combine(number)
        }
    }

    /// Unsigned lexicographic order of two byte buffers: -1, 0 or 1.
    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let shared = min(x.count, y.count)
                var index = 0
                while index < shared {
                    let (p, q) = (x[index], y[index])
                    if p != q { return p < q ? -1 : 1 }
                    index += 1
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
    }

    /// -1, 0 or 1; values of different types (never compared by DynamoDB) order S < N < B.
    static func compare(_ lhs: KeyValue, _ rhs: KeyValue) -> Int {
        switch (lhs, rhs) {
        case (.s(let a), .s(let b)), (.b(let a), .b(let b)): return compareBytes(a, b)
        case (.n(let a), .n(let b)): return a.compare(b)
        case (.s, _): return -1
        case (.n, .b): return -1
        default: return 1
        }
    }

    static func < (lhs: KeyValue, rhs: KeyValue) -> Bool { compare(lhs, rhs) < 0 }
}

/// The ordered key parts that place an entry: a partition key (one value for a table, up to
/// four for a multi-attribute index key) or a sort position.
struct CompositeKey: Hashable, Comparable {
    var parts: [KeyValue]

    static func compare(_ lhs: CompositeKey, _ rhs: CompositeKey) -> Int {
        let shared = min(lhs.parts.count, rhs.parts.count)
        for index in 0..<shared {
            let order = KeyValue.compare(lhs.parts[index], rhs.parts[index])
            if order != 0 { return order }
        }
        return lhs.parts.count == rhs.parts.count ? 0 : (lhs.parts.count < rhs.parts.count ? -1 : 1)
    }

    static func < (lhs: CompositeKey, rhs: CompositeKey) -> Bool { compare(lhs, rhs) < 0 }
}
