/// Applies parsed statements, in order, to the tables they define and change. Problems that do
/// not stop a statement (a key on a missing column, an ALTER of a missing table) become
/// diagnostics and only the affected part is left out.
struct SchemaBuilder {
    /// MySQL's limit on the columns of a table; it also bounds the work of reordering columns.
    static let columnLimit = 4096

    /// Tables in creation order; dropped tables leave a nil so that positions stay valid.
    var tables: [TableState?] = []
    /// Folded table name → position in `tables`.
    private var positions: [String: Int] = [:]
    private(set) var diagnostics: [SchemaDiagnostic] = []
    private(set) var skipped: [SkippedStatement] = []

    mutating func report(_ diagnostic: SchemaDiagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func apply(_ statement: Statement, in context: StatementContext) {
        switch statement {
        case .createTable(let create):
            createTable(create, in: context)
        case .createIndex(let name, let key, let ifNotExists):
            guard let position = existingTable(name, in: context, ignoring: "CREATE INDEX") else { return }
            updateTable(at: position) { state, builder in
                builder.addKey(key, to: &state, ifNotExists: ifNotExists, in: context)
            }
        case .dropIndex(let index, let name, let ifExists):
            guard let position = existingTable(name, in: context, ignoring: "DROP INDEX") else { return }
            updateTable(at: position) { state, builder in
                builder.dropIndex(index, from: &state, ifExists: ifExists, in: context)
            }
        case .alterTable(let name, let actions):
            alterTable(name, actions: actions, in: context)
        case .dropTables(let names, let ifExists):
            for name in names {
                let key = IdentifierKey.folded(name.name.text)
                if let position = positions[key] {
                    tables[position] = nil
                    positions[key] = nil
                } else if ifExists {
                    skipped.append(context.skipped(.dropTable, name: name.name.text))
                } else {
                    report(context.diagnostic(at: name.name.token, "table `\(name.name.text)` does not exist; there is nothing to drop"))
                }
            }
        case .renameTables(let pairs):
            for (from, to) in pairs {
                guard let position = existingTable(from, in: context, ignoring: "RENAME TABLE") else { continue }
                renameTable(at: position, to: to, in: context)
            }
        case .skipped(let kind, let name):
            skipped.append(context.skipped(kind, name: name))
        }
    }

    /// The imported schema, after checking every foreign key against the tables it references.
    mutating func finish() -> ParsedSchema {
        // Each table's column names once, so that checking many foreign keys stays linear.
        let columnNames: [Set<String>] = tables.map { state in
            Set(state?.table.columns.map { IdentifierKey.folded($0.name) } ?? [])
        }
        for position in tables.indices {
            guard var state = tables[position] else { continue }
            for index in state.table.foreignKeys.indices {
                let foreignKey = state.table.foreignKeys[index]
                var site = state.foreignKeyInfo[index].site
                let label = foreignKeyLabel(foreignKey, table: state.table.name)
                guard let referencedPosition = positions[IdentifierKey.folded(foreignKey.referencedTable)],
                      let referenced = tables[referencedPosition] else {
                    site.message = "\(label) references table `\(foreignKey.referencedTable)`, which the schema does not define"
                    diagnostics.append(site)
                    continue
                }
                if foreignKey.referencedColumns.isEmpty {
                    state.fillReferencedColumns(at: index, with: referenced.table.primaryKey)
                    continue
                }
                for column in foreignKey.referencedColumns where !columnNames[referencedPosition].contains(IdentifierKey.folded(column)) {
                    site.message = "\(label) references column `\(referenced.table.name)`.`\(column)`, which does not exist"
                    diagnostics.append(site)
                }
            }
            tables[position] = state
        }
        return ParsedSchema(tables: tables.compactMap { $0?.table }, diagnostics: diagnostics, skipped: skipped)
    }

    // MARK: - Tables

    private func existingPosition(_ name: QualifiedName) -> Int? {
        positions[IdentifierKey.folded(name.name.text)]
    }

    /// The table's position, or a diagnostic saying the statement is ignored.
    mutating func existingTable(_ name: QualifiedName, in context: StatementContext, ignoring what: String) -> Int? {
        if let position = existingPosition(name) { return position }
        report(context.diagnostic(at: name.name.token, "table `\(name.name.text)` does not exist; \(what) is ignored"))
        return nil
    }

    /// Runs `change` on the table at `position` with the builder available for diagnostics.
    private mutating func updateTable(at position: Int, _ change: (inout TableState, inout SchemaBuilder) -> Void) {
        guard var state = tables[position] else { return }
        tables[position] = nil
        change(&state, &self)
        tables[position] = state
    }

    private mutating func createTable(_ create: CreateTable, in context: StatementContext) {
        let name = create.name.name
        let key = IdentifierKey.folded(name.text)
        if let existing = positions[key] {
            if create.orReplace {
                tables[existing] = nil
                positions[key] = nil
            } else {
                if !create.ifNotExists {
                    report(context.diagnostic(at: name.token, "table `\(name.text)` already exists; this CREATE TABLE is ignored"))
                }
                return
            }
        }
        var state: TableState
        switch create.body {
        case .like(let source):
            guard let position = existingPosition(source), let original = tables[position] else {
                report(context.diagnostic(at: source.name.token, "table `\(source.name.text)` does not exist; CREATE TABLE `\(name.text)` LIKE it is ignored"))
                return
            }
            state = original.copy(named: name.text, database: create.name.database, temporary: create.temporary)
        case .definition(let definition):
            if let select = definition.selectToken {
                report(context.diagnostic(at: select, "CREATE TABLE … SELECT: the columns the query adds are unknown here; only the columns written out are imported"))
            }
            state = TableState(table: Table(
                name: name.text, database: create.name.database,
                engine: definition.options.engine, comment: definition.options.comment, temporary: create.temporary
            ))
            // Columns first: a key may name a column defined after it.
            for element in definition.elements {
                guard case .column(let column) = element else { continue }
                if state.columnIndex(named: column.column.name) != nil {
                    report(context.diagnostic(at: column.nameToken, "duplicate column `\(column.column.name)` in table `\(name.text)`; the later definition is ignored"))
                    continue
                }
                guard state.table.columns.count < Self.columnLimit else {
                    report(context.diagnostic(at: column.nameToken, "table `\(name.text)` has more than \(Self.columnLimit) columns, MySQL's limit; `\(column.column.name)` and the columns after it are ignored"))
                    break
                }
                state.appendColumn(column.column)
            }
            guard !state.table.columns.isEmpty else {
                report(context.diagnostic(at: name.token, "table `\(name.text)` has no columns and is not imported"))
                return
            }
            for element in definition.elements {
                if case .column = element { continue }
                addElement(element, to: &state, ifNotExists: false, in: context)
            }
        }
        tables.append(state)
        positions[key] = tables.count - 1
    }

    mutating func renameTable(at position: Int, to newName: QualifiedName, in context: StatementContext) {
        guard var state = tables[position] else { return }
        let oldName = state.table.name
        let newKey = IdentifierKey.folded(newName.name.text)
        if let other = positions[newKey], other != position {
            report(context.diagnostic(at: newName.name.token, "table `\(newName.name.text)` already exists; renaming `\(oldName)` to it is ignored"))
            return
        }
        positions[IdentifierKey.folded(oldName)] = nil
        positions[newKey] = position
        state.table.name = newName.name.text
        if let database = newName.database { state.table.database = database }
        tables[position] = state
        for index in tables.indices {
            tables[index]?.renameReferences(toTable: oldName, newTable: newName.name.text)
        }
    }

    // MARK: - Keys and constraints

    mutating func addElement(_ element: TableElement, to state: inout TableState, ifNotExists: Bool, in context: StatementContext) {
        switch element {
        case .column:
            break
        case .key(let key):
            addKey(key, to: &state, ifNotExists: ifNotExists, in: context)
        case .foreignKey(let definition):
            addForeignKey(definition, to: &state, ifNotExists: ifNotExists, in: context)
        case .check(let check, _):
            if ifNotExists, let name = check.name, state.checkIndex(named: name) != nil { return }
            state.appendCheck(check)
        }
    }

    mutating func addKey(_ key: KeyDefinition, to state: inout TableState, ifNotExists: Bool, in context: StatementContext) {
        var columns = key.columns
        for (position, part) in key.columns.enumerated() where !part.isExpression {
            guard let columnIndex = state.columnIndex(named: part.name) else {
                let token = position < key.columnTokens.count ? key.columnTokens[position] : key.token
                report(context.diagnostic(at: token, "\(keyLabel(key)) of table `\(state.table.name)` names column `\(part.name)`, which the table does not have; the key is ignored"))
                return
            }
            // Key parts take the column's own spelling, as MySQL shows them.
            columns[position].name = state.table.columns[columnIndex].name
        }
        switch key.kind {
        case .primary:
            guard state.table.primaryKey.isEmpty else {
                if !ifNotExists {
                    report(context.diagnostic(at: key.token, "table `\(state.table.name)` already has a primary key; this one is ignored"))
                }
                return
            }
            state.table.primaryKey = columns.map(\.name)
            state.enforcePrimaryKeyNotNull()
        case .unique, .plain, .fullText, .spatial:
            if let name = key.name, let location = state.indexLocation(named: name),
               state.table[keyPath: location.list][location.index].name != nil {
                if !ifNotExists {
                    report(context.diagnostic(at: key.token, "table `\(state.table.name)` already has a key named `\(name)`; this one is ignored"))
                }
                return
            }
            let index = Index(name: key.name, columns: columns)
            switch key.kind {
            case .unique: state.table.uniqueKeys.append(index)
            case .fullText: state.table.fullTextIndexes.append(index)
            case .spatial: state.table.spatialIndexes.append(index)
            default: state.table.indexes.append(index)
            }
        }
    }

    private mutating func addForeignKey(_ definition: ForeignKeyDefinition, to state: inout TableState, ifNotExists: Bool, in context: StatementContext) {
        var foreignKey = definition.foreignKey
        if ifNotExists, let name = foreignKey.name, state.foreignKeyIndex(named: name) != nil { return }
        for (position, column) in foreignKey.columns.enumerated() {
            guard let columnIndex = state.columnIndex(named: column) else {
                let token = position < definition.columnTokens.count ? definition.columnTokens[position] : definition.token
                report(context.diagnostic(at: token, "\(foreignKeyLabel(foreignKey, table: state.table.name)) names column `\(column)`, which the table does not have; the foreign key is ignored"))
                return
            }
            foreignKey.columns[position] = state.table.columns[columnIndex].name
        }
        state.appendForeignKey(foreignKey, site: context.diagnostic(at: definition.referencedTableToken, ""))
    }

    mutating func dropIndex(_ name: Name, from state: inout TableState, ifExists: Bool, in context: StatementContext) {
        if IdentifierKey.folded(name.text) == "primary" {
            dropPrimaryKey(from: &state, token: name.token, in: context)
            return
        }
        guard let location = state.indexLocation(named: name.text) else {
            if !ifExists {
                report(context.diagnostic(at: name.token, "table `\(state.table.name)` has no index `\(name.text)`; dropping it is ignored"))
            }
            return
        }
        state.table[keyPath: location.list].remove(at: location.index)
    }

    mutating func dropPrimaryKey(from state: inout TableState, token: Token, in context: StatementContext) {
        guard !state.table.primaryKey.isEmpty else {
            report(context.diagnostic(at: token, "table `\(state.table.name)` has no primary key to drop"))
            return
        }
        state.table.primaryKey = []
    }

    private func keyLabel(_ key: KeyDefinition) -> String {
        let named = key.name.map { " `\($0)`" } ?? ""
        switch key.kind {
        case .primary: return "the primary key"
        case .unique: return key.name == nil ? "a unique key" : "unique key\(named)"
        case .plain: return key.name == nil ? "an index" : "index\(named)"
        case .fullText: return key.name == nil ? "a FULLTEXT index" : "FULLTEXT index\(named)"
        case .spatial: return key.name == nil ? "a SPATIAL index" : "SPATIAL index\(named)"
        }
    }

    func foreignKeyLabel(_ foreignKey: ForeignKey, table: String) -> String {
        if let name = foreignKey.name { return "foreign key `\(name)` of table `\(table)`" }
        return "the foreign key (\(foreignKey.columns.joined(separator: ", "))) of table `\(table)`"
    }
}
