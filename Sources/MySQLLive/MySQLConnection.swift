import CMariaDB
import Foundation

/// One read-only session with a MySQL or MariaDB server, over MariaDB Connector/C's text protocol.
///
/// Opening it connects (TLS as the URL's ssl-mode says), then makes the session read-only
/// (`SET SESSION TRANSACTION READ ONLY`: any write fails on the server) and bounds every
/// statement by a timeout (MariaDB's `max_statement_time`, MySQL 5.7.8+'s `max_execution_time`).
/// The tool only ever reads through it.
///
/// `@unchecked Sendable`: the Connector/C handle must not be used by two threads at once, and
/// every use of it below happens while holding `lock`, so the class can be handed to the thread
/// that samples while another one watches for Ctrl-C.
public final class MySQLConnection: @unchecked Sendable {
    /// The URL it was opened with.
    public let url: MySQLServerURL
    /// The server's version string (`SELECT VERSION()`), e.g. `10.11.6-MariaDB-0+deb12u1`.
    public let serverVersion: String
    /// The TLS cipher in use; nil on a plain-text connection.
    public let tlsCipher: String?
    /// The session variable that bounds each statement and the value set, e.g.
    /// `max_statement_time = 30`; nil for a MySQL older than 5.7.8, which has none.
    public let statementTimeout: StatementTimeout?

    /// The default bound on one statement.
    public static let defaultStatementTimeoutSeconds = 30.0

    /// How statements are bounded on this server.
    public struct StatementTimeout: Sendable, Equatable {
        /// `max_statement_time` (MariaDB, seconds) or `max_execution_time` (MySQL, milliseconds;
        /// it applies to SELECT statements, the only ones this tool runs).
        public var variable: String
        /// The value as set, in the variable's own unit.
        public var value: String
        public var seconds: Double

        public init(variable: String, value: String, seconds: Double) {
            self.variable = variable
            self.value = value
            self.seconds = seconds
        }
    }

    private let handle: UnsafeMutablePointer<MYSQL>
    private let lock = NSLock()
    private var closed = false

