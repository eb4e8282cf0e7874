import Foundation
import Testing

/// The repository stands on its own: `docs/architecture.md` lists every target with the
/// dependencies `Package.swift` gives it, the rule citations in the code name sections that
/// exist, and no text cites the documents the product was first written from.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every target of `Package.swift` has a row in the architecture's target table, with exactly
    /// its dependencies; test targets are listed by name.
    @Test func theArchitectureListsEveryTargetWithItsDependencies() throws {
        let targets = try PackageManifestTargets.parse(Self.text("Package.swift"))
        #expect(targets.count > 20, "the manifest reader found \(targets.count) targets")
        let documented = try ArchitectureTable.parse(Self.text("docs/architecture.md"))
        for target in targets where !target.isTest {
            let row = documented.rows[target.name]
            #expect(row != nil, "docs/architecture.md has no row for the target \(target.name)")
            if let row { #expect(row == Set(target.dependencies), "docs/architecture.md gives \(target.name) the dependencies \(row.sorted()), Package.swift \(target.dependencies.sorted())") }
        }
        let names = Set(targets.map(\.name))
        for name in documented.rows.keys { #expect(names.contains(name), "docs/architecture.md lists \(name), which Package.swift does not have") }
        for target in targets where target.isTest {
            #expect(documented.testTargets.contains(target.name), "docs/architecture.md does not list the test target \(target.name)")
        }
    }

    /// `docs/NAME.md, "Section"` in a comment or message names a heading of that document, so a
    /// reader can follow every citation (and renaming a section breaks this test, not the reader).
    @Test func everyCitedSectionExists() throws {
        var checked = 0
        for file in try Self.files(under: "Sources", ending: ".swift") {
            // Comments wrap: join a citation split over two comment lines.
            let text = try Self.text(file).replacingOccurrences(of: #"\n\s*///?\s*"#, with: " ", options: .regularExpression)
            let citation = try Regex(#"`?docs/([\w-]+)\.md`?,\s*"([^"]+)""#)
            for match in text.matches(of: citation) {
                let document = String(match.output[1].substring ?? "")
                let section = String(match.output[2].substring ?? "")
                let headings = try Self.headings(of: "docs/\(document).md")
                #expect(headings.contains { $0 == section || $0.hasPrefix(section) }, "\(file) cites docs/\(document).md, \"\(section)\", which has no such section")
                checked += 1
            }
        }
        #expect(checked > 50, "found only \(checked) citations")
    }

    /// No product text, code, example or test cites the original documents or their rule numbers.
    @Test func nothingCitesTheOriginalDocuments() throws {
        let pattern = try Regex(#"(?i)\bseed\s*00\d|\bseeds/|modeling[- ]rules|§"#)
        var files = try Self.files(under: "Sources", ending: ".swift") + Self.files(under: "docs", ending: ".md")
        files += try Self.files(under: "Sessions", ending: ".md") + Self.files(under: "Sessions", ending: ".json") + ["README.md"]
        // The tests too (this file names the patterns it looks for).
        files += try (Self.files(under: "Tests", ending: ".swift") + Self.files(under: "Tests", ending: ".yaml"))
            .filter { !$0.hasSuffix("/RepositoryTests.swift") }
        for file in files {
            let text = try Self.text(file)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(pattern) {
                Issue.record("\(file):\(number + 1) cites the original documents: \(line)")
            }
        }
    }

    static func headings(of path: String) throws -> [String] {
        try text(path).split(separator: "\n").compactMap { line in
            guard line.hasPrefix("#") else { return nil }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            // "7a. Lifecycle: ..." is cited as "Lifecycle: ...".
            return title.replacingOccurrences(of: #"^\d+[a-z]?\.\s+"#, with: "", options: .regularExpression)
        }
    }

    static func files(under folder: String, ending suffix: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }
}

/// The targets of `Package.swift` and the dependencies each names, read from its text: every
/// `.target(`, `.executableTarget(`, `.systemLibrary(` and `.testTarget(` call, its `name:` and the
/// strings of its `dependencies:` array (`.product(name: X, package: P)` as `X (P)`).
enum PackageManifestTargets {
    struct Target {
        let name: String
        let dependencies: [String]
        let isTest: Bool
    }

    static func parse(_ manifest: String) throws -> [Target] {
        let call = try Regex(#"\.(target|executableTarget|systemLibrary|testTarget)\("#)
        return manifest.matches(of: call).compactMap { match in
            let arguments = balanced(manifest, from: manifest.index(before: match.range.upperBound), open: "(", close: ")")
            guard let name = arguments.firstMatch(of: /name:\s*"([^"]+)"/)?.output.1 else { return nil }
            var dependencies: [String] = []
            if let start = arguments.firstMatch(of: /dependencies:\s*\[/) {
                let list = balanced(arguments, from: arguments.index(before: start.range.upperBound), open: "[", close: "]")
                    .replacing(/\.product\(name:\s*"([^"]+)",\s*package:\s*"([^"]+)"\)/) { "\"\($0.output.1) (\($0.output.2))\"" }
                dependencies = list.matches(of: /"([^"]+)"/).map { String($0.output.1) }
            }
            return Target(name: String(name), dependencies: dependencies, isTest: match.output[1].substring == "testTarget")
        }
    }

    /// The text between the bracket at `start` and the one that closes it.
    static func balanced(_ text: String, from start: String.Index, open: Character, close: Character) -> String {
        var depth = 0
        var index = start
        while index < text.endIndex {
            if text[index] == open { depth += 1 }
            if text[index] == close {
                depth -= 1
                if depth == 0 { return String(text[text.index(after: start)..<index]) }
            }
            index = text.index(after: index)
        }
        return String(text[text.index(after: start)...])
    }
}

/// The "Targets" table of `docs/architecture.md` (`| \`Name\` | \`A\`, \`B\` | job |`) and its
/// list of test targets (the line starting "Test targets:").
struct ArchitectureTable {
    var rows: [String: Set<String>] = [:]
    var testTargets: Set<String> = []

    static func parse(_ document: String) throws -> ArchitectureTable {
        var table = ArchitectureTable()
        for line in document.split(separator: "\n") {
            if line.hasPrefix("Test targets:") {
                table.testTargets = Set(line.matches(of: /`([^`]+)`/).map { String($0.output.1) })
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, let name = cells[1].wholeMatch(of: /`([^`]+)`/)?.output.1 else { continue }
            table.rows[String(name)] = Set(cells[2].matches(of: /`([^`]+)`/).map { String($0.output.1) })
        }
        return table
    }
}
