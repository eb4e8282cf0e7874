import JSONCore
import DesignEngine
import Requirements

/// Builds `migrationContract.json` from a data model: exactly the structure docs/contract.md describes, a JSON array
/// with one entry per table followed by one entry per GSI of that table.
///
/// Keys are written in the format's order (docs/contract.md) (`table`, `type`, `source_table`, `pk`, `sk`, `gsis`,
/// `attributes`, `satisfies`, `estimated_item_size_bytes`); optional keys are left out rather
/// than written as null. The same model always gives the same bytes.
public enum ContractBuilder {
    /// The contract as an ordered JSON value.
    public static func build(_ model: DataModel, requirements: Requirements) -> OrderedJSON {
        var entries: [OrderedJSON] = []
        for table in model.tables {
            let layout = TableLayout(table: table, requirements: requirements)
            entries.append(tableEntry(layout, model: model))
            for index in table.indexes where index.kind == .global {
                entries.append(indexEntry(index, layout: layout, model: model))
            }
        }
        return .array(entries)
    }

    /// The contract's file bytes: two-space indentation and a final newline.
    public static func bytes(_ model: DataModel, requirements: Requirements) -> [UInt8] {
        build(model, requirements: requirements).serialized()
    }

    // MARK: Entries

    private static func tableEntry(_ layout: TableLayout, model: DataModel) -> OrderedJSON {
        let table = layout.table
        var members: [(String, OrderedJSON)] = [
            ("table", .string(table.name)),
            ("type", .string("Table")),
            ("source_table", .string(layout.primarySourceTable)),
            ("pk", .string(table.partitionKey.name)),
        ]
        if let sort = table.sortKey { members.append(("sk", .string(sort.name))) }
        let globals = table.indexes.filter { $0.kind == .global }
        if !globals.isEmpty {
            members.append(("gsis", .array(globals.map { index in
                var gsi: [(String, OrderedJSON)] = [("name", .string(index.name)), ("pk", .string(layout.keyName(index.partitionKey)))]
                if !index.sortKey.isEmpty { gsi.append(("sk", .string(layout.keyName(index.sortKey)))) }
                return .object(gsi)
            })))
        }
        members.append(("attributes", .object(layout.attributes.map { ($0.name, $0.json) })))
        members.append(("satisfies", .array(satisfiedByTable(table, model: model).map { .string($0) })))
        members.append(("estimated_item_size_bytes", .integer(table.estimatedItemSizeBytes)))
        return .object(members)
    }

    private static func indexEntry(_ index: IndexDesign, layout: TableLayout, model: DataModel) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("table", .string(index.name)),
            ("type", .string("GSI")),
            ("source_table", .string(layout.primarySourceTable)),
            ("pk", .string(layout.keyName(index.partitionKey))),
        ]
        if !index.sortKey.isEmpty { members.append(("sk", .string(layout.keyName(index.sortKey)))) }
        let projected = layout.projectedAttributes(index)
        members.append(("attributes", .object(projected.map { ($0.name, $0.json) })))
        members.append(("satisfies", .array(satisfiedByIndex(index, table: layout.table, model: model).map { .string($0) })))
        members.append(("estimated_item_size_bytes", .integer(index.estimatedEntrySizeBytes)))
        return .object(members)
    }

    // MARK: satisfies

    /// Patterns that touch the base table (or one of its LSIs, which the contract has no entry
    /// for): the table's patterns, less those served only through one of its GSIs.
    static func satisfiedByTable(_ table: TableDesign, model: DataModel) -> [String] {
        var ids = Set(table.patternIDs)
        let globalIDs = Set(table.indexes.filter { $0.kind == .global }.map(\.id))
        for mapping in model.mappings where mapping.tableID == table.id {
            guard let indexID = mapping.indexID, globalIDs.contains(indexID) else {
                ids.insert(mapping.patternID)
                continue
            }
            let touchesBase = mapping.readUnitsElsewhere.contains { $0.tableID == table.id && $0.indexID == nil }
                || mapping.indexWriteUnits.contains { $0.tableID == table.id && $0.indexID == nil }
            if !touchesBase { ids.remove(mapping.patternID) }
        }
        return descriptions(of: ids, model: model)
    }

    static func satisfiedByIndex(_ index: IndexDesign, table: TableDesign, model: DataModel) -> [String] {
        var ids = Set(index.patternIDs)
        for mapping in model.mappings where mapping.tableID == table.id && mapping.indexID == index.id {
            ids.insert(mapping.patternID)
        }
        return descriptions(of: ids, model: model)
    }

    /// Descriptions in pattern order, without repeats; patterns the model does not serve with
    /// DynamoDB (search patterns, unserved ones) are never listed.
    private static func descriptions(of ids: Set<Int>, model: DataModel) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for mapping in model.mappings.sorted(by: { $0.patternID < $1.patternID }) where ids.contains(mapping.patternID) {
            switch mapping.status {
            case .served, .acceptedScan, .expiresByTTL: break
            case .searchService, .analyticsExport, .unserved: continue
            }
            if seen.insert(mapping.description).inserted { result.append(mapping.description) }
        }
        return result
    }
}

/// One attribute as the contract writes it.
struct ContractAttribute {
    var name: String
    var type: String
    var sourceTable: String
    var sourceColumn: String
    var denormalization: (justification: String, localColumn: String, sourceColumn: String)?

