/// One column in the comparable shape.
struct ColumnSnapshot {
    var name: String
    /// Normalized type text (see `ColumnTypeText`).
    var type: String
    /// An integer type's display width, e.g. 11 in `int(11)`; nil when not stated.
    var displayWidth: Int?
    /// ENUM or SET members, unquoted; empty for other types.
    var values: [String]
    var nullable: Bool
    var autoIncrement: Bool
    var onUpdateCurrentTimestamp: Bool
    var generated: GeneratedKind?
    var comment: String?
    var characterSet: String?
    var collation: String?
}

enum GeneratedKind: String {
    case virtual = "VIRTUAL"
    case stored = "STORED"
}
