import DynamoDBAPI
import Foundation

/// DynamoDB in memory, with the service's semantics (developer guide behaviour): tables and
/// their global and local secondary indexes (sparse, multi-attribute keys), condition, filter,
/// key condition, update and projection expressions, 1 MB pages, batches, transactions and
/// consumed capacity. No I/O and no clock: the design tool runs thousands of requests through it
/// per model, and tests compare it with moto request by request.
///
/// One lock guards the whole state, so the class is safely `Sendable`; requests are short.
public final class InMemoryDynamoDB: DynamoDBService, @unchecked Sendable {
    private let lock = NSLock()
    private var database = Database()

    public init() {}

    /// Runs one operation under the lock.
    private func locked<Output>(_ body: (inout Database) throws(DynamoDBError) -> Output) throws(DynamoDBError) -> Output {
        lock.lock()
        defer { lock.unlock() }
        return try body(&database)
    }

    public func createTable(_ input: CreateTableInput) throws(DynamoDBError) -> CreateTableOutput {
        try locked { (db) throws(DynamoDBError) in try db.createTable(input) }
    }

    public func describeTable(_ input: DescribeTableInput) throws(DynamoDBError) -> DescribeTableOutput {
        try locked { (db) throws(DynamoDBError) in try db.describeTable(input) }
    }

    public func deleteTable(_ input: DeleteTableInput) throws(DynamoDBError) -> DeleteTableOutput {
        try locked { (db) throws(DynamoDBError) in try db.deleteTable(input) }
    }

    public func listTables(_ input: ListTablesInput) throws(DynamoDBError) -> ListTablesOutput {
        try locked { (db) throws(DynamoDBError) in try db.listTables(input) }
    }

    public func putItem(_ input: PutItemInput) throws(DynamoDBError) -> PutItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.putItem(input) }
    }

    public func getItem(_ input: GetItemInput) throws(DynamoDBError) -> GetItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.getItem(input) }
    }

    public func updateItem(_ input: UpdateItemInput) throws(DynamoDBError) -> UpdateItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.updateItem(input) }
    }

    public func deleteItem(_ input: DeleteItemInput) throws(DynamoDBError) -> DeleteItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.deleteItem(input) }
    }

    public func query(_ input: QueryInput) throws(DynamoDBError) -> QueryOutput {
        try locked { (db) throws(DynamoDBError) in try db.query(input) }
    }

    public func scan(_ input: ScanInput) throws(DynamoDBError) -> ScanOutput {
        try locked { (db) throws(DynamoDBError) in try db.scan(input) }
    }

    public func batchGetItem(_ input: BatchGetItemInput) throws(DynamoDBError) -> BatchGetItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.batchGetItem(input) }
    }

    public func batchWriteItem(_ input: BatchWriteItemInput) throws(DynamoDBError) -> BatchWriteItemOutput {
        try locked { (db) throws(DynamoDBError) in try db.batchWriteItem(input) }
    }

    public func transactWriteItems(_ input: TransactWriteItemsInput) throws(DynamoDBError) -> TransactWriteItemsOutput {
        try locked { (db) throws(DynamoDBError) in try db.transactWriteItems(input) }
    }

    public func transactGetItems(_ input: TransactGetItemsInput) throws(DynamoDBError) -> TransactGetItemsOutput {
        try locked { (db) throws(DynamoDBError) in try db.transactGetItems(input) }
    }

    /// How many distinct expression texts are parsed and cached (tests check reuse).
    public var cachedExpressionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return database.cache.count
    }

    /// The service behind the JSON protocol, so `DynamoDBConnection(transport: memory.transport)`
    /// and anything else that speaks bytes can use it unchanged.
    public var transport: Transport { Transport(service: self) }
}
