import Testing

@testable import RequirementsYAML

@Suite struct KeySuggestionTests {
    static let patternKeys = AccessPatternKey.allCases.map(\.rawValue)

    @Test(arguments: [
        ("peek_rps", "peak_rps"),
        ("peakRPS", "peak_rps"),
        ("peak-rps", "peak_rps"),
        ("avg_rps", nil),
        ("average_rp", "average_rps"),
        ("decription", "description"),
        ("tpye", "type"),
        ("entites", "entities"),
        ("entity", nil),
        ("filters", "filter"),
        ("notsearch", "not_search"),
        ("colour", nil),
        ("x", nil),
    ] as [(String, String?)])
    func suggestsOnlyCloseKeys(typed: String, expected: String?) {
        #expect(KeySuggestion.closest(to: typed, among: Self.patternKeys) == expected)
    }

    @Test(arguments: [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("peak_rps", "peek_rps", 1), ("nmae", "name", 1), ("ab", "ba", 1)])
    func editDistance(first: String, second: String, expected: Int) {
        #expect(KeySuggestion.editDistance(Array(first), Array(second)) == expected)
        #expect(KeySuggestion.editDistance(Array(second), Array(first)) == expected)
    }
}
