import Foundation
import Testing

/// A `moto_server` (DynamoDB API) on a free loopback port for the length of one test; the test
/// fails, rather than skips, when moto is not installed (`make test` installs it).
public enum LoopbackMoto {
    public static func withServer(_ body: (_ port: Int) throws -> Void) throws {
        let check = try run(["python3", "-c", "import moto, moto.server"])
        try #require(check.status == 0, "These tests need python3 with moto[server]: run `python3 -m pip install \"moto[server]\"` (make test does). \(check.output)")
        let portText = try run(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        let port = try #require(Int(portText.output.trimmingCharacters(in: .whitespacesAndNewlines)), "no free port: \(portText.output)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { stop(server) }
        let wait = try run(["python3", "-c", """
            import socket, sys, time
            for _ in range(150):
                try:
                    socket.create_connection(("127.0.0.1", \(port)), timeout=0.2).close(); sys.exit(0)
                except OSError:
                    time.sleep(0.1)
            sys.exit("moto_server did not answer on port \(port)")
            """])
        try #require(wait.status == 0, "moto_server did not start: \(wait.output)")
        try body(port)
    }

    /// Like `withServer`, returning what the body returns.
    public static func withServerResult<T>(_ body: (_ port: Int) throws -> T) throws -> T {
        var result: T?
        try withServer { port in result = try body(port) }
        return try #require(result)
    }

    /// SIGINT, then SIGKILL after two seconds: moto_server ignores SIGTERM.
    static func stop(_ process: Process) {
        if process.isRunning { process.interrupt() }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs a command to completion; output goes through a file so a chatty child cannot block.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-moto-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { return (127, "cannot write \(log.path)") }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}
