import Foundation

/// A throw-away certificate authority and a server certificate it signed, made with `openssl`
/// in a temporary folder. The server certificate names the hosts `db.ddbmodel.test` and
/// `localhost` but not the address 127.0.0.1, so VERIFY_CA (chain only) accepts it at 127.0.0.1
/// while VERIFY_IDENTITY (chain and host) accepts it only at `localhost` (over the socket).
/// A second, unrelated CA (`strangerAuthority`) signed nothing the server has.
public struct TestCertificates: Sendable {
    public let folder: URL
    public var authority: URL { folder.appendingPathComponent("ca.pem") }
    public var serverCertificate: URL { folder.appendingPathComponent("server-cert.pem") }
    public var serverKey: URL { folder.appendingPathComponent("server-key.pem") }
    public var strangerAuthority: URL { folder.appendingPathComponent("stranger-ca.pem") }

    public static let serverName = "db.ddbmodel.test"

    public static func make() throws -> TestCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificates = TestCertificates(folder: folder)
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=ddbmodel test CA",
                     "-keyout", path("ca-key.pem"), "-out", path("ca.pem")])
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=stranger CA",
                     "-keyout", path("stranger-ca-key.pem"), "-out", path("stranger-ca.pem")])
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=\(serverName)",
                     "-keyout", path("server-key.pem"), "-out", path("server.csr")])
        try "subjectAltName=DNS:\(serverName),DNS:localhost\n".write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca-key.pem"),
                     "-CAcreateserial", "-days", "2", "-extfile", path("server.ext"), "-out", path("server-cert.pem")])
        return certificates
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func openssl(_ arguments: [String]) throws {
        let result: CommandResult
        do {
            result = try Command(["openssl"] + arguments, output: .merged).run(timeout: 60)
        } catch {
            throw MariaDBError.launchFailed(command: "openssl", reason: "\(error) (install it with: apt-get install openssl)")
        }
        guard result.status == 0 else {
            throw MariaDBError.commandFailed(command: "openssl \(arguments.first ?? "")", status: result.status, errors: result.output)
        }
    }
}
