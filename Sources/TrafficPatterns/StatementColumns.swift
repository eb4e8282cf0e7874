import Requirements
import SQLStatements

/// Finds the entities and attributes a statement's tables and columns were imported as, through
/// each entity's `sourceTable` and each attribute's source column (compared ignoring case, as
/// MySQL compares column names).
struct StatementColumns {
    /// Entities by lower-cased source table.
    private let entitiesByTable: [String: Entity]

    init(_ requirements: Requirements) {
        var byTable: [String: Entity] = [:]
        for entity in requirements.entities {
            guard let table = entity.sourceTable?.lowercased(), byTable[table] == nil else { continue }
            byTable[table] = entity
        }
        entitiesByTable = byTable
    }

    /// Why a statement cannot be placed, in the user's words.
    enum Problem: Error, Equatable {
        case unknownTable(String)
        case unknownColumn(String, table: String)
        case ambiguousColumn(String)

        var reason: String {
            switch self {
            case .unknownTable(let table):
                return "table \(table) is not one of the imported entities (import its schema, or it belongs to another database)"
            case .unknownColumn(let column, let table):
                return "column \(column) is not in table \(table) as imported (the schema changed since?)"
            case .ambiguousColumn(let column):
                return "column \(column) is not qualified and more than one of the statement's tables has it"
            }
        }
    }

    func entity(forTable table: String) throws(Problem) -> Entity {
        guard let entity = entitiesByTable[table.lowercased()] else { throw .unknownTable(table) }
        return entity
    }

    /// The attribute a column names, with the entity it belongs to. An unqualified column of a
    /// statement over several tables belongs to the one table that has it.
    func attribute(_ reference: ColumnReference, tables: [String]) throws(Problem) -> (entity: String, attribute: String) {
        if let table = reference.table ?? (tables.count == 1 ? tables[0] : nil) {
            let entity = try entity(forTable: table)
            guard let name = attributeName(reference.column, in: entity) else { throw .unknownColumn(reference.column, table: table) }
            return (entity.name, name)
        }
        var found: (entity: String, attribute: String)?
        for table in tables {
            let entity = try entity(forTable: table)
            guard let name = attributeName(reference.column, in: entity) else { continue }
            guard found == nil || found?.entity == entity.name else { throw .ambiguousColumn(reference.column) }
            found = (entity.name, name)
        }
        guard let found else { throw .unknownColumn(reference.column, table: tables.joined(separator: ", ")) }
        return found
    }

    /// The attributes of several columns, in order, without repeats.
    func attributes(_ references: [ColumnReference], tables: [String]) throws(Problem) -> [String] {
        var names: [String] = []
        for reference in references {
            let name = try attribute(reference, tables: tables).attribute
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private func attributeName(_ column: String, in entity: Entity) -> String? {
        let key = column.lowercased()
        return entity.attributes.first { ($0.source?.column ?? $0.name).lowercased() == key }?.name
    }
}
