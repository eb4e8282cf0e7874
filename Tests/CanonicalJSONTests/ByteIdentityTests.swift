import JSONCore
import Conversation
import Foundation
import Testing
import TestSupport

/// The encoder against `ReferenceEncoder`, byte for byte: session states of every shape, and the
/// corners of the `Encoder` API that session types do not reach today.
@Suite struct ByteIdentityTests {
    static func expectIdentical<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try ReferenceEncoder().encode(value)
        let actual = try CanonicalJSONEncoder().encode(value)
        #expect(actual == expected, "\(String(decoding: actual, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<300)
    func variedSessionStates(seed: Int) throws {
        try Self.expectIdentical(VariedSessions.state(seed: UInt64(seed), size: seed % 40))
    }

    @Test(arguments: [1_000, 1_001])
    func largeSessionStates(seed: Int) throws {
        try Self.expectIdentical(VariedSessions.state(seed: UInt64(seed), size: 300))
    }

    @Test func everyStateOfTheShopTranscript() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        try Self.expectIdentical(conversation.state)
        for line in SampleTranscripts.shop + ["/edit pattern 2 peak=unknown", "later", "/back", "/delete pattern 1"] {
            _ = conversation.handle(line)
            try Self.expectIdentical(conversation.state)
        }
    }

    @Test func withEncodedHandsOverTheSameBytes() throws {
        let state = VariedSessions.state(seed: 7, size: 20)
        let copied = try CanonicalJSONEncoder().withEncoded(state) { Array($0) }
        #expect(copied == (try CanonicalJSONEncoder().encode(state)))
    }

    @Test func reusedBuffersStartEmpty() throws {
        // Large, small, large again: the kept buffers must not leak nodes or bytes between encodes.
        for seed in [3, 4, 5, 6] {
            try Self.expectIdentical(VariedSessions.state(seed: UInt64(seed), size: seed.isMultiple(of: 2) ? 120 : 1))
        }
    }

    @Test func concurrentEncodesGiveTheSameBytes() throws {
        let states = (0..<8).map { VariedSessions.state(seed: UInt64(50 + $0), size: 60) }
        let expected = try states.map { try ReferenceEncoder().encode($0) }
        let results = ResultSlots(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, try? CanonicalJSONEncoder().encode(states[index % states.count]))
        }
        for index in 0..<64 { #expect(results.get(index) == expected[index % states.count]) }
    }

    @Test func anErrorLeavesTheEncoderUsable() throws {
        #expect(throws: Shapes.Refusal.self) { try CanonicalJSONEncoder().encode([Shapes.Refusing(), Shapes.Refusing()]) }
        try Self.expectIdentical(VariedSessions.state(seed: 9, size: 10))
    }

    // MARK: Corners of the Encoder API

    @Test(arguments: [0, 1, 5, 7, 8, 9, 15, 16, 17, 23, 31, 40])
    func escapesAtEveryPositionOfAWord(length: Int) throws {
        for special in ["\"", "\\", "\n", "\u{00}", "\u{1F}", "\u{7F}", "é", "/"] {
            for position in 0...length {
                let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
                try Self.expectIdentical([text: text])
            }
        }
    }

    @Test func everyByteBelowASpace() throws {
        try Self.expectIdentical((0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x\u{7F}" })
    }

    @Test func keysSortByTheirBytes() throws {
        // "é" and "e\u{301}" are equal as Swift strings, different as bytes: both stay, in byte order.
        let keys = ["a", "ab", "a\u{0}", "B", "é", "e\u{301}", "", "zz", "aa", "a b", "\"q", "\\", "_", "Z", "10", "9"]
        try Self.expectIdentical(Shapes.Members(keys: keys))
        try Self.expectIdentical(Shapes.Members(keys: keys.reversed()))
    }

    @Test func numbers() throws {
        try Self.expectIdentical(Shapes.Scalars(double: -0.0))
        try Self.expectIdentical(Shapes.Scalars(double: 1e15))
        try Self.expectIdentical(Shapes.Scalars(double: 999_999_999_999_999))
        try Self.expectIdentical(Shapes.Scalars(double: .pi))
        try Self.expectIdentical(Shapes.Scalars(double: .leastNonzeroMagnitude))
        try Self.expectIdentical(Shapes.Scalars(double: -.greatestFiniteMagnitude))
        try Self.expectIdentical([Int.min, Int.max, 0, -1])
        try Self.expectIdentical([UInt64.max, 0])
        try Self.expectIdentical([Float(0.1), Float(-2.5), Float(1e30)])
        try Self.expectIdentical([Int8.min: 1].mapValues { _ in [Int16.min, Int16.max] })
    }

    @Test func containerShapes() throws {
        try Self.expectIdentical(Shapes.Nested())
        try Self.expectIdentical(Shapes.DuplicateKeys())
        try Self.expectIdentical(Shapes.Supers())
        try Self.expectIdentical(Shapes.Nothing())
        try Self.expectIdentical([Shapes.Nothing(), Shapes.Nothing()])
        try Self.expectIdentical(Shapes.Empty())
        try Self.expectIdentical([[String]]())
        try Self.expectIdentical([String: [Int]]())
        try Self.expectIdentical([[Int]]([[], [1], []]))
        try Self.expectIdentical([Bool?.none, true, false])
        try Self.expectIdentical("top-level string")
        try Self.expectIdentical(42)
        try Self.expectIdentical(Shapes.Wrapper(inner: Shapes.Nested()))
        try Self.expectIdentical(Shapes.PathReader())
    }

    @Test func deeperThanTheIndentationTable() throws {
        var value = Shapes.Deep.leaf
        for _ in 0..<45 { value = .node([value, .leaf]) }
        try Self.expectIdentical(value)
    }
}

/// One result per slot, written from `concurrentPerform`'s threads.
final class ResultSlots: @unchecked Sendable {
    // @unchecked: each slot is written by exactly one iteration, and read after all have ended.
    private var slots: [[UInt8]?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: [UInt8]?) { lock.withLock { slots[index] = value } }
    func get(_ index: Int) -> [UInt8]? { lock.withLock { slots[index] } }
}

/// Values that use the `Encoder` API the way hand-written `encode(to:)` methods can.
enum Shapes {
    struct Scalars: Encodable {
        var double: Double
        var float: Float = 0.25
        var small: Int8 = -8
        var unsigned: UInt16 = 65_535
        var big: UInt = .max
        var flag = true
        var none: String? = nil
        var text = "t"
    }

    struct Nested: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, list, object, mixed }
        enum Inner: String, CodingKey { case b, a }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var object = container.nestedContainer(keyedBy: Inner.self, forKey: .object)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            // Interleaved: writes to containers created earlier, after later ones exist.
            try container.encode("z", forKey: .zeta)
            try object.encode(2, forKey: .b)
            try list.encode(1)
            var inner = list.nestedContainer(keyedBy: Inner.self)
            try list.encodeNil()
            try object.encode(1, forKey: .a)
            try inner.encode(true, forKey: .a)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(contentsOf: ["x", "y"])
            try container.encode(1.5, forKey: .alpha)
            var mixed = container.nestedUnkeyedContainer(forKey: .mixed)
            try mixed.encode(Int64(-3))
            try mixed.encode(UInt8(3))
            try mixed.encode(Float(1.25))
            try mixed.encode(Scalars(double: 2))
        }
    }

    struct DuplicateKeys: Encodable {
        enum Keys: String, CodingKey { case a, b, c }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            try container.encode("first", forKey: .b)
            try container.encode(2, forKey: .a)
            var nested = container.nestedUnkeyedContainer(forKey: .c)
            try nested.encode(1)
            try container.encode("replaced", forKey: .c)
            try container.encode("second", forKey: .b)
            // A second keyed container of the same encoder adds to the same object.
            var again = encoder.container(keyedBy: Keys.self)
            try again.encode(3, forKey: .a)
        }
    }

    struct Supers: Encodable {
        enum Keys: String, CodingKey { case base, own, `super` }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try Scalars(double: 1).encode(to: container.superEncoder())
            try Nothing().encode(to: container.superEncoder(forKey: .base))
            try container.encode("own", forKey: .own)
            var list = container.nestedUnkeyedContainer(forKey: .own)
            try "in list".encode(to: list.superEncoder())
        }
    }

    /// An object with the given keys, in the given order, each valued by its position.
    struct Members: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var keys: [String]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (position, key) in keys.enumerated() { try container.encode(position, forKey: Key(stringValue: key)) }
        }
    }

    /// Asks for no container at all.
    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Empty: Encodable {
        var members: [String: Int] = [:]
        var list: [Int] = []
    }

    struct Wrapper: Encodable {
        var inner: Nested

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(inner)
        }
    }

    /// Fails halfway through its encoding, as a value that cannot be written does.
    struct Refusing: Encodable {
        enum Keys: String, CodingKey { case before }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("written", forKey: .before)
            throw Refusal()
        }
    }

    struct Refusal: Error {}

    /// Reads its coding path while encoding, as error reporting does.
    struct PathReader: Encodable {
        enum Keys: String, CodingKey { case path, list }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(encoder.codingPath.map(\.stringValue), forKey: .path)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(list.count)
            try list.encode(list.count)
        }
    }

    indirect enum Deep: Encodable {
        case leaf
        case node([Deep])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .leaf: try "leaf".encode(to: encoder)
            case .node(let children): try children.encode(to: encoder)
            }
        }
    }
}
