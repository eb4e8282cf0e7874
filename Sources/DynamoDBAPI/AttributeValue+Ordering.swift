extension AttributeValue {
    /// DynamoDB's order for key values of one type: `N` numerically with full decimal precision
    /// (never through `Double`, which cannot tell 38-digit numbers apart), `S` by UTF-8 bytes,
    /// `B` by unsigned bytes. Values of different or non-key types order by type name so the
    /// function stays total; DynamoDB never compares those.
    ///
    /// Returns a negative number, zero or a positive number.
    public static func compareKeys(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Int {
        switch (lhs, rhs) {
        case (.s(let a), .s(let b)): return compareBytes(a.utf8, b.utf8)
        case (.n(let a), .n(let b)):
            if a == b { return 0 }
            guard let x = DynamoDBNumber(a), let y = DynamoDBNumber(b) else { return compareBytes(a.utf8, b.utf8) }
            return x.compare(y)
        case (.b(let a), .b(let b)): return compareBytes(a, b)
        default:
            return compareBytes(lhs.typeName.utf8, rhs.typeName.utf8)
        }
    }

    /// Whether `lhs` sorts before `rhs` in `compareKeys` order.
    public static func keyPrecedes(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Bool {
        compareKeys(lhs, rhs) < 0
    }

    /// Lexicographic order of unsigned bytes.
    static func compareBytes<A: Sequence<UInt8>, B: Sequence<UInt8>>(_ a: A, _ b: B) -> Int {
        var left = a.makeIterator()
        var right = b.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }
}
