/// How many children a parent has, as the user described it ("avg 5, max 1000").
public struct Cardinality: Codable, Sendable, Equatable {
    public var average: Double
    /// The largest number of children one parent can have; `nil` when it is unbounded.
    public var maximum: Int?

    public init(average: Double, maximum: Int?) {
        self.average = average
        self.maximum = maximum
    }

    public var isUnbounded: Bool { maximum == nil }
}

/// A cardinality the user gave, or "unknown".
public typealias CardinalityAnswer = Unknowable<Cardinality>

/// One-to-many from parent to child, or many-to-many between two entities.
public enum RelationshipKind: String, Codable, Sendable {
    case oneToMany = "one-to-many"
    case manyToMany = "many-to-many"
}

/// A relationship between two entities, with the numbers the design depends on.
public struct Relationship: Codable, Sendable, Equatable {
    public var parent: String
    public var child: String
    public var kind: RelationshipKind
    /// Children per parent; `nil` until the user answers.
    public var cardinality: CardinalityAnswer?
    /// Whether a child item can exist with no parent item; `nil` until the user answers.
    public var childExistsWithoutParent: Bool?
    /// The MySQL foreign key behind the relationship, when it was imported.
    public var sourceForeignKey: SourceForeignKey?

    public init(
        parent: String, child: String, kind: RelationshipKind = .oneToMany,
        cardinality: CardinalityAnswer? = nil, childExistsWithoutParent: Bool? = nil
    ) {
        self.parent = parent
        self.child = child
        self.kind = kind
        self.cardinality = cardinality
        self.childExistsWithoutParent = childExistsWithoutParent
    }

    /// `User -> Order` or `Student <-> Course`, the form users type and see.
    public var label: String {
        "\(parent) \(kind == .oneToMany ? "->" : "<->") \(child)"
    }

    public func connects(_ first: String, _ second: String) -> Bool {
        (parent == first && child == second) || (kind == .manyToMany && parent == second && child == first)
    }

    enum CodingKeys: String, CodingKey {
        case parent, child, kind, cardinality
        case childExistsWithoutParent = "child_exists_without_parent"
        case sourceForeignKey = "source_foreign_key"
    }
}

/// A foreign key from the source schema: `orders(user_id) → users(id) ON DELETE CASCADE`.
public struct SourceForeignKey: Codable, Sendable, Equatable {
    public var name: String?
    public var columns: [String]
    public var referencedColumns: [String]
    /// The ON DELETE rule as MySQL states it (CASCADE, SET NULL, RESTRICT, NO ACTION, SET DEFAULT).
    public var onDelete: String?

    public init(name: String?, columns: [String], referencedColumns: [String], onDelete: String?) {
        self.name = name
        self.columns = columns
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
    }

    enum CodingKeys: String, CodingKey {
        case name, columns
        case referencedColumns = "referenced_columns"
        case onDelete = "on_delete"
    }
}
