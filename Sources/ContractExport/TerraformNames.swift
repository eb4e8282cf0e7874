import DesignEngine

/// The identifiers of the Terraform export: one resource name per table (`users`,
/// `order_items`), the IAM statement ids the CloudFormation policy uses (`UsersTable`), and the
/// auto scaling targets of provisioned tables and their GSIs. Unique per resource type and the
/// same for the same model.
struct TerraformNames: Sendable {
    /// Names the export uses for resources of its own, never given to a table.
    static let reserved: Set<String> = ["access", "backup_assume_role", "current"]

    /// Table id → resource name of its `aws_dynamodb_table` (and its policy document).
    private(set) var tables: [String: String] = [:]
    /// Table id → IAM statement id, as in the CloudFormation template's policy.
    let statementIDs: [String: String]
    /// "table id" or "table id/index name", then "read" or "write" → auto scaling resource name.
    private(set) var scaling: [String: String] = [:]

    init(_ model: DataModel) {
        var used = Self.reserved
        for table in model.tables { tables[table.id] = TableIdentifiers.snakeCase(table.name, used: &used) }
        statementIDs = CloudFormationExporter.logicalIDs(model.tables)
        var scalingUsed: Set<String> = []
        for table in model.tables where table.capacityMode == .provisioned {
            let base = tables[table.id]!
            for dimension in ["read", "write"] {
                scaling[table.id + "\n" + dimension] = TableIdentifiers.snakeCase(base + "_" + dimension, used: &scalingUsed)
            }
            var indexUsed: Set<String> = []
            for index in table.indexes where index.kind == .global {
                let indexName = TableIdentifiers.snakeCase(index.name, used: &indexUsed)
                for dimension in ["read", "write"] {
                    scaling[table.id + "\n" + index.name + "\n" + dimension] = TableIdentifiers.snakeCase(
                        base + "_" + indexName + "_" + dimension, used: &scalingUsed)
                }
            }
        }
    }

    func table(_ id: String) -> String { tables[id]! }

    /// The auto scaling target and policy name of a table's (or one of its GSIs') capacity.
    func scaling(tableID: String, index: String?, dimension: String) -> String {
        scaling[([tableID] + (index.map { [$0] } ?? []) + [dimension]).joined(separator: "\n")]!
    }
}
