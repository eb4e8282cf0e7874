/// The JSON value an encode builds, before its object keys are sorted and it is written out
/// (`JSONTree+Text.swift`), together with the buffers it is written with.
///
/// Nodes live in one flat buffer and refer to each other by index; scalars are stored as their
/// finished JSON text, and keys as raw UTF-8, in one byte buffer. A session of 1,000 access
/// patterns has some 32,000 values: a class instance, a `String` and a child array for each
/// would be most of the encoding time. The buffers are kept for the next encode (`JSONTreeCache`).
///
/// The `Encoder` and its containers reach the tree through an `UnsafeMutablePointer`, valid for
/// the duration of one `CanonicalJSONEncoder` call: a class reference would be retained and
/// released for every container the `Encoder` API hands out.
struct JSONTree: ~Copyable {
    enum Kind: UInt8 {
        /// Nothing was encoded into the node (written as `null`).
        case empty
        case null
        case scalar
        case array
        case object
    }

    /// 32 bytes, half of what `Int` fields take: indexes and offsets are 32-bit, which caps a
    /// document at 2 GB (`limit`).
    struct Node {
        var kind: Kind
        /// Whether an object member's key is ASCII, for which equal strings are equal bytes.
        var keyIsASCII = true
        /// The array or object holding this node; -1 for the root.
        var parent: Int32
        /// A scalar's JSON text in `bytes`: `first..<last`. A container's first and last child,
        /// -1 while it has none.
        var first: Int32 = -1
        var last: Int32 = -1
        /// The next child of the same parent, in the order encoded; -1 for the last.
        var next: Int32 = -1
        /// A container's number of children.
        var count: Int32 = 0
        /// An object member's key, as UTF-8 in `bytes`.
        var keyStart: Int32 = 0
        var keyEnd: Int32 = 0

        var scalarText: Range<Int> { Int(first)..<Int(last) }
        var key: Range<Int> { Int(keyStart)..<Int(keyEnd) }
    }

    static let root = 0
    /// The most bytes or nodes a tree holds; beyond it encoding throws rather than wrap around.
    static let limit = Int(Int32.max)

    private(set) var nodes = GrowableBuffer<Node>(capacity: 1_024)
    /// Scalars' JSON text and members' keys.
    private(set) var bytes = ByteBuffer(capacity: 1 << 14)
    /// Set once an index or offset no longer fits a `Node`; the encode then throws.
    private(set) var isTooLarge = false
    /// The document, once written.
    var text = ByteBuffer(capacity: 1 << 14)
    /// Scratch space for sorting members while writing.
    var order = GrowableBuffer<Int32>(capacity: 256)

    init() {
        removeAll()
    }

    /// Empties the tree for the next encode, keeping the buffers' memory.
    mutating func removeAll() {
        nodes.removeAll()
        bytes.removeAll()
        text.removeAll()
        order.removeAll()
        isTooLarge = false
        nodes.append(Node(kind: .empty, parent: -1))
    }

    /// Bytes held by the buffers, for the cache's size limit.
    var capacityInBytes: Int {
        nodes.capacity * MemoryLayout<Node>.stride + bytes.capacity + text.capacity + order.capacity * MemoryLayout<Int32>.stride
    }

