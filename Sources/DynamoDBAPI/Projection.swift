/// Which attributes an index copies from the table.
public enum ProjectionType: String, Sendable, Hashable, CaseIterable {
    case keysOnly = "KEYS_ONLY"
    case include = "INCLUDE"
    case all = "ALL"
}

/// An index's projection: the type, and for `INCLUDE` the non-key attributes copied.
public struct Projection: Sendable, Hashable {
    public var projectionType: ProjectionType
    public var nonKeyAttributes: [String]?

    public init(projectionType: ProjectionType, nonKeyAttributes: [String]? = nil) {
        self.projectionType = projectionType
        self.nonKeyAttributes = nonKeyAttributes
    }

    public static let all = Projection(projectionType: .all)
    public static let keysOnly = Projection(projectionType: .keysOnly)
    public static func include(_ names: [String]) -> Projection { Projection(projectionType: .include, nonKeyAttributes: names) }
}
