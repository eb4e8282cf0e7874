import Foundation
import Testing
import TestSupport

/// What `make run` builds: only the tool, never the benchmarks (a fresh clone would wait for
/// them before the first question).
@Suite struct MakefileTests {
    /// The package root, two folders above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func makeRunBuildsOnlyTheTool() throws {
        // `-n` prints the recipes without running them; `SWIFT=swift` pins the compiler's name.
        let result = try Command(["make", "-n", "-C", Self.packageRoot.path, "run", "SWIFT=swift"]).run()
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        let builds = result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("swift ") }
        #expect(builds == ["swift build --product ddbmodel"])
    }
}
