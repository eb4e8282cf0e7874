/// One column of a table.
public struct Column: Sendable, Equatable, Codable {
    /// The name as written, case preserved.
    public var name: String
    /// The data type, with aliases resolved (INTEGER is `int`, BOOL is `tinyint(1)`, ...).
    public var type: ColumnType
    /// False for NOT NULL and for every primary-key column.
    public var nullable: Bool
    /// The DEFAULT as written: a string literal without its quotes (escapes resolved), anything
    /// else verbatim (`-1`, `b'0'`, `CURRENT_TIMESTAMP(3)`, `(uuid())`); `NULL` for DEFAULT NULL;
    /// nil when there is no DEFAULT clause.
    public var defaultValue: String?
    /// AUTO_INCREMENT (also implied by SERIAL).
    public var autoIncrement: Bool
    /// ON UPDATE CURRENT_TIMESTAMP (or NOW(), LOCALTIMESTAMP, ...).
    public var onUpdateCurrentTimestamp: Bool
    /// The COMMENT, unescaped.
    public var comment: String?
    /// The expression of a generated column.
    public var generated: GeneratedColumn?
    /// CHARACTER SET (or CHARSET) as written.
    public var characterSet: String?
    /// COLLATE as written.
    public var collation: String?
    /// INVISIBLE (MySQL 8.0.23+, MariaDB 10.3+): hidden from `SELECT *` but stored.
    public var invisible: Bool

    /// A column; nullable, without default, comment or generation unless given.
    public init(
        name: String,
        type: ColumnType,
        nullable: Bool = true,
        defaultValue: String? = nil,
        autoIncrement: Bool = false,
        onUpdateCurrentTimestamp: Bool = false,
        comment: String? = nil,
        generated: GeneratedColumn? = nil,
        characterSet: String? = nil,
        collation: String? = nil,
        invisible: Bool = false
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.autoIncrement = autoIncrement
        self.onUpdateCurrentTimestamp = onUpdateCurrentTimestamp
        self.comment = comment
        self.generated = generated
        self.characterSet = characterSet
        self.collation = collation
        self.invisible = invisible
    }
}

/// A generated column's expression: `[GENERATED ALWAYS] AS (expression) [VIRTUAL | STORED]`.
public struct GeneratedColumn: Sendable, Equatable, Codable {
    /// The expression as written, without the outer parentheses.
    public var expression: String
    /// STORED (or MariaDB's PERSISTENT); false for VIRTUAL, the default.
    public var stored: Bool

    /// A generated column's expression and storage.
    public init(expression: String, stored: Bool) {
        self.expression = expression
        self.stored = stored
    }
}
