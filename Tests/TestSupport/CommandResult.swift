/// How a command ended and what it wrote.
public struct CommandResult: Sendable {
    /// The exit status; -1 when the time limit ran out. When a signal ended the child, Foundation
    /// reports the signal's number here.
    public let status: Int32
    /// Standard output, or both streams interleaved with `Command.Output.merged`.
    public let output: String
    /// Standard error (empty with `.merged` and `.discarded`).
    public let errors: String
    /// True when the child was stopped because its time limit ran out.
    public let timedOut: Bool
}
