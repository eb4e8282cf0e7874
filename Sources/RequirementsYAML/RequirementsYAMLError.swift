/// Everything wrong with a requirements YAML file, one `FILE:LINE:COLUMN: message` line per
/// problem, in the order they appear in the file.
public struct RequirementsYAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Each problem as `FILE:LINE:COLUMN: message`, with 1-based line and column.
    public let problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    /// All problems, one per line, ready to print.
    public var message: String { problems.joined(separator: "\n") }

    public var description: String { message }
}
