import Foundation

/// A fresh directory for one test, so parallel tests never share files.
///
/// Removal is explicit (suites call `remove()` in their `deinit`) rather than tied to this value's own
/// lifetime, which the optimiser may end before the test is done with the files.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("SessionStoreTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        // Restore write permission first, in case a test made the directory read-only.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the directory.
    func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// Names of everything in the directory (or a folder inside it), hidden files included, sorted.
    func entries(in subdirectory: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (subdirectory ?? url).path).sorted()
    }
}
