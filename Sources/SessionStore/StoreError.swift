import Foundation
import ShellQuoting

/// Everything that can go wrong while finding, locking, reading or writing a session on disk.
///
/// Each case carries the path it is about, and `message` says what happened and what the user can do
/// about it, so the CLI prints it as is. Content problems (syntax, versions, decoding) name the file by
/// its name (`session.json: line 3, column 7: ...`), because the user already knows which session they
/// opened; I/O problems give the full path, because that is what they need to look at.
public enum StoreError: Error, Equatable, Sendable {
    /// The user typed an empty path for `resume`/`status`.
    case emptyPath
    /// Nothing exists at the path the user typed.
    case pathNotFound(path: String)
    /// The folder exists but holds no `session.json`.
    case noSessionInFolder(folder: String)
    /// The path is a file, but not a `session.json`.
    case notASessionFile(path: String)
    /// The name given to `new` cannot be used as a folder name.
    case invalidSessionName(name: String, reason: String)
    /// `new` was asked to create a session that already exists.
    case sessionAlreadyExists(folder: String)
    /// `new` would reuse a path that holds something other than a session.
    case folderInUse(path: String)
    /// The session folder (or the sessions directory) could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be replaced; the previous content is still in place.
    case writeFailed(path: String, reason: String)
    /// Of files replaced together, `path` could not be after the files in `replaced` were.
    case partiallyReplaced(path: String, reason: String, replaced: [String])
    /// Another ddbmodel process holds the session lock. `pid` is nil when the holder has not written it yet.
    case sessionInUse(session: String, pid: Int32?)
    /// The lock file itself could not be created or locked.
    case lockFailed(path: String, reason: String)
    /// Something other than a plain lock file sits at the lock's path (a symbolic link, a folder, a
    /// FIFO, a file with other hard links); `problem` says which, phrased to follow the path.
    case unsafeLockFile(path: String, problem: String)
    /// The file to load does not exist.
    case fileNotFound(path: String)
    /// The file to load exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file to load is empty (or only whitespace).
    case emptyFile(path: String)
    /// The file ends in the middle of the JSON document.
    case truncatedJSON(path: String, line: Int, column: Int)
    /// The file is not valid JSON; `detail` says what was expected at the position.
    case invalidJSON(path: String, line: Int, column: Int, detail: String)
    /// The document has no usable top-level `format_version`; `detail` says what is wrong with it.
    case missingFormatVersion(path: String, detail: String)
    /// The document was written by a newer ddbmodel than this one.
    case newerFormatVersion(path: String, found: Int, newest: Int)
    /// The JSON is well-formed but does not match the expected structure at `codingPath`.
    case decodingFailed(path: String, codingPath: String, detail: String)

    /// The text to show the user: what went wrong, where, and what to do next.
    public var message: String {
        switch self {
        case .emptyPath:
            return "No session path given. Pass the session folder (for example Sessions/orders) or its session.json."
        case .pathNotFound(let path):
            return "There is no file or folder at \(path). Check the path, or start a new session with `ddbmodel new`."
        case .noSessionInFolder(let folder):
            return "\(folder) is not a ddbmodel session: it has no session.json. "
                + "Pass a session folder created by `ddbmodel new`, or start one with `ddbmodel new`."
        case .notASessionFile(let path):
            return "\(path) is not a session file. Pass the session folder or the session.json inside it."
        case .invalidSessionName(let name, let reason):
            // debugDescription shows a control character as \u{1B} instead of sending it to the terminal.
            return "\(name.debugDescription) cannot be used as a session name: \(reason). Choose a name like orders or checkout-v2."
        case .sessionAlreadyExists(let folder):
            return "A session already exists at \(folder). To continue it, run `\(ShellQuoting.command(["ddbmodel", "resume", folder]))`; "
                + "to start over, choose another name."
        case .folderInUse(let path):
            return "\(path) already exists and is not a ddbmodel session. Choose another session name, "
                + "or move it away first."
        case .cannotCreateFolder(let path, let reason):
            return "Could not create the folder \(path): \(reason)."
        case .writeFailed(let path, let reason):
            return "Could not save \(path): \(reason). The previous version of the file is unchanged."
        case .partiallyReplaced(let path, let reason, let replaced):
            return "Could not save \(path): \(reason). Already replaced: \(replaced.joined(separator: ", ")); "
                + "the other files are unchanged."
        case .sessionInUse(let session, let pid):
            let holder = pid.map { " (pid \($0))" } ?? ""
            return "Session \(session) is already open in another ddbmodel\(holder). Close it first."
        case .lockFailed(let path, let reason):
            return "Could not lock the session with \(path): \(reason)."
        case .unsafeLockFile(let path, let problem):
            return "\(path) \(problem), not a lock file ddbmodel created, so ddbmodel neither writes to it nor removes it. "
                + "Check what it is, remove it yourself, and try again."
        case .fileNotFound(let path):
            return "\(path) does not exist. Check the path of the session folder."
        case .unreadable(let path, let reason):
            return "Could not read \(path): \(reason)."
        case .emptyFile(let path):
            return "\(Self.fileName(path)) is empty, so there is nothing to load (\(path)). "
                + "Restore it from a backup or version control, or start over with `ddbmodel new`."
        case .truncatedJSON(let path, let line, let column):
            return "\(Self.fileName(path)): unexpected end of file at line \(line), column \(column) "
                + "(the file looks truncated). Restore it from a backup or version control."
        case .invalidJSON(let path, let line, let column, let detail):
            return "\(Self.fileName(path)): line \(line), column \(column): \(detail)"
        case .missingFormatVersion(let path, let detail):
            return "\(Self.fileName(path)): \(detail), so ddbmodel cannot tell which format the file is in."
        case .newerFormatVersion(let path, let found, let newest):
            return "\(Self.fileName(path)) was written by a newer ddbmodel (format version \(found); "
                + "this version reads up to \(newest)). Upgrade ddbmodel to open it."
        case .decodingFailed(let path, let codingPath, let detail):
            let location = codingPath.isEmpty ? "at the top level" : "at \(codingPath)"
            return "\(Self.fileName(path)): \(location): \(detail)"
        }
    }

    private static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String { message }
}

extension StoreError: LocalizedError {
    /// Lets `error.localizedDescription` show the same text when the error travels as `any Error`.
    public var errorDescription: String? { message }
}
