/// The DynamoDB operations the tool speaks, typed: a live endpoint (`DynamoDBConnection`) and
/// the in-memory engine (`InMemoryDynamoDB`) both implement it, so callers cannot tell them apart.
public protocol DynamoDBService: Sendable {
    func createTable(_ input: CreateTableInput) throws(DynamoDBError) -> CreateTableOutput
    func describeTable(_ input: DescribeTableInput) throws(DynamoDBError) -> DescribeTableOutput
    func deleteTable(_ input: DeleteTableInput) throws(DynamoDBError) -> DeleteTableOutput
    func listTables(_ input: ListTablesInput) throws(DynamoDBError) -> ListTablesOutput
    func putItem(_ input: PutItemInput) throws(DynamoDBError) -> PutItemOutput
    func getItem(_ input: GetItemInput) throws(DynamoDBError) -> GetItemOutput
    func updateItem(_ input: UpdateItemInput) throws(DynamoDBError) -> UpdateItemOutput
    func deleteItem(_ input: DeleteItemInput) throws(DynamoDBError) -> DeleteItemOutput
    func query(_ input: QueryInput) throws(DynamoDBError) -> QueryOutput
    func scan(_ input: ScanInput) throws(DynamoDBError) -> ScanOutput
    func batchGetItem(_ input: BatchGetItemInput) throws(DynamoDBError) -> BatchGetItemOutput
    func batchWriteItem(_ input: BatchWriteItemInput) throws(DynamoDBError) -> BatchWriteItemOutput
    func transactWriteItems(_ input: TransactWriteItemsInput) throws(DynamoDBError) -> TransactWriteItemsOutput
    func transactGetItems(_ input: TransactGetItemsInput) throws(DynamoDBError) -> TransactGetItemsOutput
}
