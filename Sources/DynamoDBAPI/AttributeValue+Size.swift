extension AttributeValue {
    /// The value's size by DynamoDB's documented rules (developer guide, "Item sizes and
    /// formats"), which is what capacity units, the 400 KB item limit and the 1 MB page limit
    /// count: strings their UTF-8 bytes, numbers about one byte per two significant digits plus
    /// one (at most 21), binaries their bytes, booleans and nulls one byte, lists and maps three
    /// bytes plus one per element plus the elements (and, for maps, the key names), sets the sum
    /// of their elements.
    public var sizeInBytes: Int {
        switch self {
        case .s(let value): return value.utf8.count
        case .n(let value): return Self.numberSize(value)
        case .b(let value): return value.count
        case .bool, .null: return 1
        case .l(let values): return 3 + values.reduce(0) { $0 + 1 + $1.sizeInBytes }
        case .m(let members): return 3 + members.reduce(0) { $0 + 1 + $1.key.utf8.count + $1.value.sizeInBytes }
        case .ss(let values): return values.reduce(0) { $0 + $1.utf8.count }
        case .ns(let values): return values.reduce(0) { $0 + Self.numberSize($1) }
        case .bs(let values): return values.reduce(0) { $0 + $1.count }
        }
    }

    /// One byte per two significant digits, rounded up, plus one; at most 21 bytes (38 digits).
    static func numberSize(_ text: String) -> Int {
        let digits = DynamoDBNumber(text)?.significantDigits ?? text.utf8.count
        return min(21, (max(digits, 1) + 1) / 2 + 1)
    }

    /// An item's size: each attribute's name bytes plus its value's size.
    public static func itemSize(_ item: Item) -> Int {
        item.reduce(0) { $0 + $1.key.utf8.count + $1.value.sizeInBytes }
    }
}
