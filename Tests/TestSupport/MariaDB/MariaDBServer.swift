import Foundation

/// A private, throw-away MariaDB server for the tests that need a real one (the DDL parser checked
/// against the server, the live reader, the query logs and the capture script): its own data
/// folder under the temporary directory, a Unix socket there, and (when asked) a TCP listener on
/// 127.0.0.1 at a free port, never another address. What else it runs with (performance_schema, the query logs,
/// TLS) is in `Options`. `stop()` (also run by `deinit`) shuts it down and deletes the folder.
///
/// `@unchecked Sendable`: suites share one server across parallel tests; its only mutable state,
/// `stopped`, is guarded by `lock`, and everything else is set once in `start`.
public final class MariaDBServer: @unchecked Sendable {
    /// How the server is started.
    public struct Options: Sendable {
        /// performance_schema and its statements_digest consumer.
        public var performanceSchema = PerformanceSchema.off
        /// Also listen on 127.0.0.1 at a free port.
        public var listensOnTCP = false
        /// `--slow-query-log` with `long_query_time=0` (every statement) and `--general-log`, both
        /// files in the server's folder (`slowLog`, `generalLog`).
        public var queryLogs = false
        /// The server's certificate, key and CA: TLS offered. Nil: no TLS at all.
        public var tls: TestCertificates? = nil

        public init(performanceSchema: PerformanceSchema = .off, listensOnTCP: Bool = false, queryLogs: Bool = false,
                    tls: TestCertificates? = nil) {
            self.performanceSchema = performanceSchema
            self.listensOnTCP = listensOnTCP
            self.queryLogs = queryLogs
            self.tls = tls
        }
    }

    public enum PerformanceSchema: Sendable {
        /// `--performance-schema=ON` with the statements_digest consumer.
        case on
        /// performance_schema on, the statements_digest consumer off.
        case digestConsumerOff
        /// `--performance-schema=OFF`.
        case off
    }

    /// Bounds on each step, so a wedged server fails the test instead of hanging it.
    public enum TimeLimit {
        public static let install = 60
        public static let ready = 30
        public static let statement = 30
        public static let shutdown = 15
    }

    public let binaries: MariaDBBinaries
    public let root: URL
    public let socket: URL
    /// The TCP port on 127.0.0.1; nil when the server has no TCP listener.
    public let port: Int?
    /// Where the slow and general query logs are written (present with `queryLogs`).
    public let slowLog: URL
    public let generalLog: URL
    private let child: ChildProcess
    private let lock = NSLock()
    private var stopped = false

    private var errorLog: URL { root.appendingPathComponent("mysqld.err") }

