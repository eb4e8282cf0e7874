import Requirements
import Testing

@Suite struct AnswerParserTests {
    @Test(arguments: [
        ("500", Estimate.known(500)), ("1,200", .known(1200)), ("2.5k", .known(2500)), ("1m", .known(1_000_000)),
        ("unknown", .unknown), ("UNKNOWN", .unknown), (" 0.5 ", .known(0.5)),
    ])
    func estimatesAreRead(text: String, expected: Estimate) throws {
        #expect(try AnswerParser.estimate(text, what: "Peak RPS") == expected)
    }

    @Test(arguments: ["lots", "-5", "", "5 rps", "1e400", "k"])
    func badEstimatesSayWhatIsExpected(text: String) {
        #expect(throws: RequirementsError("Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".")) {
            try AnswerParser.estimate(text, what: "Peak RPS")
        }
    }

    @Test(arguments: [
        ("avg 5 max 1000", CardinalityAnswer.known(Cardinality(average: 5, maximum: 1000))),
        ("average 2.5, maximum 10", .known(Cardinality(average: 2.5, maximum: 10))),
        ("avg 5 max unbounded", .known(Cardinality(average: 5, maximum: nil))),
        ("5/1000", .known(Cardinality(average: 5, maximum: 1000))),
        ("max 50 avg 3", .known(Cardinality(average: 3, maximum: 50))),
        ("unknown", .unknown),
    ])
    func cardinalitiesAreRead(text: String, expected: CardinalityAnswer) throws {
        #expect(try AnswerParser.cardinality(text) == expected)
    }

    @Test(arguments: ["5", "avg 5", "max 100", "avg five max 10", "avg 10 max 5", "lots"])
    func incompleteOrInconsistentCardinalitiesAreRefused(text: String) {
        #expect(throws: RequirementsError.self) { try AnswerParser.cardinality(text) }
    }

    @Test func attributesAreReadWithTypesAndSizes() throws {
        let attributes = try AnswerParser.attributes("user_id:string:36, email:varchar:40,age:int , active:bool")
        #expect(attributes == [
            Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
            Attribute(name: "email", type: .string, typicalSizeBytes: 40),
            Attribute(name: "age", type: .number),
            Attribute(name: "active", type: .boolean),
        ])
    }

    @Test(arguments: [
        ("user_id", "\"user_id\" should be name:type or name:type:size, such as email:string:40."),
        ("user_id:strng", "\"strng\" (in user_id:strng) is not a type: use one of string, number, boolean, date, datetime, binary, json, list, set."),
        ("user_id:string:big", "The size in \"user_id:string:big\" must be a whole number of bytes, such as 40."),
        ("1st:string", "\"1st\" is not a valid attribute name: use letters, digits and _ (starting with a letter), such as user_id."),
    ])
    func badAttributesNameTheProblem(text: String, message: String) {
        #expect(throws: RequirementsError(message)) { try AnswerParser.attributes(text) }
    }

    @Test func sortsAndItemCounts() throws {
        #expect(try AnswerParser.sort("created_at desc") == .attribute(SortRequirement(attribute: "created_at", direction: .descending)))
        #expect(try AnswerParser.sort("created_at") == .attribute(SortRequirement(attribute: "created_at", direction: .ascending)))
        #expect(try AnswerParser.sort("none") == SortAnswer.none)
        #expect(throws: RequirementsError.self) { try AnswerParser.sort("created_at sideways") }
        #expect(try AnswerParser.itemCount("1") == .known(ItemCount(average: 1, maximum: 1)))
        #expect(try AnswerParser.itemCount("avg 20 max 100") == .known(ItemCount(average: 20, maximum: 100)))
        #expect(try AnswerParser.itemCount("unknown") == .unknown)
    }

    @Test func averageAbovePeakIsRefused() {
        #expect(throws: RequirementsError("The average RPS (300) cannot be higher than the peak RPS (200).")) {
            try AnswerParser.checkRPS(peak: .known(200), average: .known(300))
        }
    }
}
