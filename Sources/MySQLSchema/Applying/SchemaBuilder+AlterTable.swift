/// ALTER TABLE: each alteration applies in order; one that cannot (a missing column, an unknown
/// index) is reported and left out, and the others still apply.
extension SchemaBuilder {
    /// What an ALTER TABLE changes beyond its own table.
    private struct AlterEffects {
        var renamedColumns: [(old: String, new: String)] = []
        var droppedColumns: [(name: String, token: Token)] = []
        var newName: QualifiedName?
    }

    mutating func alterTable(_ name: QualifiedName, actions: [AlterAction], in context: StatementContext) {
        guard let position = existingTable(name, in: context, ignoring: "ALTER TABLE"), var state = tables[position] else { return }
        tables[position] = nil
        var effects = AlterEffects()
        for action in actions {
            apply(action, to: &state, effects: &effects, in: context)
        }
        removeForeignKeysOnDroppedColumns(of: &state, effects: effects, in: context)
        let tableName = state.table.name
        tables[position] = state
        for (old, new) in effects.renamedColumns {
            for index in tables.indices {
                tables[index]?.renameReferences(toColumn: old, of: tableName, newColumn: new)
            }
        }
        if let newName = effects.newName {
            renameTable(at: position, to: newName, in: context)
        }
    }

    private mutating func apply(_ action: AlterAction, to state: inout TableState, effects: inout AlterEffects, in context: StatementContext) {
        let table = state.table.name
        switch action {
        case .addColumn(let definition, let inline, let placement, let ifNotExists):
            let column = definition.column
            if state.columnIndex(named: column.name) != nil {
                if !ifNotExists {
                    report(context.diagnostic(at: definition.nameToken, "table `\(table)` already has a column `\(column.name)`; adding it again is ignored"))
                }
                return
            }
            guard state.table.columns.count < Self.columnLimit else {
                report(context.diagnostic(at: definition.nameToken, "table `\(table)` already has \(Self.columnLimit) columns, MySQL's limit; adding `\(column.name)` is ignored"))
                return
            }
            state.appendColumn(column)
            if let placement { move(columnAt: state.table.columns.count - 1, to: placement, in: &state, context: context) }
            for element in inline { addElement(element, to: &state, ifNotExists: false, in: context) }
            state.enforcePrimaryKeyNotNull()

        case .addElement(let element, let ifNotExists):
            addElement(element, to: &state, ifNotExists: ifNotExists, in: context)

        case .modifyColumn(let definition, let inline, let placement, let ifExists):
            guard let index = column(definition.column.name, token: definition.nameToken, in: &state, ifExists: ifExists, what: "MODIFY", context: context) else { return }
            var column = definition.column
            column.name = state.table.columns[index].name
            state.replaceColumn(at: index, with: column)
            if let placement { move(columnAt: index, to: placement, in: &state, context: context) }
            for element in inline { addElement(element, to: &state, ifNotExists: false, in: context) }
            state.enforcePrimaryKeyNotNull()

        case .changeColumn(let old, let definition, let inline, let placement, let ifExists):
            guard let index = column(old.text, token: old.token, in: &state, ifExists: ifExists, what: "CHANGE", context: context) else { return }
            let oldName = state.table.columns[index].name
            let newName = definition.column.name
            if !IdentifierKey.same(oldName, newName), state.columnIndex(named: newName) != nil {
                report(context.diagnostic(at: definition.nameToken, "table `\(table)` already has a column `\(newName)`; changing `\(oldName)` to it is ignored"))
                return
            }
            state.replaceColumn(at: index, with: definition.column)
            if oldName != newName {
                state.renameColumnInKeys(oldName, to: newName)
                effects.renamedColumns.append((oldName, newName))
            }
            if let placement { move(columnAt: index, to: placement, in: &state, context: context) }
            for element in inline { addElement(element, to: &state, ifNotExists: false, in: context) }
            state.enforcePrimaryKeyNotNull()

        case .renameColumn(let old, let new):
            guard let index = column(old.text, token: old.token, in: &state, ifExists: false, what: "RENAME COLUMN", context: context) else { return }
            let oldName = state.table.columns[index].name
            if !IdentifierKey.same(oldName, new.text), state.columnIndex(named: new.text) != nil {
                report(context.diagnostic(at: new.token, "table `\(table)` already has a column `\(new.text)`; renaming `\(oldName)` to it is ignored"))
                return
            }
            var column = state.table.columns[index]
            column.name = new.text
            state.replaceColumn(at: index, with: column)
            state.renameColumnInKeys(oldName, to: new.text)
            effects.renamedColumns.append((oldName, new.text))

        case .dropColumn(let name, let ifExists):
            guard let index = column(name.text, token: name.token, in: &state, ifExists: ifExists, what: "DROP COLUMN", context: context) else { return }
            guard state.table.columns.count > 1 else {
                report(context.diagnostic(at: name.token, "dropping column `\(name.text)` would leave table `\(table)` without columns; it is ignored (use DROP TABLE)"))
                return
            }
            let removed = state.removeColumn(at: index)
            state.removeColumnFromKeys(removed.name)
            effects.droppedColumns.append((removed.name, name.token))

        case .dropIndex(let name, let ifExists):
            dropIndex(name, from: &state, ifExists: ifExists, in: context)

        case .dropPrimaryKey(let token):
            dropPrimaryKey(from: &state, token: token, in: context)

        case .dropForeignKey(let name, let ifExists):
            if let index = state.foreignKeyIndex(named: name.text) {
                state.removeForeignKey(at: index)
            } else if !ifExists {
                report(context.diagnostic(at: name.token, "table `\(table)` has no foreign key `\(name.text)`; dropping it is ignored"))
            }

        case .dropCheck(let name, let ifExists):
            if let index = state.checkIndex(named: name.text) {
                state.removeCheck(at: index)
            } else if !ifExists {
                report(context.diagnostic(at: name.token, "table `\(table)` has no check constraint `\(name.text)`; dropping it is ignored"))
            }

        case .dropConstraint(let name, let ifExists):
            if let index = state.foreignKeyIndex(named: name.text) {
                state.removeForeignKey(at: index)
            } else if let index = state.checkIndex(named: name.text) {
                state.removeCheck(at: index)
            } else if let index = state.table.uniqueKeys.firstIndex(where: { $0.name.map { IdentifierKey.same($0, name.text) } ?? false }) {
                state.table.uniqueKeys.remove(at: index)
            } else if IdentifierKey.folded(name.text) == "primary", !state.table.primaryKey.isEmpty {
                state.table.primaryKey = []
            } else if !ifExists {
                report(context.diagnostic(at: name.token, "table `\(table)` has no constraint `\(name.text)`; dropping it is ignored"))
            }

        case .renameIndex(let old, let new):
            guard let location = state.indexLocation(named: old.text) else {
                report(context.diagnostic(at: old.token, "table `\(table)` has no index `\(old.text)`; renaming it is ignored"))
                return
            }
            state.table[keyPath: location.list][location.index].name = new.text

        case .renameTable(let name):
            effects.newName = name

        case .setDefault(let name, let value):
            guard let index = column(name.text, token: name.token, in: &state, ifExists: false, what: "ALTER COLUMN", context: context) else { return }
            state.table.columns[index].defaultValue = value

        case .setVisibility(let name, let invisible):
            guard let index = column(name.text, token: name.token, in: &state, ifExists: false, what: "ALTER COLUMN", context: context) else { return }
            state.table.columns[index].invisible = invisible

        case .setCheckEnforced(let name, let enforced):
            guard let index = state.checkIndex(named: name.text) else {
                report(context.diagnostic(at: name.token, "table `\(table)` has no check constraint `\(name.text)`; this alteration is ignored"))
                return
            }
            state.table.checkConstraints[index].enforced = enforced

        case .options(let options):
            if let engine = options.engine { state.table.engine = engine }
            if let comment = options.comment { state.table.comment = comment }

        case .convertCharacterSet(let characterSet, let collation):
            for index in state.table.columns.indices where state.table.columns[index].type.isCharacterType {
                state.table.columns[index].characterSet = characterSet
                state.table.columns[index].collation = collation
            }
        }
    }

