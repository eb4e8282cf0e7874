/// A table while the files are applied: the public `Table` plus what only the import needs
/// (where each foreign key was written, MySQL's numbers for unnamed constraints, a column index).
struct TableState {
    /// Where a foreign key was written (its REFERENCES table name) and the number InnoDB gives it
    /// when unnamed (`t_ibfk_N`).
    struct ForeignKeyInfo {
        var site: SchemaDiagnostic
        var number: Int?
    }

    var table: Table
    /// Parallel to `table.foreignKeys`.
    private(set) var foreignKeyInfo: [ForeignKeyInfo] = []
    /// Parallel to `table.checkConstraints`: MySQL's number for an unnamed check (`t_chk_N`).
    private(set) var checkNumbers: [Int?] = []
    private var nextForeignKeyNumber = 1
    private var nextCheckNumber = 1
    /// Folded column name → index; rebuilt after the columns change.
    private var columnIndexCache: [String: Int]?

    init(table: Table) {
        self.table = table
    }

    // MARK: - Columns

    mutating func columnIndex(named name: String) -> Int? {
        if columnIndexCache == nil {
            var cache: [String: Int] = [:]
            cache.reserveCapacity(table.columns.count)
            for (index, column) in table.columns.enumerated() where cache[IdentifierKey.folded(column.name)] == nil {
                cache[IdentifierKey.folded(column.name)] = index
            }
            columnIndexCache = cache
        }
        return columnIndexCache?[IdentifierKey.folded(name)]
    }

    mutating func appendColumn(_ column: Column) {
        table.columns.append(column)
        columnIndexCache?[IdentifierKey.folded(column.name)] = table.columns.count - 1
    }

    mutating func insertColumn(_ column: Column, at index: Int) {
        table.columns.insert(column, at: index)
        guard var cache = columnIndexCache else { return }
        columnIndexCache = nil
        // Shifting the positions in place is much cheaper than rehashing every name.
        for slot in cache.values.indices where cache.values[slot] >= index {
            cache.values[slot] += 1
        }
        cache[IdentifierKey.folded(column.name)] = index
        columnIndexCache = cache
    }

    mutating func removeColumn(at index: Int) -> Column {
        let column = table.columns.remove(at: index)
        guard var cache = columnIndexCache else { return column }
        columnIndexCache = nil
        cache[IdentifierKey.folded(column.name)] = nil
        for slot in cache.values.indices where cache.values[slot] > index {
            cache.values[slot] -= 1
        }
        columnIndexCache = cache
        return column
    }

    mutating func replaceColumn(at index: Int, with column: Column) {
        let oldName = table.columns[index].name
        table.columns[index] = column
        if !IdentifierKey.same(oldName, column.name), columnIndexCache != nil {
            columnIndexCache?[IdentifierKey.folded(oldName)] = nil
            columnIndexCache?[IdentifierKey.folded(column.name)] = index
        }
    }

    /// Marks the primary key's columns NOT NULL, as MySQL does.
    mutating func enforcePrimaryKeyNotNull() {
        for name in table.primaryKey {
            if let index = columnIndex(named: name) { table.columns[index].nullable = false }
        }
    }

    // MARK: - Foreign keys and checks

    mutating func appendForeignKey(_ foreignKey: ForeignKey, site: SchemaDiagnostic) {
        var number: Int?
        if foreignKey.name == nil {
            number = nextForeignKeyNumber
            nextForeignKeyNumber += 1
        }
        table.foreignKeys.append(foreignKey)
        foreignKeyInfo.append(ForeignKeyInfo(site: site, number: number))
    }

    mutating func removeForeignKey(at index: Int) {
        table.foreignKeys.remove(at: index)
        foreignKeyInfo.remove(at: index)
    }

    /// The foreign key with this name, or the unnamed one InnoDB calls `<table>_ibfk_<N>`.
    func foreignKeyIndex(named name: String) -> Int? {
        let key = IdentifierKey.folded(name)
        if let index = table.foreignKeys.firstIndex(where: { $0.name.map(IdentifierKey.folded) == key }) { return index }
        guard let number = Self.generatedNumber(in: key, prefix: IdentifierKey.folded(table.name) + "_ibfk_") else { return nil }
        return foreignKeyInfo.firstIndex { $0.number == number }
    }

    mutating func appendCheck(_ check: CheckConstraint) {
        var number: Int?
        if check.name == nil {
            number = nextCheckNumber
            nextCheckNumber += 1
        }
        table.checkConstraints.append(check)
        checkNumbers.append(number)
    }

    mutating func removeCheck(at index: Int) {
        table.checkConstraints.remove(at: index)
        checkNumbers.remove(at: index)
    }

