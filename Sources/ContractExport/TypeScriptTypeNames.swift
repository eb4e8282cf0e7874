import DesignEngine
import Requirements

/// Every name the TypeScript export declares, chosen once for the whole model so that modules
/// can import each other's types: the module file of each table, the interfaces of the items
/// stored there, the entities' value interfaces, key builders and repository classes. Names
/// come from model names (any text), made into identifiers and kept unique.
struct TypeScriptTypeNames {
    /// The module of each table: `Users` for `typescript/Users.ts`.
    private(set) var moduleByTable: [String: String] = [:]
    /// The interface of an item layout, by table id and layout entity.
    private(set) var itemType: [String: String] = [:]
    /// The interface of an entity's attribute values (requirements names), by entity.
    private(set) var valuesType: [String: String] = [:]
    /// The key builder of an item layout, by table id and layout entity.
    private(set) var keyFunction: [String: String] = [:]
    private(set) var repository: [String: String] = [:]
    /// The table whose module declares each entity's interfaces.
    private(set) var entityTable: [String: String] = [:]

    /// The shared module's name; no table module takes it.
    static let runtimeModule = "runtime"
    /// Names the table modules import or the runtime declares: no declaration may take them.
    static let imported: Set<String> = ["DeleteCommand", "PutCommand", "UpdateCommand", "DynamoDBDocumentClient"]

    init(model: DataModel, requirements: Requirements) {
        var declarations = TypeScriptNames(taken: TypeScriptText.reserved.union(Self.imported))
        var modules = TypeScriptNames(taken: [Self.runtimeModule.lowercased()])
        for table in model.tables {
            // File names compared without case: `Users.ts` and `users.ts` are one file on macOS.
            let base = Self.fileName(table.name)
            let lowered = modules.identifier(for: table.id, base.lowercased())
            moduleByTable[table.id] = lowered == base.lowercased() ? base : base + String(lowered.dropFirst(base.count))
        }
        for table in model.tables {
            for layout in table.itemLayouts {
                let key = Self.key(table.id, layout.entity)
                if isEntityItem(layout, in: table, model: model, requirements: requirements) {
                    entityTable[layout.entity] = table.id
                    itemType[key] = declarations.identifier(for: "item." + key, TypeScriptText.pascal(layout.entity))
                    valuesType[layout.entity] = declarations.identifier(for: "values." + layout.entity, TypeScriptText.pascal(layout.entity) + "Values")
                } else {
                    let words = table.itemLayouts.count == 1 ? table.name : table.name + " " + layout.entity
                    itemType[key] = declarations.identifier(for: "item." + key, TypeScriptText.pascal(words) + "Item")
                }
                let function = TypeScriptText.camel(TypeScriptText.pascal(itemType[key]!) + "Key")
                keyFunction[key] = declarations.identifier(for: "key." + key, function)
            }
            if table.itemLayouts.isEmpty {
                // Items the plans write without an entity layout (the counters of a totals table).
                itemType[Self.key(table.id, "")] = declarations.identifier(for: "item." + table.id, TypeScriptText.pascal(table.name) + "Item")
            }
            repository[table.id] = declarations.identifier(for: "repository." + table.id, TypeScriptText.pascal(table.name) + "Repository")
        }
    }

    /// Whether a layout is an entity's own item in its own table (not a lookup item or a total).
    private func isEntityItem(_ layout: EntityItemLayout, in table: TableDesign, model: DataModel, requirements: Requirements) -> Bool {
        table.lookup == nil && requirements.entity(named: layout.entity) != nil && model.entityTable(of: layout.entity)?.id == table.id
            && entityTable[layout.entity] == nil
    }

    static func key(_ tableID: String, _ entity: String) -> String { tableID + "\u{0}" + entity }

    /// A table's module file name: the table name with anything but letters, digits, `_`, `-`
    /// and `.` replaced (table names hold only those anyway).
    static func fileName(_ tableName: String) -> String {
        var out = ""
        for scalar in tableName.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == ".") {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        if out.isEmpty || out.hasPrefix(".") { out = "table" + out }
        return out
    }

    /// The interface of the items a request on a table returns for an entity: the entity's
    /// own item, a lookup item, or a totals table's item.
    func item(tableID: String, entity: String) -> String? {
        itemType[Self.key(tableID, entity)] ?? itemType[Self.key(tableID, "")]
    }
}
