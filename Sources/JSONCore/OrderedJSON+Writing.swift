extension OrderedJSON {
    /// Pretty-printed UTF-8 with two-space indentation, `": "` between key and value, members in
    /// their order, and a final newline: the fixed layout of the contract and the exports.
    /// Strings and numbers are written as the canonical encoder writes them (`appendJSONString`,
    /// `appendJSONNumber`).
    public func serialized() -> [UInt8] {
        var text = ByteBuffer(capacity: 4096)
        write(into: &text, depth: 0)
        text.append(0x0A)
        return text.array
    }

    public var text: String { String(decoding: serialized(), as: UTF8.self) }

    /// The compact form (no whitespace, no final newline): request bodies and one-line reports.
    public func compact() -> [UInt8] {
        var text = ByteBuffer(capacity: 256)
        writeCompact(into: &text)
        return text.array
    }

    /// A number as every JSON file the tool writes spells it (see `appendJSONNumber`), for text
    /// that quotes such numbers.
    public static func numberText(_ value: Double) -> String {
        var text = ByteBuffer(capacity: 32)
        text.appendJSONNumber(value)
        return String(decoding: text.array, as: UTF8.self)
    }

    private func write(into text: inout ByteBuffer, depth: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            text.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { text.append(UInt8(ascii: ",")) }
                text.appendNewline(depth: depth + 1)
                item.write(into: &text, depth: depth + 1)
            }
            text.appendNewline(depth: depth)
            text.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            text.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { text.append(UInt8(ascii: ",")) }
                text.appendNewline(depth: depth + 1)
                text.appendJSONString(member.0)
                text.append(": ")
                member.1.write(into: &text, depth: depth + 1)
            }
            text.appendNewline(depth: depth)
            text.append(UInt8(ascii: "}"))
        default:
            writeCompact(into: &text)
        }
    }

    private func writeCompact(into text: inout ByteBuffer) {
        switch self {
        case .string(let value): text.appendJSONString(value)
        case .number(let value): text.appendJSONNumber(value)
        case .integer(let value): text.appendDecimal(Int64(value))
        case .bool(let value): text.append(value ? "true" : "false")
        case .null: text.append("null")
        case .array(let items):
            text.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { text.append(UInt8(ascii: ",")) }
                item.writeCompact(into: &text)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            text.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { text.append(UInt8(ascii: ",")) }
                text.appendJSONString(member.0)
                text.append(UInt8(ascii: ":"))
                member.1.writeCompact(into: &text)
            }
            text.append(UInt8(ascii: "}"))
        }
    }
}
