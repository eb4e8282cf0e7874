import TestSupport

/// Reads one database's tables from the server's information_schema into a `SchemaSnapshot`:
/// TABLES (engine, comment), COLUMNS (order, type, nullability, EXTRA flags, comment, character
/// set), TABLE_CONSTRAINTS + KEY_COLUMN_USAGE (primary, unique and foreign keys),
/// REFERENTIAL_CONSTRAINTS (ON DELETE / ON UPDATE) and STATISTICS (index parts, prefix lengths,
/// DESC, FULLTEXT / SPATIAL).
struct InformationSchemaReader {
    let server: MariaDBServer
    let database: String

    /// Names of the things in the database that are not tables (triggers, views, routines), as
    /// "TRIGGER name", "VIEW name", "FUNCTION name".
    func nonTableObjects() throws -> [String] {
        try rows("""
            SELECT 'TRIGGER', TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = \(literal)
            UNION ALL SELECT 'VIEW', TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = \(literal)
            UNION ALL SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = \(literal)
            """, fields: 2).map { "\($0[0]) \($0[1])" }.sorted()
    }

    func snapshot() throws -> SchemaSnapshot {
        var tables: [String: TableSnapshot] = [:]
        for row in try rows("""
            SELECT TABLE_NAME, ENGINE, TABLE_COMMENT FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = \(literal) AND TABLE_TYPE = 'BASE TABLE'
            """, fields: 3) {
            tables[row[0]] = TableSnapshot(name: row[0], engine: row[1], comment: row[2], columns: [], primaryKey: [],
                                           uniqueKeys: [], indexes: [], foreignKeys: [])
        }
        try readColumns(into: &tables)
        try readKeys(into: &tables)
        try readIndexes(into: &tables)
        return SchemaSnapshot(tables: tables)
    }

    private var literal: String { "'\(database)'" }

    private func readColumns(into tables: inout [String: TableSnapshot]) throws {
        for row in try rows("""
            SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.EXTRA, c.COLUMN_COMMENT,
                   IFNULL(c.CHARACTER_SET_NAME, 'NULL'), IFNULL(c.COLLATION_NAME, 'NULL')
            FROM information_schema.COLUMNS c
            JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE c.TABLE_SCHEMA = \(literal) AND t.TABLE_TYPE = 'BASE TABLE'
            ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
            """, fields: 8) {
            let (type, width) = ColumnTypeText.normalize(row[2])
            let extra = row[4].lowercased()
            let generated: GeneratedKind? = extra.contains("stored generated") ? .stored
                : extra.contains("virtual generated") ? .virtual : nil
            tables[row[0]]?.columns.append(ColumnSnapshot(
                name: row[1], type: type, displayWidth: width, values: ColumnTypeText.members(of: row[2]),
                nullable: row[3] == "YES", autoIncrement: extra.contains("auto_increment"),
                onUpdateCurrentTimestamp: extra.contains("on update current_timestamp"), generated: generated,
                comment: row[5], characterSet: row[6] == "NULL" ? nil : row[6], collation: row[7] == "NULL" ? nil : row[7]))
        }
    }

    private func readKeys(into tables: inout [String: TableSnapshot]) throws {
        var rules: [String: (onUpdate: String, onDelete: String)] = [:]
        for row in try rows("""
            SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = \(literal)
            """, fields: 4) {
            rules["\(row[0]).\(row[1])"] = (row[2], row[3])
        }
        // One row per key column, in key order; consecutive rows of one constraint form one key.
        let keyRows = try rows("""
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,
                   IFNULL(k.REFERENCED_TABLE_NAME, 'NULL'), IFNULL(k.REFERENCED_COLUMN_NAME, 'NULL')
            FROM information_schema.TABLE_CONSTRAINTS tc
            JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                 AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.CONSTRAINT_SCHEMA = \(literal) AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """, fields: 6)
        var index = 0
        while index < keyRows.count {
            let (table, name, type) = (keyRows[index][0], keyRows[index][1], keyRows[index][2])
            var group: [[String]] = []
            while index < keyRows.count, keyRows[index][0] == table, keyRows[index][1] == name {
                group.append(keyRows[index])
                index += 1
            }
            switch type {
            case "PRIMARY KEY":
                tables[table]?.primaryKey = group.map { $0[3] }
            case "UNIQUE":
                tables[table]?.uniqueKeys.append(KeySnapshot(name: name, kind: .unique,
                                                             parts: group.map { KeyPart(name: $0[3], prefixLength: nil, descending: false) }))
            default:
                let rule = rules["\(table).\(name)"]
                tables[table]?.foreignKeys.append(ForeignKeySnapshot(
                    name: name, columns: group.map { $0[3] }, referencedTable: group[0][4],
                    referencedColumns: group.map { $0[5] }, onDelete: rule?.onDelete ?? "?", onUpdate: rule?.onUpdate ?? "?"))
            }
        }
    }

    /// Index parts from STATISTICS: non-unique indexes are added; unique keys get their prefix
    /// lengths and DESC flags (KEY_COLUMN_USAGE has neither).
    private func readIndexes(into tables: inout [String: TableSnapshot]) throws {
        let statRows = try rows("""
            SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, IFNULL(SUB_PART, 'NULL'),
                   IFNULL(COLLATION, 'NULL'), INDEX_TYPE
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = \(literal)
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """, fields: 7)
        var index = 0
        while index < statRows.count {
            let (table, name, nonUnique, indexType) = (statRows[index][0], statRows[index][1], statRows[index][2], statRows[index][6])
            var parts: [KeyPart] = []
            while index < statRows.count, statRows[index][0] == table, statRows[index][1] == name {
                let row = statRows[index]
                // A SPATIAL index always reports SUB_PART 32 (its bounding-box key length), though no
                // prefix can be written for it: not a prefix.
                let prefix = indexType == "SPATIAL" ? nil : Int(row[4])
                parts.append(KeyPart(name: row[3], prefixLength: prefix, descending: row[5] == "D"))
                index += 1
            }
            guard name != "PRIMARY" else { continue }
            if nonUnique == "0" {
                if let position = tables[table]?.uniqueKeys.firstIndex(where: { $0.name == name }) {
                    tables[table]?.uniqueKeys[position].parts = parts
                }
            } else {
                let kind: KeySnapshot.Kind = indexType == "FULLTEXT" ? .fullText : indexType == "SPATIAL" ? .spatial : .plain
                tables[table]?.indexes.append(KeySnapshot(name: name, kind: kind, parts: parts))
            }
        }
    }

    private func rows(_ sql: String, fields: Int) throws -> [[String]] {
        let result = try server.query(sql)
        for row in result where row.count != fields {
            throw MariaDBError.unexpectedOutput(query: String(sql.prefix(60)), line: row.joined(separator: "\\t"))
        }
        return result
    }
}
