import MySQLSchema
import Requirements

/// Keeps tables whose text would carry control characters into the session out of an import.
///
/// A quoted MySQL identifier may hold almost any character, ESC and NUL included, and a
/// table's names and types reach the terminal (the import summary, the review) and
/// `dynamodb_requirement.md`. A table with such a character anywhere in its text (its name,
/// columns, types and enum values, keys, defaults, comments, expressions) is left out with a
/// warning that names the character and shows the name escaped, under the same rule
/// (`FreeText`) as everything typed or loaded. Comments and expressions may hold line breaks.
public enum SchemaTextScreen {
    /// The schema without the refused tables, and one warning per refused table.
    public static func screen(_ schema: ParsedSchema) -> (schema: ParsedSchema, warnings: [String]) {
        var accepted = schema
        accepted.tables = []
        accepted.tables.reserveCapacity(schema.tables.count)
        var warnings: [String] = []
        for table in schema.tables {
            if let problem = firstProblem(in: table) {
                warnings.append("Table \(FreeText.visible(table.name)) was not imported: \(problem)")
            } else {
                accepted.tables.append(table)
            }
        }
        return (accepted, warnings)
    }

    /// What is wrong with the table's text, as a sentence fragment; nil when nothing is.
    static func firstProblem(in table: Table) -> String? {
        for (what, text, lineBreaks) in texts(of: table) {
            if let forbidden = FreeText.firstForbidden(in: text, allowingLineBreaks: lineBreaks) {
                let shown = what == "its name" ? what : "\(what) \(FreeText.visible(text))"
                return "\(shown) contains \(FreeText.describe(forbidden.scalar)) at character \(forbidden.position)."
            }
        }
        return nil
    }

    /// Every text of the table, with what it is and whether it may hold line breaks.
    static func texts(of table: Table) -> [(String, String, Bool)] {
        var texts: [(String, String, Bool)] = [("its name", table.name, false)]
        if let database = table.database { texts.append(("its database name", database, false)) }
        for column in table.columns {
            texts.append(("the column", column.name, false))
            // The values before the type text that quotes them: the message then names the value.
            for value in column.type.values { texts.append(("a value of column \(FreeText.visible(column.name))", value, false)) }
            texts.append(("the type of column \(FreeText.visible(column.name))", column.type.sqlText, false))
            if let value = column.defaultValue { texts.append(("the default of column \(FreeText.visible(column.name))", value, true)) }
            if let comment = column.comment { texts.append(("the comment of column \(FreeText.visible(column.name))", comment, true)) }
            if let generated = column.generated { texts.append(("the expression of column \(FreeText.visible(column.name))", generated.expression, true)) }
            for text in [column.characterSet, column.collation].compactMap({ $0 }) { texts.append(("a character set or collation", text, false)) }
        }
        for index in table.uniqueKeys + table.indexes + table.fullTextIndexes + table.spatialIndexes {
            if let name = index.name { texts.append(("the key", name, false)) }
            for column in index.columns { texts.append(("a key part", column.name, true)) }
        }
        for foreignKey in table.foreignKeys {
            if let name = foreignKey.name { texts.append(("the foreign key", name, false)) }
            texts.append(("a referenced table", foreignKey.referencedTable, false))
            for column in foreignKey.columns + foreignKey.referencedColumns { texts.append(("a foreign key column", column, false)) }
        }
        for check in table.checkConstraints {
            if let name = check.name { texts.append(("the check constraint", name, false)) }
            texts.append(("a check expression", check.expression, true))
        }
        if let engine = table.engine { texts.append(("its engine", engine, false)) }
        if let comment = table.comment { texts.append(("its comment", comment, true)) }
        return texts
    }
}
