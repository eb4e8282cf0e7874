import Requirements
import SQLStatements

/// Finds the entities and attributes a statement's tables and columns were imported as, through
/// each entity's `sourceTable` and each attribute's source column (compared ignoring case, as
/// MySQL compares column names). Both are dictionary look-ups, built once per window: a window
/// can hold 100,000 digests.
struct StatementColumns: Sendable {
    /// A column of an imported table, both names lower-cased.
    struct ColumnKey: Hashable, Sendable {
        let table: String
        let column: String
    }

    /// Entity names by lower-cased source table name.
    private let entities: [String: String]
    /// Attribute names by table and column. One flat table rather than one per entity: a lookup
    /// then copies no shared dictionary, whose reference count every core would contend for.
    private let attributes: [ColumnKey: String]

    init(_ requirements: Requirements) {
        var entities: [String: String] = [:]
        var attributes: [ColumnKey: String] = [:]
        for entity in requirements.entities {
            guard let table = entity.sourceTable?.lowercased(), entities[table] == nil else { continue }
            entities[table] = entity.name
            for attribute in entity.attributes {
                let key = ColumnKey(table: table, column: (attribute.source?.column ?? attribute.name).lowercased())
                if attributes[key] == nil { attributes[key] = attribute.name }
            }
        }
        self.entities = entities
        self.attributes = attributes
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

    /// The entity a table was imported as.
    func entity(forTable name: String) throws(Problem) -> String {
        guard let entity = entities[name.lowercased()] else { throw .unknownTable(name) }
        return entity
    }

    /// The attribute a column names, with the entity it belongs to. An unqualified column of a
    /// statement over several tables belongs to the one table that has it.
    func attribute(_ reference: ColumnReference, tables names: [String]) throws(Problem) -> (entity: String, attribute: String) {
        let column = reference.column.lowercased()
        if let name = reference.table ?? (names.count == 1 ? names[0] : nil) {
            let entity = try entity(forTable: name)
            guard let attribute = attributes[ColumnKey(table: name.lowercased(), column: column)] else {
                throw .unknownColumn(reference.column, table: name)
            }
            return (entity, attribute)
        }
        var found: (entity: String, attribute: String)?
        for name in names {
            let entity = try entity(forTable: name)
            guard let attribute = attributes[ColumnKey(table: name.lowercased(), column: column)] else { continue }
            guard found == nil || found?.entity == entity else { throw .ambiguousColumn(reference.column) }
            found = (entity, attribute)
        }
        guard let found else { throw .unknownColumn(reference.column, table: names.joined(separator: ", ")) }
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
}
