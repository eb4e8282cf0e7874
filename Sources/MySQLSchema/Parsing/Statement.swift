/// A statement as parsed, before it is applied to the schema. Names keep their tokens so that
/// problems found while applying (a missing column, an unknown table) point at the right place.
enum Statement {
    case createTable(CreateTable)
    case createIndex(table: QualifiedName, key: KeyDefinition, ifNotExists: Bool)
    case dropIndex(name: Name, table: QualifiedName, ifExists: Bool)
    case alterTable(table: QualifiedName, actions: [AlterAction])
    case dropTables([QualifiedName], ifExists: Bool)
    case renameTables([(from: QualifiedName, to: QualifiedName)])
    case skipped(SkippedStatement.Kind, name: String?)
}

/// An identifier as written (unquoted, escapes resolved) and the token it came from.
struct Name {
    var text: String
    var token: Token
}

/// `name` or `database.name`.
struct QualifiedName {
    var database: String?
    var name: Name
}

struct CreateTable {
    enum Body {
        case definition(TableDefinition)
        case like(QualifiedName)
    }

    var name: QualifiedName
    var ifNotExists: Bool
    var orReplace: Bool
    var temporary: Bool
    var body: Body
}

/// The parenthesized part of CREATE TABLE and its options.
struct TableDefinition {
    /// Columns and constraints in the order written; a column's inline constraints (PRIMARY KEY,
    /// UNIQUE, REFERENCES, CHECK) follow it.
    var elements: [TableElement]
    var options: TableOptions
    /// The SELECT (or AS) of CREATE TABLE ... SELECT, whose columns are unknown here.
    var selectToken: Token?
}

enum TableElement {
    case column(ColumnDefinition)
    case key(KeyDefinition)
    case foreignKey(ForeignKeyDefinition)
    case check(CheckConstraint, token: Token)
}

struct ColumnDefinition {
    var column: Column
    var nameToken: Token
}

enum KeyKind {
    case primary, unique, plain, fullText, spatial
}

struct KeyDefinition {
    var kind: KeyKind
    var name: String?
    /// The token the key starts at (PRIMARY, UNIQUE, KEY, ...).
    var token: Token
    var columns: [IndexColumn]
    /// The token of each key part's column name.
    var columnTokens: [Token]

    var index: Index { Index(name: name, columns: columns) }
}

struct ForeignKeyDefinition {
    var foreignKey: ForeignKey
    var token: Token
    var columnTokens: [Token]
    var referencedTableToken: Token
}

/// The table options this import keeps (the rest are read and ignored).
struct TableOptions {
    var engine: String?
    var comment: String?
}