    /// The index of the named column, or a diagnostic (unless IF EXISTS) saying `what` is ignored.
    private mutating func column(_ name: String, token: Token, in state: inout TableState, ifExists: Bool, what: String, context: StatementContext) -> Int? {
        if let index = state.columnIndex(named: name) { return index }
        if !ifExists {
            report(context.diagnostic(at: token, "table `\(state.table.name)` has no column `\(name)`; \(what) is ignored"))
        }
        return nil
    }

    /// FIRST or AFTER: moves the column; with an unknown AFTER column it stays where it is.
    private mutating func move(columnAt index: Int, to placement: ColumnPlacement, in state: inout TableState, context: StatementContext) {
        let column = state.removeColumn(at: index)
        switch placement {
        case .first:
            state.insertColumn(column, at: 0)
        case .after(let name):
            if let target = state.columnIndex(named: name.text) {
                state.insertColumn(column, at: target + 1)
            } else {
                report(context.diagnostic(at: name.token, "table `\(state.table.name)` has no column `\(name.text)` to place `\(column.name)` after; the column stays where it is"))
                state.insertColumn(column, at: index)
            }
        }
    }

    /// A foreign key on a column this ALTER dropped goes too (MySQL would refuse the ALTER).
    private mutating func removeForeignKeysOnDroppedColumns(of state: inout TableState, effects: AlterEffects, in context: StatementContext) {
        guard !effects.droppedColumns.isEmpty else { return }
        var index = 0
        while index < state.table.foreignKeys.count {
            let foreignKey = state.table.foreignKeys[index]
            if let missing = foreignKey.columns.first(where: { state.columnIndex(named: $0) == nil }),
               let drop = effects.droppedColumns.first(where: { IdentifierKey.same($0.name, missing) }) {
                report(context.diagnostic(at: drop.token, "\(foreignKeyLabel(foreignKey, table: state.table.name)) uses column `\(missing)`, which this ALTER TABLE drops; the foreign key is removed too (MySQL would refuse this)"))
                state.removeForeignKey(at: index)
            } else {
                index += 1
            }
        }
    }
}
