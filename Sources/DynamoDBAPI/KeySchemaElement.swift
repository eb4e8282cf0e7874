/// `HASH` (partition key) or `RANGE` (sort key).
public enum KeyType: String, Sendable, Hashable, CaseIterable {
    case hash = "HASH"
    case range = "RANGE"
}

/// One element of a key schema. A table has one `HASH` and at most one `RANGE` element; a
/// global secondary index may have up to four of each (multi-attribute keys), in order.
public struct KeySchemaElement: Sendable, Hashable {
    public var attributeName: String
    public var keyType: KeyType

    public init(attributeName: String, keyType: KeyType) {
        self.attributeName = attributeName
        self.keyType = keyType
    }

    public static func hash(_ name: String) -> KeySchemaElement { KeySchemaElement(attributeName: name, keyType: .hash) }
    public static func range(_ name: String) -> KeySchemaElement { KeySchemaElement(attributeName: name, keyType: .range) }
}
