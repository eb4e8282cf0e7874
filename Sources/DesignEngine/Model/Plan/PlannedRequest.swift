import Requirements
/// The primary key of one item: the partition key, then the sort key when the table has one.
public struct ItemKey: Sendable, Equatable, Hashable {
    public var parts: [KeyValue]

    public init(_ parts: [KeyValue]) {
        self.parts = parts
    }
}

/// One attribute of an item a request writes, with its value.
public struct StoredValue: Sendable, Equatable, Hashable {
    /// The attribute name as stored in the table.
    public var attribute: String
    public var type: DynamoDBType
    public var value: PlanValue

    public init(attribute: String, type: DynamoDBType, value: PlanValue) {
        self.attribute = attribute
        self.type = type
        self.value = value
    }
}

/// `GetItem` (one key) or `BatchGetItem` (the same key shape, once per caller-supplied item).
public struct GetRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var key: ItemKey
    public var consistent: Bool

    public init(tableID: String, key: ItemKey, consistent: Bool) {
        self.tableID = tableID
        self.key = key
        self.consistent = consistent
    }
}

/// `Query` on a table or one of its indexes.
public struct QueryRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    /// The index's id (stable across renames); nil for the base table.
    public var indexID: String?
    /// Equality on every partition-key attribute (several for a multi-attribute GSI key).
    public var partition: [KeyValue]
    /// Equality on leading sort-key attributes of a multi-attribute GSI key, before `sort`.
    public var sortPrefix: [KeyValue]
    public var sort: SortKeyCondition?
    public var filter: PlanCondition?
    public var scanForward: Bool
    public var consistent: Bool

    public init(tableID: String, indexID: String?, partition: [KeyValue], sortPrefix: [KeyValue] = [], sort: SortKeyCondition?,
                filter: PlanCondition?, scanForward: Bool, consistent: Bool) {
        self.tableID = tableID
        self.indexID = indexID
        self.partition = partition
        self.sortPrefix = sortPrefix
        self.sort = sort
        self.filter = filter
        self.scanForward = scanForward
        self.consistent = consistent
    }
}

/// `Scan` of a table, accepted by the user for one pattern.
public struct ScanRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var filter: PlanCondition?
    /// The entity whose items the pattern wants, when the table holds several kinds.
    public var entityFilter: PlanCondition?

    public init(tableID: String, filter: PlanCondition?, entityFilter: PlanCondition? = nil) {
        self.tableID = tableID
        self.filter = filter
        self.entityFilter = entityFilter
    }
}

/// `PutItem`, or a `Put` inside a transaction: every attribute of the item and its condition.
public struct PutRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var item: [StoredValue]
    public var condition: PlanCondition?

    public init(tableID: String, item: [StoredValue], condition: PlanCondition?) {
        self.tableID = tableID
        self.item = item
        self.condition = condition
    }

    /// The key of the item written, for tables keyed by these attributes.
    public func key(_ keyAttributes: [String]) -> ItemKey {
        ItemKey(keyAttributes.compactMap { name in
            item.first { $0.attribute == name }.map { KeyValue(attribute: $0.attribute, type: $0.type, value: $0.value) }
        })
    }
}

/// `UpdateItem`, or an `Update` inside a transaction.
public struct UpdateRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var key: ItemKey
    public var actions: [UpdateAction]
    public var condition: PlanCondition?

    public init(tableID: String, key: ItemKey, actions: [UpdateAction], condition: PlanCondition?) {
        self.tableID = tableID
        self.key = key
        self.actions = actions
        self.condition = condition
    }
}

/// `DeleteItem`, or a `Delete` inside a transaction.
public struct DeleteRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var key: ItemKey
    public var condition: PlanCondition?

    public init(tableID: String, key: ItemKey, condition: PlanCondition?) {
        self.tableID = tableID
        self.key = key
        self.condition = condition
    }
}

/// A `ConditionCheck` inside a transaction: nothing is written, the condition must hold.
public struct ConditionCheckRequest: Sendable, Equatable, Hashable {
    public var tableID: String
    public var key: ItemKey
    public var condition: PlanCondition

    public init(tableID: String, key: ItemKey, condition: PlanCondition) {
        self.tableID = tableID
        self.key = key
        self.condition = condition
    }
}

