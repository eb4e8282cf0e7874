/// A CHECK constraint, table-level or written on a column.
public struct CheckConstraint: Sendable, Equatable, Codable {
    /// The CONSTRAINT name as written; nil when unnamed.
    public var name: String?
    /// The expression as written, without the outer parentheses.
    public var expression: String
    /// False for NOT ENFORCED (MySQL 8.0.16+), which MySQL parses but does not check.
    public var enforced: Bool

    /// A check; enforced unless stated.
    public init(name: String? = nil, expression: String, enforced: Bool = true) {
        self.name = name
        self.expression = expression
        self.enforced = enforced
    }
}
