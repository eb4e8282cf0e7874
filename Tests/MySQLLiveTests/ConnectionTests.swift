import Foundation
import MySQLLive
import Testing

extension LiveServerTests {
    @Test("Connects over the socket: the session is read-only with a 30 s statement timeout")
    func socketConnection() async throws {
        let server = try LiveServers.mainServer()
        let connection = try MySQLConnection(url: LiveServers.socketURL(server), password: nil)
        #expect(connection.serverVersion.contains("MariaDB"))
        #expect(connection.tlsCipher == nil)
        #expect(connection.statementTimeout == .init(variable: "max_statement_time", value: "30", seconds: 30))
        let session = try connection.rows("SELECT @@SESSION.max_statement_time, @@SESSION.tx_read_only, DATABASE()")
        #expect(session.count == 1)
        #expect(Double(session[0][0] ?? "") == 30)
        #expect(session[0][1] == "1")
        #expect(session[0][2] == "shop")
    }

    @Test("Connects over TCP on 127.0.0.1 with a password; NULL comes back as nil")
    func tcpConnection() async throws {
        let server = try LiveServers.mainServer()
        let url = try LiveServers.tcpURL(server, user: LiveServers.reader.user)
        let connection = try MySQLConnection(url: url, password: LiveServers.reader.password, statementTimeoutSeconds: 12.5)
        let rows = try connection.rows("SELECT CURRENT_USER(), NULL, 'é', @@SESSION.max_statement_time")
        #expect(rows.count == 1)
        #expect(rows[0][0] == "reader@127.0.0.1")
        #expect(rows[0][1] == nil)
        #expect(rows[0][2] == "é")
        #expect(Double(rows[0][3] ?? "") == 12.5)
        #expect(try connection.rows("SELECT 1 FROM DUAL WHERE 1 = 0").isEmpty)
        #expect(connection.literal("it's a \\ test") == "'it\\'s a \\\\ test'")
    }

    @Test("A wrong password: access denied, the user named, the password never shown")
    func wrongPassword() async throws {
        let server = try LiveServers.mainServer()
        let url = try LiveServers.tcpURL(server, user: LiveServers.reader.user)
        let error = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: url, password: "wrong-horse-battery") }
        guard case .accessDenied(let user, _, let code, _)? = error else {
            Issue.record("expected accessDenied, got \(String(describing: error))")
            return
        }
        #expect(user == "reader")
        #expect(code == 1045)
        let message = error?.message ?? ""
        #expect(message.contains("refused user 'reader'") && message.contains("MYSQL_PWD"))
        #expect(!message.contains("wrong-horse-battery"))
    }

    @Test("An unknown database, and a database the user has no grant on")
    func databaseErrors() async throws {
        let server = try LiveServers.mainServer()
        // root may see every database, so the server tells it that one does not exist.
        let missing = try LiveServers.socketURL(server, database: "no_such_db")
        let unknown = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: missing, password: nil) }
        #expect(unknown == .unknownDatabase(database: "no_such_db", target: "the server at socket \(server.socket.path)"))
        #expect(unknown?.message.contains("has no database `no_such_db`") == true)
        // A user without grants is told "access denied" for a database that does not exist too.
        let hidden = try LiveServers.tcpURL(server, user: LiveServers.reader.user, database: "no_such_db")
        let hiddenError = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: hidden, password: LiveServers.reader.password) }
        #expect(hiddenError?.message.contains("Either the database does not exist") == true)

        let forbidden = try LiveServers.tcpURL(server, user: LiveServers.nobody.user)
        let denied = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: forbidden, password: LiveServers.nobody.password) }
        guard case .databaseAccessDenied(_, _, let code, _)? = denied else {
            Issue.record("expected databaseAccessDenied, got \(String(describing: denied))")
            return
        }
        #expect(code == 1044)
        #expect(denied?.message.contains("GRANT SELECT, SHOW VIEW ON `shop`.* TO 'nobody'@'HOST';") == true)
    }

    @Test("Nothing listening: cannot connect, with the address and the client's error")
    func nothingListening() async throws {
        let server = try LiveServers.mainServer()
        let gone = try MySQLServerURL(parsing: "mysql://root@localhost/shop?socket=\(server.root.path)/missing.sock")
        let error = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: gone, password: nil) }
        guard case .cannotConnect(let target, let code, _)? = error else {
            Issue.record("expected cannotConnect, got \(String(describing: error))")
            return
        }
        #expect(target.contains("missing.sock"))
        #expect(code == 2002)
    }

    @Test("ssl-mode=REQUIRED against a server without TLS fails clearly; PREFERRED falls back to plain text")
    func tlsRequiredButNotOffered() async throws {
        let server = try LiveServers.mainServer()
        let required = try LiveServers.tcpURL(server, user: LiveServers.reader.user, parameters: "?ssl-mode=REQUIRED")
        let error = #expect(throws: MySQLLiveError.self) { try MySQLConnection(url: required, password: LiveServers.reader.password) }
        #expect(error == .tlsNotOffered(target: "the server at 127.0.0.1:\(server.port ?? 0)", mode: "REQUIRED"))
        #expect(error?.message.contains("ssl-mode=REQUIRED requires TLS, but the server at 127.0.0.1") == true)

        let preferred = try LiveServers.tcpURL(server, user: LiveServers.reader.user, parameters: "?ssl-mode=PREFERRED")
        let plain = try MySQLConnection(url: preferred, password: LiveServers.reader.password)
        #expect(plain.tlsCipher == nil)
    }

    @Test("A user without SELECT on performance_schema: the sampler says which GRANT is missing")
    func performanceSchemaPrivilege() async throws {
        let server = try LiveServers.mainServer()
        let url = try LiveServers.tcpURL(server, user: LiveServers.noPerformanceSchema.user)
        let connection = try MySQLConnection(url: url, password: LiveServers.noPerformanceSchema.password)
        let error = #expect(throws: MySQLLiveError.self) { try DigestSampler(connection: connection) }
        guard case .privilegeMissing(_, let grant, let code, _)? = error else {
            Issue.record("expected privilegeMissing, got \(String(describing: error))")
            return
        }
        #expect(code == 1142)
        #expect(grant == "GRANT SELECT ON performance_schema.* TO 'noperf'@'HOST';")
    }
}

extension LiveServerTests {
    @Test("A connection the server kills: lost connection, with the server's address")
    func lostConnection() async throws {
        let server = try LiveServers.mainServer()
        let connection = try MySQLConnection(url: LiveServers.socketURL(server), password: nil)
        let id = try #require(try connection.rows("SELECT CONNECTION_ID()").first?.first ?? nil)
        try server.query("KILL \(id)")
        let error = #expect(throws: MySQLLiveError.self) { try connection.rows("SELECT 1") }
        guard case .lostConnection(let target, let code, _)? = error else {
            Issue.record("expected lostConnection, got \(String(describing: error))")
            return
        }
        #expect(target == "the server at socket \(server.socket.path)")
        #expect([2006, 2013, 1927].contains(code))
        #expect(error?.message.hasPrefix("Lost the connection to the server at socket") == true)
        connection.close()
        #expect(throws: MySQLLiveError.self) { try connection.rows("SELECT 1") }
    }
}
