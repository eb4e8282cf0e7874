import Foundation
import RequirementsYAML
import SeededRandom
import Testing

import Requirements

/// No input crashes the loader: every outcome is requirements or positioned problems. Each test
/// also pins outcomes it can know (a word cut short, a character before a number, a NUL), so a
/// loader that accepted everything would fail it.
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

    /// Checks the problems' shape and returns them (empty when the input loaded).
    @discardableResult
    private func check(_ input: String) -> [String] {
        // Any of YAML's line breaks may start a line; counting each generously bounds the lines.
        let lineCount = 1 + input.unicodeScalars.filter { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }.count
        let found = problems(in: input)
        expectWellFormed(found, lineCount: lineCount, input: input)
        return found
    }

    @Test func truncatedExampleFiles() throws {
        let text = try exampleFile("shop.requirements.yaml").text
        var refused = 0
        for length in stride(from: 0, through: text.count, by: 23) {
            if !check(String(text.prefix(length))).isEmpty { refused += 1 }
        }
        #expect(refused > 0, "files cut in the middle of a value are refused")
        let whole = try loadYAML(text)
        #expect(whole.entities.map(\.name) == ["User", "Product", "Order", "OrderItem"])
        #expect(whole.accessPatterns.count == 8)
    }

    /// A file cut in the middle of a word is refused at that word, with the domain's message.
    @Test(arguments: [
        ("    type: rea", "t.yaml:76:11: The type must be one of: read, write, update, delete, search."),
        ("    consistency: stro", "t.yaml:96:18: Consistency must be eventual or strong."),
        ("    identifier: user_i", "t.yaml:17:17: The identifier user_i is not an attribute of User; its attributes are ."),
    ])
    func aFileCutInTheMiddleOfAWordIsRefusedAtThatWord(cutAfter: String, problem: String) throws {
        let text = try exampleFile("shop.requirements.yaml").text
        let cut = try #require(text.range(of: cutAfter)).upperBound
        #expect(problems(in: String(text[..<cut])) == [problem])
    }

    /// The sweep inserts the character every 97 characters and only checks the problems' shape;
    /// the same character inserted before the overview's peak RPS (`peak_rps: 2000`) has a known
    /// outcome: the problems, or the peak read.
    @Test(arguments: [
        (":", "t.yaml:12:13: Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".", nil),
        ("-", "t.yaml:12:13: Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".", nil),
        ("[", "t.yaml:14:9: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 12, column 13)", nil),
        ("{", "t.yaml:14:9: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping that starts at line 12, column 13)", nil),
        ("\"", "t.yaml:84:15: invalid YAML: did not find expected key (while parsing a block mapping that starts at line 6, column 3)", nil),
        ("'", "t.yaml:113:30: invalid YAML: did not find expected key (while parsing a block mapping that starts at line 6, column 3)", nil),
        ("\t", nil, Estimate.known(2_000)),
        ("&a ", nil, Estimate.known(2_000)),
        ("*a", "t.yaml:12:13: invalid YAML: found undefined alias", nil),
        ("!", "t.yaml:12:13: Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".", nil),
        ("#", nil, nil),
        (" ", nil, Estimate.known(2_000)),
        ("\n", "t.yaml:15:1: invalid YAML: could not find expected ':' (while scanning a simple key that starts at line 13, column 1)", nil),
        ("|", "t.yaml:12:15: invalid YAML: did not find expected comment or line break (while scanning a block scalar that starts at line 12, column 13)", nil),
        ("?", "t.yaml:12:13: Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".", nil),
    ] as [(String, String?, Estimate?)])
    func exampleFileWithAnInsertedCharacter(inserted: String, problemAtPeak: String?, peak: Estimate?) throws {
        let text = try exampleFile("shop.requirements.yaml").text
        for offset in stride(from: 0, to: text.count, by: 97) {
            var changed = text
            changed.insert(contentsOf: inserted, at: changed.index(changed.startIndex, offsetBy: offset))
            check(changed)
        }
        let value = text.index(try #require(text.range(of: "peak_rps: 2000")).lowerBound, offsetBy: "peak_rps: ".count)
        var atPeak = text
        atPeak.insert(contentsOf: inserted, at: value)
        if let problemAtPeak {
            #expect(problems(in: atPeak) == [problemAtPeak])
        } else {
            #expect(try loadYAML(atPeak).overview.peakRequestsPerSecond == peak)
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
        var refused = 0
        for _ in 0..<1500 {
            let count = Int.random(in: 1...30, using: &generator)
            let input = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let found = check(input)
            if !found.isEmpty { refused += 1 }
            // A NUL is never text: whatever surrounds it, the file is refused.
            if input.contains("\u{0}") { #expect(!found.isEmpty, "accepted a NUL in:\n\(input)") }
            // Whatever a document loads satisfies the domain's own rules.
            if found.isEmpty, let loaded = try? loadYAML(input) {
                #expect(loaded.entities.allSatisfy { NameRules.isIdentifier($0.name) }, "\(input)")
                #expect(loaded.accessPatterns.allSatisfy { !$0.description.isEmpty }, "\(input)")
            }
        }
        #expect(refused > 0)
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
