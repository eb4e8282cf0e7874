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
        #expect(throws: JSONSyntaxError(line: 1, column: 3, message: "numbers must not have leading zeros")) { try OrderedJSON.parse(Array("[01]".utf8)) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try OrderedJSON.parse(Array(deep.utf8)) }
    }
}
