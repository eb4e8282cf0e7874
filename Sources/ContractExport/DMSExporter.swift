import JSONCore
import DesignEngine
import MigrationContract
import Requirements

/// `dms-table-mappings.json`: AWS DMS table mappings (docs/export.md, ## dms) that load the
/// imported MySQL tables into the designed DynamoDB tables.
///
/// Per source table behind an entity table: one `selection` rule and one `object-mapping` rule
/// (`map-record-to-record`) naming the target table, its key attributes, the columns left out
/// (excluded in the requirements, or renamed) and attribute mappings for renamed attributes and
/// concatenated keys. Lookup tables, denormalized copies and entities entered by hand get no
/// rule; `docs/export.md` (## dms) says how they are filled.
///
/// A value template names columns as `${column}` and DMS has no escape inside the braces, so a
/// column whose name holds `$`, `{` or `}` cannot be named safely (`${a}${id}` would read the
/// columns `a` and `id`): the export is refused, naming the column, rather than written wrong.
public enum DMSExporter {
    public static let fileName = "dms-table-mappings.json"

    /// The object-locator schema: `%` matches the source database, whose name the requirements
    /// do not record; replace it with the database name when the endpoint sees several.
    public static let schemaName = "%"

    /// The mappings for `model`; refused when a value template would have to name a column DMS
    /// cannot reference (see above).
    public static func export(_ model: DataModel, requirements: Requirements) throws(ExportRefusal) -> ExportedFile {
        var rules: [OrderedJSON] = []
        var selected = Set<String>()
        func nextID() -> String { String(rules.count + 1) }
        for table in model.tables where table.lookup == nil {
            for entityName in table.entities {
                guard let entity = requirements.entity(named: entityName), let source = entity.sourceTable else { continue }
                if selected.insert(source).inserted {
                    rules.append(.object([
                        ("rule-type", .string("selection")),
                        ("rule-id", .string(nextID())),
                        ("rule-name", .string("select-\(source)")),
                        ("object-locator", locator(source)),
                        ("rule-action", .string("include")),
                    ]))
                }
                rules.append(.object([
                    ("rule-type", .string("object-mapping")),
                    ("rule-id", .string(nextID())),
                    ("rule-name", .string("map-\(source)-to-\(table.name)")),
                    ("rule-action", .string("map-record-to-record")),
                    ("object-locator", locator(source)),
                    ("target-table-name", .string(table.name)),
                    ("mapping-parameters", try mappingParameters(table: table, entity: entity, source: source)),
                ]))
            }
        }
        return ExportedFile(name: fileName, bytes: OrderedJSON.object([("rules", .array(rules))]).serialized())
    }

    static func locator(_ source: String) -> OrderedJSON {
        .object([("schema-name", .string(schemaName)), ("table-name", .string(source))])
    }

    /// The target's keys, the columns left out and the attribute mappings: at most one mapping
    /// per target attribute (a renamed key column is mapped by its key template only).
    static func mappingParameters(table: TableDesign, entity: Entity, source: String) throws(ExportRefusal) -> OrderedJSON {
        var excluded: [String] = entity.attributes.compactMap { attribute in
            guard attribute.excludedReason != nil, let column = attribute.source, column.table == source else { return nil }
            return column.column
        }
        var mappings: [OrderedJSON] = []
        var mappedTargets = Set<String>()
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) {
            guard let value = try keyTemplate(key, table: table, entity: entity, source: source),
                  mappedTargets.insert(key.name).inserted else { continue }
            mappings.append(attributeMapping(key.name, type: key.dynamoDBType.rawValue, value: value))
        }
        for attribute in table.attributes where attribute.entity == entity.name && attribute.sourceEntity == entity.name
            && attribute.denormalization == nil && attribute.composedOf == nil && attribute.name != table.timeToLive?.attribute {
            guard let column = attribute.sourceColumn, attribute.sourceTable == nil || attribute.sourceTable == source,
                  column != attribute.name else { continue }
            // The renamed column is not also copied under its old name, even when its key
            // template (above) already maps it.
            if !excluded.contains(column) { excluded.append(column) }
            guard mappedTargets.insert(attribute.name).inserted else { continue }
            mappings.append(attributeMapping(attribute.name, type: attribute.dynamoDBType.rawValue, value: try reference(column, source: source)))
        }
        var parameters: [(String, OrderedJSON)] = [("partition-key-name", .string(table.partitionKey.name))]
        if let sortKey = table.sortKey { parameters.append(("sort-key-name", .string(sortKey.name))) }
        parameters.append(("exclude-columns", .array(excluded.map { .string($0) })))
        parameters.append(("attribute-mappings", .array(mappings)))
        return .object(parameters)
    }

    static func attributeMapping(_ name: String, type: String, value: String) -> OrderedJSON {
        .object([
            ("target-attribute-name", .string(name)),
            ("attribute-type", .string("scalar")),
            ("attribute-sub-type", .string(type == "N" ? "number" : "string")),
            ("value", .string(value)),
        ])
    }

    /// The value template of a key, such as `${tenant_id}#${user_id}`, `ORDER` on an item
    /// collection's parent and `ORDER_ITEM#${line_no}` on a member (from the entity's item layout).
    /// Nil for a key that is a column of its own (map-record-to-record copies it under its name).
    static func keyTemplate(_ key: KeyAttribute, table: TableDesign, entity: Entity, source: String) throws(ExportRefusal) -> String? {
        guard let value = table.itemLayout(of: entity.name)?.key.parts.first(where: { $0.attribute == key.name })?.value else { return nil }
        if case .input(_, let name) = value, column(for: name, table: table, entity: entity) == key.name { return nil }
        return try KeyTemplate.text(value) { name throws(ExportRefusal) in
            try reference(column(for: name, table: table, entity: entity), source: source)
        }
    }

    /// The characters that end or start a DMS column reference; none can be escaped.
    static let unreferenceable: Set<Character> = ["$", "{", "}"]

    /// `${column}`, the reference to a source column in a value template; refused for a column
    /// DMS cannot reference (see the type's comment).
    static func reference(_ column: String, source: String) throws(ExportRefusal) -> String {
        guard let character = column.first(where: unreferenceable.contains) else { return "${\(column)}" }
        throw .dmsCannotNameColumn(column: column, table: source, character: character)
    }

    /// The source column behind an attribute of the entity: the model's record of it, then the
    /// requirements', then the name itself.
    static func column(for name: String, table: TableDesign, entity: Entity) -> String {
        if let attribute = table.attributes.first(where: { $0.name == name && $0.entity == entity.name }), let column = attribute.sourceColumn {
            return column
        }
        if let attribute = table.attributes.first(where: { $0.name == name && $0.entity == entity.name }),
           let column = entity.attribute(named: attribute.sourceAttribute)?.source?.column {
            return column
        }
        return entity.attribute(named: name)?.source?.column ?? name
    }
}
