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

    /// The compact form (no whitespace, no final newline): request bodies and one-line reports.
    public func compact() -> [UInt8] {
        var out: [UInt8] = []
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                item.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                member.1.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            var text = serialized()
            text.removeLast()
            out.append(contentsOf: text)
        }
    }
}
