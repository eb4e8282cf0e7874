import MySQLSchema

extension SchemaSnapshot {
    /// The parser's tables in the comparable shape. Nothing is filled in that the SQL did not
    /// say: unstated character sets, engines and integer widths stay nil.
    init(_ parsed: ParsedSchema) {
        var tables: [String: TableSnapshot] = [:]
        for table in parsed.tables {
            tables[table.name] = TableSnapshot(table)
        }
        self.init(tables: tables)
    }
}

extension TableSnapshot {
    init(_ table: Table) {
        self.init(
            name: table.name,
            engine: table.engine,
            comment: table.comment,
            columns: table.columns.map(ColumnSnapshot.init),
            primaryKey: table.primaryKey,
            uniqueKeys: table.uniqueKeys.map { KeySnapshot($0, kind: .unique) },
            indexes: table.indexes.map { KeySnapshot($0, kind: .plain) }
                + table.fullTextIndexes.map { KeySnapshot($0, kind: .fullText) }
                + table.spatialIndexes.map { KeySnapshot($0, kind: .spatial) },
            foreignKeys: table.foreignKeys.map(ForeignKeySnapshot.init)
        )
    }
}

extension ColumnSnapshot {
    init(_ column: Column) {
        let isInteger = ColumnTypeText.integerTypes.contains(column.type.name)
        self.init(
            name: column.name,
            type: ColumnTypeText.normalize(column.type.sqlText).text,
            displayWidth: isInteger ? column.type.length : nil,
            values: column.type.values,
            nullable: column.nullable,
            autoIncrement: column.autoIncrement,
            onUpdateCurrentTimestamp: column.onUpdateCurrentTimestamp,
            generated: column.generated.map { $0.stored ? .stored : .virtual },
            comment: column.comment,
            characterSet: column.characterSet,
            collation: column.collation
        )
    }
}

extension KeySnapshot {
    init(_ index: Index, kind: Kind) {
        self.init(name: index.name, kind: kind, parts: index.columns.map {
            KeyPart(name: $0.name, prefixLength: $0.prefixLength, descending: $0.descending)
        })
    }
}

extension ForeignKeySnapshot {
    /// An unwritten ON DELETE / ON UPDATE is RESTRICT, as the server reports it.
    init(_ key: ForeignKey) {
        self.init(
            name: key.name,
            columns: key.columns,
            referencedTable: key.referencedTable,
            referencedColumns: key.referencedColumns,
            onDelete: (key.onDelete ?? .restrict).rawValue,
            onUpdate: (key.onUpdate ?? .restrict).rawValue
        )
    }
}
