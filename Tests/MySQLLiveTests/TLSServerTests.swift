import Foundation
import MySQLLive
import Testing

/// TLS against a server with a certificate signed by a throw-away CA (`LiveServers`).
@Suite("TLS server", .tlsServer)
struct TLSServerTests {
    private func url(_ parameters: String) throws -> MySQLServerURL {
        let (server, _) = try LiveServers.tlsServer()
        return try LiveServers.tcpURL(server, user: LiveServers.reader.user, parameters: parameters)
    }

    @Test("VERIFY_CA with the CA that signed the certificate: a TLS connection")
    func verifyCA() throws {
        let (_, certificates) = try LiveServers.tlsServer()
        let connection = try MySQLConnection(url: url("?ssl-mode=VERIFY_CA&ssl-ca=\(certificates.authority.path)"),
                                             password: LiveServers.reader.password)
        #expect(connection.tlsCipher != nil)
        let cipher = try connection.rows("SHOW SESSION STATUS LIKE 'Ssl_cipher'")
        #expect(cipher.first?[1] == connection.tlsCipher)
    }

    @Test("REQUIRED and PREFERRED use the TLS the server offers")
    func requiredAndPreferred() throws {
        for mode in ["REQUIRED", "PREFERRED"] {
            let connection = try MySQLConnection(url: url("?ssl-mode=\(mode)"), password: LiveServers.reader.password)
            #expect(connection.tlsCipher != nil, "\(mode)")
        }
        let plain = try MySQLConnection(url: url("?ssl-mode=DISABLED"), password: LiveServers.reader.password)
        #expect(plain.tlsCipher == nil)
    }

    @Test("VERIFY_CA with a CA that did not sign the certificate fails")
    func wrongAuthority() throws {
        let (_, certificates) = try LiveServers.tlsServer()
        let error = #expect(throws: MySQLLiveError.self) {
            try MySQLConnection(url: url("?ssl-mode=VERIFY_CA&ssl-ca=\(certificates.strangerAuthority.path)"),
                                password: LiveServers.reader.password)
        }
        guard case .tlsFailed(_, let mode, let code, _)? = error else {
            Issue.record("expected tlsFailed, got \(String(describing: error))")
            return
        }
        #expect(mode == "VERIFY_CA")
        #expect(code == 2026)
    }

    @Test("VERIFY_IDENTITY fails when the certificate does not name the host")
    func wrongIdentity() throws {
        let (_, certificates) = try LiveServers.tlsServer()
        let error = #expect(throws: MySQLLiveError.self) {
            try MySQLConnection(url: url("?ssl-mode=VERIFY_IDENTITY&ssl-ca=\(certificates.authority.path)"),
                                password: LiveServers.reader.password)
        }
        guard case .tlsFailed(_, let mode, _, _)? = error else {
            Issue.record("expected tlsFailed, got \(String(describing: error))")
            return
        }
        #expect(mode == "VERIFY_IDENTITY")
    }

    @Test("VERIFY_IDENTITY accepts a certificate that names the host (localhost, over the socket)")
    func rightIdentity() throws {
        let (server, certificates) = try LiveServers.tlsServer()
        let url = try MySQLServerURL(parsing: "mysql://root@localhost/shop?socket=\(server.socket.path)"
            + "&ssl-mode=VERIFY_IDENTITY&ssl-ca=\(certificates.authority.path)")
        let connection = try MySQLConnection(url: url, password: nil)
        #expect(connection.tlsCipher != nil)
    }
}