    /// The check with this name, or the unnamed one MySQL calls `<table>_chk_<N>` (MariaDB:
    /// `CONSTRAINT_<N>`).
    func checkIndex(named name: String) -> Int? {
        let key = IdentifierKey.folded(name)
        if let index = table.checkConstraints.firstIndex(where: { $0.name.map(IdentifierKey.folded) == key }) { return index }
        let number = Self.generatedNumber(in: key, prefix: IdentifierKey.folded(table.name) + "_chk_")
            ?? Self.generatedNumber(in: key, prefix: "constraint_")
        guard let number else { return nil }
        return checkNumbers.firstIndex { $0 == number }
    }

    /// Copies for CREATE TABLE ... LIKE: everything but the foreign keys, which MySQL does not copy.
    func copy(named name: String, database: String?, temporary: Bool) -> TableState {
        var copy = self
        copy.table.name = name
        copy.table.database = database
        copy.table.temporary = temporary
        copy.table.foreignKeys = []
        copy.foreignKeyInfo = []
        copy.nextForeignKeyNumber = 1
        return copy
    }

    /// Updates the foreign keys' referenced table or columns after a rename elsewhere.
    mutating func renameReferences(toTable oldTable: String, newTable: String) {
        for index in table.foreignKeys.indices where IdentifierKey.same(table.foreignKeys[index].referencedTable, oldTable) {
            table.foreignKeys[index].referencedTable = newTable
        }
    }

    mutating func renameReferences(toColumn oldColumn: String, of referencedTable: String, newColumn: String) {
        for index in table.foreignKeys.indices where IdentifierKey.same(table.foreignKeys[index].referencedTable, referencedTable) {
            for position in table.foreignKeys[index].referencedColumns.indices
                where IdentifierKey.same(table.foreignKeys[index].referencedColumns[position], oldColumn) {
                table.foreignKeys[index].referencedColumns[position] = newColumn
            }
        }
    }

    mutating func fillReferencedColumns(at index: Int, with columns: [String]) {
        table.foreignKeys[index].referencedColumns = columns
    }

    private static func generatedNumber(in name: String, prefix: String) -> Int? {
        guard name.hasPrefix(prefix) else { return nil }
        return Int(name.dropFirst(prefix.count))
    }

    // MARK: - Keys

    /// Every index list, for lookups by name.
    static let indexLists: [any WritableKeyPath<Table, [Index]> & Sendable] = [\.uniqueKeys, \.indexes, \.fullTextIndexes, \.spatialIndexes]

    /// The index with this name; an unnamed index matches its first column's name, the name MySQL
    /// gives it.
    func indexLocation(named name: String) -> (list: WritableKeyPath<Table, [Index]>, index: Int)? {
        let key = IdentifierKey.folded(name)
        for list in Self.indexLists {
            if let index = table[keyPath: list].firstIndex(where: { $0.name.map(IdentifierKey.folded) == key }) { return (list, index) }
        }
        for list in Self.indexLists {
            if let index = table[keyPath: list].firstIndex(where: {
                $0.name == nil && $0.columns.first.map { IdentifierKey.folded($0.name) } == key
            }) {
                return (list, index)
            }
        }
        return nil
    }

    /// Renames a column in every key and foreign key of this table.
    mutating func renameColumnInKeys(_ old: String, to new: String) {
        for position in table.primaryKey.indices where IdentifierKey.same(table.primaryKey[position], old) {
            table.primaryKey[position] = new
        }
        for list in Self.indexLists {
            for index in table[keyPath: list].indices {
                for part in table[keyPath: list][index].columns.indices
                    where !table[keyPath: list][index].columns[part].isExpression
                    && IdentifierKey.same(table[keyPath: list][index].columns[part].name, old) {
                    table[keyPath: list][index].columns[part].name = new
                }
            }
        }
        for index in table.foreignKeys.indices {
            for position in table.foreignKeys[index].columns.indices where IdentifierKey.same(table.foreignKeys[index].columns[position], old) {
                table.foreignKeys[index].columns[position] = new
            }
        }
    }

    /// Removes a dropped column from every key; keys left without parts go, as in MySQL.
    mutating func removeColumnFromKeys(_ name: String) {
        table.primaryKey.removeAll { IdentifierKey.same($0, name) }
        for list in Self.indexLists {
            for index in table[keyPath: list].indices {
                table[keyPath: list][index].columns.removeAll { !$0.isExpression && IdentifierKey.same($0.name, name) }
            }
            table[keyPath: list].removeAll { $0.columns.isEmpty }
        }
    }
}
