import Foundation
import JSONCore

/// Loads a versioned JSON document (such as `session.json`) with errors precise enough to fix by hand.
///
/// Each step catches one kind of damage and names it: a missing or unreadable file, an empty file, a
/// syntax error or truncation (with line and column), a file from a newer ddbmodel, and finally a
/// structure that does not match (with the JSON path of the bad value). The file is only ever read, so
/// a failed load leaves the user's data exactly as it was for them to repair or restore.
public enum VersionedJSONLoader {
    /// Reads `url` and decodes it as `T`, checking its top-level `format_version` against `newestVersion`.
    ///
    /// `T` is decoded with a plain `JSONDecoder`, so its `CodingKeys` spell the snake_case names used in
    /// the file; error paths then read the way the file does (`requirements.access_patterns[3].peak_rps`).
    public static func load<T: Decodable>(_ type: T.Type, from url: URL, newestVersion: Int) throws(StoreError) -> T {
        let path = url.path
        let data = try FileContents.read(from: url)

        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw StoreError.emptyFile(path: path)
        }
        if let syntaxError = OrderedJSON.syntaxError(in: [UInt8](data)) {
            if syntaxError.isUnexpectedEndOfFile {
                throw StoreError.truncatedJSON(path: path, line: syntaxError.line, column: syntaxError.column)
            }
            throw StoreError.invalidJSON(
                path: path, line: syntaxError.line, column: syntaxError.column, detail: syntaxError.message)
        }

        let decoder = JSONDecoder()
        let version: Int
        do {
            version = try decoder.decode(FormatVersionProbe.self, from: data).result.get()
        } catch let problem as FormatVersionProbe.Problem {
            throw StoreError.missingFormatVersion(path: path, detail: describe(problem))
        } catch {
            throw decodingFailure(error, path: path)
        }
        guard version <= newestVersion else {
            throw StoreError.newerFormatVersion(path: path, found: version, newest: newestVersion)
        }

        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw decodingFailure(error, path: path)
        }
    }

    private static func describe(_ problem: FormatVersionProbe.Problem) -> String {
        switch problem {
        case .notAnObject: "the top level is not a JSON object with a \"format_version\" field"
        case .missing: "the top-level \"format_version\" field is missing"
        case .notAnInteger: "the top-level \"format_version\" is not a whole number of 1 or more"
        }
    }
}
