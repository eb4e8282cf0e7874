import Foundation

/// Everything that can go wrong while running a private MariaDB server for the tests.
public enum MariaDBError: Error, CustomStringConvertible {
    case missingBinaries([String])
    case launchFailed(command: String, reason: String)
    case commandFailed(command: String, status: Int32, errors: String)
    case timedOut(command: String, seconds: Int)
    case serverNotReady(seconds: Int, log: String)
    case serverExited(status: Int32, log: String)
    case unexpectedOutput(query: String, line: String)

    public var description: String {
        switch self {
        case .missingBinaries(let names):
            return "MariaDB binaries not found: \(names.joined(separator: ", ")). "
                + "Run scripts/mariadb-test-deps.sh (installs mariadb-server and mariadb-client)."
        case .launchFailed(let command, let reason):
            return "Could not start \(command): \(reason)"
        case .commandFailed(let command, let status, let errors):
            return "\(command) exited with status \(status):\n\(errors)"
        case .timedOut(let command, let seconds):
            return "\(command) did not finish within \(seconds) s and was killed."
        case .serverNotReady(let seconds, let log):
            return "The MariaDB server did not accept connections within \(seconds) s. Its error log ends with:\n\(log)"
        case .serverExited(let status, let log):
            return "The MariaDB server exited during start-up (status \(status)). Its error log ends with:\n\(log)"
        case .unexpectedOutput(let query, let line):
            return "Unexpected row from the mariadb client for \(query): \(line)"
        }
    }
}
