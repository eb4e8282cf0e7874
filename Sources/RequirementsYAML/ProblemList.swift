import Yams

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

    /// The problems in file order; problems at the same spot keep the order they were found in.
    /// A node reached through several aliases is reported once, not once per alias.
    func sorted(fileName: String) -> [RequirementsYAMLError.Problem] {
        var seen = Set<String>()
        return problems.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map { RequirementsYAMLError.Problem(file: fileName, line: $0.element.position.line, column: $0.element.position.column, message: $0.element.message) }
            .filter { seen.insert($0.description).inserted }
    }
}
