import Foundation
import ShellQuoting
import Testing
import TestSupport

/// Quoted words read back by a real `/bin/sh` as exactly the words given.
@Suite struct ShellQuotingTests {
    @Test(arguments: [
        ("Sessions/shop", "Sessions/shop"), ("", "''"), ("my shop", "'my shop'"),
        ("$(touch x)", "'$(touch x)'"), ("it's", #"'it'\''s'"#), ("~/x", "'~/x'"), ("#x", "'#x'"),
    ])
    func quotesOnlyWhatNeedsIt(word: String, expected: String) {
        #expect(ShellQuoting.quote(word) == expected)
    }

    /// `/bin/sh` splits the quoted line back into the same words, and runs nothing.
    @Test func theShellReadsBackEveryWordUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quoting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let words = [
            "plain", "two words", "$(touch pwned)", "`touch pwned`", "a'b", "\"q\"", "back\\slash", "semi;colon",
            "amp&", "pipe|", "glob*", "~", "$HOME", "new\nline", "tab\there", "émoji 🙂", "-dash", "",
        ]
        // printf prints each argument on a line of its own, wrapped in <> to show empty words.
        let result = try Command(["/bin/sh", "-c", "printf '<%s>\\n' " + ShellQuoting.command(words)], directory: directory).run()
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == words.map { "<\($0)>\n" }.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no command ran")
    }
}
