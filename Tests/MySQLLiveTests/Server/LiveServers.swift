import Foundation
import TestSupport
import MySQLLive
import Testing

/// The servers the live tests share, each started once per suite by a trait:
///
/// - `.mainServer`: performance_schema ON with the digest consumer, the slow log (every
///   statement) and the general log, a TCP listener on 127.0.0.1, no TLS. It holds the `shop`
///   database (`ShopSchema`), the `workload` database (`TrafficWorkload`), and the users below.
///   The workload itself runs once, when a test first asks for `LiveServers.workload()`.
/// - `.tlsServer`: a certificate signed by a throw-away CA (`TestCertificates`); performance_schema
///   OFF, which it does not need.
enum LiveServers {
    /// A user with exactly the grants docs/mysql-traffic.md asks a DBA for.
    static let reader = (user: "reader", password: "reader-pw-5x")
    /// A user with SELECT on the database but none on performance_schema.
    static let noPerformanceSchema = (user: "noperf", password: "noperf-pw-7q")
    /// A user who may log in and nothing else.
    static let nobody = (user: "nobody", password: "nobody-pw-3k")

    @TaskLocal static var main: MariaDBServer?
    @TaskLocal static var tls: (server: MariaDBServer, certificates: TestCertificates)?
    @TaskLocal static var sharedWorkload: SharedWorkload?

    static func mainServer() throws -> MariaDBServer {
        try #require(main, "this suite needs the .mainServer trait")
    }

    static func tlsServer() throws -> (server: MariaDBServer, certificates: TestCertificates) {
        try #require(tls, "this suite needs the .tlsServer trait")
    }

    /// The standard workload's run on the main server: started by the first caller, shared by all.
    static func workload() async throws -> WorkloadResult {
        try await #require(sharedWorkload, "this suite needs the .mainServer trait").result()
    }

    /// `mysql://USER@127.0.0.1:PORT/DB` for the main server's TCP listener.
    static func tcpURL(_ server: MariaDBServer, user: String, database: String = ShopSchema.database,
                       parameters: String = "") throws -> MySQLServerURL {
        let port = try #require(server.port)
        return try MySQLServerURL(parsing: "mysql://\(user)@127.0.0.1:\(port)/\(database)\(parameters)")
    }

    /// root over the server's socket (root has no password there).
    static func socketURL(_ server: MariaDBServer, database: String = ShopSchema.database) throws -> MySQLServerURL {
        try MySQLServerURL(parsing: "mysql://root@localhost/\(database)?socket=\(server.socket.path)")
    }

    static func startMain() throws -> MariaDBServer {
        let server = try MariaDBServer.start(.init(performanceSchema: .on, listensOnTCP: true, queryLogs: true))
        do {
            try server.query("CREATE DATABASE \(ShopSchema.database)")
            try server.load(ShopSchema.sql, into: ShopSchema.database)
            try TrafficWorkload.standard().prepare(on: server)
            try server.query("""
                CREATE USER '\(reader.user)'@'127.0.0.1' IDENTIFIED BY '\(reader.password)';
                GRANT SELECT, SHOW VIEW ON shop.* TO '\(reader.user)'@'127.0.0.1';
                GRANT SELECT ON performance_schema.* TO '\(reader.user)'@'127.0.0.1';
                CREATE USER '\(noPerformanceSchema.user)'@'127.0.0.1' IDENTIFIED BY '\(noPerformanceSchema.password)';
                GRANT SELECT, SHOW VIEW ON shop.* TO '\(noPerformanceSchema.user)'@'127.0.0.1';
                CREATE USER '\(nobody.user)'@'127.0.0.1' IDENTIFIED BY '\(nobody.password)';
                """)
        } catch {
            server.stop()
            throw error
        }
        return server
    }
}

/// Starts the main server (`LiveServers`) around a suite.
struct MainServerTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try LiveServers.startMain()
        defer { server.stop() }
        try await LiveServers.$main.withValue(server) {
            try await LiveServers.$sharedWorkload.withValue(SharedWorkload(server: server)) { try await function() }
        }
    }
}

/// Starts the TLS server (`LiveServers`) around a suite.
struct TLSServerTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let server = try MariaDBServer.start(.init(performanceSchema: .off, listensOnTCP: true, tls: certificates))
        defer { server.stop() }
        try server.query("""
            CREATE DATABASE shop;
            CREATE USER '\(LiveServers.reader.user)'@'127.0.0.1' IDENTIFIED BY '\(LiveServers.reader.password)';
            GRANT SELECT, SHOW VIEW ON shop.* TO '\(LiveServers.reader.user)'@'127.0.0.1';
            GRANT SELECT ON performance_schema.* TO '\(LiveServers.reader.user)'@'127.0.0.1';
            """)
        try await LiveServers.$tls.withValue((server, certificates)) { try await function() }
    }
}

extension Trait where Self == MainServerTrait {
    static var mainServer: Self { Self() }
}

extension Trait where Self == TLSServerTrait {
    static var tlsServer: Self { Self() }
}

/// Runs blocking work (a server's sockets, a 60-second sampling window) on a thread of its own,
/// so it never holds one of the few threads Swift's concurrency pool has.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do {
                continuation.resume(returning: try body())
            } catch {
                continuation.resume(throwing: error)
            }
        }
        thread.start()
    }
}
