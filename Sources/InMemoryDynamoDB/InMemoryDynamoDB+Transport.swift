import DynamoDBAPI
import JSONCore

extension InMemoryDynamoDB {
    /// The in-memory service as a JSON-protocol endpoint: each body decoded with `DynamoDBWire`,
    /// run, and the response (or error body) encoded exactly as the service sends it.
    public struct Transport: DynamoDBTransport {
        public let service: InMemoryDynamoDB

        public init(service: InMemoryDynamoDB) {
            self.service = service
        }

        /// The HTTP status and body the service answers a request with, errors included.
        public func respond(operation: String, body: [UInt8]) -> (statusCode: Int, body: [UInt8]) {
            do {
                return (200, try handle(operation: operation, body: body))
            } catch {
                let (status, json) = DynamoDBWire.encode(error: error)
                return (status, json.compact())
            }
        }

        /// Like `HTTPTransport.send`: the body on success, the error the body stands for otherwise
        /// (decoded back from the encoded error, so callers see exactly what a remote caller would).
        public func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
            let (status, response) = respond(operation: operation, body: body)
            guard status == 200 else { throw DynamoDBError.from(statusCode: status, body: response) }
            return response
        }

        private func run<Request: DynamoDBRequest>(
            _ type: Request.Type, _ body: [UInt8], _ call: (Request) throws(DynamoDBError) -> Request.Response
        ) throws(DynamoDBError) -> [UInt8] {
            let request = try DynamoDBWire.decode(type, from: body)
            return DynamoDBWire.bytes(try call(request))
        }

        private func handle(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
            let name = operation.hasPrefix("DynamoDB_20120810.") ? String(operation.dropFirst("DynamoDB_20120810.".count)) : operation
            guard let known = DynamoDBOperation(rawValue: name) else {
                throw .serviceError(type: "UnknownOperationException", message: "Unknown operation: \(operation)", statusCode: 400)
            }
            let s = service
            switch known {
            case .createTable: return try run(CreateTableInput.self, body) { (r) throws(DynamoDBError) in try s.createTable(r) }
            case .describeTable: return try run(DescribeTableInput.self, body) { (r) throws(DynamoDBError) in try s.describeTable(r) }
            case .deleteTable: return try run(DeleteTableInput.self, body) { (r) throws(DynamoDBError) in try s.deleteTable(r) }
            case .listTables: return try run(ListTablesInput.self, body) { (r) throws(DynamoDBError) in try s.listTables(r) }
            case .putItem: return try run(PutItemInput.self, body) { (r) throws(DynamoDBError) in try s.putItem(r) }
            case .getItem: return try run(GetItemInput.self, body) { (r) throws(DynamoDBError) in try s.getItem(r) }
            case .updateItem: return try run(UpdateItemInput.self, body) { (r) throws(DynamoDBError) in try s.updateItem(r) }
            case .deleteItem: return try run(DeleteItemInput.self, body) { (r) throws(DynamoDBError) in try s.deleteItem(r) }
            case .query: return try run(QueryInput.self, body) { (r) throws(DynamoDBError) in try s.query(r) }
            case .scan: return try run(ScanInput.self, body) { (r) throws(DynamoDBError) in try s.scan(r) }
            case .batchGetItem: return try run(BatchGetItemInput.self, body) { (r) throws(DynamoDBError) in try s.batchGetItem(r) }
            case .batchWriteItem: return try run(BatchWriteItemInput.self, body) { (r) throws(DynamoDBError) in try s.batchWriteItem(r) }
            case .transactWriteItems: return try run(TransactWriteItemsInput.self, body) { (r) throws(DynamoDBError) in try s.transactWriteItems(r) }
            case .transactGetItems: return try run(TransactGetItemsInput.self, body) { (r) throws(DynamoDBError) in try s.transactGetItems(r) }
            }
        }
    }
}
