import MySQLLive
import Testing

@Suite("Server URL")
struct MySQLServerURLTests {
    @Test("A TCP URL with every part")
    func fullTCP() throws {
        let url = try MySQLServerURL(parsing: "mysql://reader@db.example.com:3307/shop?ssl-mode=verify_ca&ssl-ca=/etc/ca.pem&connect-timeout=5")
        #expect(url == MySQLServerURL(
            user: "reader", host: "db.example.com", port: 3307, database: "shop",
            tls: .init(mode: .verifyCA, certificateAuthority: "/etc/ca.pem"), connectTimeoutSeconds: 5))
        #expect(url.target == "the server at db.example.com:3307")
    }

    @Test("Defaults: port 3306, ssl-mode PREFERRED, a 10 s connect timeout")
    func defaults() throws {
        let url = try MySQLServerURL(parsing: "mysql://app@10.1.2.3/orders")
        #expect(url.port == 3306)
        #expect(url.tls == .init(mode: .preferred))
        #expect(url.connectTimeoutSeconds == 10)
        #expect(url.socket == nil)
    }

    @Test("A socket with localhost")
    func socket() throws {
        let url = try MySQLServerURL(parsing: "mysql://root@localhost/shop?socket=/run/mysqld/mysqld.sock")
        #expect(url.socket == "/run/mysqld/mysqld.sock")
        #expect(url.host == "localhost")
        #expect(url.target == "the server at socket /run/mysqld/mysqld.sock")
    }

    @Test("IPv6 hosts in brackets, with and without a port")
    func ipv6() throws {
        let withPort = try MySQLServerURL(parsing: "mysql://u@[::1]:3310/db")
        #expect(withPort.host == "::1")
        #expect(withPort.port == 3310)
        #expect(withPort.target == "the server at [::1]:3310")
        let withoutPort = try MySQLServerURL(parsing: "mysql://u@[fe80::1%25eth0]/db")
        #expect(withoutPort.host == "fe80::1%eth0")
        #expect(withoutPort.port == 3306)
    }

    @Test("Percent-encoding in the user, the database and parameter values")
    func percentEncoding() throws {
        let url = try MySQLServerURL(parsing: "mysql://app%40corp@db/my%20shop?ssl-mode=REQUIRED&ssl-cert=/c%20d/cert.pem&ssl-key=/k.pem")
        #expect(url.user == "app@corp")
        #expect(url.database == "my shop")
        #expect(url.tls.clientCertificate == "/c d/cert.pem")
        #expect(url.tls.clientKey == "/k.pem")
        let unicode = try MySQLServerURL(parsing: "mysql://u@h/caf%C3%A9")
        #expect(unicode.database == "café")
    }

    @Test("Every ssl-mode, in any case")
    func sslModes() throws {
        for mode in MySQLServerURL.SSLMode.allCases {
            let extra = mode == .verifyCA || mode == .verifyIdentity ? "&ssl-ca=/ca.pem" : ""
            let url = try MySQLServerURL(parsing: "mysql://u@h/db?ssl-mode=\(mode.rawValue.lowercased())\(extra)")
            #expect(url.tls.mode == mode)
        }
    }

    @Test("A password in the URL is refused, and never repeated in the message")
    func passwordRefused() {
        for text in ["mysql://reader:s3cret@db/shop", "mysql://reader:@db/shop", "mysql://reader:p%40ss@[::1]:1/shop"] {
            let error = #expect(throws: MySQLLiveError.self) { try MySQLServerURL(parsing: text) }
            let message = error?.message ?? ""
            #expect(message.contains("MYSQL_PWD"))
            #expect(message.contains("without echo"))
            #expect(!message.contains("s3cret") && !message.contains("p%40ss"))
        }
    }

    @Test("Each malformed URL gets its own message", arguments: [
        ("", "it is empty"),
        ("db.example.com/shop", "does not start with mysql://"),
        ("postgres://u@h/db", "the scheme is \"postgres\""),
        ("mysql://u@h", "names no database"),
        ("mysql://h/db", "names no user"),
        ("mysql://@h/db", "the user before @ is empty"),
        ("mysql://u@/db", "the host between @ and / is empty"),
        ("mysql://u@h:/db", "the port after h: is empty"),
        ("mysql://u@h:99999/db", "the port \"99999\" is not a number from 1 to 65535"),
        ("mysql://u@h:33a/db", "the port \"33a\""),
        ("mysql://u@::1/db", "more than one colon"),
        ("mysql://u@[::1/db", "has no closing ]"),
        ("mysql://u@[zz]/db", "[zz] is not an IPv6 address"),
        ("mysql://u@[::1]x/db", "after the IPv6 address"),
        ("mysql://u@ho$t/db", "the host \"ho$t\" contains characters"),
        ("mysql://u@h/", "the database after the host is empty"),
        ("mysql://u@h/a/b", "contains /; name one database"),
        ("mysql://u@h/db%2", "the database has a % not followed by two hexadecimal digits"),
        ("mysql://u@h/db%ff", "the database decodes to bytes that are not UTF-8"),
        ("mysql://u%0a@h/db", "the user decodes to a control character"),
        ("mysql://u@h/db#x", "has a fragment"),
        ("mysql://u@h/my db", "contains a space"),
        ("mysql://u@h/db?ssl", "the parameter \"ssl\" has no value"),
        ("mysql://u@h/db?sslmode=REQUIRED", "unknown parameter \"sslmode\"; known ones: ssl-mode"),
        ("mysql://u@h/db?ssl-mode=ON", "ssl-mode \"ON\" is not one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY"),
        ("mysql://u@h/db?ssl-mode=REQUIRED&ssl-mode=DISABLED", "the parameter ssl-mode is given twice"),
        ("mysql://u@h/db?ssl-ca=", "the parameter ssl-ca has an empty value"),
        ("mysql://u@h/db?connect-timeout=0", "connect-timeout \"0\" is not a whole number of seconds from 1 to 3600"),
        ("mysql://u@h/db?connect-timeout=2.5", "connect-timeout \"2.5\""),
        ("mysql://u@h/db?socket=/tmp/s.sock", "socket= needs the host localhost"),
        ("mysql://u@localhost:3306/db?socket=/tmp/s.sock", "both a port and socket= are given"),
        ("mysql://u@localhost/db?socket=tmp/s.sock", "the socket \"tmp/s.sock\" is not an absolute path"),
        ("mysql://u@h/db?ssl-mode=DISABLED&ssl-ca=/ca.pem", "ssl-mode=DISABLED turns TLS off"),
        ("mysql://u@h/db?ssl-mode=VERIFY_CA", "ssl-mode=VERIFY_CA checks the server's certificate against a CA: add ssl-ca=PATH"),
        ("mysql://u@h/db?ssl-mode=VERIFY_IDENTITY", "ssl-mode=VERIFY_IDENTITY checks"),
        ("mysql://u@h/db?ssl-cert=/c.pem", "ssl-cert and ssl-key go together"),
        ("mysql://u@h/\(String(repeating: "d", count: 65))", "longer than 64 characters"),
    ])
    func malformed(text: String, expected: String) {
        let error = #expect(throws: MySQLLiveError.self) { try MySQLServerURL(parsing: text) }
        guard case .invalidURL(let reason)? = error else {
            Issue.record("\(text): expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(reason.contains(expected), "\(text): \(reason)")
        #expect(error?.message.contains("mysql://USER@HOST[:PORT]/DATABASE") == true)
    }
}
