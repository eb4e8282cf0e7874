import DynamoDBAPI
@testable import DynamoDBClient
import Foundation
import Testing

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
