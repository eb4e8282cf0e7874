import DynamoDBAPI
import Testing

/// Exact decimal numbers: reading, canonical text, arithmetic and DynamoDB's range.
struct DynamoDBNumberTests {
    @Test(arguments: [
        ("1", "1"), ("1.0", "1"), ("-0", "0"), ("0.50", "0.5"), ("+7", "7"), (".5", "0.5"), ("5.", "5"),
        ("1e3", "1000"), ("1.5E-2", "0.015"), ("-12.340", "-12.34"), ("000123", "123"),
    ])
    func canonicalText(text: String, expected: String) throws {
        #expect(try #require(DynamoDBNumber(text)).description == expected)
    }

    @Test(arguments: ["", "abc", "1..2", "1e", "--1", " 1", "NaN", "Infinity", "1,5", "0x10"])
    func rejectsNonNumbers(text: String) {
        #expect(DynamoDBNumber(text) == nil)
    }

    @Test func arithmeticIsExact() throws {
        let a = try #require(DynamoDBNumber("0.1"))
        let b = try #require(DynamoDBNumber("0.2"))
        #expect((a + b).description == "0.3")
        #expect((a - b).description == "-0.1")
        let big = try #require(DynamoDBNumber("99999999999999999999999999999999999999"))
        #expect((big - big).description == "0")
        #expect((try #require(DynamoDBNumber("-5")) + (try #require(DynamoDBNumber("12")))).description == "7")
        #expect((try #require(DynamoDBNumber("999")) + (try #require(DynamoDBNumber("1")))).description == "1000")
    }

    @Test func rangeProblems() throws {
        #expect(try #require(DynamoDBNumber(String(repeating: "1", count: 38))).rangeProblem == nil)
        #expect(try #require(DynamoDBNumber(String(repeating: "1", count: 39))).rangeProblem?.contains("38 significant digits") == true)
        #expect(try #require(DynamoDBNumber("1E+126")).rangeProblem?.contains("overflow") == true)
        #expect(try #require(DynamoDBNumber("9.9E+125")).rangeProblem == nil)
        #expect(try #require(DynamoDBNumber("1E-130")).rangeProblem == nil)
        #expect(try #require(DynamoDBNumber("1E-131")).rangeProblem?.contains("underflow") == true)
    }
}
