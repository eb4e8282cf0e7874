/// Everything that can go wrong while reading a live MySQL or MariaDB server, each with the
/// sentence a user reads (`message`): what failed, where, the server's own error text and code
/// when there is one, and what to do about it (the grants are those of docs/mysql-traffic.md,
/// "Privileges"). No case ever holds a password.
public enum MySQLLiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server URL could not be read; `reason` names the offending part.
    case invalidURL(reason: String)
    /// Nothing answered at the address, or the connection broke before the handshake.
    case cannotConnect(target: String, code: Int, serverMessage: String)
    /// The server refused the user name and password.
    case accessDenied(user: String, target: String, code: Int, serverMessage: String)
    /// The user may log in but has no privilege on the database (or, as the server says the same
    /// to such a user, the database does not exist).
    case databaseAccessDenied(user: String, database: String, code: Int, serverMessage: String)
    /// A statement needs a privilege the user lacks; `grant` is the statement a DBA runs.
    case privilegeMissing(statement: String, grant: String, code: Int, serverMessage: String)
    /// The database does not exist on that server.
    case unknownDatabase(database: String, target: String)
    /// TLS was required (ssl-mode REQUIRED, VERIFY_CA or VERIFY_IDENTITY) but the server offers none.
    case tlsNotOffered(target: String, mode: String)
    /// The TLS handshake or the certificate check failed.
    case tlsFailed(target: String, mode: String, code: Int, serverMessage: String)
    /// A statement ran longer than the session's statement timeout and the server stopped it.
    case timeout(statement: String, seconds: Double)
    /// The connection broke after it was made.
    case lostConnection(target: String, code: Int, serverMessage: String)
    /// Any other error the server returned for a statement.
    case queryFailed(statement: String, code: Int, serverMessage: String)
    /// A result did not have the shape the reader expects (a column missing, a number that is not one).
    case unexpectedResult(statement: String, detail: String)
    /// performance_schema is off on the server (it can only be turned on with a restart).
    case performanceSchemaOff(target: String)
    /// The statements_digest consumer is disabled, so no digest summary is kept.
    case digestConsumerDisabled(target: String)
    /// The sampling window's interval or duration cannot be used.
    case invalidSampling(String)
    /// The client library itself failed (out of memory, not initialised).
    case clientLibrary(String)

    public var description: String { message }

    /// What the user reads.
    public var message: String {
        switch self {
        case .invalidURL(let reason):
            return "The server URL is not usable: \(reason). Its form is mysql://USER@HOST[:PORT]/DATABASE"
                + "[?ssl-mode=...&ssl-ca=PATH&connect-timeout=SECONDS], or mysql://USER@localhost/DATABASE?socket=/PATH."
        case .cannotConnect(let target, let code, let serverMessage):
            return "Cannot connect to \(target): \(serverMessage) (error \(code)). Check the host and port (or the socket "
                + "path), that the server is running, and that no firewall is in the way."
        case .accessDenied(let user, let target, let code, let serverMessage):
            return "\(target) refused user '\(user)': \(serverMessage) (error \(code)). Check the user name and the "
                + "password (MYSQL_PWD, or the one typed at the prompt), and that the user may connect from this host."
        case .databaseAccessDenied(let user, let database, let code, let serverMessage):
            return "User '\(user)' may not use database `\(database)`: \(serverMessage) (error \(code)). Either the "
                + "database does not exist (the server does not tell a user without a grant which databases exist: "
                + "check its name) or the user has no privilege on it; a DBA grants what is needed with: "
                + "GRANT SELECT, SHOW VIEW ON `\(database)`.* TO '\(user)'@'HOST';"
        case .privilegeMissing(let statement, let grant, let code, let serverMessage):
            return "The server refused \(statement): \(serverMessage) (error \(code)). A DBA grants what is needed with: \(grant)"
        case .unknownDatabase(let database, let target):
            return "\(target) has no database `\(database)`. Check its name (SHOW DATABASES lists those the user can see)."
        case .tlsNotOffered(let target, let mode):
            return "ssl-mode=\(mode) requires TLS, but \(target) does not offer it. Configure TLS on the server "
                + "(ssl_cert and ssl_key under [mysqld]), or use ssl-mode=PREFERRED or DISABLED on a network you trust."
        case .tlsFailed(let target, let mode, let code, let serverMessage):
            return "The TLS connection to \(target) failed (ssl-mode=\(mode)): \(serverMessage) (error \(code)). Check "
                + "ssl-ca (the CA that signed the server's certificate) and, for VERIFY_IDENTITY, that the certificate "
                + "names the host in the URL."
        case .timeout(let statement, let seconds):
            return "The server stopped \(statement) after the statement timeout of \(Self.format(seconds)) s. The server "
                + "may be overloaded, or the database very large; nothing was changed."
        case .lostConnection(let target, let code, let serverMessage):
            return "Lost the connection to \(target): \(serverMessage) (error \(code)). The server may have restarted "
                + "or closed idle connections (wait_timeout)."
        case .queryFailed(let statement, let code, let serverMessage):
            return "The server returned an error for \(statement): \(serverMessage) (error \(code))."
        case .unexpectedResult(let statement, let detail):
            return "Unexpected result from \(statement): \(detail)."
        case .performanceSchemaOff(let target):
            return "performance_schema is OFF on \(target), so it keeps no statement digests to sample. It cannot be "
                + "turned on while the server runs: a DBA adds performance_schema=ON under [mysqld] in my.cnf and "
                + "restarts the server. Without it, use the slow query log, the general log or the capture script."
        case .digestConsumerDisabled(let target):
            return "performance_schema on \(target) keeps no statement digests: its statements_digest consumer is "
                + "disabled. This tool never changes the server; a DBA enables it (until the next restart) with: "
                + "UPDATE performance_schema.setup_consumers SET ENABLED='YES' WHERE NAME='statements_digest'; "
                + "(and performance-schema-consumer-statements-digest=ON under [mysqld] in my.cnf to keep it)."
        case .invalidSampling(let detail):
            return "Cannot sample: \(detail)."
        case .clientLibrary(let detail):
            return "The MySQL client library failed: \(detail)."
        }
    }

    /// Statements quoted in messages: on one line, at most 80 characters.
    static func excerpt(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return oneLine.count > 80 ? "`" + oneLine.prefix(79) + "…`" : "`" + oneLine + "`"
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
