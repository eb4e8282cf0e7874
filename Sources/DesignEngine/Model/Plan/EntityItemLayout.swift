/// How one entity's items are stored in one table: every attribute with the value it is built
/// from, and the key. The one place that says how keys are composed (concatenated keys,
/// item-collection sort keys, lookup items), so plans, generated code, the contract and the
/// validator all build the same items.
public struct EntityItemLayout: Sendable, Equatable, Hashable {
    public var entity: String
    public var tableID: String
    /// Key attributes first (partition, then sort), then the rest in the entity's order.
    public var attributes: [StoredValue]
    public var key: ItemKey

    public init(entity: String, tableID: String, attributes: [StoredValue], key: ItemKey) {
        self.entity = entity
        self.tableID = tableID
        self.attributes = attributes
        self.key = key
    }

    /// The stored attribute holding this entity attribute's own value (renames applied), if any.
    public func storedName(of attribute: String) -> String? {
        attributes.first { $0.value == .input(entity: entity, attribute: attribute) }?.attribute
    }
}
