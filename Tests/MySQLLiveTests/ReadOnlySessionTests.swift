import Foundation
import MySQLLive
import Testing

extension LiveServerTests {
    @Test("The session cannot write: an INSERT fails and the row is not there")
    func readOnly() async throws {
        let server = try LiveServers.mainServer()
        // root, who may write anything, through the tool's connection.
        let connection = try MySQLConnection(url: LiveServers.socketURL(server), password: nil)
        let error = #expect(throws: MySQLLiveError.self) {
            try connection.rows("INSERT INTO products (sku, title, price) VALUES ('READONLY-1', 'must not exist', 1)")
        }
        guard case .queryFailed(_, let code, let serverMessage)? = error else {
            Issue.record("expected queryFailed, got \(String(describing: error))")
            return
        }
        #expect(code == 1792)
        #expect(serverMessage.contains("READ ONLY"))
        #expect(try server.query("SELECT COUNT(*) FROM products WHERE sku = 'READONLY-1'", database: "shop") == [["0"]])
        // The connection still works after the refused statement.
        #expect(try connection.rows("SELECT COUNT(*) FROM products") == [["20"]])
    }

    @Test("A statement longer than the timeout is stopped by the server: a timeout error")
    func statementTimeout() async throws {
        let server = try LiveServers.mainServer()
        let connection = try MySQLConnection(url: LiveServers.socketURL(server), password: nil, statementTimeoutSeconds: 1)
        let started = Date()
        let error = #expect(throws: MySQLLiveError.self) { try connection.rows("SELECT SLEEP(5) FROM DUAL") }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(error == .timeout(statement: "`SELECT SLEEP(5) FROM DUAL`", seconds: 1))
        #expect(error?.message.contains("after the statement timeout of 1 s") == true)
    }

    @Test("The timeout variable follows the server: MariaDB in seconds, MySQL 5.7.8+ in milliseconds")
    func timeoutVariable() {
        // The live path is checked above against MariaDB; MySQL's version strings are checked here.
        let cases: [(String, String?, String?)] = [
            ("10.11.6-MariaDB-0+deb12u1", "max_statement_time", "30"),
            ("5.5.5-10.6.12-MariaDB-log", "max_statement_time", "30"),
            ("8.0.36", "max_execution_time", "30000"),
            ("5.7.8-log", "max_execution_time", "30000"),
            ("5.7.7", nil, nil),
            ("5.6.51", nil, nil),
        ]
        for (version, variable, value) in cases {
            let timeout = MySQLConnection.statementTimeout(forServerVersion: version, seconds: 30)
            #expect(timeout?.variable == variable, "\(version)")
            #expect(timeout?.value == value, "\(version)")
        }
    }
}
