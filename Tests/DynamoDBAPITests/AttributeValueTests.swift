import DynamoDBAPI
import Testing

/// Sizes by DynamoDB's documented rules, key ordering, and set and number equality.
struct AttributeValueTests {
    static let sizeCases: [(AttributeValue, Int)] = {
        var cases: [(AttributeValue, Int)] = [(.s("hello"), 5), (.s("é"), 2), (.b([1, 2, 3]), 3), (.bool(true), 1), (.null, 1)]
        cases += [(.n("1"), 2), (.n("12"), 2), (.n("123"), 3), (.n("-1234.5"), 4), (.n("0.001"), 2)]
        cases += [(.n("12345678901234567890123456789012345678"), 20), (.l([.s("ab"), .n("1")]), 9)]
        cases += [(.m(["k": .s("v")]), 6), (.ss(["a", "bc"]), 3), (.ns(["1", "100"]), 4), (.bs([[1], [2, 3]]), 3)]
        return cases
    }()

    @Test(arguments: sizeCases)
    func sizes(value: AttributeValue, expected: Int) {
        #expect(value.sizeInBytes == expected)
    }

    @Test func numberSizeIsCappedAt21Bytes() {
        #expect(AttributeValue.n(String(repeating: "9", count: 38)).sizeInBytes == 20)
        #expect(AttributeValue.n(String(repeating: "9", count: 40)).sizeInBytes == 21)
    }

    @Test func itemSizeCountsNamesAndValues() {
        let item: Item = ["pk": .s("USER#1"), "age": .n("42"), "tags": .ss(["a", "b"])]
        #expect(AttributeValue.itemSize(item) == (2 + 6) + (3 + 2) + (4 + 2))
    }

    @Test func numbersOrderExactlyBeyondDoublePrecision() {
        let a = AttributeValue.n("12345678901234567890123456789012345678")
        let b = AttributeValue.n("12345678901234567890123456789012345679")
        #expect(Double("12345678901234567890123456789012345678") == Double("12345678901234567890123456789012345679"))
        #expect(AttributeValue.compareKeys(a, b) < 0)
        #expect(AttributeValue.compareKeys(b, a) > 0)
        #expect(AttributeValue.keyPrecedes(.n("-10"), .n("-9.5")))
        #expect(AttributeValue.keyPrecedes(.n("-0.5"), .n("0")))
        #expect(AttributeValue.keyPrecedes(.n("9"), .n("10")))
        #expect(AttributeValue.compareKeys(.n("1.50"), .n("1.5")) == 0)
    }

    @Test func stringsOrderByUTF8BytesAndBinariesUnsigned() {
        #expect(AttributeValue.keyPrecedes(.s("Z"), .s("a")))
        #expect(AttributeValue.keyPrecedes(.s("z"), .s("é")))
        #expect(AttributeValue.keyPrecedes(.s("ab"), .s("abc")))
        #expect(AttributeValue.keyPrecedes(.b([0x01]), .b([0xFF])))
        #expect(AttributeValue.keyPrecedes(.b([0x7F]), .b([0x80])))
    }

    @Test func equalityFollowsDynamoDB() {
        // Canonically equivalent but different bytes: different values in DynamoDB.
        #expect(AttributeValue.s("e\u{301}") != AttributeValue.s("\u{E9}"))
        #expect(AttributeValue.n("1") == AttributeValue.n("1.0"))
        #expect(AttributeValue.ss(["a", "b"]) == AttributeValue.ss(["b", "a"]))
        #expect(AttributeValue.ns(["1", "2"]) == AttributeValue.ns(["2.0", "1"]))
        #expect(AttributeValue.l([.s("a"), .s("b")]) != AttributeValue.l([.s("b"), .s("a")]))
        #expect(Set([AttributeValue.ss(["a", "b"]), .ss(["b", "a"])]).count == 1)
    }
}
