/// The types a key attribute may have.
public enum ScalarAttributeType: String, Sendable, Hashable, CaseIterable {
    case s = "S"
    case n = "N"
    case b = "B"
}

/// A key attribute's declared type (`AttributeDefinitions` of CreateTable).
public struct AttributeDefinition: Sendable, Hashable {
    public var attributeName: String
    public var attributeType: ScalarAttributeType

    public init(attributeName: String, attributeType: ScalarAttributeType) {
        self.attributeName = attributeName
        self.attributeType = attributeType
    }
}
