import Yams

/// A 1-based line and column in the YAML text.
struct SourcePosition: Comparable {
    let line: Int
    let column: Int

    static let start = SourcePosition(line: 1, column: 1)

    init(line: Int, column: Int) {
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    init(_ mark: Mark?) {
        self = mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
    }

    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
