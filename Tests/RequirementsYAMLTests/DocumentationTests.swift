import Foundation
import Testing

/// The examples in `docs/requirements-yaml.md` say what the loader really does.
@Suite struct DocumentationTests {
    @Test func errorExampleShowsTheRealOutput() throws {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../docs/requirements-yaml.md")
            .standardized.path
        let document = try String(contentsOfFile: path, encoding: .utf8)
        let example = try #require(fencedBlock(after: "For example, this file:", in: document))
        let output = try #require(fencedBlock(after: "gives:", in: document))
        #expect(problems(in: example, fileName: "shop.yaml").joined(separator: "\n") + "\n" == output)
    }

    /// The body of the first fenced code block after `marker`.
    private func fencedBlock(after marker: String, in document: String) -> String? {
        guard let markerRange = document.range(of: marker),
            let open = document.range(of: "```", range: markerRange.upperBound..<document.endIndex),
            let bodyStart = document[open.upperBound...].firstIndex(of: "\n"),
            let close = document.range(of: "\n```", range: bodyStart..<document.endIndex)
        else { return nil }
        return String(document[document.index(after: bodyStart)...close.lowerBound])
    }
}
