import Foundation
import TestSupport

/// (Copied from MySQLServerTests, with server options added: the query logs and
/// performance_schema this target's tests turn on.)
///
/// A private, throw-away MariaDB server: its own data folder under the temporary directory, a
/// Unix socket in that folder and no TCP listener (`--skip-networking`), so it can neither clash
/// with nor reach any other server on the machine. `stop()` (also run by `deinit`) shuts it down
/// and deletes the folder.
final class MariaDBServer {
    /// Bounds on each step, so a wedged server fails the test instead of hanging it.
    enum TimeLimit {
        static let install = 60
        static let ready = 30
        static let statement = 30
        static let shutdown = 15
    }

    let binaries: MariaDBBinaries
    let root: URL
    let socket: URL
    private let child: ChildProcess
    private var stopped = false

    private var errorLog: URL { root.appendingPathComponent("mysqld.err") }

    /// Initialises a data folder, starts the server and waits until it answers `ping`.
    static func start(_ binaries: MariaDBBinaries, options: (URL) -> [String] = { _ in [] }) throws -> MariaDBServer {
        let root = try makeRoot()
        let dataDirectory = root.appendingPathComponent("data")
        var userOption: [String] = []
        // mariadbd refuses to run as root unless told to; as anyone else it runs as that user.
        if getuid() == 0 { userOption = ["--user=root"] }
        do {
            _ = try MariaDBCommand.check(binaries.installDB, [
                "--no-defaults", "--datadir=\(dataDirectory.path)", "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ] + userOption, timeLimit: TimeLimit.install)
            let socket = root.appendingPathComponent("mysqld.sock")
            let command = MariaDBCommand.command(binaries.server, [
                "--no-defaults",
                "--datadir=\(dataDirectory.path)",
                "--socket=\(socket.path)",
                "--skip-networking",
                "--pid-file=\(root.appendingPathComponent("mysqld.pid").path)",
                "--log-error=\(root.appendingPathComponent("mysqld.err").path)",
                "--tmpdir=\(root.path)",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
            ] + userOption + options(root))
            let child: ChildProcess
            do {
                child = try command.start()
            } catch {
                throw MariaDBError.launchFailed(command: binaries.server.lastPathComponent, reason: "\(error)")
            }
            let server = MariaDBServer(binaries: binaries, root: root, socket: socket, child: child)
            do {
                try server.waitUntilReady()
            } catch {
                server.stop()
                throw error
            }
            return server
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    private init(binaries: MariaDBBinaries, root: URL, socket: URL, child: ChildProcess) {
        self.binaries = binaries
        self.root = root
        self.socket = socket
        self.child = child
    }

    deinit { stop() }

    /// Options every client program gets: no option files, our socket, root with no password.
    private var connection: [String] { ["--no-defaults", "--socket=\(socket.path)", "--user=root"] }

    /// Runs SQL statements; returns the rows as tab-separated fields (NULL comes back as "NULL").
    @discardableResult
    func query(_ sql: String, database: String? = nil) throws -> [[String]] {
        let output = try MariaDBCommand.check(binaries.client, connection + [
            "--batch", "--raw", "--skip-column-names", "--execute=\(sql)",
        ] + (database.map { ["--database=\($0)"] } ?? []), timeLimit: TimeLimit.statement)
        return output.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Runs a script through the client in batch mode without column names (`mariadb -B -N <
    /// file`), as a DBA runs the capture script; returns what the client printed.
    func runBatch(_ file: URL, timeLimit: Int) throws -> String {
        try MariaDBCommand.check(binaries.client, connection + ["--batch", "--skip-column-names"], input: file, timeLimit: timeLimit)
    }

    /// Starts the client on a script in batch mode, flushing after each statement
    /// (`--unbuffered`), so a test can watch its output while it runs.
    func startBatch(_ file: URL) throws -> ChildProcess {
        try MariaDBCommand.command(binaries.client, connection + ["--batch", "--skip-column-names", "--unbuffered"], input: file).start()
    }

    /// Shuts the server down (mariadb-admin shutdown, then SIGTERM, then SIGKILL, each bounded)
    /// and deletes its folder. Safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if child.isRunning {
            _ = try? MariaDBCommand.run(binaries.admin, connection + ["shutdown"], timeLimit: TimeLimit.shutdown)
            if !child.waitForExit(timeout: TimeInterval(TimeLimit.shutdown)) {
                child.stop(firstSignal: SIGTERM, grace: 10)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(Double(TimeLimit.ready))
        while Date() < deadline {
            if !child.isRunning {
                throw MariaDBError.serverExited(status: child.status, log: logTail())
            }
            let ping = try? MariaDBCommand.run(binaries.admin, connection + ["--connect-timeout=2", "ping"], timeLimit: 5)
            if ping?.status == 0 { return }
            usleep(100_000)
        }
        throw MariaDBError.serverNotReady(seconds: TimeLimit.ready, log: logTail())
    }

    private func logTail() -> String {
        ((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "").split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// A fresh folder with a short path: a Unix socket path must stay under ~107 bytes.
    private static func makeRoot() throws -> URL {
        var base = FileManager.default.temporaryDirectory
        if base.path.utf8.count > 60 { base = URL(fileURLWithPath: "/tmp") }
        let root = base.appendingPathComponent("mariadb-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }
}
