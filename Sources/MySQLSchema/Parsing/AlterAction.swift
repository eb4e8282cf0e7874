/// Where ADD, MODIFY or CHANGE puts a column: FIRST or AFTER another.
enum ColumnPlacement {
    case first
    case after(Name)
}

/// One alteration of ALTER TABLE.
enum AlterAction {
    case addColumn(ColumnDefinition, inline: [TableElement], placement: ColumnPlacement?, ifNotExists: Bool)
    case addElement(TableElement, ifNotExists: Bool)
    case dropColumn(Name, ifExists: Bool)
    case dropIndex(Name, ifExists: Bool)
    case dropPrimaryKey(Token)
    case dropForeignKey(Name, ifExists: Bool)
    case dropCheck(Name, ifExists: Bool)
    case dropConstraint(Name, ifExists: Bool)
    case modifyColumn(ColumnDefinition, inline: [TableElement], placement: ColumnPlacement?, ifExists: Bool)
    case changeColumn(old: Name, ColumnDefinition, inline: [TableElement], placement: ColumnPlacement?, ifExists: Bool)
    case renameColumn(Name, to: Name)
    case renameIndex(Name, to: Name)
    case renameTable(QualifiedName)
    /// ALTER COLUMN c SET DEFAULT x (nil: DROP DEFAULT).
    case setDefault(Name, String?)
    case setVisibility(Name, invisible: Bool)
    case setCheckEnforced(Name, Bool)
    case options(TableOptions)
    case convertCharacterSet(String, collation: String?)
}
