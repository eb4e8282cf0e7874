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

/// The problems found while reading one file, each tied to the position of the node it is about.
struct ProblemList {
    private var problems: [(position: SourcePosition, message: String)] = []

    var isEmpty: Bool { problems.isEmpty }

    var count: Int { problems.count }

    mutating func report(_ message: String, at node: Node) {
        report(message, at: SourcePosition(node.mark))
    }

    mutating func report(_ message: String, at position: SourcePosition) {
        problems.append((position, message))
    }

    /// `FILE:LINE:COLUMN: message` lines in file order; problems at the same spot keep the order
    /// they were found in. A node reached through several aliases is reported once, not once per
    /// alias.
    func lines(fileName: String) -> [String] {
        var seen = Set<String>()
        return problems.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map { "\(fileName):\($0.element.position.line):\($0.element.position.column): \($0.element.message)" }
            .filter { seen.insert($0).inserted }
    }
}
