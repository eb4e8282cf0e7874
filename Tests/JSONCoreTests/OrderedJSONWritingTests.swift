import JSONCore
import Testing

/// The ordered writer shares its string escaping and its number format with the canonical
/// encoder; these pin both, and the layout of the files written in member order.
@Suite struct OrderedJSONWritingTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func layoutKeepsMemberOrder() {
        let json = OrderedJSON.object([
            ("zebra", .array([.integer(1), .object([]), .array([])])),
            ("apple", .object([("b", .null), ("a", .bool(false))])),
        ])
        #expect(Self.text(json.serialized()) == """
            {
              "zebra": [
                1,
                {},
                []
              ],
              "apple": {
                "b": null,
                "a": false
              }
            }

            """)
        #expect(Self.text(json.compact()) == #"{"zebra":[1,{},[]],"apple":{"b":null,"a":false}}"#)
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (42, "42"), (-7, "-7"), (0.1, "0.1"), (-2.5, "-2.5"), (1e-7, "1e-07"),
        (123456789.125, "123456789.125"), (999_999_999_999_999, "999999999999999"), (1e15, "1000000000000000.0"),
        (2.5e15, "2500000000000000.0"), (1e16, "1e+16"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ])
    func oneNumberFormat(value: Double, expected: String) throws {
        #expect(OrderedJSON.numberText(value) == expected)
        #expect(Self.text(OrderedJSON.number(value).compact()) == expected)
        #expect(Self.text(try CanonicalJSONEncoder().encode(value)) == expected + "\n")
    }

    @Test(arguments: ["plain", "quote \" backslash \\ slash /", "\u{08}\u{0C}\n\r\t", "\u{00}\u{1F}\u{7F}", "café 😀"])
    func oneStringEscaping(value: String) throws {
        let written = OrderedJSON.string(value).compact()
        #expect(written == (try CanonicalJSONEncoder().encode(value)).dropLast())
        #expect(try OrderedJSON.parse(written) == .string(value))
    }

    @Test func shortEscapesForControlCharactersThatHaveThem() {
        #expect(Self.text(OrderedJSON.string("\u{08}\u{0C}\n\r\t\u{01}\"\\").compact()) == #""\b\f\n\r\t\u0001\"\\""#)
    }
}
