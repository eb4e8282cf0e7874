import JSONCore
import Conversation
import Foundation
import Testing
import TestSupport

@Suite struct CanonicalJSONEncoderTests {
    struct Sample: Codable, Equatable {
        var zebra: String
        var alpha: Int
        var nested: [String: Double]
        var list: [Bool?]
        var optional: String?
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func keysAreSortedAndTheLayoutIsFixed() throws {
        let value = Sample(zebra: "z", alpha: 1, nested: ["b": 2.5, "a": -3], list: [true, nil], optional: nil)
        let text = Self.text(try CanonicalJSONEncoder().encode(value))
        #expect(text == """
            {
              "alpha" : 1,
              "list" : [
                true,
                null
              ],
              "nested" : {
                "a" : -3,
                "b" : 2.5
              },
              "zebra" : "z"
            }

            """)
    }

    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab", "control \u{01}", "slash / kept", "café ✅ 🚀", ""])
    func stringsRoundTrip(value: String) throws {
        let bytes = try CanonicalJSONEncoder().encode([value])
        #expect(try JSONDecoder().decode([String].self, from: Data(bytes)) == [value])
    }

    @Test(arguments: [0.1, 1e-7, 123456789.125, 1e300, -0.5, 2.5e15, 42])
    func numbersRoundTripExactly(value: Double) throws {
        let bytes = try CanonicalJSONEncoder().encode([value])
        #expect(try JSONDecoder().decode([Double].self, from: Data(bytes)) == [value])
    }

    @Test func nonFiniteNumbersAreWrittenAsNull() throws {
        let bytes = try CanonicalJSONEncoder().encode([Double.nan, .infinity, -.infinity, 1])
        #expect(Self.text(bytes) == "[\n  null,\n  null,\n  null,\n  1\n]\n")
    }

    @Test func everySessionStateOfTheShopTranscriptRoundTripsThroughJSONDecoder() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        for line in SampleTranscripts.shop + ["/edit pattern 2 peak=unknown", "later"] {
            _ = conversation.handle(line)
            let bytes = try CanonicalJSONEncoder().encode(conversation.state)
            let decoded = try JSONDecoder().decode(SessionState.self, from: Data(bytes))
            #expect(decoded == conversation.state)
            #expect(try CanonicalJSONEncoder().encode(decoded) == bytes, "encoding is deterministic")
        }
    }

    @Test func theSameDataAsFoundationsEncoder() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        for line in SampleTranscripts.shop { _ = conversation.handle(line) }
        let ours = try JSONSerialization.jsonObject(with: Data(try CanonicalJSONEncoder().encode(conversation.state))) as? NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(conversation.state)) as? NSDictionary
        #expect(ours != nil)
        #expect(ours == foundation)
    }
}
