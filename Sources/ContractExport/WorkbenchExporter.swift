import JSONCore
import DesignEngine
import MigrationContract
import Requirements

/// `workbench-model.json`: the model as a NoSQL Workbench 3.0 data model (docs/export.md, ## workbench), one
/// facet per entity with its example items, so it opens in AWS's visual tool.
///
/// Workbench has no LSIs (only GSIs are exported) and no multi-attribute keys: an index keyed on
/// several attributes shows its first partition and sort attributes.
public enum WorkbenchExporter {
    public static let fileName = "workbench-model.json"

    /// - Parameter exportedAt: the `DateCreated`/`DateLastModified` text, passed in so the bytes
    ///   depend only on the inputs.
    public static func export(_ model: DataModel, requirements: Requirements, modelName: String, exportedAt: String) -> ExportedFile {
        let metadata: OrderedJSON = .object([
            ("Author", .string("ddbmodel")),
            ("DateCreated", .string(exportedAt)),
            ("DateLastModified", .string(exportedAt)),
            ("Description", .string(description(requirements, modelName: modelName))),
            ("AWSService", .string("Amazon DynamoDB")),
            ("Version", .string("3.0")),
        ])
        let root: OrderedJSON = .object([
            ("ModelName", .string(modelName)),
            ("ModelMetadata", metadata),
            ("DataModel", .array(model.tables.map { table($0) })),
        ])
        return ExportedFile(name: fileName, bytes: root.serialized())
    }

    private static func description(_ requirements: Requirements, modelName: String) -> String {
        let summary = (requirements.overview.businessContext ?? requirements.overview.domain ?? "").trimmedOfSpaces
        return summary.isEmpty ? "DynamoDB model \(modelName), designed by ddbmodel." : summary
    }

    private static func attribute(_ name: String, _ type: String) -> OrderedJSON {
        .object([("AttributeName", .string(name)), ("AttributeType", .string(type))])
    }

    private static func keyAttributes(partition: KeyAttribute?, sort: KeyAttribute?) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = []
        if let partition { members.append(("PartitionKey", attribute(partition.name, partition.dynamoDBType.rawValue))) }
        if let sort { members.append(("SortKey", attribute(sort.name, sort.dynamoDBType.rawValue))) }
        return .object(members)
    }

    /// Every attribute the table's items or example data carry, other than the table keys.
    private static func nonKeyAttributes(_ table: TableDesign) -> [(String, String)] {
        let keys = Set(table.keyAttributeNames)
        var declared: [(String, String)] = []
        func declare(_ name: String, _ type: String) {
            if !keys.contains(name), !declared.contains(where: { $0.0 == name }) { declared.append((name, type)) }
        }
        for modelAttribute in table.attributes { declare(modelAttribute.name, modelAttribute.dynamoDBType.rawValue) }
        for index in table.indexes { (index.partitionKey + index.sortKey).forEach { declare($0.name, $0.dynamoDBType.rawValue) } }
        for item in table.exampleItems { item.values.forEach { declare($0.attribute, guessType($0.text)) } }
        return declared
    }

    private static func guessType(_ text: String) -> String {
        if text.hasPrefix("\"") { return "S" }
        if text == "true" || text == "false" { return "BOOL" }
        if text.hasPrefix("[") { return "L" }
        if text.hasPrefix("{") { return "M" }
        return Double(text) != nil ? "N" : "S"
    }

    private static func table(_ table: TableDesign) -> OrderedJSON {
        var types: [String: String] = [:]
        for (name, type) in nonKeyAttributes(table) { types[name] = type }
        types[table.partitionKey.name] = table.partitionKey.dynamoDBType.rawValue
        if let sortKey = table.sortKey { types[sortKey.name] = sortKey.dynamoDBType.rawValue }

        func item(_ example: ExampleItem) -> OrderedJSON {
            .object(example.values.map { ($0.attribute, WorkbenchExampleValue.json($0.text, type: types[$0.attribute] ?? guessType($0.text))) })
        }
        let facets: [OrderedJSON] = table.entities.map { entity in
            let keys = Set(table.keyAttributeNames)
            var alias: [(String, OrderedJSON)] = [("PartitionKeyAlias", .string(table.partitionKey.name))]
            if let sortKey = table.sortKey { alias.append(("SortKeyAlias", .string(sortKey.name))) }
            let names = table.attributes.filter { $0.entity == entity && !keys.contains($0.name) }.map(\.name)
            return .object([
                ("FacetName", .string(entity)),
                ("KeyAttributeAlias", .object(alias)),
                ("TableData", .array(table.exampleItems.filter { $0.entity == entity }.map(item))),
                ("NonKeyAttributes", .array(names.map(OrderedJSON.string))),
                ("DataAccess", .object([("MySql", .object([]))])),
            ])
        }
        let gsis: [OrderedJSON] = table.indexes.filter { $0.kind == .global }.map { index in
            var projection: [(String, OrderedJSON)] = [("ProjectionType", .string(index.projection.awsName))]
            if case .include(let names) = index.projection { projection.append(("NonKeyAttributes", .array(names.map(OrderedJSON.string)))) }
            return .object([
                ("IndexName", .string(index.name)),
                ("KeyAttributes", keyAttributes(partition: index.partitionKey.first, sort: index.sortKey.first)),
                ("Projection", .object(projection)),
            ])
        }
        var members: [(String, OrderedJSON)] = [
            ("TableName", .string(table.name)),
            ("KeyAttributes", keyAttributes(partition: table.partitionKey, sort: table.sortKey)),
            ("NonKeyAttributes", .array(nonKeyAttributes(table).map { attribute($0.0, $0.1) })),
            ("TableFacets", .array(facets)),
        ]
        if !gsis.isEmpty { members.append(("GlobalSecondaryIndexes", .array(gsis))) }
        members += [
            ("TableData", .array(table.exampleItems.map(item))),
            ("DataAccess", .object([("MySql", .object([]))])),
            ("BillingMode", .string(table.capacityMode == .onDemand ? "PAY_PER_REQUEST" : "PROVISIONED")),
        ]
        return .object(members)
    }
}
