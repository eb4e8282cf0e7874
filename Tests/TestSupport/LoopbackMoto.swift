import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A `moto_server` (DynamoDB API) on a free loopback port: the one launcher of every test that
/// talks to moto. A test fails, rather than skips, when moto is not installed (`make test`
/// installs it).
///
/// For one test: `LoopbackMoto.withServer { port in … }`. For a whole suite: the `.motoServer`
/// suite trait starts one server before the suite's first test and stops it after the last;
/// its tests reach it with `LoopbackMoto.suiteServer()`. (moto is not safe for concurrent
/// requests that create and delete tables: a shared server wants a `.serialized` suite.)
public final class LoopbackMoto: Sendable {
    public let port: Int
    private let child: ChildProcess

    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(port: Int, child: ChildProcess) {
        self.port = port
        self.child = child
    }

    /// Starts a server and waits (up to 15 s) until it accepts connections.
    public static func start() throws -> LoopbackMoto {
        let check = try Command(["python3", "-c", "import moto, moto.server"], output: .merged).run(timeout: 60)
        try #require(check.status == 0, "These tests need python3 with moto[server]: run `python3 -m pip install \"moto[server]\"` (make test does). \(check.output)")
        let port = try LoopbackPort.free()
        let child = try Command(["moto_server", "-H", "127.0.0.1", "-p", String(port)], output: .merged).start()
        let server = LoopbackMoto(port: port, child: child)
        let deadline = Date().addingTimeInterval(15)
        while !LoopbackPort.accepts(port) {
            guard child.isRunning, Date() < deadline else {
                server.stop()
                throw DidNotStart(description: "moto_server did not answer on port \(port): \(child.output())")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return server
    }

    struct DidNotStart: Error, CustomStringConvertible {
        let description: String
    }

    /// SIGINT (moto_server stops on it), then SIGKILL after two seconds.
    public func stop() {
        child.stop()
    }

    /// A server for the length of `body`.
    public static func withServer(_ body: (_ port: Int) throws -> Void) throws {
        let server = try start()
        defer { server.stop() }
        try body(server.port)
    }

    /// Like `withServer`, returning what the body returns.
    public static func withServerResult<T>(_ body: (_ port: Int) throws -> T) throws -> T {
        let server = try start()
        defer { server.stop() }
        return try body(server.port)
    }

    /// `count` servers at once, their ports handed to `body` (one per worker of a parallel test).
    public static func withServers(_ count: Int, _ body: (_ ports: [Int]) throws -> Void) throws {
        var servers: [LoopbackMoto] = []
        defer { servers.forEach { $0.stop() } }
        for _ in 0..<count { servers.append(try start()) }
        try body(servers.map(\.port))
    }

    /// The server the `.motoServer` trait started for the running suite.
    @TaskLocal static var suite: LoopbackMoto?

    /// The running suite's server; fails the test when the suite lacks the `.motoServer` trait.
    public static func suiteServer() throws -> LoopbackMoto {
        try #require(suite, "this suite needs the .motoServer trait")
    }
}

/// One `moto_server` for every test of the suite it is attached to (see `LoopbackMoto`).
public struct SuiteMotoServer: SuiteTrait, TestScoping {
    public var isRecursive: Bool { false }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try LoopbackMoto.start()
        defer { server.stop() }
        try await LoopbackMoto.$suite.withValue(server) { try await function() }
    }
}

extension Trait where Self == SuiteMotoServer {
    /// One `moto_server` for the whole suite, reached with `LoopbackMoto.suiteServer()`.
    public static var motoServer: Self { Self() }
}
