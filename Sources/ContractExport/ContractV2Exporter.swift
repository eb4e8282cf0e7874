import JSONCore
import DesignEngine
import MigrationContract
import Requirements

/// `migrationContract.v2.json`: the workshop's newer object form (docs/export.md, ## contract-v2) that its
/// migration scripts read: `{"tables": [...]}` with typed attributes and, for tables holding
/// several entities, key templates per entity.
///
/// Its consumers create every key attribute as type S and write values as strings; docs/export.md
/// says which keys of a model are numeric.
public enum ContractV2Exporter {
    public static let fileName = "migrationContract.v2.json"

    public static func export(_ model: DataModel, requirements: Requirements) -> ExportedFile {
        let tables = model.tables.map { table(model, $0, requirements) }
        return ExportedFile(name: fileName, bytes: OrderedJSON.object([("tables", .array(tables))]).serialized())
    }

    /// Key attributes declared numeric (N) in the model, as `Table.attribute`: v2 consumers write them as strings.
    public static func numericKeys(_ model: DataModel) -> [String] {
        var names: [String] = []
        for table in model.tables {
            let keys = [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap { $0.partitionKey + $0.sortKey }
            for key in keys where key.dynamoDBType == .number && !names.contains("\(table.name).\(key.name)") {
                names.append("\(table.name).\(key.name)")
            }
        }
        return names
    }

    private static func sourceTable(_ entity: String, _ requirements: Requirements) -> String {
        requirements.entity(named: entity)?.sourceTable ?? entity
    }

    private static func keyName(_ keys: [KeyAttribute]) -> OrderedJSON {
        keys.count == 1 ? .string(keys[0].name) : .array(keys.map { .string($0.name) })
    }

    private static func table(_ model: DataModel, _ table: TableDesign, _ requirements: Requirements) -> OrderedJSON {
        let multiEntity: Bool = {
            if case .itemCollection = table.role { return true }
            return table.entities.count > 1
        }()
        let mainEntity = table.lookup?.entity ?? table.entities.first ?? table.id
        var members: [(String, OrderedJSON)] = [
            ("table", .string(table.name)),
            ("type", .string(multiEntity ? "multi-entity" : "single-entity")),
            ("source_table", .string(table.sourceTables.first ?? sourceTable(mainEntity, requirements))),
            ("pk", .string(table.partitionKey.name)),
        ]
        if let sortKey = table.sortKey { members.append(("sk", .string(sortKey.name))) }
        members.append(("gsis", .array(table.indexes.filter { $0.kind == .global }.map { index in
            var fields: [(String, OrderedJSON)] = [("index_name", .string(index.name)), ("pk", keyName(index.partitionKey))]
            if !index.sortKey.isEmpty { fields.append(("sk", keyName(index.sortKey))) }
            fields.append(("projection", .string(index.projection.awsName)))
            if case .include(let names) = index.projection { fields.append(("projected_attributes", .array(names.map(OrderedJSON.string)))) }
            return .object(fields)
        })))
        if multiEntity {
            members.append(("entities", .array(table.entities.map { entity in
                let key = table.itemLayout(of: entity)?.key
                var fields: [(String, OrderedJSON)] = [
                    ("entity_type", .string(entity)),
                    ("source_table", .string(sourceTable(entity, requirements))),
                    ("pk_template", .string(templateText(key, table.partitionKey.name))),
                ]
                if let sortKey = table.sortKey { fields.append(("sk_template", .string(templateText(key, sortKey.name)))) }
                fields.append(("attributes", .array(table.attributes.filter { $0.entity == entity }.map { attribute($0, table, requirements) })))
                return .object(fields)
            })))
        } else {
            members.append(("attributes", .array(table.attributes.map { attribute($0, table, requirements) })))
        }
        return .object(members)
    }

    /// `"ORDER_ITEM#{line_no}"`: literals as they are, the entity's values in braces.
    private static func templateText(_ key: ItemKey?, _ attribute: String) -> String {
        KeyTemplate.text(key, attribute: attribute) { "{\($0)}" } ?? "{\(attribute)}"
    }

    private static func attribute(_ attribute: ModelAttribute, _ table: TableDesign, _ requirements: Requirements) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = [
            ("name", .string(attribute.name)),
            ("type", .string(attribute.dynamoDBType.rawValue)),
            ("source_table", .string(attribute.sourceTable ?? sourceTable(attribute.sourceEntity, requirements))),
            ("source_column", .string(attribute.sourceColumn ?? attribute.sourceAttribute)),
        ]
        if let denormalization = attribute.denormalization {
            fields.append(("denormalized", .bool(true)))
            fields.append(("justification", .string(denormalization.justification)))
            fields.append(("join", .object([
                ("type", .string("foreign-key")),
                ("local_column", .string(denormalization.localAttribute)),
                ("source_column", .string(denormalization.sourceJoinAttribute)),
            ])))
        } else if let ttl = table.timeToLive, ttl.attribute == attribute.name, let retention = ttl.retention(of: attribute.entity) {
            fields.append(("transformation", .object([
                ("type", .string("ttl-expiry")),
                ("from", .string(attribute.sourceColumn ?? retention.storedFrom)),
                ("add_seconds", .integer(retention.period.seconds)),
            ])))
        } else if let composed = attribute.composedOf, composed.count > 1 {
            fields.append(("transformation", .object([
                ("type", .string("string-format")),
                ("format", .string(composed.map { "{\($0)}" }.joined(separator: "#"))),
            ])))
        }
        return .object(fields)
    }
}
