import DesignEngine
import Requirements

/// The DynamoDB actions the access patterns use, per table and per index: what the template's
/// least-privilege IAM policy grants and nothing more.
///
/// Derived from the served mappings only (an unserved pattern or one sent to OpenSearch grants
/// nothing; `Scan` only for a Scan the user accepted). A transaction is authorized by the item
/// actions inside it (IAM has no `TransactWriteItems` action): `PutItem` for a create,
/// `UpdateItem` for an update and `DeleteItem` for a delete on the entity's table; a lookup
/// table gets `PutItem` on create, `DeleteItem` + `PutItem` when the unique value changes and
/// `DeleteItem` on delete; child tables written with their parent get `PutItem`.
struct CloudFormationPermissions: Sendable, Equatable {
    /// The IAM action names in the order the policy lists them.
    static let actionOrder = ["GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "ConditionCheckItem"]

    /// Actions on the base table, by table id.
    private(set) var tableActions: [String: Set<String>] = [:]
    /// Actions on each index, by table id, then index name.
    private(set) var indexActions: [String: [String: Set<String>]] = [:]

    init(model: DataModel, requirements: Requirements) {
        for mapping in model.mappings {
            guard mapping.status == .served || mapping.status == .acceptedScan,
                  let operation = mapping.operation, let tableID = mapping.tableID, model.table(id: tableID) != nil
            else { continue }
            addMain(operation, mapping: mapping, tableID: tableID, patternType: requirements.pattern(mapping.patternID)?.type)
            for read in mapping.readUnitsElsewhere {
                guard let table = model.table(id: read.tableID) else { continue }
                if let index = read.indexName {
                    grant("Query", tableID: read.tableID, index: index)
                } else {
                    grant(Self.followUpReadAction(on: table, notes: mapping.notes), tableID: read.tableID)
                }
            }
            for write in mapping.indexWriteUnits where write.indexName == nil && write.tableID != tableID {
                guard let table = model.table(id: write.tableID) else { continue }
                for action in Self.otherTableWriteActions(operation, table: table, patternType: requirements.pattern(mapping.patternID)?.type) {
                    grant(action, tableID: write.tableID)
                }
            }
        }
    }

    /// Actions on the table, in policy order.
    func actions(tableID: String) -> [String] {
        Self.ordered(tableActions[tableID] ?? [])
    }

    /// Index names with actions, sorted, and their actions in policy order.
    func indexes(tableID: String) -> [(name: String, actions: [String])] {
        (indexActions[tableID] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, Self.ordered($0.value)) }
    }

    var isEmpty: Bool { tableActions.isEmpty && indexActions.isEmpty }

    // MARK: Derivation

    private mutating func addMain(_ operation: DynamoDBOperation, mapping: PatternMapping, tableID: String, patternType: PatternType?) {
        switch operation {
        case .query, .scan:
            if operation == .scan && mapping.status != .acceptedScan { return }
            if let index = mapping.indexName {
                grant(operation.rawValue, tableID: tableID, index: index)
            } else {
                grant(operation.rawValue, tableID: tableID)
            }
        case .getItem, .batchGetItem, .putItem, .updateItem, .deleteItem, .batchWriteItem:
            grant(operation.rawValue, tableID: tableID)
        case .transactWriteItems:
            switch patternType {
            case .update?: grant("UpdateItem", tableID: tableID)
            case .delete?: grant("DeleteItem", tableID: tableID)
            default: grant("PutItem", tableID: tableID)
            }
        }
    }

    /// A read before or after the main one in another table: a Query when the mapping's notes
    /// say it queries that table (children read by their parent's key), otherwise a GetItem
    /// (a lookup item, the owner behind it, or a parent by its key).
    static func followUpReadAction(on table: TableDesign, notes: [String]) -> String {
        notes.contains { $0.contains("Query \(table.name) ") || $0.hasSuffix("Query \(table.name)") } ? "Query" : "GetItem"
    }

    /// What a write pattern does in a table other than its own.
    static func otherTableWriteActions(_ operation: DynamoDBOperation, table: TableDesign, patternType: PatternType?) -> [String] {
        var actions: [String]
        if table.lookup != nil {
            switch patternType {
            case .update?: actions = ["DeleteItem", "PutItem"]
            case .delete?: actions = ["DeleteItem"]
            default: actions = ["PutItem"]
            }
            if let lookup = table.lookup, (lookup.createTransaction + lookup.changeTransaction).contains(where: { $0.action == .conditionCheck && $0.tableID == table.id }) {
                actions.append("ConditionCheckItem")
            }
        } else {
            switch operation {
            case .transactWriteItems:
                switch patternType {
                case .update?: actions = ["UpdateItem"]
                case .delete?: actions = ["DeleteItem"]
                default: actions = ["PutItem"]
                }
            case .batchWriteItem: actions = ["BatchWriteItem"]
            case .updateItem: actions = ["UpdateItem"]
            case .deleteItem: actions = ["DeleteItem"]
            default: actions = ["PutItem"]
            }
        }
        return actions
    }

    private mutating func grant(_ action: String, tableID: String, index: String? = nil) {
        if let index {
            indexActions[tableID, default: [:]][index, default: []].insert(action)
        } else {
            tableActions[tableID, default: []].insert(action)
        }
    }

    private static func ordered(_ actions: Set<String>) -> [String] {
        actionOrder.filter(actions.contains) + actions.subtracting(actionOrder).sorted()
    }
}
