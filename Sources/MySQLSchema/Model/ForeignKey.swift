/// A FOREIGN KEY constraint, or a column's inline REFERENCES.
public struct ForeignKey: Sendable, Equatable, Codable {
    /// The CONSTRAINT name (else the FOREIGN KEY's index name) as written; nil when unnamed.
    public var name: String?
    /// The referencing columns of this table.
    public var columns: [String]
    /// The referenced table's name (without a database qualifier).
    public var referencedTable: String
    /// The referenced columns. When the DDL names none, the referenced table's primary key.
    public var referencedColumns: [String]
    /// ON DELETE; nil when not written (MySQL then applies RESTRICT).
    public var onDelete: ReferentialAction?
    /// ON UPDATE; nil when not written (MySQL then applies RESTRICT).
    public var onUpdate: ReferentialAction?

    /// A foreign key; actions unset unless given.
    public init(
        name: String? = nil,
        columns: [String],
        referencedTable: String,
        referencedColumns: [String],
        onDelete: ReferentialAction? = nil,
        onUpdate: ReferentialAction? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// What a foreign key does when the referenced row is deleted or its key updated.
public enum ReferentialAction: String, Sendable, Codable {
    case restrict = "RESTRICT"
    case cascade = "CASCADE"
    case setNull = "SET NULL"
    case noAction = "NO ACTION"
    case setDefault = "SET DEFAULT"
}
