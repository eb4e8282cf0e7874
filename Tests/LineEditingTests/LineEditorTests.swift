import Foundation
import Testing
@testable import LineEditing

/// What the editor does without reading from a terminal: set-up and the history file.
///
/// Serialized: libedit and its terminal database are not thread-safe, and editors created in
/// parallel corrupt the heap.
@Suite("LineEditor history file", .serialized)
struct LineEditorTests {
    private func temporaryHistoryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
    }

    @Test("Remembering a line saves it to the history file at once")
    func rememberSaves() throws {
        let file = temporaryHistoryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let editor = try #require(LineEditor(programName: "ddbmodel-tests", historyFile: file.path) { _ in [] })

        editor.remember("retail")

        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("retail"))
    }

    @Test("Blank lines are not remembered")
    func blankLinesIgnored() throws {
        let file = temporaryHistoryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let editor = try #require(LineEditor(programName: "ddbmodel-tests", historyFile: file.path) { _ in [] })

        editor.remember("")
        editor.remember("  \t ")

        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("An existing history file is loaded and kept when saving again")
    func existingHistoryKept() throws {
        let file = temporaryHistoryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let first = try #require(LineEditor(programName: "ddbmodel-tests", historyFile: file.path) { _ in [] })
            first.remember("retail")
        }
        let second = try #require(LineEditor(programName: "ddbmodel-tests", historyFile: file.path) { _ in [] })
        second.remember("/quit")

        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("retail"))
        #expect(saved.contains("/quit"))
    }

    @Test("A history file that cannot be read or written does not prevent editing")
    func unusableHistoryFile() throws {
        let editor = LineEditor(
            programName: "ddbmodel-tests", historyFile: "/nonexistent-dir/history") { _ in [] }
        #expect(editor != nil)
        editor?.remember("retail")
    }
}
