import Foundation
import Requirements
import Testing
import TestSupport

/// User text in the requirements document's code spans: backticks in it cannot end the span.
@Suite struct RequirementsDocumentMarkdownTests {
    /// An imported entity with MySQL indexes whose names hold backticks (a quoted identifier may).
    static func requirements() throws -> Requirements {
        var requirements = Requirements()
        try requirements.addEntity(Entity(
            name: "User", attributes: [Attribute(name: "user_id", type: .string), Attribute(name: "email", type: .string)],
            identifier: ["user_id"], sourceTable: "users",
            sourceIndexes: [
                SourceIndex(name: "by`mail``x", kind: .secondary, attributes: ["email"]),
                SourceIndex(name: "`edge`", kind: .secondary, attributes: ["email"]),
            ]))
        try requirements.acceptGap("index:User:`edge`", reason: "read by the `legacy` job")
        return requirements
    }

    @Test func codeSpansAreFencedLongerThanTheBackticksInside() throws {
        let document = RequirementsDocument.render(try Self.requirements(), gateStatus: "open")
        #expect(document.contains("Fix: ```/pattern \"...\" entities=User type=read eq=email ..., or /accept index:User:by`mail``x REASON```\n"))
        // Ends with a backtick: padded with a space on each side, which CommonMark strips.
        #expect(document.contains("  - Accepted `` index:User:`edge` ``: read by the `legacy` job\n"))
    }

    /// What a CommonMark parser (markdown-it-py, strict CommonMark mode) reads back from the
    /// document's code spans is exactly the text that was put in.
    @Test func aCommonMarkParserReadsBackTheExactText() throws {
        let document = RequirementsDocument.render(try Self.requirements(), gateStatus: "open")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("requirement-\(UUID().uuidString).md")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import html, re, sys
            from markdown_it import MarkdownIt
            page = MarkdownIt("commonmark").render(open(sys.argv[1], encoding="utf-8").read())
            for code in re.findall(r"<code>(.*?)</code>", page, re.S):
                print(html.unescape(code))
            """
        let result = try Command(["python3", "-c", script, file.path]).run()
        try #require(result.status == 0, "markdown-it-py is needed (make test installs it): \(result.output)\(result.errors)")
        let spans = result.output.split(separator: "\n").map(String.init)
        #expect(spans.contains("/pattern \"...\" entities=User type=read eq=email ..., or /accept index:User:by`mail``x REASON"))
        #expect(spans.contains("index:User:`edge`"))
    }
}
