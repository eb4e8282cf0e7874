import DynamoDBAPI
import JSONCore

/// The typed DynamoDB API over any transport: each call encoded in the JSON protocol, sent
/// (signed and retried by `HTTPTransport`, or answered by an in-memory service's transport),
/// and the response decoded. Service errors arrive already mapped by the transport.
public struct DynamoDBConnection: DynamoDBService {
    public let transport: any DynamoDBTransport

    public init(transport: any DynamoDBTransport) {
        self.transport = transport
    }

    /// Sends one typed request and decodes its response; a response that does not decode is
    /// `.invalidResponse` (the service, not the caller, sent something unexpected).
    public func send<Request: DynamoDBRequest>(_ request: Request) throws(DynamoDBError) -> Request.Response {
        let body = try transport.send(operation: Request.operation.rawValue, body: DynamoDBWire.bytes(request))
        do {
            return try DynamoDBWire.decode(Request.Response.self, from: body)
        } catch {
            if case .validation(let message) = error {
                throw .invalidResponse(reason: "\(Request.operation.rawValue) answered with a body that does not match the API: \(message)")
            }
            throw error
        }
    }

    public func createTable(_ input: CreateTableInput) throws(DynamoDBError) -> CreateTableOutput { try send(input) }
    public func describeTable(_ input: DescribeTableInput) throws(DynamoDBError) -> DescribeTableOutput { try send(input) }
    public func deleteTable(_ input: DeleteTableInput) throws(DynamoDBError) -> DeleteTableOutput { try send(input) }
    public func listTables(_ input: ListTablesInput) throws(DynamoDBError) -> ListTablesOutput { try send(input) }
    public func putItem(_ input: PutItemInput) throws(DynamoDBError) -> PutItemOutput { try send(input) }
    public func getItem(_ input: GetItemInput) throws(DynamoDBError) -> GetItemOutput { try send(input) }
    public func updateItem(_ input: UpdateItemInput) throws(DynamoDBError) -> UpdateItemOutput { try send(input) }
    public func deleteItem(_ input: DeleteItemInput) throws(DynamoDBError) -> DeleteItemOutput { try send(input) }
    public func query(_ input: QueryInput) throws(DynamoDBError) -> QueryOutput { try send(input) }
    public func scan(_ input: ScanInput) throws(DynamoDBError) -> ScanOutput { try send(input) }
    public func batchGetItem(_ input: BatchGetItemInput) throws(DynamoDBError) -> BatchGetItemOutput { try send(input) }
    public func batchWriteItem(_ input: BatchWriteItemInput) throws(DynamoDBError) -> BatchWriteItemOutput { try send(input) }
    public func transactWriteItems(_ input: TransactWriteItemsInput) throws(DynamoDBError) -> TransactWriteItemsOutput { try send(input) }
    public func transactGetItems(_ input: TransactGetItemsInput) throws(DynamoDBError) -> TransactGetItemsOutput { try send(input) }
}
