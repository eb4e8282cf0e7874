import Foundation
import Testing

@testable import SessionStore

@Suite final class VersionedJSONLoaderTests {
    /// A fresh directory for each test; Swift Testing makes a new suite instance per test and
    /// drops it when the test ends, which is when the directory goes.
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        directory.remove()
    }

    /// Writes `text` as `session.json` in the test's directory.
    private func sessionFile(_ text: String) throws -> URL {
        try sessionFile(Data(text.utf8))
    }

    private func sessionFile(_ data: Data) throws -> URL {
        let url = directory.file("session.json")
        try data.write(to: url)
        return url
    }

    /// Loads and expects a `StoreError`, checking that the file is byte-for-byte what it was before.
    private func loadError(_ url: URL, newestVersion: Int = 1) throws -> StoreError? {
        let before = try Data(contentsOf: url)
        let error = #expect(throws: StoreError.self) {
            _ = try VersionedJSONLoader.load(SampleSession.self, from: url, newestVersion: newestVersion)
        }
        #expect(try Data(contentsOf: url) == before, "a failed load must leave the file untouched")
        return error
    }

    @Test func decodesAValidDocument() throws {
        let url = try sessionFile(SampleSession.document)

        let session = try VersionedJSONLoader.load(SampleSession.self, from: url, newestVersion: 1)

        #expect(session.formatVersion == 1)
        #expect(session.name == "orders")
        #expect(session.requirements.accessPatterns.map(\.peakRPS) == [.known(120), .unknown, .known(35), .known(0)])
        #expect(session.requirements.accessPatterns[2].description == "Café menu – prices in €")
        #expect(session.requirements.accessPatterns[3].description == "Escapes \" \\ \n é 😀")
        #expect(session.requirements.notes == nil)
    }

    @Test func acceptsAnOlderFormatVersion() throws {
        let url = try sessionFile(SampleSession.document)

        let session = try VersionedJSONLoader.load(SampleSession.self, from: url, newestVersion: 3)

        #expect(session.formatVersion == 1)
    }

    @Test func aMissingFileIsNamed() throws {
        let url = directory.file("session.json")

        #expect(throws: StoreError.fileNotFound(path: url.path)) {
            _ = try VersionedJSONLoader.load(SampleSession.self, from: url, newestVersion: 1)
        }
    }

    @Test func aFolderInsteadOfAFileIsUnreadable() throws {

        let error = #expect(throws: StoreError.self) {
            _ = try VersionedJSONLoader.load(SampleSession.self, from: directory.url, newestVersion: 1)
        }

        guard case .unreadable(let path, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == directory.url.path)
    }

    @Test(arguments: ["", "   \n\t\r\n"])
    func anEmptyFileIsAnError(text: String) throws {
        let url = try sessionFile(text)

        let error = try loadError(url)

        #expect(error == .emptyFile(path: url.path))
        #expect(error?.message.hasPrefix("session.json is empty") == true)
    }

    /// Cut points as fractions of the document, so they land in keys, strings, numbers, escapes,
    /// multi-byte characters and whitespace.
    @Test(arguments: [0.01, 0.08, 0.15, 0.33, 0.5, 0.61, 0.64, 0.72, 0.8, 0.9, 0.97, 0.999])
    func aTruncatedFileGivesTheLineAndColumnWhereItEnds(fraction: Double) throws {
        let full = Data(SampleSession.document.utf8)
        let cut = min(max(1, Int(Double(full.count) * fraction)), full.count - 2)
        let prefix = full.prefix(cut)
        let url = try sessionFile(prefix)

        let error = try loadError(url)

        let (line, column) = Self.endPosition(of: prefix)
        #expect(error == .truncatedJSON(path: url.path, line: line, column: column))
        #expect(
            error?.message.hasPrefix(
                "session.json: unexpected end of file at line \(line), column \(column) (the file looks truncated)")
                == true)
    }

    @Test func aSyntaxErrorGivesLineColumnAndWhatWasExpected() throws {
        let broken = SampleSession.document.replacingOccurrences(
            of: #""peak_rps": 120 }"#, with: #""peak_rps": 120 "extra": 1 }"#)
        let url = try sessionFile(broken)

        let error = try loadError(url)

        #expect(error == .invalidJSON(path: url.path, line: 7, column: 75, detail: "expected ',' or '}' after an object member"))
        #expect(error?.message == "session.json: line 7, column 75: expected ',' or '}' after an object member")
    }

    @Test func aNewerFormatVersionIsRefusedWithAnUpgradeHint() throws {
        let url = try sessionFile(
            SampleSession.document.replacingOccurrences(of: #""format_version": 1"#, with: #""format_version": 3"#))

        let error = try loadError(url)

        #expect(error == .newerFormatVersion(path: url.path, found: 3, newest: 1))
        #expect(
            error?.message
                == "session.json was written by a newer ddbmodel (format version 3; this version reads up to 1). "
                + "Upgrade ddbmodel to open it.")
    }

    @Test(arguments: [
        (#"{"name": "orders"}"#, "the top-level \"format_version\" field is missing"),
        (#"{"requirements": {"format_version": 1}}"#, "the top-level \"format_version\" field is missing"),
        (#"{"format_version": "1"}"#, "the top-level \"format_version\" is not a whole number of 1 or more"),
        (#"{"format_version": 1.5}"#, "the top-level \"format_version\" is not a whole number of 1 or more"),
        (#"{"format_version": 0}"#, "the top-level \"format_version\" is not a whole number of 1 or more"),
        (#"{"format_version": null}"#, "the top-level \"format_version\" is not a whole number of 1 or more"),
        (#"[1, 2]"#, "the top level is not a JSON object with a \"format_version\" field"),
    ])
    func aMissingOrUnusableFormatVersionIsAnError(text: String, detail: String) throws {
        let url = try sessionFile(text)

        let error = try loadError(url)

        #expect(error == .missingFormatVersion(path: url.path, detail: detail))
        #expect(error?.message.hasPrefix("session.json: ") == true)
    }

    @Test func aWrongTypeIsReportedWithItsJSONPath() throws {
        let url = try sessionFile(
            SampleSession.document.replacingOccurrences(of: #""peak_rps": 0"#, with: #""peak_rps": true"#))

        let error = try loadError(url)

        #expect(
            error?.message == #"session.json: at requirements.access_patterns[3].peak_rps: expected a number or "unknown""#)
    }

    @Test func aTypeMismatchFromTheDecoderIsReportedWithItsJSONPath() throws {
        let url = try sessionFile(
            SampleSession.document.replacingOccurrences(of: #""confirmed": true"#, with: #""confirmed": "yes""#))

        let error = try loadError(url)

        guard case .decodingFailed(_, let codingPath, _) = error else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(codingPath == "requirements.confirmed")
        #expect(error?.message.hasPrefix("session.json: at requirements.confirmed: ") == true)
    }

    @Test func aMissingFieldIsReportedWithItsJSONPath() throws {
        let url = try sessionFile(
            SampleSession.document.replacingOccurrences(of: #""id": "AP2", "#, with: ""))

        let error = try loadError(url)

        #expect(
            error == .decodingFailed(
                path: url.path, codingPath: "requirements.access_patterns[1].id", detail: "this required field is missing"))
    }

    @Test func aNullWhereAValueIsRequiredIsReportedWithItsJSONPath() throws {
        let url = try sessionFile(
            SampleSession.document.replacingOccurrences(of: #""name": "orders""#, with: #""name": null"#))

        let error = try loadError(url)

        guard case .decodingFailed(_, let codingPath, let detail) = error else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(codingPath == "name")
        #expect(detail.contains("null"))
    }

    /// The 1-based line and column just past the last character of `data`.
    static func endPosition(of data: Data) -> (Int, Int) {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}
