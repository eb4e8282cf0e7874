import Foundation
import RequirementsYAML
import Testing

/// No input crashes the loader: every outcome is requirements or positioned problems.
@Suite struct RobustnessTests {
    /// Every problem line has the `FILE:LINE:COLUMN: message` shape, with the line inside the file.
    private func expectWellFormed(_ problems: [String], lineCount: Int, input: String) {
        for problem in problems {
            let parts = problem.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            let line = parts.count == 4 ? Int(parts[1]) : nil
            let column = parts.count == 4 ? Int(parts[2]) : nil
            let wellFormed = parts.count == 4 && parts[0] == "t.yaml" && line.map { 1...(lineCount + 1) ~= $0 } == true
                && (column ?? 0) >= 1 && parts[3].hasPrefix(" ") && parts[3].count > 1
            #expect(wellFormed, "\(problem)\nfor input:\n\(input)")
        }
    }

    private func check(_ input: String) {
        // Any of YAML's line breaks may start a line; counting each generously bounds the lines.
        let lineCount = 1 + input.unicodeScalars.filter { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }.count
        expectWellFormed(problems(in: input), lineCount: lineCount, input: input)
    }

    @Test func truncatedExampleFiles() throws {
        let text = try exampleFile("shop.requirements.yaml").text
        for length in stride(from: 0, through: text.count, by: 23) {
            check(String(text.prefix(length)))
        }
    }

    @Test(arguments: [":", "-", "[", "{", "\"", "'", "\t", "&a ", "*a", "!", "#", " ", "\n", "|", "?"])
    func exampleFileWithAnInsertedCharacter(inserted: String) throws {
        let text = try exampleFile("shop.requirements.yaml").text
        for offset in stride(from: 0, to: text.count, by: 97) {
            var changed = text
            changed.insert(contentsOf: inserted, at: changed.index(changed.startIndex, offsetBy: offset))
            check(changed)
        }
    }

    @Test func randomDocuments() {
        let pieces = [
            "overview:", "entities:", "relationships:", "access_patterns:", "accepted_gaps:", "\n", "\n  ", "\n    ", "- ",
            "name: ", "User", "attributes: ", "[", "]", "{", "}", ", ", ": ", "identifier: ", "unique: ", "peak_rps: ",
            "average_rps: ", "-1", "1e400", ".nan", "unknown", "cardinality: ", "avg 5 max 1", "sort: ", "items: ",
            "description: ", "x:string:0", "entities: [User]", "parent: User", "child: User", "~", "\"", "&a", "*a",
            "<<: ", "!!str ", "é", "🙂", "\u{0}", "\r\n",
        ]
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<1500 {
            let count = Int.random(in: 1...30, using: &generator)
            let input = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            check(input)
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let found = problems(in: "entities: " + String(repeating: "[", count: 100_000))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:1:") == true)
    }

    /// The problems of a node used through many aliases are reported once, at the anchored node.
    @Test func aliasedNodesAreReportedOnce() {
        let items = (0..<200).map { _ in "*e" }.joined(separator: ", ")
        let yaml = """
            x: &e {name: Thing, attributes: [a:string, a:string]}
            entities: [\(items)]
            """
        #expect(
            problems(in: yaml) == [
                "t.yaml:1:1: unknown key 'x' at the top level; the keys here are overview, entities, relationships, access_patterns, accepted_gaps",
                "t.yaml:1:14: An entity named Thing already exists: use /edit entity Thing.",
                "t.yaml:1:44: Thing lists the attribute a twice.",
            ])
    }
}

/// A small deterministic random number generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
