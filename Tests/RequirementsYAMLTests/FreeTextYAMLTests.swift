import Requirements
import RequirementsYAML
import Testing

/// A requirements file is held to the same text rule as the prompt: control characters and
/// escape sequences are refused at their line and column, and outsized or alias-multiplied text
/// fails at once instead of being trimmed, checked and saved for minutes.
@Suite struct FreeTextYAMLTests {
    static let rule = "control characters, terminal escape sequences and bidirectional-text overrides are not accepted. Remove it and try again."

    @Test(arguments: [
        (#"description: "Get user \e[31mby ID""#, "t.yaml:6:18: This text contains the control character U+001B (ESC) at character 10; "),
        (#"description: "Get user\0 by ID""#, "t.yaml:6:18: This text contains the control character U+0000 (NUL) at character 9; "),
        (#"description: "Get \u202Euser""#, "t.yaml:6:18: This text contains the bidirectional-text control U+202E (RLO) at character 5; "),
        (#"description: "Get \x85user""#, "t.yaml:6:18: This text contains the control character U+0085 (NEL) at character 5; "),
        (#""descr\eiption": Get user"#, "t.yaml:6:5: This text contains the control character U+001B (ESC) at character 6; "),
    ])
    func aControlCharacterIsRefusedWhereItIs(line: String, problem: String) {
        let yaml = userEntityYAML + "\naccess_patterns:\n  - " + line + "\n    entities: [User]\n"
        #expect(problems(in: yaml) == [problem + Self.rule])
    }

    /// Line breaks inside a block value are text (the document shows them as spaces).
    @Test func aMultiLineContextIsText() throws {
        let requirements = try loadYAML("overview:\n  business_context: |\n    Orders are never lost.\n    Emails are unique.\n")
        #expect(requirements.overview.businessContext == "Orders are never lost.\nEmails are unique.")
    }

    /// 4 KB for a description, checked by the same rule as at the prompt, at the value's place.
    @Test func aDescriptionOver4KBIsRefusedAtItsValue() {
        let yaml = userEntityYAML + "\naccess_patterns:\n  - description: " + String(repeating: "d", count: 5_000) + "\n    entities: [User]\n"
        #expect(problems(in: yaml) == [
            "t.yaml:6:18: The description is 5,000 bytes long; at most 4,096 (4 KB) are accepted. Shorten it, and keep longer material in a document of its own.",
        ])
    }

    /// One 1 MB string anchored once and used as 300 descriptions: one problem, at the anchor,
    /// found without reading 300 MB.
    @Test func anAliasedHugeStringFailsAtOnce() {
        var yaml = "overview:\n  domain: shop\n  business_context: &big " + String(repeating: "x", count: 1 << 20) + "\n" + userEntityYAML + "\naccess_patterns:\n"
        for _ in 0..<300 { yaml += "  - description: *big\n    entities: [User]\n" }
        #expect(problems(in: yaml) == [
            "t.yaml:3:21: This text is 1,048,576 bytes long; at most 16,384 (16 KB) are accepted. Shorten it, and keep longer material in a document of its own.",
        ])
    }

    /// Aliases of lists of aliases expand without bound ("a billion laughs"): the walk stops.
    @Test func anExponentialAliasExpansionIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(problems(in: yaml) == [
            "t.yaml:1:1: the file holds more than 250,000 values once its aliases are expanded; requirements files are read up to that size",
        ])
    }
}
