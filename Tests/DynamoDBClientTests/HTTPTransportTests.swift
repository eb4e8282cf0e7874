import DynamoDBAPI
@testable import DynamoDBClient
import Foundation
import Testing
import TestSupport

/// Loopback detection and the retry loop, driven through a fake `send once`.
struct HTTPTransportTests {
    @Test(arguments: [
        ("http://127.0.0.1:8000", true), ("http://127.1.2.3/", true), ("http://localhost:8000", true),
        ("http://LOCALHOST", true), ("http://[::1]:8000/", true), ("http://[0:0:0:0:0:0:0:1]/", true),
        ("https://dynamodb.us-east-1.amazonaws.com", false), ("http://128.0.0.1", false), ("http://10.0.0.1", false),
        ("http://127.0.0.1.example.com", false), ("http://[::2]/", false), ("http://localhost.evil.com", false),
    ])
    func loopback(url: String, expected: Bool) throws {
        #expect(HTTPTransport.isLoopback(try #require(URL(string: url))) == expected, "\(url)")
    }

    /// `*.localhost` is loopback only when everything it resolves to is; other names never are.
    @Test func aLocalhostNameIsTrustedOnlyAfterResolving() throws {
        let url = try #require(URL(string: "http://shop.localhost:8000/"))
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in [[127, 0, 0, 1]] })?.absoluteString == "http://127.0.0.1:8000/")
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in [[127, 0, 0, 1], [10, 0, 0, 7]] }) == nil)
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in [[93, 184, 216, 34]] }) == nil)
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in nil }) == nil, "a name that does not resolve")
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in [] }) == nil)
        let ipv6 = [UInt8](repeating: 0, count: 15) + [1]
        #expect(HTTPTransport.loopbackURL(url, resolve: { _ in [ipv6] })?.absoluteString == "http://[::1]:8000/")
        let other = try #require(URL(string: "http://myhost:8000/"))
        #expect(HTTPTransport.loopbackURL(other, resolve: { _ in [[127, 0, 0, 1]] }) == nil, "only localhost names are resolved")
    }

    /// An endpoint that answers with a redirect: the redirect is not followed, so nothing (and
    /// no signed request) reaches its target.
    @Test func redirectsAreNotFollowed() throws {
        let target = try RecordingHTTPServer()
        defer { target.stop() }
        let redirector = try RecordingHTTPServer(redirectTo: target.url)
        defer { redirector.stop() }
        let transport = HTTPTransport(endpoint: redirector.url, credentials: AWSCredentials(accessKeyID: "AKIDREALKEY", secretAccessKey: "real-secret"),
                                      region: "us-east-1", timeout: 5, retryPolicy: RetryPolicy(maxAttempts: 1))

        let error = #expect(throws: DynamoDBError.self) {
            _ = try transport.send(operation: "ListTables", body: Array("{}".utf8))
        }

        guard case .invalidResponse(let reason)? = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(reason == "\(redirector.url.absoluteString) answered with a redirect (HTTP 307) to \(target.url.absoluteString); ddbmodel does not follow redirects, so nothing was sent there. Pass the address that answers itself as --endpoint")
        #expect(redirector.requests().count == 1)
        #expect(target.requests().isEmpty, "the redirect target received \(target.requests().map(\.headers))")
    }

    /// A transport keeps one connection open for all its requests instead of connecting anew
    /// for each (a validation run sends thousands).
    @Test func requestsOfOneTransportShareOneConnection() throws {
        let server = try RecordingHTTPServer()
        defer { server.stop() }
        let transport = HTTPTransport(endpoint: server.url, credentials: AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret"),
                                      region: "us-east-1", timeout: 5, retryPolicy: RetryPolicy(maxAttempts: 1))
        for _ in 0..<4 {
            #expect(throws: DynamoDBError.self) { _ = try transport.send(operation: "ListTables", body: Array("{}".utf8)) }
        }
        let ports = server.clientPorts()
        #expect(ports.count == 4)
        #expect(Set(ports).count == 1, "connections from ports \(ports)")
        // A second transport opens a connection of its own.
        let other = HTTPTransport(endpoint: server.url, credentials: AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret"),
                                  region: "us-east-1", timeout: 5, retryPolicy: RetryPolicy(maxAttempts: 1))
        #expect(throws: DynamoDBError.self) { _ = try other.send(operation: "ListTables", body: Array("{}".utf8)) }
        #expect(Set(server.clientPorts()).count == 2)
    }

    static let throttle: (Int, [UInt8]) = (400, Array(#"{"__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "message": "slow"}"#.utf8))

    /// A scripted sequence of responses, recording the sleeps.
    final class Script: @unchecked Sendable {
        var responses: [(Int, [UInt8])]
        var calls = 0
        var sleeps: [TimeInterval] = []
        init(_ responses: [(Int, [UInt8])]) { self.responses = responses }
        func next() -> (statusCode: Int, body: [UInt8]) {
            calls += 1
            return responses.isEmpty ? (200, []) : responses.removeFirst()
        }
    }

    @Test func retriesThrottlingWithExponentialBackoffThenSucceeds() throws {
        let script = Script([Self.throttle, Self.throttle, (500, []), (200, Array("{}".utf8))])
        let body = try HTTPTransport.withRetries(policy: RetryPolicy(), sleep: { script.sleeps.append($0) }) { () throws(DynamoDBError) in script.next() }
        #expect(body == Array("{}".utf8))
        #expect(script.calls == 4)
        #expect(script.sleeps == [0.05, 0.1, 0.2])
    }

    @Test func givesUpAfterFiveAttemptsAsThrottled() {
        let script = Script(Array(repeating: Self.throttle, count: 10))
        #expect(throws: DynamoDBError.throttled(type: "ProvisionedThroughputExceededException", attempts: 5, message: "slow")) {
            try HTTPTransport.withRetries(policy: RetryPolicy(), sleep: { script.sleeps.append($0) }) { () throws(DynamoDBError) in script.next() }
        }
        #expect(script.calls == 5)
        #expect(script.sleeps == [0.05, 0.1, 0.2, 0.4])
    }

    @Test func serverErrorsAreRetriedThenReported() {
        let script = Script(Array(repeating: (503, Array("unavailable".utf8)), count: 10))
        #expect(throws: DynamoDBError.serviceError(type: "HTTP 503", message: "unavailable", statusCode: 503)) {
            try HTTPTransport.withRetries(policy: RetryPolicy(maxAttempts: 3), sleep: { script.sleeps.append($0) }) { () throws(DynamoDBError) in script.next() }
        }
        #expect(script.calls == 3)
    }

    @Test func clientErrorsAreNotRetried() {
        let script = Script([(400, Array(#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceInUseException", "message": "exists"}"#.utf8))])
        #expect(throws: DynamoDBError.tableAlreadyExists(message: "exists")) {
            try HTTPTransport.withRetries(policy: RetryPolicy(), sleep: { script.sleeps.append($0) }) { () throws(DynamoDBError) in script.next() }
        }
        #expect(script.calls == 1)
        #expect(script.sleeps.isEmpty)
    }

    @Test func unreachableIsNotRetried() {
        let script = Script([])
        #expect(throws: DynamoDBError.endpointUnreachable(endpoint: "x", reason: "connection refused")) {
            try HTTPTransport.withRetries(policy: RetryPolicy(), sleep: { script.sleeps.append($0) }) { () throws(DynamoDBError) -> (statusCode: Int, body: [UInt8]) in
                script.calls += 1
                throw .endpointUnreachable(endpoint: "x", reason: "connection refused")
            }
        }
        #expect(script.calls == 1)
    }
}
