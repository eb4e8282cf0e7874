extension JSONTree {
    /// Writes the tree into `text` as canonical JSON: members sorted by the UTF-8 bytes of their
    /// keys, two spaces per level, `" : "` between key and value, and a final newline.
    mutating func writeText() {
        // Room for the scalars and keys plus indentation and punctuation, so it rarely grows.
        text.reserve(bytes.count * 2 + nodes.count * 16)
        write(Self.root, depth: 0)
        text.append(0x0A)
    }

    private mutating func write(_ index: Int, depth: Int) {
        let node = nodes[index]
        switch node.kind {
        case .empty, .null:
            text.append("null")
        case .scalar:
            text.append(bytes.elements(node.scalarText))
        case .array:
            guard node.first >= 0 else { return text.append("[]") }
            text.append(UInt8(ascii: "["))
            var child = Int(node.first)
            while child >= 0 {
                if child != node.first { text.append(UInt8(ascii: ",")) }
                text.appendNewline(depth: depth + 1)
                write(child, depth: depth + 1)
                child = Int(nodes[child].next)
            }
            text.appendNewline(depth: depth)
            text.append(UInt8(ascii: "]"))
        case .object:
            guard node.first >= 0 else { return text.append("{}") }
            text.append(UInt8(ascii: "{"))
            let start = order.count
            var allASCII = true
            var child = Int(node.first)
            while child >= 0 {
                allASCII = allASCII && nodes[child].keyIsASCII
                insertSorted(Int32(truncatingIfNeeded: child), above: start)
                child = Int(nodes[child].next)
            }
            let end = order.count
            if allASCII {
                var isFirst = true
                for position in start..<end {
                    let member = Int(order[position])
                    // The same key encoded twice: the later value replaces the earlier one.
                    if position + 1 < end, key(member).elementsEqual(key(Int(order[position + 1]))) { continue }
                    writeMember(key: member, value: member, depth: depth, isFirst: isFirst)
                    isFirst = false
                }
            } else {
                for (index, member) in membersByStringEquality(start..<end).enumerated() {
                    writeMember(key: member.key, value: member.value, depth: depth, isFirst: index == 0)
                }
            }
            order.removeLast(end - start)
            text.appendNewline(depth: depth)
            text.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeMember(key keyNode: Int, value: Int, depth: Int, isFirst: Bool) {
        if !isFirst { text.append(UInt8(ascii: ",")) }
        text.appendNewline(depth: depth + 1)
        text.appendJSONString(key(keyNode))
        text.append(" : ")
        write(value, depth: depth + 1)
    }

    /// The members of an object with a non-ASCII key, deduplicated the way Swift compares
    /// strings: `"é"` and `"e\u{301}"` are one key. The first spelling stays, with the last value.
    private func membersByStringEquality(_ sorted: Range<Int>) -> [(key: Int, value: Int)] {
        // Back in the order encoded (node indexes grow as members are added), for "first" and "last".
        let encoded = sorted.map { Int(order[$0]) }.sorted()
        var members: [(key: Int, value: Int, name: String)] = []
        for member in encoded {
            let name = String(decoding: key(member), as: UTF8.self)
            if let existing = members.firstIndex(where: { $0.name == name }) {
                members[existing].value = member
            } else {
                members.append((member, member, name))
            }
        }
        return members
            .sorted { Self.precedes(key($0.key), key($1.key)) }
            .map { ($0.key, $0.value) }
    }

    /// Insertion sort: objects have a handful of members, often already nearly in order, and
    /// members with equal keys keep the order they were encoded in.
    private mutating func insertSorted(_ member: Int32, above start: Int) {
        order.append(member)
        var position = order.count - 1
        let memberKey = key(Int(member))
        while position > start, Self.precedes(memberKey, key(Int(order[position - 1]))) {
            order[position] = order[position - 1]
            position -= 1
        }
        order[position] = member
    }

    private func key(_ member: Int) -> UnsafeBufferPointer<UInt8> {
        bytes.elements(nodes[member].key)
    }

    /// Byte order, the order of `lexicographicallyPrecedes` on the keys' UTF-8 views.
    private static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<min(left.count, right.count) where left[offset] != right[offset] {
            return left[offset] < right[offset]
        }
        return left.count < right.count
    }
}
