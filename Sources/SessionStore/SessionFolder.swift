import Foundation
import Glibc

/// A session's folder (`Sessions/NAME/`) and the files in it.
///
/// Every file name lives here, so the CLI, the lock and the loader cannot disagree about where a
/// session keeps its state.
public struct SessionFolder: Sendable, Equatable {
    /// The folder itself, `DIR/NAME`.
    public let url: URL

    /// Normalises `url` to an absolute directory URL without `.`/`..`, so two folders compare equal
    /// whether they came from `resolve`, `create` or the caller.
    public init(url: URL) {
        self.url = URL(fileURLWithPath: url.standardizedFileURL.path, isDirectory: true)
    }

    /// The session's name as the user sees it: the folder's name.
    public var name: String { url.lastPathComponent }

    /// The saved conversation state, the source of truth for `resume`.
    public var sessionFile: URL { file(named: Self.sessionFileName) }

    /// The rendered requirements document, regenerated from the session.
    public var requirementsDocument: URL { file(named: "dynamodb_requirement.md") }

    /// The rendered data model, written from the design stage on (after the requirements gate).
    public var dataModelDocument: URL { file(named: "dynamodb_data_model.md") }
    public var contractFile: URL { file(named: "migrationContract.json") }

    /// The file `SessionLock` locks so two ddbmodel processes never edit one session at once.
    public var lockFile: URL { file(named: Self.lockFileName) }

    /// Any other file in the session folder, for documents added later.
    public func file(named name: String) -> URL {
        url.appendingPathComponent(name, isDirectory: false)
    }

    static let sessionFileName = "session.json"
    static let lockFileName = ".lock"

    /// Resolves what the user typed for `resume`/`status`: a session folder, or its `session.json`.
    ///
    /// Relative paths are taken from `currentDirectory` and a leading `~` is the home folder (quoted
    /// arguments reach us unexpanded). Refuses a missing path, a folder with no `session.json`, and a
    /// file that is not a `session.json`, each with a message that says what to pass instead.
    public static func resolve(userPath: String, currentDirectory: URL) throws(StoreError) -> SessionFolder {
        let typed = userPath.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !typed.isEmpty else { throw StoreError.emptyPath }
        let url = absoluteURL(for: typed, currentDirectory: currentDirectory)
        let path = url.path

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.pathNotFound(path: path)
        }
        if isDirectory.boolValue {
            let folder = SessionFolder(url: url)
            guard isRegularFile(folder.sessionFile.path) else {
                throw StoreError.noSessionInFolder(folder: path)
            }
            return folder
        }
        guard url.lastPathComponent == sessionFileName else {
            throw StoreError.notASessionFile(path: path)
        }
        return SessionFolder(url: url.deletingLastPathComponent())
    }

    /// Creates `sessionsDirectory/name` for `new` (and `sessionsDirectory` itself if needed).
    ///
    /// Refuses to touch an existing session, pointing at `ddbmodel resume PATH` instead, because
    /// starting over in its folder would overwrite the user's answers. An empty folder, such as one left
    /// by a `new` that stopped before its first save, is reused.
    public static func create(name: String, in sessionsDirectory: URL) throws(StoreError) -> SessionFolder {
        try validate(name: name)
        let folder = SessionFolder(url: sessionsDirectory.appendingPathComponent(name, isDirectory: true))
        let path = folder.url.path
        let fileManager = FileManager.default

        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.folderInUse(path: path) }
            if isRegularFile(folder.sessionFile.path) {
                throw StoreError.sessionAlreadyExists(folder: path)
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
            guard entries.allSatisfy({ isLeftoverOfUnsavedSession($0, in: path) }) else {
                throw StoreError.folderInUse(path: path)
            }
            return folder
        }
        do {
            try fileManager.createDirectory(at: folder.url, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateFolder(path: path, reason: reason(for: error))
        }
        return folder
    }

    private static func absoluteURL(for typed: String, currentDirectory: URL) -> URL {
        var expanded = typed
        if expanded == "~" || expanded.hasPrefix("~/") {
            expanded = FileManager.default.homeDirectoryForCurrentUser.path + expanded.dropFirst()
        }
        let url = expanded.hasPrefix("/")
            ? URL(fileURLWithPath: expanded)
            : currentDirectory.appendingPathComponent(expanded)
        return url.standardizedFileURL
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// What a `new` killed before its first `session.json` landed can leave: the lock, temporary
    /// files, and the requirements document (both files are written at the same time, and the
    /// document is only a rendering of `session.json`).
    ///
    /// Each must be a plain file as ddbmodel writes it, checked without following links: a folder
    /// that arrived (in a clone, an archive) holding only a `.lock` symbolic link, or a lock with
    /// something other than a pid in it, is someone else's, and reusing it would write through it.
    private static func isLeftoverOfUnsavedSession(_ entry: String, in folder: String) -> Bool {
        let path = folder + "/" + entry
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else { return false }
        if entry == lockFileName { return isOurLockFile(path, size: info.st_size) }
        return entry == "dynamodb_requirement.md" || TemporaryFileName(parsing: entry) != nil
    }

    /// A lock file as `SessionLock` writes it: empty (not written yet) or one pid and a line break.
    private static func isOurLockFile(_ path: String, size: off_t) -> Bool {
        guard size <= 32 else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.isEmpty || (text.hasSuffix("\n") && Int32(text.dropLast()).map { $0 > 0 } == true)
    }

    /// The name becomes one path component and a word of printed commands: `SessionName`'s rule.
    private static func validate(name: String) throws(StoreError) {
        if let reason = SessionName.problem(with: name) { throw StoreError.invalidSessionName(name: name, reason: reason) }
    }

    private static func reason(for error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return POSIXErrorReason.describe(Int32(underlying.code))
        }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return POSIXErrorReason.describe(Int32(nsError.code)) }
        return error.localizedDescription
    }
}