    /// Connects and prepares the read-only session.
    ///
    /// - Parameters:
    ///   - password: from MYSQL_PWD or a prompt; nil for none. It is handed to the client library
    ///     and never kept, logged or put in a message.
    ///   - statementTimeoutSeconds: the bound on each statement (30 s unless given).
    public init(url: MySQLServerURL, password: String?,
                statementTimeoutSeconds: Double = MySQLConnection.defaultStatementTimeoutSeconds) throws(MySQLLiveError) {
        guard MySQLConnection.libraryReady else { throw .clientLibrary("mysql_library_init failed") }
        guard let handle = mysql_init(nil) else { throw .clientLibrary("mysql_init returned no handle (out of memory)") }
        let cipher: String?
        do throws(MySQLLiveError) {
            try MySQLConnection.configure(handle, url: url, statementTimeoutSeconds: statementTimeoutSeconds)
            try MySQLConnection.connect(handle, url: url, password: password)
            cipher = mysql_get_ssl_cipher(handle).map { String(cString: $0) }
            if url.tls.mode.requiresTLS && cipher == nil {
                throw MySQLLiveError.tlsNotOffered(target: url.target, mode: url.tls.mode.rawValue)
            }
        } catch {
            mysql_close(handle)
            throw error
        }
        let version = String(cString: mysql_get_server_info(handle))
        self.handle = handle
        self.url = url
        self.tlsCipher = cipher
        self.serverVersion = version
        self.statementTimeout = MySQLConnection.statementTimeout(forServerVersion: version, seconds: statementTimeoutSeconds)
        do throws(MySQLLiveError) {
            _ = try rows("SET SESSION TRANSACTION READ ONLY")
            if let statementTimeout {
                _ = try rows("SET SESSION \(statementTimeout.variable) = \(statementTimeout.value)")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Runs one statement and returns its rows, each field as text (NULL as nil). A statement
    /// without a result set returns no rows.
    public func rows(_ sql: String) throws(MySQLLiveError) -> [[String?]] {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            throw .lostConnection(target: url.target, code: Int(CR_SERVER_GONE_ERROR), serverMessage: "the connection was closed")
        }
        let bytes = Array(sql.utf8)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mysql_real_query(handle, $0.baseAddress, UInt(buffer.count)) }
        }
        guard status == 0 else { throw statementError(sql) }
        guard let result = mysql_store_result(handle) else {
            guard mysql_field_count(handle) == 0 else { throw statementError(sql) }
            try discardFurtherResults(sql)
            return []
        }
        defer { mysql_free_result(result) }
        let fieldCount = Int(mysql_num_fields(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(mysql_num_rows(result)))
        while let row = mysql_fetch_row(result) {
            guard let lengths = mysql_fetch_lengths(result) else { break }
            var fields: [String?] = []
            fields.reserveCapacity(fieldCount)
            for column in 0..<fieldCount {
                guard let field = row[column] else {
                    fields.append(nil)
                    continue
                }
                let buffer = UnsafeRawBufferPointer(start: field, count: Int(lengths[column]))
                fields.append(String(decoding: buffer, as: UTF8.self))
            }
            rows.append(fields)
        }
        guard mysql_errno(handle) == 0 else { throw statementError(sql) }
        try discardFurtherResults(sql)
        return rows
    }

    /// A CALL answers with more than one result; the next statement can only be sent once all
    /// are read (the lock is held).
    private func discardFurtherResults(_ sql: String) throws(MySQLLiveError) {
        while true {
            let more = mysql_next_result(handle)
            if more < 0 { return }
            if more > 0 { throw statementError(sql) }
            if let extra = mysql_store_result(handle) { mysql_free_result(extra) }
        }
    }

    /// `value` as an SQL string literal, escaped for this connection's character set and SQL mode.
    public func literal(_ value: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        let source = Array(value.utf8)
        var escaped = [CChar](repeating: 0, count: source.count * 2 + 1)
        let length = source.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { mysql_real_escape_string(handle, &escaped, $0.baseAddress, UInt(input.count)) }
        }
        let text = escaped.prefix(Int(length)).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
        }
        return "'" + text + "'"
    }

    /// `name` as a quoted identifier (backticks, a backtick inside doubled).
    public static func identifier(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Closes the connection; later statements fail with `lostConnection`. Safe to call twice.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        mysql_close(handle)
    }

    // MARK: - Opening

    /// Connector/C must be initialised once, before any thread opens a connection; a static
    /// `let` runs its initialiser exactly once, whichever thread gets there first.
    private static let libraryReady: Bool = mysql_server_init(0, nil, nil) == 0

    private static func configure(_ handle: UnsafeMutablePointer<MYSQL>, url: MySQLServerURL,
                                  statementTimeoutSeconds: Double) throws(MySQLLiveError) {
        var connectTimeout = UInt32(url.connectTimeoutSeconds)
        // A read that hangs past the statement timeout plus a margin means the server or the
        // network is gone; without this bound the client would wait forever.
        var readTimeout = UInt32(max(1, statementTimeoutSeconds.rounded(.up) + 30))
        // `localhost` without socket= means the default socket, as for the mysql client.
        var protocolChoice = url.socket != nil ? MYSQL_PROTOCOL_SOCKET
            : url.host == "localhost" ? MYSQL_PROTOCOL_DEFAULT : MYSQL_PROTOCOL_TCP
        var failed = mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout) != 0
        failed = failed || mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &readTimeout) != 0
        failed = failed || mysql_options(handle, MYSQL_OPT_PROTOCOL, &protocolChoice) != 0
        failed = failed || mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0
        // LOAD DATA LOCAL off: a hostile server could otherwise ask the client for a local file.
        var local: my_bool = 0
        failed = failed || mysql_options(handle, MYSQL_OPT_LOCAL_INFILE, &local) != 0
        let tls = url.tls
        if tls.mode != .disabled {
            // Connector/C 3.3 tries TLS when any TLS option is set and, when nothing is verified,
            // falls back to plain text if the server offers none: PREFERRED. REQUIRED is then
            // checked after connecting (no cipher: refused); VERIFY_CA has OpenSSL check the chain
            // against ssl-ca; VERIFY_IDENTITY also has Connector/C check the host name.
            if tls.mode.requiresTLS {
                var enforce: my_bool = 1
                failed = failed || mysql_options(handle, MYSQL_OPT_SSL_ENFORCE, &enforce) != 0
            }
            failed = failed || mysql_ssl_set(handle, tls.clientKey, tls.clientCertificate, tls.certificateAuthority, nil, nil) != 0
            var verifyIdentity: my_bool = tls.mode == .verifyIdentity ? 1 : 0
            failed = failed || mysql_options(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verifyIdentity) != 0
        }
        if failed { throw .clientLibrary("a connection option was refused (\(String(cString: mysql_error(handle))))") }
    }

    private static func connect(_ handle: UnsafeMutablePointer<MYSQL>, url: MySQLServerURL,
                                password: String?) throws(MySQLLiveError) {
        let host = url.socket != nil ? "localhost" : url.host
        // An empty password rather than nil: given nil, a client library may fall back to
        // MYSQL_PWD or an option file, and the caller has already decided where it comes from.
        let connected = mysql_real_connect(handle, host, url.user, password ?? "", url.database, UInt32(url.port), url.socket,
                                           UInt(CLIENT_MULTI_RESULTS))
        guard connected == nil else { return }
        let code = Int(mysql_errno(handle))
        let text = String(cString: mysql_error(handle))
        switch code {
        case Int(ER_ACCESS_DENIED_ERROR), Int(ER_ACCESS_DENIED_NO_PASSWORD_ERROR):
            throw .accessDenied(user: url.user, target: url.target, code: code, serverMessage: text)
        case Int(ER_DBACCESS_DENIED_ERROR):
            throw .databaseAccessDenied(user: url.user, database: url.database, code: code, serverMessage: text)
        case Int(ER_BAD_DB_ERROR):
            throw .unknownDatabase(database: url.database, target: url.target)
        case Int(CR_SSL_CONNECTION_ERROR):
            if text.localizedCaseInsensitiveContains("not support") {
                throw .tlsNotOffered(target: url.target, mode: url.tls.mode.rawValue)
            }
            throw .tlsFailed(target: url.target, mode: url.tls.mode.rawValue, code: code, serverMessage: text)
        default:
            throw .cannotConnect(target: url.target, code: code, serverMessage: text)
        }
    }

    /// The session variable that bounds statements, from the version string: MariaDB has
    /// `max_statement_time` (seconds) since 10.1; MySQL has `max_execution_time` (milliseconds)
    /// since 5.7.8.
    public static func statementTimeout(forServerVersion version: String, seconds: Double) -> StatementTimeout? {
        if version.localizedCaseInsensitiveContains("mariadb") {
            let value = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return StatementTimeout(variable: "max_statement_time", value: value, seconds: seconds)
        }
        let numbers = version.prefix { $0.isNumber || $0 == "." }.split(separator: ".").compactMap { Int($0) }
        guard numbers.count >= 2 else { return nil }
        let (major, minor, patch) = (numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : 0)
        guard (major, minor, patch) >= (5, 7, 8) else { return nil }
        return StatementTimeout(variable: "max_execution_time", value: String(Int((seconds * 1000).rounded())), seconds: seconds)
    }

    // MARK: - Errors

    /// The typed error for the statement that just failed on this handle (the lock is held).
    private func statementError(_ sql: String) -> MySQLLiveError {
        let code = Int(mysql_errno(handle))
        let text = String(cString: mysql_error(handle))
        let statement = MySQLLiveError.excerpt(sql)
        switch code {
        case Int(CR_SERVER_LOST), Int(CR_SERVER_GONE_ERROR), Int(ER_CONNECTION_KILLED):
            return .lostConnection(target: url.target, code: code, serverMessage: text)
        case 1969, 3024: // MariaDB's ER_STATEMENT_TIMEOUT, MySQL's ER_QUERY_TIMEOUT
            return .timeout(statement: statement, seconds: statementTimeout?.seconds ?? 0)
        case Int(ER_TABLEACCESS_DENIED_ERROR), Int(ER_COLUMNACCESS_DENIED_ERROR), Int(ER_SPECIFIC_ACCESS_DENIED_ERROR),
             Int(ER_DBACCESS_DENIED_ERROR):
            return .privilegeMissing(statement: statement, grant: grant(for: sql), code: code, serverMessage: text)
        default:
            return .queryFailed(statement: statement, code: code, serverMessage: text)
        }
    }

    /// The grant that lets the user run `sql`: performance_schema's tables, or the database's.
    private func grant(for sql: String) -> String {
        let user = "'\(url.user.replacingOccurrences(of: "'", with: "''"))'@'HOST'"
        if sql.localizedCaseInsensitiveContains("performance_schema") {
            return "GRANT SELECT ON performance_schema.* TO \(user);"
        }
        return "GRANT SELECT, SHOW VIEW ON \(MySQLConnection.identifier(url.database)).* TO \(user);"
    }
}
