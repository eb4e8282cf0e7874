import DesignEngine
import Requirements

/// The DynamoDB actions the access patterns use, per table and per index: what the
/// least-privilege IAM policy of every deployment export (CloudFormation, Terraform) grants and
/// nothing more.
///
/// Derived from the plans of the served patterns (an unserved pattern or one sent to OpenSearch
/// grants nothing; `Scan` only for a Scan the user accepted): every request of every step, the
/// reads that find a key or read an item before changing it included. A transaction is
/// authorized by the item actions inside it (IAM has no `TransactWriteItems` action): `PutItem`,
/// `UpdateItem`, `DeleteItem` and `ConditionCheckItem` on each table an action names.
struct AccessPermissions: Sendable, Equatable {
    /// The IAM action names in the order the policy lists them.
    static let actionOrder = ["GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "ConditionCheckItem"]

    /// Actions on the base table, by table id.
    private(set) var tableActions: [String: Set<String>] = [:]
    /// Actions on each index, by table id, then index name.
    private(set) var indexActions: [String: [String: Set<String>]] = [:]

    init(model: DataModel, requirements: Requirements) {
        for mapping in model.mappings where mapping.isServedByDynamoDB {
            for step in mapping.plan?.steps ?? [] {
                switch step.request {
                case .getItem(let get): grant("GetItem", tableID: get.tableID)
                case .batchGetItem(let get): grant("BatchGetItem", tableID: get.tableID)
                case .query(let query):
                    grant("Query", tableID: query.tableID, index: model.indexName(tableID: query.tableID, indexID: query.indexID))
                case .scan(let scan): grant("Scan", tableID: scan.tableID)
                case .putItem(let put): grant("PutItem", tableID: put.tableID)
                case .updateItem(let update): grant("UpdateItem", tableID: update.tableID)
                case .deleteItem(let delete): grant("DeleteItem", tableID: delete.tableID)
                case .batchWriteItem(let entries): for entry in entries { grant("BatchWriteItem", tableID: entry.tableID) }
                case .transactWriteItems(let actions):
                    for action in actions {
                        switch action.operation {
                        case .put: grant("PutItem", tableID: action.tableID)
                        case .update: grant("UpdateItem", tableID: action.tableID)
                        case .delete: grant("DeleteItem", tableID: action.tableID)
                        case .conditionCheck: grant("ConditionCheckItem", tableID: action.tableID)
                        }
                    }
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

    /// The queried indexes grouped by identical actions, in the order of `indexes(tableID:)`: one
    /// policy statement per group, so an index action is never granted on the table.
    func indexGroups(tableID: String) -> [(actions: [String], indexes: [String])] {
        var groups: [(actions: [String], indexes: [String])] = []
        for index in indexes(tableID: tableID) {
            if let position = groups.firstIndex(where: { $0.actions == index.actions }) {
                groups[position].indexes.append(index.name)
            } else {
                groups.append((index.actions, [index.name]))
            }
        }
        return groups
    }

    var isEmpty: Bool { tableActions.isEmpty && indexActions.isEmpty }

    // MARK: Derivation

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
