/// Everything wrong with a requirements YAML file, in the order the problems appear in the file.
public struct RequirementsYAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem at one place in the file.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        /// 1-based.
        public let line: Int
        /// 1-based.
        public let column: Int
        public let message: String

        public init(file: String, line: Int, column: Int, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// `FILE:LINE:COLUMN: message`, the form editors and compilers use.
        public var description: String { "\(file):\(line):\(column): \(message)" }
    }

    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// All problems, one `FILE:LINE:COLUMN: message` line each, ready to print.
    public var message: String { problems.map(\.description).joined(separator: "\n") }

    public var description: String { message }
}
