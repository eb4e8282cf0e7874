import DynamoDBAPI
import DynamoDBClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The HTTP transport against a live DynamoDB API on loopback (`moto_server`, dummy credentials):
/// table lifecycle, items, and the specific errors. Needs `python3 -m pip install "moto[server]"`:
/// fails, never skips, without it.
@Suite(.serialized) struct MotoRoundTripTests {
    static let credentials = AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")

    static func json(_ bytes: [UInt8]) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]) ?? [:]
    }

    @Test func roundTripAgainstMoto() throws {
        let server = try MotoServer.start()
        defer { server.stop() }
        let transport = HTTPTransport(endpoint: server.endpoint, credentials: Self.credentials, region: "us-east-1", timeout: 10)
        #expect(HTTPTransport.isLoopback(server.endpoint))

        let createTable = Array(#"""
            {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]}
            """#.utf8)
        let created = Self.json(try transport.send(operation: "CreateTable", body: createTable))
        #expect((created["TableDescription"] as? [String: Any])?["TableName"] as? String == "Orders")

        let described = Self.json(try transport.send(operation: "DescribeTable", body: Array(#"{"TableName": "Orders"}"#.utf8)))
        #expect((described["Table"] as? [String: Any])?["TableStatus"] as? String == "ACTIVE")

        #expect(throws: DynamoDBError.self) { try transport.send(operation: "CreateTable", body: createTable) }
        do {
            _ = try transport.send(operation: "CreateTable", body: createTable)
            Issue.record("creating the table twice succeeded")
        } catch {
            guard case .tableAlreadyExists = error else {
                Issue.record("expected tableAlreadyExists, got \(error)")
                return
            }
        }

        let item = #"{"pk": {"S": "CUSTOMER#1"}, "sk": {"S": "ORDER#1"}, "total": {"N": "42"}}"#
        _ = try transport.send(operation: "PutItem", body: Array(#"{"TableName": "Orders", "Item": \#(item)}"#.utf8))
        let got = Self.json(try transport.send(operation: "GetItem", body: Array(#"""
            {"TableName": "Orders", "Key": {"pk": {"S": "CUSTOMER#1"}, "sk": {"S": "ORDER#1"}}}
            """#.utf8)))
        #expect(((got["Item"] as? [String: Any])?["total"] as? [String: Any])?["N"] as? String == "42")

        do {
            _ = try transport.send(operation: "PutItem", body: Array(#"""
                {"TableName": "Orders", "Item": \#(item), "ConditionExpression": "attribute_not_exists(pk)"}
                """#.utf8))
            Issue.record("the conditional put succeeded")
        } catch {
            guard case .conditionalCheckFailed = error else {
                Issue.record("expected conditionalCheckFailed, got \(error)")
                return
            }
        }

        do {
            _ = try transport.send(operation: "DescribeTable", body: Array(#"{"TableName": "Missing"}"#.utf8))
            Issue.record("describing a missing table succeeded")
        } catch {
            guard case .resourceNotFound = error else {
                Issue.record("expected resourceNotFound, got \(error)")
                return
            }
        }

        _ = try transport.send(operation: "DeleteTable", body: Array(#"{"TableName": "Orders"}"#.utf8))
        let tables = Self.json(try transport.send(operation: "ListTables", body: Array("{}".utf8)))
        #expect((tables["TableNames"] as? [String]) == [])
    }

    @Test func closedPortIsUnreachable() throws {
        let port = try MotoServer.freePort()
        let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let transport = HTTPTransport(endpoint: endpoint, credentials: Self.credentials, region: "us-east-1", timeout: 5)
        do {
            _ = try transport.send(operation: "ListTables", body: Array("{}".utf8))
            Issue.record("a closed port answered")
        } catch {
            guard case let .endpointUnreachable(url, reason) = error else {
                Issue.record("expected endpointUnreachable, got \(error)")
                return
            }
            #expect(url == endpoint.absoluteString)
            #expect(!reason.isEmpty)
            #expect(error.message.hasPrefix("Cannot reach the DynamoDB endpoint http://127.0.0.1:\(port)"))
        }
    }
}

/// A `moto_server` child process on a free loopback port, stopped with SIGINT then SIGKILL.
final class MotoServer: @unchecked Sendable {
    let process: Process
    let endpoint: URL

    private init(process: Process, endpoint: URL) {
        self.process = process
        self.endpoint = endpoint
    }

    /// A loopback port nothing listens on (bound, read and released by python).
    static func freePort() throws -> Int {
        let output = try run(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MotoError(description: "no free port: \(output)")
        }
        return port
    }

    static func start() throws -> MotoServer {
        let check = try run(["python3", "-c", "import moto.server; print('ok')"])
        guard check.contains("ok") else {
            throw MotoError(description: "moto_server is needed: run `python3 -m pip install \"moto[server]\"`. \(check)")
        }
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(process: process, endpoint: URL(string: "http://127.0.0.1:\(port)")!)
        // Wait until it answers a request (up to 30 s).
        let probe = HTTPTransport(
            endpoint: server.endpoint, credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"),
            region: "us-east-1", timeout: 2
        )
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            do {
                _ = try probe.send(operation: "ListTables", body: Array("{}".utf8))
                return server
            } catch {
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        server.stop()
        throw MotoError(description: "moto_server did not answer on port \(port)")
    }

    /// SIGINT, then SIGKILL after two seconds (moto_server ignores SIGTERM).
    func stop() {
        if process.isRunning { process.interrupt() }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Runs a short command, returning its combined output (collected in a file, not a pipe).
    static func run(_ arguments: [String]) throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ddbc-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw MotoError(description: "cannot write \(log.path)") }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
    }
}

struct MotoError: Error, CustomStringConvertible {
    var description: String
}
