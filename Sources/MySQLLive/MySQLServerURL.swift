/// Where a live server is and how to reach it, read from a URL such as
/// `mysql://reader@db.example.com:3306/shop?ssl-mode=VERIFY_CA&ssl-ca=/etc/ca.pem`.
///
/// Accepted forms:
/// - `mysql://USER@HOST[:PORT]/DATABASE` (TCP; port 3306 unless given; IPv6 hosts in brackets,
///   `[::1]`);
/// - `mysql://USER@localhost/DATABASE?socket=/run/mysqld/mysqld.sock` (a Unix socket; `localhost`
///   without `socket` means the client library's default socket, as for the `mysql` client:
///   use `127.0.0.1` for TCP on this machine).
///
/// User, database and parameter values may be percent-encoded (`%40` for `@`). Parameters:
/// `ssl-mode` (DISABLED, PREFERRED (the default), REQUIRED, VERIFY_CA, VERIFY_IDENTITY; any
/// case), `ssl-ca`, `ssl-cert`, `ssl-key` (file paths), `connect-timeout` (whole seconds, 1 to
/// 3600; 10 unless given), `socket`. A password in the URL is refused: it would stay in the shell's
/// history and in the process list; the password comes from MYSQL_PWD or a prompt instead.
public struct MySQLServerURL: Sendable, Equatable {
    public var user: String
    /// The host name or address, without brackets for IPv6.
    public var host: String
    public var port: Int
    /// The Unix socket's path; only with host `localhost`.
    public var socket: String?
    public var database: String
    public var tls: TLSOptions
    public var connectTimeoutSeconds: Int

    /// The default MySQL port.
    public static let defaultPort = 3306
    /// Seconds to wait for the server to answer the connection.
    public static let defaultConnectTimeout = 10

    /// How the connection uses TLS, named as the `mysql` client's `--ssl-mode` names it.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// Plain text only.
        case disabled = "DISABLED"
        /// TLS when the server offers it, plain text otherwise; the certificate is not checked.
        case preferred = "PREFERRED"
        /// TLS or no connection; the certificate is not checked.
        case required = "REQUIRED"
        /// TLS, and the server's certificate must be signed by `ssl-ca`.
        case verifyCA = "VERIFY_CA"
        /// As VERIFY_CA, and the certificate must name the host of the URL.
        case verifyIdentity = "VERIFY_IDENTITY"

        /// Whether a connection without TLS is refused.
        public var requiresTLS: Bool { self != .disabled && self != .preferred }
    }

    /// The TLS settings of the URL.
    public struct TLSOptions: Sendable, Equatable {
        public var mode: SSLMode
        /// The CA certificate file (PEM) that signed the server's certificate.
        public var certificateAuthority: String?
        /// A client certificate and its key (PEM), for servers that require one (`REQUIRE X509`).
        public var clientCertificate: String?
        public var clientKey: String?

        public init(mode: SSLMode = .preferred, certificateAuthority: String? = nil, clientCertificate: String? = nil,
                    clientKey: String? = nil) {
            self.mode = mode
            self.certificateAuthority = certificateAuthority
            self.clientCertificate = clientCertificate
            self.clientKey = clientKey
        }
    }

    public init(user: String, host: String, port: Int = MySQLServerURL.defaultPort, socket: String? = nil, database: String,
                tls: TLSOptions = TLSOptions(), connectTimeoutSeconds: Int = MySQLServerURL.defaultConnectTimeout) {
        self.user = user
        self.host = host
        self.port = port
        self.socket = socket
        self.database = database
        self.tls = tls
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// Reads a URL; every malformed part is a `MySQLLiveError.invalidURL` saying which.
    public init(parsing text: String) throws(MySQLLiveError) {
        self = try MySQLServerURLParser.parse(text)
    }

    /// Where the connection goes, for messages: `db.example.com:3306`, `[::1]:3306`, or
    /// `the socket /run/mysqld/mysqld.sock`. Never holds a password (the URL has none).
    public var target: String {
        if let socket { return "the server at socket \(socket)" }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "the server at \(shownHost):\(port)"
    }
}
