/// A query log or capture output that cannot be read: which file, which line (when one line is
/// to blame), and what was wrong or expected there.
public struct TrafficLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What was wrong, and what was expected instead.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
