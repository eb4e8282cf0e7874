import Foundation

/// Compares rendered text with a reviewed golden file. Set `UPDATE_GOLDEN=1` to rewrite the
/// files after an intended change, then review the diff like code.
public enum GoldenFile {
    /// The golden text, or nil when the file does not exist yet.
    public static func check(_ actual: String, against url: URL) throws -> String? {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `Tests/<Target>/Golden/<name>` for the test file at `filePath`.
    public static func url(_ name: String, besides filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }
}
