import Foundation
import TestSupport

/// A throwaway home and sessions folder for running the built `ddbmodel` on a pseudo-terminal.
///
/// Each test gets its own HOME so the history file (`~/.ddbmodel_history`) and `~/.editrc` of
/// the person running the tests never leak in.
struct DDBModelSandbox {
    let root: URL
    var home: URL { root.appendingPathComponent("home") }
    var sessions: URL { root.appendingPathComponent("sessions") }
    var historyFile: URL { home.appendingPathComponent(".ddbmodel_history") }

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("LineEditingTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts `ddbmodel` with `arguments` on a new pseudo-terminal.
    ///
    /// The environment is minimal and explicit: HOME and TERM as a user's shell would set them,
    /// no NO_COLOR, and a locale only when the test asks for one.
    func start(_ arguments: [String], locale: String? = nil) throws -> PseudoTerminalSession {
        var environment = [
            "HOME": home.path,
            "TERM": "xterm",
            "PATH": "/usr/local/bin:/usr/bin:/bin",
        ]
        if let libraryPath = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"] {
            environment["LD_LIBRARY_PATH"] = libraryPath
        }
        if let locale {
            environment["LANG"] = locale
        }
        return try PseudoTerminalSession(
            executable: try Self.binaryPath(), arguments: arguments, environment: environment)
    }

    /// Starts a new guided session called `name` in the sandbox's sessions folder.
    func startNewSession(_ name: String, locale: String? = nil) throws -> PseudoTerminalSession {
        try start(["new", name, "--sessions-dir", sessions.path], locale: locale)
    }

    /// Resumes the session called `name`.
    func resumeSession(_ name: String) throws -> PseudoTerminalSession {
        try start(["resume", sessions.appendingPathComponent(name).path])
    }

    /// `.requirements.overview.domain` from the session's saved `session.json`.
    func savedDomain(of name: String) throws -> String? {
        let file = sessions.appendingPathComponent(name).appendingPathComponent("session.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        let requirements = (json as? [String: Any])?["requirements"] as? [String: Any]
        let overview = requirements?["overview"] as? [String: Any]
        return overview?["domain"] as? String
    }

    /// The `ddbmodel` executable: `DDBMODEL_BINARY` if set, otherwise the one built next to
    /// the running test executable.
    static func binaryPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["DDBMODEL_BINARY"], !path.isEmpty {
            return path
        }
        let testExecutable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let path = URL(fileURLWithPath: testExecutable).deletingLastPathComponent()
            .appendingPathComponent("ddbmodel").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw PseudoTerminalSession.Failure(
                description: "no ddbmodel executable at \(path); build it or set DDBMODEL_BINARY")
        }
        return path
    }
}
