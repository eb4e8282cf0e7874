/// What an expression turned out to be, as far as classifying a comparison needs.
enum Operand: Sendable {
    /// A plain column.
    case column(RawColumn)
    /// A value: a literal, a placeholder, a variable, an expression over values only.
    /// `literal` is a string literal's content (a LIKE pattern is judged by it).
    case value(literal: String?)
    /// An expression over columns (`DATE(created_at)`, `price * qty`).
    case computed([RawColumn])
    /// `MATCH (a, b) AGAINST (...)`.
    case search([RawColumn])
    /// `(a, b)`: a row of operands.
    case row([Operand])
    /// `*` or `t.*`.
    case star(qualifier: String?)

    /// Every column the operand mentions.
    var columns: [RawColumn] {
        switch self {
        case .column(let column): return [column]
        case .value, .star: return []
        case .computed(let columns), .search(let columns): return columns
        case .row(let items): return items.flatMap(\.columns)
        }
    }

    /// A value, or a row of values. A lone double-quoted word counts as a value here (a
    /// string in MySQL's default mode): it is only asked of the side compared with a column.
    var isValue: Bool {
        switch self {
        case .value: return true
        case .row(let items): return items.allSatisfy(\.isValue)
        case .column(let column): return column.isDoubleQuoted
        case .computed, .search, .star: return false
        }
    }

    /// The operand combined with others by an operator: a value when no column is involved.
    static func combining(_ columns: [RawColumn]) -> Operand {
        columns.isEmpty ? .value(literal: nil) : .computed(columns)
    }
}
