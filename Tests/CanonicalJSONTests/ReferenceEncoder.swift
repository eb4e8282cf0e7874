import JSONCore

/// The first `CanonicalJSONEncoder`: a tree of class nodes, sorted with `sorted(by:)` while
/// writing. Slow, and simple enough to read as the specification; the encoder must produce
/// exactly its bytes.
struct ReferenceEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = ReferenceTreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        var writer = ReferenceWriter()
        writer.write(encoder.storage, indent: 0)
        writer.bytes.append(0x0A)
        return writer.bytes
    }
}

final class ReferenceNode {
    enum Content {
        case empty
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([ReferenceNode])
        case object([(key: String, value: ReferenceNode)])
    }

    var content: Content = .empty

    init(_ content: Content = .empty) {
        self.content = content
    }

    func appendToArray(_ node: ReferenceNode) {
        if case .array(var items) = content {
            content = .empty
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
    }

    func setMember(_ key: String, _ node: ReferenceNode) {
        if case .object(var members) = content {
            content = .empty
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = node
            } else {
                members.append((key, node))
            }
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
    }
}

struct ReferenceWriter {
    var bytes: [UInt8] = []

    mutating func write(_ node: ReferenceNode, indent: Int) {
        switch node.content {
        case .empty, .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): writeString(text)
        case .array(let items):
            guard !items.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(item, indent: indent + 1)
            }
            newline(indent)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                writeString(member.key)
                append(" : ")
                write(member.value, indent: indent + 1)
            }
            newline(indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

enum ReferenceNumberText {
    static func double(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

final class ReferenceTreeEncoder: Encoder {
    let storage: ReferenceNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], storage: ReferenceNode = ReferenceNode()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(ReferenceKeyedContainer<Key>(node: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return ReferenceUnkeyedContainer(node: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ReferenceSingleValueContainer(node: storage, codingPath: codingPath)
    }

    static func node<T: Encodable>(for value: T, codingPath: [any CodingKey]) throws -> ReferenceNode {
        switch value {
        case let string as String: return ReferenceNode(.string(string))
        case let int as Int: return ReferenceNode(.number(String(int)))
        case let double as Double: return ReferenceNode(.number(ReferenceNumberText.double(double)))
        case let bool as Bool: return ReferenceNode(.bool(bool))
        default:
            let encoder = ReferenceTreeEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.storage
        }
    }
}

struct ReferenceKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ReferenceNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.setMember(key.stringValue, ReferenceNode(.number(ReferenceNumberText.double(value))))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.number(String(value)))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.number(String(value)))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.number(String(value)))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.setMember(key.stringValue, ReferenceNode(.number(String(value)))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.setMember(key.stringValue, try ReferenceTreeEncoder.node(for: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = ReferenceNode(.object([]))
        node.setMember(key.stringValue, child)
        return KeyedEncodingContainer(ReferenceKeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ReferenceNode(.array([]))
        node.setMember(key.stringValue, child)
        return ReferenceUnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = ReferenceNode()
        node.setMember("super", child)
        return ReferenceTreeEncoder(codingPath: codingPath, storage: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = ReferenceNode()
        node.setMember(key.stringValue, child)
        return ReferenceTreeEncoder(codingPath: codingPath + [key], storage: child)
    }
}

struct ReferenceUnkeyedContainer: UnkeyedEncodingContainer {
    let node: ReferenceNode
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendToArray(ReferenceNode(.null)) }
    mutating func encode(_ value: Bool) throws { node.appendToArray(ReferenceNode(.bool(value))) }
    mutating func encode(_ value: String) throws { node.appendToArray(ReferenceNode(.string(value))) }
    mutating func encode(_ value: Double) throws { node.appendToArray(ReferenceNode(.number(ReferenceNumberText.double(value)))) }
    mutating func encode(_ value: Int) throws { node.appendToArray(ReferenceNode(.number(String(value)))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.appendToArray(try ReferenceTreeEncoder.node(for: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = ReferenceNode(.object([]))
        node.appendToArray(child)
        return KeyedEncodingContainer(ReferenceKeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = ReferenceNode(.array([]))
        node.appendToArray(child)
        return ReferenceUnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let child = ReferenceNode()
        node.appendToArray(child)
        return ReferenceTreeEncoder(codingPath: codingPath, storage: child)
    }
}

struct ReferenceSingleValueContainer: SingleValueEncodingContainer {
    let node: ReferenceNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { node.content = .number(ReferenceNumberText.double(value)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { try encode(UInt(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(UInt(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(UInt(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try ReferenceTreeEncoder.node(for: value, codingPath: codingPath)
        node.content = child.content
    }
}
