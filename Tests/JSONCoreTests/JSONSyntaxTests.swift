import Foundation
import JSONCore
import SeededRandom
import Testing

/// One input for the parser and what it should say about it.
struct SyntaxCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    /// nil for valid input.
    let expected: Expected?

    struct Expected: Sendable {
        let line: Int
        let column: Int
        let messageContains: String
        let isEndOfFile: Bool
    }

    var testDescription: String { name }

    static func valid(_ name: String, _ text: String) -> SyntaxCase {
        SyntaxCase(name: name, bytes: Array(text.utf8), expected: nil)
    }

    static func valid(_ name: String, bytes: [UInt8]) -> SyntaxCase {
        SyntaxCase(name: name, bytes: bytes, expected: nil)
    }

    static func invalid(
        _ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String, endOfFile: Bool = false
    ) -> SyntaxCase {
        invalid(name, bytes: Array(text.utf8), line, column, message, endOfFile: endOfFile)
    }

    static func invalid(
        _ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, endOfFile: Bool = false
    ) -> SyntaxCase {
        SyntaxCase(
            name: name, bytes: bytes,
            expected: Expected(line: line, column: column, messageContains: message, isEndOfFile: endOfFile))
    }
}

/// The one JSON parser, in both its modes: the syntax check (`syntaxError(in:)`, used for
/// `session.json`) and the parse that builds values (`parse`, used for contracts and DynamoDB
/// bodies). Every case runs through both, which must agree.
@Suite struct JSONSyntaxTests {
    static let validCases: [SyntaxCase] = [
        .valid("empty object", "{}"),
        .valid("empty array", "[]"),
        .valid("whitespace and numbers", " \t\r\n{\"a\": [1, -2.5e+10, 0, 0.0, 1E-3, -0, 12.75E2, true, false, null]}\r\n"),
        .valid("top-level string", "\"just a string\""),
        .valid("top-level number", "-0.5e-7"),
        .valid("every escape", #"{"esc": "\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00 \u0000"}"#),
        .valid("nesting", #"{"nested": {"deeper": [[[{"x": {}}, []]]], "y": [{}, {"z": null}]}}"#),
        .valid("UTF-8 text and DEL", "[\"café\", \"日本語\", \"😀\", \"\u{7F}\"]"),
        .valid("empty key and string", #"{"": ""}"#),
        .valid("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)),
        .valid("512 levels", String(repeating: "[", count: 512) + String(repeating: "]", count: 512)),
        .valid("the sample document", SampleDocument.text),
    ]

    static let invalidCases: [SyntaxCase] = [
        .invalid("empty", "", 1, 1, "the document is empty"),
        .invalid("only whitespace", "  \n ", 2, 2, "the document is empty"),
        .invalid("trailing comma in object", #"{"a": 1,}"#, 1, 9, "trailing comma before '}'"),
        .invalid("trailing comma in array", "[1, 2,]", 1, 7, "trailing comma before ']'"),
        .invalid("missing colon", #"{"a" 1}"#, 1, 6, "expected ':' after the object key"),
        .invalid("missing comma between members", #"{"a": 1 "b": 2}"#, 1, 9, "expected ',' or '}' after an object member"),
        .invalid("missing comma between elements", "[1 2]", 1, 4, "expected ',' or ']' after an array element"),
        .invalid("misspelt literal", "{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, "unknown word 'tru'"),
        .invalid("NaN", "[NaN]", 1, 2, "unknown word 'NaN'"),
        .invalid("garbage after the value", #"{"a": 1}}"#, 1, 9, "expected the end of the file"),
        .invalid("garbage after whitespace", "{\"a\":1}  x", 1, 10, "expected the end of the file"),
        .invalid("leading zero", #"{"a": 01}"#, 1, 7, "leading zeros"),
        .invalid("no digit after the point", "[1.]", 1, 4, "expected a digit after the decimal point"),
        .invalid("no digit in the exponent", "[1e+]", 1, 5, "expected a digit after the exponent marker"),
        .invalid("lone minus", "[-]", 1, 3, "expected a digit after '-'"),
        .invalid("invalid escape", #"["a\qb"]"#, 1, 4, "invalid escape \\q"),
        .invalid("bad hex in \\u", #"["\u12G4"]"#, 1, 7, "expected 4 hexadecimal digits"),
        .invalid("lone high surrogate", #"["\uD800"]"#, 1, 3, "unpaired high surrogate \\uD800"),
        .invalid("high surrogate then a non-surrogate", #"["\uD83D\u0041"]"#, 1, 3, "unpaired high surrogate"),
        .invalid("lone low surrogate", #"["x\uDC00"]"#, 1, 4, "unpaired low surrogate \\uDC00"),
        .invalid("raw line break in a string", "[\"a\nb\"]", 1, 4, "line break inside a string"),
        .invalid("raw control character", "[\"\u{1}\"]", 1, 3, "control character U+0001"),
        .invalid("invalid UTF-8 byte", bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D], 1, 3, "invalid UTF-8 (byte 0xFF)"),
        .invalid("overlong UTF-8", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], 1, 3, "invalid UTF-8 (byte 0xC0)"),
        .invalid("UTF-8 surrogate", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], 1, 3, "invalid UTF-8"),
        .invalid("bad byte after accented text", bytes: Array("[\"é".utf8) + [0xFF, 0x22, 0x5D], 1, 4, "invalid UTF-8"),
        .invalid("single quotes", "{'a': 1}", 1, 2, "double quotes"),
        .invalid("unquoted key", "{a: 1}", 1, 2, "object keys must be strings in double quotes"),
        .invalid("comment", "// settings\n{}", 1, 1, "comments are not allowed"),
        .invalid("value missing after colon", "{\t\"a\"\t:\t}", 1, 9, "expected a value after ':'"),
        .invalid("CRLF line endings", "{\r\n\"a\":\r\n}", 3, 1, "expected a value after ':'"),
        .invalid("byte order mark is not a column", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a" 1}"#.utf8), 1, 6, "expected ':'"),
        .invalid("UTF-16", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], 1, 1, "UTF-16"),
        .invalid("too deep", String(repeating: "[", count: 513), 1, 513, "nested more than 512 levels"),
        .invalid("truncated array", #"{"a": [1, 2"#, 1, 12, "unexpected end of file", endOfFile: true),
        .invalid("truncated string", #"{"a": "abc"#, 1, 11, "expected a closing '\"'", endOfFile: true),
        .invalid("truncated literal", "{\n  \"a\": tr", 2, 10, "expected 'true'", endOfFile: true),
        .invalid("truncated escape", #"["\u00"#, 1, 7, "unexpected end of file", endOfFile: true),
        .invalid("truncated inside a character", bytes: [0x5B, 0x22, 0xC3], 1, 4, "unexpected end of file", endOfFile: true),
        .invalid("truncated after a key", #"{"a""#, 1, 5, "expected ':'", endOfFile: true),
        .invalid("truncated number", "[1.", 1, 4, "unexpected end of file", endOfFile: true),
    ]

    @Test(arguments: validCases)
    func acceptsValidJSON(_ input: SyntaxCase) throws {
        #expect(OrderedJSON.syntaxError(in: input.bytes) == nil)
        let parsed = try OrderedJSON.parse(input.bytes)
        // Whatever the parser accepts, the decoder that reads session.json afterwards must accept
        // too, with the same values.
        let decoded = try JSONDecoder().decode(AnyJSON.self, from: Data(input.bytes))
        #expect(decoded.matches(parsed), "parsed as \(parsed)")
    }

    @Test(arguments: invalidCases)
    func reportsTheFirstErrorWithItsPosition(_ input: SyntaxCase) throws {
        let expected = try #require(input.expected)

        let error = try #require(OrderedJSON.syntaxError(in: input.bytes))

        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains(expected.messageContains), "message was: \(error.message)")
        #expect(error.isUnexpectedEndOfFile == expected.isEndOfFile)
        #expect(throws: error) { try OrderedJSON.parse(input.bytes) }
    }

    @Test func everyStrictPrefixOfADocumentIsReportedAsTruncatedWhereItEnds() {
        let full = Array(SampleDocument.text.utf8)
        for cut in 1..<full.count - 1 {
            let prefix = Array(full.prefix(cut))
            let error = OrderedJSON.syntaxError(in: prefix)
            let lines = String(decoding: prefix, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let (line, column) = (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
            #expect(
                error?.isUnexpectedEndOfFile == true && error?.line == line && error?.column == column,
                "cut at byte \(cut): \(String(describing: error))")
        }
    }

    @Test func hostileNestingIsRefusedWithoutRecursion() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)

        let error = try #require(OrderedJSON.syntaxError(in: bytes))

        #expect(error.line == 1)
        #expect(error.column == OrderedJSON.maximumDepth + 1)
        #expect(throws: error) { try OrderedJSON.parse(bytes) }
    }

    /// Random bytes and random damage to a real document: the parser must never crash; both modes
    /// must agree; anything it accepts must decode to the same values with `JSONDecoder` and
    /// survive writing and reading again.
    @Test func randomInputNeverCrashesAndAcceptedInputDecodes() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let sample = Array(SampleDocument.text.utf8)
        let alphabet = Array(#"{}[]:,"\ 0123456789.eE+-tfnrulasx"#.utf8) + [0x0A, 0xC3, 0xA9, 0xFF, 0x00]
        func randomByte() -> UInt8 { alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        var accepted = 0
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round.isMultiple(of: 2) {
                bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in randomByte() }
            } else {
                bytes = sample
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[position] = randomByte()
                }
            }
            let checked = OrderedJSON.syntaxError(in: bytes)
            let parsed = Result { () throws(JSONSyntaxError) in try OrderedJSON.parse(bytes) }
            guard case .success(let value) = parsed else {
                #expect(parsed == .failure(checked ?? JSONSyntaxError(line: 0, column: 0, message: "accepted by the check")))
                continue
            }
            #expect(checked == nil, "parsed, but the check said \(String(describing: checked))")
            accepted += 1
            let decoded = try? JSONDecoder().decode(AnyJSON.self, from: Data(bytes))
            #expect(decoded?.matches(value) == true, "accepted but JSONDecoder read otherwise: \(String(decoding: bytes, as: UTF8.self))")
            #expect((try? OrderedJSON.parse(value.serialized())) == value, "did not survive writing: \(value)")
        }
        // Enough damaged documents stay valid for the comparison with JSONDecoder to mean something.
        #expect(accepted > 100)
    }
}
