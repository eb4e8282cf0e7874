import DynamoDBAPI
import DynamoDBClient
import Foundation
import Testing
import TestSupport

/// The HTTP transport against a live DynamoDB API on loopback (`moto_server`, dummy credentials):
/// table lifecycle, items, and the specific errors. Needs `python3 -m pip install "moto[server]"`:
/// fails, never skips, without it.
@Suite(.serialized) struct MotoRoundTripTests {
    static let credentials = AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")

    static func json(_ bytes: [UInt8]) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]) ?? [:]
    }

    @Test func roundTripAgainstMoto() throws {
        let server = try LoopbackMoto.start()
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
        let port = try LoopbackPort.free()
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
