import JSONCore
import Testing

@Suite struct OrderedJSONParsingTests {
    @Test func parsingKeepsKeyOrderAndRoundTrips() throws {
        let text = "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n    -2.5,\n    \"x\\\"y\\u00e9\\ud83d\\ude00\"\n  ]\n}\n"
        let json = try OrderedJSON.parse(Array(text.utf8))
        #expect(json == .object([("b", .integer(1)), ("a", .array([.bool(true), .null, .number(-2.5), .string("x\"yé😀")]))]))
        #expect(String(decoding: json.serialized(), as: UTF8.self) == "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n    -2.5,\n    \"x\\\"yé😀\"\n  ]\n}\n")
    }

    @Test func rejectsLeadingZerosAndDeepNesting() {
        #expect(throws: JSONSyntaxError(line: 1, column: 2, message: "numbers must not have leading zeros")) { try OrderedJSON.parse(Array("[01]".utf8)) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError(line: 1, column: 513, message: "arrays and objects are nested more than 512 levels deep")) {
            try OrderedJSON.parse(Array(deep.utf8))
        }
    }

    @Test func keysWrittenTwiceAreKeptInOrder() throws {
        let json = try OrderedJSON.parse(Array(#"{"a": 1, "b": {}, "a": [2, 1e2, 9223372036854775808]}"#.utf8))
        #expect(json == .object([("a", .integer(1)), ("b", .object([])), ("a", .array([.integer(2), .number(100), .number(9223372036854775808)]))]))
    }

    @Test func parsingWhatWasWrittenGivesTheSameValueAndTheSameBytes() throws {
        let parsed = try OrderedJSON.parse(Array(SampleDocument.text.utf8))
        let written = parsed.serialized()
        #expect(try OrderedJSON.parse(written) == parsed)
        #expect(try OrderedJSON.parse(written).serialized() == written)
        #expect(try OrderedJSON.parse(parsed.compact()) == parsed)
    }
}
