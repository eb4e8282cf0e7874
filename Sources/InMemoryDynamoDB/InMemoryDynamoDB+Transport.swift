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
            let database = service
            switch known {
            case .createTable: return try run(CreateTableInput.self, body) { (request) throws(DynamoDBError) in try database.createTable(request) }
            case .describeTable: return try run(DescribeTableInput.self, body) { (request) throws(DynamoDBError) in try database.describeTable(request) }
            case .deleteTable: return try run(DeleteTableInput.self, body) { (request) throws(DynamoDBError) in try database.deleteTable(request) }
            case .listTables: return try run(ListTablesInput.self, body) { (request) throws(DynamoDBError) in try database.listTables(request) }
            case .putItem: return try run(PutItemInput.self, body) { (request) throws(DynamoDBError) in try database.putItem(request) }
            case .getItem: return try run(GetItemInput.self, body) { (request) throws(DynamoDBError) in try database.getItem(request) }
            case .updateItem: return try run(UpdateItemInput.self, body) { (request) throws(DynamoDBError) in try database.updateItem(request) }
            case .deleteItem: return try run(DeleteItemInput.self, body) { (request) throws(DynamoDBError) in try database.deleteItem(request) }
            case .query: return try run(QueryInput.self, body) { (request) throws(DynamoDBError) in try database.query(request) }
            case .scan: return try run(ScanInput.self, body) { (request) throws(DynamoDBError) in try database.scan(request) }
            case .batchGetItem: return try run(BatchGetItemInput.self, body) { (request) throws(DynamoDBError) in try database.batchGetItem(request) }
            case .batchWriteItem: return try run(BatchWriteItemInput.self, body) { (request) throws(DynamoDBError) in try database.batchWriteItem(request) }
            case .transactWriteItems: return try run(TransactWriteItemsInput.self, body) { (request) throws(DynamoDBError) in try database.transactWriteItems(request) }
            case .transactGetItems: return try run(TransactGetItemsInput.self, body) { (request) throws(DynamoDBError) in try database.transactGetItems(request) }
            }
        }
    }
}
