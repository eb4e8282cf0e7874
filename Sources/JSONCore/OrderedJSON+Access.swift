extension OrderedJSON {
    /// The first member of an object with that name; nil for other values.
    public func member(_ name: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }

    /// The text of a string value; nil for other values.
    public var stringText: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The items of an array; empty for other values.
    public var arrayItems: [OrderedJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The members of an object in their order; empty for other values.
    public var objectMembers: [(String, OrderedJSON)] {
        if case .object(let members) = self { return members }
        return []
    }
}
