import Foundation

/// A program a test runs: its words, environment, working folder and standard input, and where
/// its output goes. `run` waits for it within a time limit; `start` leaves it running as a
/// `ChildProcess` (a server, a process holding a lock, one to kill at a chosen moment).
///
/// Every test that runs a process goes through here. It is built on Foundation's `Process` rather
/// than swift-subprocess: the tests are synchronous and need only this much, while the package
/// would add two dependencies (swift-subprocess and swift-system) to every build and CI run, and an
/// async-only API to every caller. What a hand-rolled runner kept getting wrong is handled once:
/// output goes to files, not pipes, so a chatty child never blocks on a full pipe and reading its
/// output never waits for end of file; every wait is bounded; a child starts with no signal blocked
/// (the test runner's threads block most, and a child inherits the mask) and is stopped with
/// SIGINT, as Ctrl-C would, then SIGKILL. One limit is Foundation's: it learns that a child exited
/// through a socket the child's own children inherit, so a child that leaves a process running in
/// the background is seen to exit only when that process ends (or the time limit runs out).
public struct Command: Sendable {
    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// Nothing: /dev/null.
        case none
        /// This text, through a pipe closed once it is written (as `printf … | command`).
        case text(String)
        /// This file, as `command < file` would.
        case file(URL)
        /// A pipe the test keeps open: `ChildProcess.write` feeds it, `closeInput` closes it.
        case pipe
    }

    /// Where the child's standard output and standard error go.
    public enum Output: Sendable {
        /// Each to a file of its own: `output` and `errors` kept apart.
        case separate
        /// Both to one file, interleaved as written: everything in `output`.
        case merged
        /// Both to /dev/null (a server nobody reads).
        case discarded
    }

    /// The child's environment variables.
    public enum Environment: Sendable {
        /// The test process's own, with these added (or replaced).
        case inherited(adding: [String: String])
        /// Exactly these, nothing inherited.
        case exactly([String: String])
    }

    /// The program and its arguments. A first word with a `/` is the program's path; any other
    /// is looked up on the child's PATH (through `/usr/bin/env`), so a missing program exits
    /// with status 127, the shell's "command not found", which tests turn into "install it".
    public var arguments: [String]
    public var environment: Environment
    /// The working folder; the test process's own when nil.
    public var directory: URL?
    public var input: Input
    public var output: Output

    public init(_ arguments: [String], environment: Environment = .inherited(adding: [:]), directory: URL? = nil,
                input: Input = .none, output: Output = .separate) {
        precondition(!arguments.isEmpty, "a command needs at least the program")
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.input = input
        self.output = output
    }

    /// Runs to completion. A child still running after `timeout` seconds is stopped (SIGINT,
    /// then SIGKILL) and its result says `timedOut`. Throws only when the program cannot start.
    public func run(timeout: TimeInterval = 120) throws -> CommandResult {
        let child = try start()
        let finished = child.waitForExit(timeout: timeout)
        if !finished { child.stop() }
        return child.result(timedOut: !finished)
    }

    /// Starts the child and returns at once; it is stopped when the `ChildProcess` goes away.
    public func start() throws -> ChildProcess {
        try ChildProcess(self)
    }

    /// The variables the child starts with.
    var resolvedEnvironment: [String: String] {
        switch environment {
        case .inherited(let added): return ProcessInfo.processInfo.environment.merging(added) { _, new in new }
        case .exactly(let variables): return variables
        }
    }

    /// The program to execute and its arguments, `/usr/bin/env` looking up a bare name.
    var executable: (URL, [String]) {
        if arguments[0].contains("/") { return (URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst())) }
        return (URL(fileURLWithPath: "/usr/bin/env"), arguments)
    }

    /// The command as a person would type it, for failure messages.
    public var commandLine: String {
        arguments.joined(separator: " ")
    }
}
