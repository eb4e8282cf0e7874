/// Sends one DynamoDB JSON-protocol request (`X-Amz-Target: DynamoDB_20120810.<operation>`) and
/// returns the response body. The HTTP transport signs and sends it; tests may substitute their own.
public protocol DynamoDBTransport: Sendable {
    func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8]
}
