import ContractExport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The generated boto3 module run against a DynamoDB API on loopback (`moto_server`), as issue 5
/// asks: tables created from the model, items written through the write functions, every read
/// checked, an update, a delete, and a duplicate unique value rejected. Needs `python3` with
/// `moto[server]` and `boto3` (`python3 -m pip install "moto[server]" boto3`): fails, never skips, without them.
@Suite(.serialized) struct Boto3RoundTripTests {
    @Test func pythonCompilesEveryModule() throws {
        for name in ExportScenario.names {
            let (requirements, model) = try ExportScenario.model(name)
            let folder = try Boto3Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = Boto3Exporter.export(model, requirements: requirements)
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
            let result = try Boto3Python.run(["python3", "-m", "py_compile", folder.appendingPathComponent(file.name).path])
            #expect(result.status == 0, "py_compile failed for \(name): \(result.output)")
        }
    }

    @Test(arguments: ExportScenario.names) func roundTripAgainstMoto(name: String) throws {
        let check = try Boto3Python.run(["python3", "-c", "import boto3, moto, moto.server"])
        try #require(check.status == 0, """
            The boto3 round trip needs python3 with moto[server] and boto3: run \
            `python3 -m pip install "moto[server]" boto3`. \(check.output)
            """)
        let (requirements, model) = try ExportScenario.model(name)
        let folder = try Boto3Python.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = Boto3Exporter.export(model, requirements: requirements)
        try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))

        let portText = try Boto3Python.run(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        let port = try #require(Int(portText.output.trimmingCharacters(in: .whitespacesAndNewlines)), "no free port: \(portText.output)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { Boto3Python.stop(server) }
        let endpoint = "http://127.0.0.1:\(port)"
        let wait = try Boto3Python.run(["python3", "-c", """
            import socket, sys, time
            for _ in range(150):
                try:
                    socket.create_connection(("127.0.0.1", \(port)), timeout=0.2).close(); sys.exit(0)
                except OSError:
                    time.sleep(0.1)
            sys.exit("moto_server did not answer on port \(port)")
            """])
        try #require(wait.status == 0, "moto_server did not start: \(wait.output)")
        let driver = ExportScenario.fixtures.appendingPathComponent("boto3_roundtrip.py").path
        let result = try Boto3Python.run(["python3", driver, endpoint], environment: [
            "PYTHONPATH": folder.path, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
        ])
        #expect(result.status == 0, "round trip failed for \(name):\n\(result.output)")
        #expect(result.output.contains("OK reads="), "\(result.output)")
    }
}

/// Runs python3 helpers for the boto3 tests and collects their output.
enum Boto3Python {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-boto3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Stops a child process: SIGINT, then SIGKILL after two seconds (moto_server ignores SIGTERM).
    static func stop(_ process: Process) {
        if process.isRunning { process.interrupt() }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs a command to completion (killed after `timeout` seconds), its output collected in a
    /// file rather than a pipe so that no other child process can hold the pipe open.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 90) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("output.txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { return (127, "cannot write \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            return (127, "could not start \(arguments[0]): \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        stop(process)
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        return (timedOut ? -1 : process.terminationStatus, timedOut ? "timed out after \(Int(timeout)) s\n" + output : output)
    }
}