    /// Encodes a value into `node`, writing the common scalars directly.
    ///
    /// Comparing metatypes is a pointer comparison; `value as? String` is a runtime cast that
    /// costs more than writing the string. Static, with only brief accesses through the pointer:
    /// `encode(to:)` adds to the tree through the same pointer.
    static func encode<T: Encodable>(_ value: T, of tree: UnsafeMutablePointer<JSONTree>, into node: Int) throws {
        if T.self == String.self {
            tree.pointee.setString(node, unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            tree.pointee.setInteger(node, Int64(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Double.self {
            tree.pointee.setDouble(node, unsafeBitCast(value, to: Double.self))
        } else if T.self == Bool.self {
            tree.pointee.setBool(node, unsafeBitCast(value, to: Bool.self))
        } else {
            tree.pointee.reset(node, to: .empty)
            try value.encode(to: TreeEncoder(tree: tree, node: node))
        }
    }

    // MARK: Containers

    mutating func makeObject(_ node: Int) {
        if nodes[node].kind != .object { reset(node, to: .object) }
    }

    mutating func makeArray(_ node: Int) {
        if nodes[node].kind != .array { reset(node, to: .array) }
    }

    /// A new member of an object. A key encoded again replaces the earlier value when written.
    mutating func addMember(to object: Int, key: String) -> Int {
        let keyStart = bytes.count
        bytes.append(key)
        let isASCII = bytes.elements(keyStart..<bytes.count).allSatisfy { $0 < 0x80 }
        return addChild(to: object, Node(kind: .empty, keyIsASCII: isASCII, parent: Int32(truncatingIfNeeded: object),
                                         keyStart: offset(keyStart), keyEnd: offset(bytes.count)))
    }

    mutating func addElement(to array: Int) -> Int {
        addChild(to: array, Node(kind: .empty, parent: Int32(truncatingIfNeeded: array)))
    }

    private mutating func addChild(to parent: Int, _ child: Node) -> Int {
        let index = nodes.count
        let index32 = offset(index)
        nodes.append(child)
        let last = Int(nodes[parent].last)
        if last >= 0 { nodes[last].next = index32 } else { nodes[parent].first = index32 }
        nodes[parent].last = index32
        nodes[parent].count += 1
        return index
    }

    /// Empties a node; children it had stay in the buffer, unreachable.
    mutating func reset(_ node: Int, to kind: Kind) {
        nodes[node].kind = kind
        nodes[node].first = -1
        nodes[node].last = -1
        nodes[node].count = 0
    }

    /// A node index or byte offset as stored in a `Node`.
    private mutating func offset(_ value: Int) -> Int32 {
        if value > Self.limit { isTooLarge = true }
        return Int32(truncatingIfNeeded: value)
    }

    // MARK: Scalars

    mutating func setNull(_ node: Int) {
        reset(node, to: .null)
    }

    mutating func setBool(_ node: Int, _ value: Bool) {
        setScalar(node) { $0.append(value ? "true" : "false") }
    }

    mutating func setString(_ node: Int, _ value: String) {
        setScalar(node) { $0.appendJSONString(value) }
    }

    mutating func setInteger(_ node: Int, _ value: Int64) {
        setScalar(node) { $0.appendDecimal(value) }
    }

    mutating func setUnsigned(_ node: Int, _ value: UInt64) {
        setScalar(node) { $0.appendDecimal(value) }
    }

    mutating func setDouble(_ node: Int, _ value: Double) {
        setScalar(node) { $0.appendJSONNumber(value) }
    }

    /// Writes a scalar's JSON text at the end of `bytes` and makes `node` that scalar.
    @inline(__always)
    private mutating func setScalar(_ node: Int, _ write: (inout ByteBuffer) -> Void) {
        let start = bytes.count
        write(&bytes)
        reset(node, to: .scalar)
        nodes[node].first = offset(start)
        nodes[node].last = offset(bytes.count)
    }

    // MARK: Coding paths

    /// The keys and indexes leading to `node`. Worked out only when asked (by an `encode(to:)`
    /// that reads `codingPath`), since building it for every value would cost an array each.
    func codingPath(to node: Int) -> [any CodingKey] {
        guard !isTooLarge else { return [] }
        var path: [any CodingKey] = []
        var current = node
        while nodes[current].parent >= 0 {
            let parent = Int(nodes[current].parent)
            if nodes[parent].kind == .object {
                path.append(PathKey(stringValue: String(decoding: bytes.elements(nodes[current].key), as: UTF8.self)))
            } else {
                var position = 0
                var sibling = Int(nodes[parent].first)
                while sibling >= 0, sibling != current {
                    position += 1
                    sibling = Int(nodes[sibling].next)
                }
                path.append(PathKey(intValue: position))
            }
            current = parent
        }
        return path.reversed()
    }
}

/// A key of a coding path rebuilt from the tree.
struct PathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
