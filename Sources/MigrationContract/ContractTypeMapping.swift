import DesignEngine
import Requirements

/// The mapping rules between the model and the contract format (docs/contract.md) that have no single obvious
/// answer, in one place so `docs/contract.md` can state them exactly.
public enum ContractTypeMapping {
    /// The attribute types the contract format allows.
    public static let allowedTypes: Set<String> = ["S", "N", "B"]

    /// The contract type of a model attribute type.
    ///
    /// The format shows only S, N and B. A boolean is written as a number (1 or 0), the rule the
    /// engine already applies to booleans used as keys, so one attribute never has two types.
    /// Documents, lists and sets (M, L, SS, NS, BS) are written as their JSON text, a string.
    public static func contractType(of dynamoDBType: DynamoDBType) -> String {
        switch dynamoDBType {
        case .string, .number, .binary: return dynamoDBType.rawValue
        case .boolean: return "N"
        case .map, .list, .stringSet, .numberSet, .binarySet: return "S"
        }
    }

    /// The `source_table` of an entity: the MySQL table it was imported from, or, for an entity
    /// entered by hand, its name in snake_case (`OrderItem` → `order_item`), since the contract format does
    /// not allow null.
    public static func sourceTable(ofEntity name: String, in requirements: Requirements) -> String {
        if let table = requirements.entity(named: name)?.sourceTable, !table.isEmpty { return table }
        return snakeCase(name)
    }

    /// `OrderItem` → `order_item`, `tenantId` → `tenant_id`.
    public static func snakeCase(_ name: String) -> String {
        NameWords.split(name).map { $0.lowercased() }.joined(separator: "_")
    }

    /// The `source_column` written for an embedded list of child items: the whole child row.
    public static let wholeRow = "*"

    /// The separator of composite keys, in attribute names and in `source_column`.
    public static let compositeSeparator: Character = "#"
}
