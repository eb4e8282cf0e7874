/// The `Encoder` that fills a `JSONTree` for `CanonicalJSONEncoder`: one node of the tree.
///
/// It and its containers are small structs (a tree pointer and a node index), so handing them
/// out as existentials allocates nothing. The pointer is valid only during the
/// `CanonicalJSONEncoder` call that made them: an `encode(to:)` must not keep an encoder or a
/// container past its return, which no `Encodable` has a reason to do.
struct TreeEncoder: Encoder {
    let tree: UnsafeMutablePointer<JSONTree>
    let node: Int

    var codingPath: [any CodingKey] { tree.pointee.codingPath(to: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.pointee.makeObject(node)
        return KeyedEncodingContainer(KeyedContainer<Key>(tree: tree, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.pointee.makeArray(node)
        return UnkeyedContainer(tree: tree, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(tree: tree, node: node)
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: UnsafeMutablePointer<JSONTree>
    let node: Int

    var codingPath: [any CodingKey] { tree.pointee.codingPath(to: node) }

    private func member(_ key: Key) -> Int { tree.pointee.addMember(to: node, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { tree.pointee.setNull(member(key)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { tree.pointee.setBool(member(key), value) }
    mutating func encode(_ value: String, forKey key: Key) throws { tree.pointee.setString(member(key), value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { tree.pointee.setDouble(member(key), value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { tree.pointee.setDouble(member(key), Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { tree.pointee.setInteger(member(key), Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { tree.pointee.setInteger(member(key), Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { tree.pointee.setInteger(member(key), Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { tree.pointee.setInteger(member(key), Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { tree.pointee.setInteger(member(key), value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { tree.pointee.setUnsigned(member(key), UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { tree.pointee.setUnsigned(member(key), UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { tree.pointee.setUnsigned(member(key), UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { tree.pointee.setUnsigned(member(key), UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { tree.pointee.setUnsigned(member(key), value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONTree.encode(value, of: tree, into: member(key))
    }

    // The protocol's default goes through `Optional<T>`'s metadata, looked up in the runtime's
    // cache on every call: a tenth of the encoding time for a session of optional fields.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try JSONTree.encode(value, of: tree, into: member(key)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = member(key)
        tree.pointee.makeObject(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(tree: tree, node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = member(key)
        tree.pointee.makeArray(child)
        return UnkeyedContainer(tree: tree, node: child)
    }

    mutating func superEncoder() -> any Encoder {
        // Not through `Key(stringValue:)`: a key type without a "super" case returns nil there.
        TreeEncoder(tree: tree, node: tree.pointee.addMember(to: node, key: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(tree: tree, node: member(key))
    }
}

struct UnkeyedContainer: UnkeyedEncodingContainer {
    let tree: UnsafeMutablePointer<JSONTree>
    let node: Int

    var codingPath: [any CodingKey] { tree.pointee.codingPath(to: node) }
    var count: Int { Int(tree.pointee.nodes[node].count) }

    private func element() -> Int { tree.pointee.addElement(to: node) }

    mutating func encodeNil() throws { tree.pointee.setNull(element()) }
    mutating func encode(_ value: Bool) throws { tree.pointee.setBool(element(), value) }
    mutating func encode(_ value: String) throws { tree.pointee.setString(element(), value) }
    mutating func encode(_ value: Double) throws { tree.pointee.setDouble(element(), value) }
    mutating func encode(_ value: Float) throws { tree.pointee.setDouble(element(), Double(value)) }
    mutating func encode(_ value: Int) throws { tree.pointee.setInteger(element(), Int64(value)) }
    mutating func encode(_ value: Int8) throws { tree.pointee.setInteger(element(), Int64(value)) }
    mutating func encode(_ value: Int16) throws { tree.pointee.setInteger(element(), Int64(value)) }
    mutating func encode(_ value: Int32) throws { tree.pointee.setInteger(element(), Int64(value)) }
    mutating func encode(_ value: Int64) throws { tree.pointee.setInteger(element(), value) }
    mutating func encode(_ value: UInt) throws { tree.pointee.setUnsigned(element(), UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { tree.pointee.setUnsigned(element(), UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { tree.pointee.setUnsigned(element(), UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { tree.pointee.setUnsigned(element(), UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { tree.pointee.setUnsigned(element(), value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTree.encode(value, of: tree, into: element())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = element()
        tree.pointee.makeObject(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(tree: tree, node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = element()
        tree.pointee.makeArray(child)
        return UnkeyedContainer(tree: tree, node: child)
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(tree: tree, node: element())
    }
}

struct SingleValueContainer: SingleValueEncodingContainer {
    let tree: UnsafeMutablePointer<JSONTree>
    let node: Int

    var codingPath: [any CodingKey] { tree.pointee.codingPath(to: node) }

    mutating func encodeNil() throws { tree.pointee.setNull(node) }
    mutating func encode(_ value: Bool) throws { tree.pointee.setBool(node, value) }
    mutating func encode(_ value: String) throws { tree.pointee.setString(node, value) }
    mutating func encode(_ value: Double) throws { tree.pointee.setDouble(node, value) }
    mutating func encode(_ value: Float) throws { tree.pointee.setDouble(node, Double(value)) }
    mutating func encode(_ value: Int) throws { tree.pointee.setInteger(node, Int64(value)) }
    mutating func encode(_ value: Int8) throws { tree.pointee.setInteger(node, Int64(value)) }
    mutating func encode(_ value: Int16) throws { tree.pointee.setInteger(node, Int64(value)) }
    mutating func encode(_ value: Int32) throws { tree.pointee.setInteger(node, Int64(value)) }
    mutating func encode(_ value: Int64) throws { tree.pointee.setInteger(node, value) }
    mutating func encode(_ value: UInt) throws { tree.pointee.setUnsigned(node, UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { tree.pointee.setUnsigned(node, UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { tree.pointee.setUnsigned(node, UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { tree.pointee.setUnsigned(node, UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { tree.pointee.setUnsigned(node, value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTree.encode(value, of: tree, into: node)
    }
}
