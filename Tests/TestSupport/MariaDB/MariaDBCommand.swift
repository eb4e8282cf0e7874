import Foundation

/// MariaDB's programs, run through TestSupport's `Command` with an environment free of the
/// client variables (MYSQL_PWD, MYSQL_HOST, ...) that could point them somewhere else; a program
/// that cannot start or overruns its time limit is a `MariaDBError`.
public enum MariaDBCommand {
    public static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in !key.hasPrefix("MYSQL_") && !key.hasPrefix("MARIADB_") }
    }

    /// `executable` with `arguments`, standard input from `input` (or nothing).
    public static func command(_ executable: URL, _ arguments: [String], input: URL? = nil) -> Command {
        Command([executable.path] + arguments, environment: .exactly(environment), input: input.map(Command.Input.file) ?? .none)
    }

    /// Runs to completion; stopped, and an error, when `timeLimit` seconds pass.
    public static func run(_ executable: URL, _ arguments: [String], input: URL? = nil, timeLimit: Int) throws -> CommandResult {
        let result: CommandResult
        do {
            result = try command(executable, arguments, input: input).run(timeout: TimeInterval(timeLimit))
        } catch {
            throw MariaDBError.launchFailed(command: executable.lastPathComponent, reason: "\(error)")
        }
        guard !result.timedOut else {
            throw MariaDBError.timedOut(command: "\(executable.lastPathComponent) \(arguments.joined(separator: " "))", seconds: timeLimit)
        }
        return result
    }

    /// Like `run`, but a non-zero exit status is an error carrying the child's standard error.
    public static func check(_ executable: URL, _ arguments: [String], input: URL? = nil, timeLimit: Int) throws -> String {
        let result = try run(executable, arguments, input: input, timeLimit: timeLimit)
        guard result.status == 0 else {
            throw MariaDBError.commandFailed(command: executable.lastPathComponent, status: result.status, errors: result.errors)
        }
        return result.output
    }
}
