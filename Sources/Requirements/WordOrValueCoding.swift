/// Codable support for answers that are either a value or one reserved word ("unknown", "none",
/// "all"): the word is stored as a JSON string, the value as itself, so `session.json` reads the
/// way the user answered.
enum WordOrValueCoding {
    /// The decoded value, or nil when the stored text is the reserved word.
    static func decode<Value: Decodable>(_ type: Value.Type, from decoder: any Decoder, word: String, expected: String) throws -> Value? {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Value.self) { return value }
        let text = try container.decode(String.self)
        guard text == word else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(expected) or \"\(word)\", found \"\(text)\"")
        }
        return nil
    }

    /// Stores the value, or the reserved word when there is none.
    static func encode<Value: Encodable>(_ value: Value?, word: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encode(word) }
    }
}

/// A value the user gave, or their explicit statement that they do not know it yet. The tool
/// never fills in a number on the user's behalf: a missing answer is `nil` (not asked yet), an
/// unknown one is `.unknown`, which keeps the affected item pending.
public enum Unknowable<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    case known(Value)
    case unknown

    /// The value when known.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        self = try WordOrValueCoding.decode(Value.self, from: decoder, word: "unknown", expected: "a value").map(Self.known) ?? .unknown
    }

    public func encode(to encoder: any Encoder) throws {
        try WordOrValueCoding.encode(value, word: "unknown", to: encoder)
    }
}