/// One action of a `TransactWriteItems` request, possibly repeated per caller-supplied item.
public struct TransactAction: Sendable, Equatable, Hashable {
    public enum Operation: Sendable, Equatable, Hashable {
        case put(PutRequest)
        case update(UpdateRequest)
        case delete(DeleteRequest)
        case conditionCheck(ConditionCheckRequest)
    }

    public var operation: Operation
    /// The entity whose item the action writes.
    public var entity: String
    /// Set when the action is repeated once per item of this entity the caller supplies (an
    /// order's lines written with the order).
    public var repeatedPerInputOf: String?
    /// The action is left out when these attributes keep their stored value (a unique value
    /// "changed" to itself needs no lookup move; two actions on one item would be refused).
    public var skippedWhenUnchanged: [String]

    public init(_ operation: Operation, entity: String, repeatedPerInputOf: String? = nil, skippedWhenUnchanged: [String] = []) {
        self.operation = operation
        self.entity = entity
        self.repeatedPerInputOf = repeatedPerInputOf
        self.skippedWhenUnchanged = skippedWhenUnchanged
    }

    public var tableID: String {
        switch operation {
        case .put(let request): return request.tableID
        case .update(let request): return request.tableID
        case .delete(let request): return request.tableID
        case .conditionCheck(let request): return request.tableID
        }
    }

    /// The DynamoDB name of the action: `Put`, `Update`, `Delete` or `ConditionCheck`.
    public var name: String {
        switch operation {
        case .put: return "Put"
        case .update: return "Update"
        case .delete: return "Delete"
        case .conditionCheck: return "ConditionCheck"
        }
    }
}

/// One entry of a `BatchWriteItem` request.
public enum BatchWriteEntry: Sendable, Equatable, Hashable {
    case put(tableID: String, item: [StoredValue])
    case delete(tableID: String, key: ItemKey)

    public var tableID: String {
        switch self {
        case .put(let tableID, _), .delete(let tableID, _): return tableID
        }
    }
}

/// The request one step of a plan sends.
public enum PlannedRequest: Sendable, Equatable, Hashable {
    case getItem(GetRequest)
    /// The key shape of `GetRequest`, once per item the caller supplies (up to 100 per request).
    case batchGetItem(GetRequest)
    case query(QueryRequest)
    case scan(ScanRequest)
    case putItem(PutRequest)
    case updateItem(UpdateRequest)
    case deleteItem(DeleteRequest)
    /// Puts or deletes, 25 per request.
    case batchWriteItem([BatchWriteEntry])
    case transactWriteItems([TransactAction])

    public var operation: DynamoDBOperation {
        switch self {
        case .getItem: return .getItem
        case .batchGetItem: return .batchGetItem
        case .query: return .query
        case .scan: return .scan
        case .putItem: return .putItem
        case .updateItem: return .updateItem
        case .deleteItem: return .deleteItem
        case .batchWriteItem: return .batchWriteItem
        case .transactWriteItems: return .transactWriteItems
        }
    }

    /// The table the request reads or writes first (a transaction's first action).
    public var tableID: String {
        switch self {
        case .getItem(let request), .batchGetItem(let request): return request.tableID
        case .query(let request): return request.tableID
        case .scan(let request): return request.tableID
        case .putItem(let request): return request.tableID
        case .updateItem(let request): return request.tableID
        case .deleteItem(let request): return request.tableID
        case .batchWriteItem(let entries): return entries.first?.tableID ?? ""
        case .transactWriteItems(let actions): return actions.first?.tableID ?? ""
        }
    }

    /// The index a Query reads; nil otherwise.
    public var indexID: String? {
        if case .query(let request) = self { return request.indexID }
        return nil
    }

    /// Every table the request touches, in order, without repeats.
    public var tableIDs: [String] {
        var ids: [String] = []
        func add(_ id: String) { if !ids.contains(id) { ids.append(id) } }
        switch self {
        case .batchWriteItem(let entries): entries.map(\.tableID).forEach(add)
        case .transactWriteItems(let actions): actions.map(\.tableID).forEach(add)
        default: add(tableID)
        }
        return ids
    }
}