    var json: OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("type", .string(type)),
            ("source_table", .string(sourceTable)),
            ("source_column", .string(sourceColumn)),
        ]
        if let denormalization {
            members.append(("denormalized", .bool(true)))
            members.append(("justification", .string(denormalization.justification)))
            members.append(("join", .object([
                ("local_column", .string(denormalization.localColumn)),
                ("source_column", .string(denormalization.sourceColumn)),
            ])))
        }
        return .object(members)
    }
}

/// A table's attributes resolved to MySQL sources, with the attributes the contract has to add
/// for keys the model stores without one (multi-attribute GSI keys).
struct TableLayout {
    let table: TableDesign
    let requirements: Requirements
    let primarySourceTable: String
    private(set) var attributes: [ContractAttribute] = []

    init(table: TableDesign, requirements: Requirements) {
        self.table = table
        self.requirements = requirements
        let mainEntity = table.lookup?.entity ?? table.entities.first ?? table.id
        primarySourceTable = table.sourceTables.first ?? ContractTypeMapping.sourceTable(ofEntity: mainEntity, in: requirements)
        let keyTypes = Self.keyTypes(of: table)
        attributes = table.attributes.map { attribute in
            var type = keyTypes[attribute.name] ?? ContractTypeMapping.contractType(of: attribute.dynamoDBType)
            if attribute.composedOf != nil { type = "S" }
            return ContractAttribute(
                name: attribute.name, type: type, sourceTable: sourceTable(of: attribute), sourceColumn: sourceColumn(of: attribute),
                denormalization: attribute.denormalization.map { copy in
                    (copy.justification, columns(of: copy.localAttribute, entity: attribute.entity),
                     columns(of: copy.sourceJoinAttribute, entity: attribute.sourceEntity))
                })
        }
        // Keys without an attribute of their own: a multi-attribute GSI key is written as the
        // classic concatenated string key, which is what v1 consumers can create.
        for index in table.indexes where index.kind == .global {
            for key in [index.partitionKey, index.sortKey] where !key.isEmpty {
                let name = keyName(key)
                guard !attributes.contains(where: { $0.name == name }) else { continue }
                let parts = key.count > 1 ? key.map(\.name) : (key[0].composedOf ?? [key[0].name])
                let type = parts.count > 1 ? "S" : key[0].dynamoDBType.rawValue
                attributes.append(ContractAttribute(
                    name: name, type: type, sourceTable: primarySourceTable,
                    sourceColumn: parts.map(componentColumn).joined(separator: String(ContractTypeMapping.compositeSeparator)),
                    denormalization: nil))
            }
        }
    }

    /// The contract's name for an index key: the attribute, or `a#b` for a multi-attribute key.
    func keyName(_ key: [KeyAttribute]) -> String {
        key.map(\.name).joined(separator: String(ContractTypeMapping.compositeSeparator))
    }

    /// The attributes a GSI entry lists: what the index projects, always with the table's and
    /// the index's keys, in the table's attribute order.
    func projectedAttributes(_ index: IndexDesign) -> [ContractAttribute] {
        var keys = Set(table.keyAttributeNames)
        keys.insert(keyName(index.partitionKey))
        if !index.sortKey.isEmpty { keys.insert(keyName(index.sortKey)) }
        switch index.projection {
        case .all: return attributes
        case .keysOnly: return attributes.filter { keys.contains($0.name) }
        case .include(let names):
            let included = keys.union(names)
            return attributes.filter { included.contains($0.name) }
        }
    }

    private static func keyTypes(of table: TableDesign) -> [String: String] {
        var types: [String: String] = [:]
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap({ $0.partitionKey + $0.sortKey })
        where types[key.name] == nil {
            types[key.name] = key.composedOf == nil ? ContractTypeMapping.contractType(of: key.dynamoDBType) : "S"
        }
        return types
    }

    private func sourceTable(of attribute: ModelAttribute) -> String {
        if let table = attribute.sourceTable, !table.isEmpty { return table }
        return ContractTypeMapping.sourceTable(ofEntity: attribute.sourceEntity, in: requirements)
    }

    private func sourceColumn(of attribute: ModelAttribute) -> String {
        if let parts = attribute.composedOf {
            return parts.map(componentColumn).joined(separator: String(ContractTypeMapping.compositeSeparator))
        }
        if let column = attribute.sourceColumn, !column.isEmpty { return column }
        if attribute.denormalization == nil, attribute.sourceEntity != attribute.entity { return ContractTypeMapping.wholeRow }
        return attribute.sourceAttribute
    }

    /// The MySQL column behind one part of a composite key; placeholders such as an item
    /// collection's `entity type` are kept as they are.
    private func componentColumn(_ part: String) -> String {
        if let attribute = table.attribute(named: part), attribute.composedOf == nil {
            return attribute.sourceColumn ?? attribute.sourceAttribute
        }
        return part
    }

    /// The MySQL columns of a join attribute (`a` or `a#b`) of an entity.
    private func columns(of attributeName: String, entity: String) -> String {
        let model = requirements.entity(named: entity)
        return attributeName.split(separator: ContractTypeMapping.compositeSeparator, omittingEmptySubsequences: false).map { part in
            let name = String(part)
            return model?.attribute(named: name)?.source?.column ?? name
        }.joined(separator: String(ContractTypeMapping.compositeSeparator))
    }
}
