import DynamoDBAPI
@testable import DynamoDBClient
import Testing

/// Error bodies as DynamoDB (and moto) send them, mapped to the specific cases.
struct DynamoDBErrorTests {
    static func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func resourceInUse() {
        let error = DynamoDBError.from(statusCode: 400, body: Self.body(#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceInUseException", "message": "Table already exists: Orders"}"#))
        #expect(error == .tableAlreadyExists(message: "Table already exists: Orders"))
        #expect(error.message.contains("already exists"))
    }

    @Test func capitalizedMessageKey() {
        let error = DynamoDBError.from(statusCode: 400, body: Self.body(#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Message": "Requested resource not found"}"#))
        #expect(error == .resourceNotFound(message: "Requested resource not found"))
    }

    @Test(arguments: [
        "com.amazon.coral.service#UnrecognizedClientException", "com.amazon.coral.service#InvalidSignatureException",
        "com.amazon.coral.service#MissingAuthenticationToken", "com.amazon.coral.service#AccessDeniedException",
        "com.amazon.coral.service#ExpiredTokenException",
    ])
    func authenticationFailures(type: String) {
        let error = DynamoDBError.from(statusCode: 400, body: Self.body(#"{"__type": "\#(type)", "message": "nope"}"#))
        let short = String(type.split(separator: "#").last!)
        #expect(error == .authenticationFailed(type: short, message: "nope"))
    }

    @Test(arguments: ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"])
    func throttling(type: String) {
        let body = Self.body(#"{"__type": "com.amazonaws.dynamodb.v20120810#\#(type)", "message": "slow down"}"#)
        #expect(DynamoDBError.from(statusCode: 400, body: body, attempts: 5) == .throttled(type: type, attempts: 5, message: "slow down"))
        #expect(DynamoDBError.isRetryable(statusCode: 400, body: body))
    }

    @Test func conditionalCheckAndValidation() {
        #expect(DynamoDBError.from(statusCode: 400, body: Self.body(#"{"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", "message": "The conditional request failed"}"#))
            == .conditionalCheckFailed(message: "The conditional request failed"))
        #expect(DynamoDBError.from(statusCode: 400, body: Self.body(#"{"__type": "com.amazon.coral.validate#ValidationException", "message": "1 validation error detected"}"#))
            == .validation(message: "1 validation error detected"))
    }

    @Test func transactionCanceledWithReasons() {
        let body = #"""
            {"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
             "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
             "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}]}
            """#
        let error = DynamoDBError.from(statusCode: 400, body: Self.body(body))
        guard case let .transactionCanceled(_, reasons) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(reasons == [.init(code: .none), .init(code: .conditionalCheckFailed, message: "The conditional request failed")])
        #expect(error.message.contains("item 2: ConditionalCheckFailed"))
    }

    @Test func otherAndUnreadableBodies() {
        #expect(DynamoDBError.from(statusCode: 500, body: Self.body(#"{"__type": "com.amazonaws.dynamodb.v20120810#InternalServerError", "message": "oops"}"#))
            == .serviceError(type: "InternalServerError", message: "oops", statusCode: 500))
        #expect(DynamoDBError.from(statusCode: 502, body: Self.body("<html>Bad Gateway</html>"))
            == .serviceError(type: "HTTP 502", message: "<html>Bad Gateway</html>", statusCode: 502))
        #expect(DynamoDBError.isRetryable(statusCode: 503, body: []))
        #expect(!DynamoDBError.isRetryable(statusCode: 400, body: Self.body(#"{"__type": "x#ValidationException"}"#)))
    }

    @Test func everyCaseHasAMessage() {
        let cases: [DynamoDBError] = [
            .endpointUnreachable(endpoint: "http://127.0.0.1:1", reason: "connection refused"),
            .authenticationFailed(type: "UnrecognizedClientException", message: "bad key"),
            .credentialsNotFound(reason: "none"),
            .throttled(type: "ThrottlingException", attempts: 5, message: "slow"),
            .tableAlreadyExists(message: "t"), .resourceNotFound(message: "t"), .conditionalCheckFailed(message: "c"),
            .transactionCanceled(message: "m", reasons: []), .validation(message: "v"),
            .serviceError(type: "X", message: "y", statusCode: 400), .invalidResponse(reason: "r"),
        ]
        for error in cases { #expect(!error.message.isEmpty) }
        #expect(cases[0].message == "Cannot reach the DynamoDB endpoint http://127.0.0.1:1: connection refused.")
    }
}