    /// Initialises a data folder, starts the server and waits until it answers `ping`.
    public static func start(_ options: Options = Options()) throws -> MariaDBServer {
        let binaries = try MariaDBBinaries.locate()
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
            let port = options.listensOnTCP ? try LoopbackPort.free() : nil
            let slowLog = root.appendingPathComponent("slow.log")
            let generalLog = root.appendingPathComponent("general.log")
            var arguments = [
                "--no-defaults",
                "--datadir=\(dataDirectory.path)",
                "--socket=\(socket.path)",
                "--pid-file=\(root.appendingPathComponent("mysqld.pid").path)",
                "--log-error=\(root.appendingPathComponent("mysqld.err").path)",
                "--tmpdir=\(root.path)",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=32M",
                "--skip-name-resolve",
            ]
            if let port {
                arguments += ["--bind-address=127.0.0.1", "--port=\(port)"]
            } else {
                arguments += ["--skip-networking"]
            }
            switch options.performanceSchema {
            case .on: arguments += ["--performance-schema=ON", "--performance-schema-consumer-statements-digest=ON"]
            case .digestConsumerOff: arguments += ["--performance-schema=ON", "--performance-schema-consumer-statements-digest=OFF"]
            case .off: arguments += ["--performance-schema=OFF"]
            }
            if options.queryLogs {
                arguments += [
                    "--slow-query-log=ON", "--long-query-time=0", "--slow-query-log-file=\(slowLog.path)",
                    "--general-log=ON", "--general-log-file=\(generalLog.path)",
                ]
            }
            if let tls = options.tls {
                arguments += ["--ssl-ca=\(tls.authority.path)", "--ssl-cert=\(tls.serverCertificate.path)",
                              "--ssl-key=\(tls.serverKey.path)"]
            }
            let command = MariaDBCommand.command(binaries.server, arguments + userOption)
            let child: ChildProcess
            do {
                child = try command.start()
            } catch {
                throw MariaDBError.launchFailed(command: binaries.server.lastPathComponent, reason: "\(error)")
            }
            let server = MariaDBServer(binaries: binaries, root: root, socket: socket, port: port, slowLog: slowLog,
                                           generalLog: generalLog, child: child)
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

    private init(binaries: MariaDBBinaries, root: URL, socket: URL, port: Int?, slowLog: URL, generalLog: URL,
                 child: ChildProcess) {
        self.binaries = binaries
        self.root = root
        self.socket = socket
        self.port = port
        self.slowLog = slowLog
        self.generalLog = generalLog
        self.child = child
    }

    deinit { stop() }

    /// Options every client program gets: no option files, our socket, root with no password.
    private var connection: [String] { ["--no-defaults", "--socket=\(socket.path)", "--user=root"] }

    /// Runs SQL statements as root; returns the rows as tab-separated fields (NULL as "NULL").
    @discardableResult
    public func query(_ sql: String, database: String? = nil) throws -> [[String]] {
        let output = try MariaDBCommand.check(binaries.client, connection + [
            "--batch", "--raw", "--skip-column-names", "--execute=\(sql)",
        ] + (database.map { ["--database=\($0)"] } ?? []), timeLimit: TimeLimit.statement)
        return output.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Feeds SQL text to the `mariadb` client as root, as `mariadb DB < file.sql` would (so
    /// DELIMITER works), failing on the first error.
    public func load(_ sql: String, into database: String) throws {
        let file = root.appendingPathComponent("load-\(UUID().uuidString.prefix(8)).sql")
        try sql.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try load(file, into: database)
    }

    /// Feeds a SQL file to the `mariadb` client as root (`mariadb DB < file.sql`).
    public func load(_ file: URL, into database: String) throws {
        _ = try MariaDBCommand.check(binaries.client, connection + ["--database=\(database)"], input: file,
                                     timeLimit: TimeLimit.statement)
    }

    /// Runs a script through the `mariadb` client in batch mode without column names, as a DBA
    /// runs the capture script (`mysql -B -N < capture.sql > capture.tsv`); returns its output.
    public func runBatch(_ script: String, timeLimit: Int) throws -> String {
        let file = root.appendingPathComponent("batch-\(UUID().uuidString.prefix(8)).sql")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try MariaDBCommand.check(binaries.client, connection + ["--batch", "--skip-column-names"], input: file, timeLimit: timeLimit)
    }

    /// Starts the client on a script file in batch mode, flushing after each statement
    /// (`--unbuffered`), so a test can watch its output while it runs.
    public func startBatch(_ file: URL) throws -> ChildProcess {
        try MariaDBCommand.command(binaries.client, connection + ["--batch", "--skip-column-names", "--unbuffered"], input: file).start()
    }

    /// `mysqldump --no-data --routines --triggers` of one database.
    public func dumpSchema(of database: String) throws -> String {
        try MariaDBCommand.check(binaries.dump, connection + ["--no-data", "--routines", "--triggers", database],
                                 timeLimit: TimeLimit.statement)
    }

    /// Shuts the server down (mariadb-admin shutdown, then SIGTERM, then SIGKILL, each bounded)
    /// and deletes its folder. Safe to call more than once.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
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
