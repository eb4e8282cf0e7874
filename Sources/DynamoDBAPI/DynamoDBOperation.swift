import JSONCore

/// The operations of the JSON protocol (`X-Amz-Target: DynamoDB_20120810.<rawValue>`).
public enum DynamoDBOperation: String, Sendable, Hashable, CaseIterable {
    case createTable = "CreateTable"
    case describeTable = "DescribeTable"
    case deleteTable = "DeleteTable"
    case listTables = "ListTables"
    case putItem = "PutItem"
    case getItem = "GetItem"
    case updateItem = "UpdateItem"
    case deleteItem = "DeleteItem"
    case query = "Query"
    case scan = "Scan"
    case batchGetItem = "BatchGetItem"
    case batchWriteItem = "BatchWriteItem"
    case transactWriteItems = "TransactWriteItems"
    case transactGetItems = "TransactGetItems"
}

/// A value with a JSON-protocol form: every request and response type.
public protocol DynamoDBWireCodable: Sendable {
    /// Reads the JSON form; a malformed one is `.validation` with the field at fault.
    init(wire: OrderedJSON) throws(DynamoDBError)
    /// The JSON form, members in the API's documented order, absent optionals left out.
    var wire: OrderedJSON { get }
}

/// A request type: which operation it is and which response type it gets.
public protocol DynamoDBRequest: DynamoDBWireCodable {
    associatedtype Response: DynamoDBWireCodable
    static var operation: DynamoDBOperation { get }
}
