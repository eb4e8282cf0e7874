/// The reading of `MySQLServerURL`'s text, part by part, each failure naming its part.
enum MySQLServerURLParser {
    static let parameters = ["ssl-mode", "ssl-ca", "ssl-cert", "ssl-key", "connect-timeout", "socket"]

    static func parse(_ text: String) throws(MySQLLiveError) -> MySQLServerURL {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw invalid("it is empty") }
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw invalid("it does not start with mysql://")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "mysql" else {
            throw invalid("the scheme is \"\(trimmed[..<schemeEnd.lowerBound])\"; only mysql:// is read")
        }
        var rest = Substring(trimmed[schemeEnd.upperBound...])
        if rest.contains("#") { throw invalid("it has a fragment (#...); a server URL has none") }
        if rest.contains(where: { $0.isWhitespace }) {
            throw invalid("it contains a space; write a space in a name as %20")
        }

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw invalid("it names no database; add /DATABASE after the host")
        }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]

        guard let at = authority.lastIndex(of: "@") else {
            throw invalid("it names no user; write USER@ before the host")
        }
        let userInfo = authority[..<at]
        if userInfo.contains(":") {
            throw invalid("it contains a password (USER:PASSWORD@); a password in a URL stays in the shell's history "
                + "and the process list, so it is not accepted. Set MYSQL_PWD, or leave it out to be asked for it "
                + "without echo")
        }
        let user = try decode(userInfo, part: "the user")
        guard !user.isEmpty else { throw invalid("the user before @ is empty") }
        guard user.count <= 80 else { throw invalid("the user name is longer than 80 characters") }

        let (host, port) = try hostAndPort(authority[authority.index(after: at)...])
        let database = try decode(path, part: "the database")
        guard !database.isEmpty else { throw invalid("the database after the host is empty") }
        guard !database.contains("/") else { throw invalid("the database \"\(database)\" contains /; name one database") }
        guard database.count <= 64 else { throw invalid("the database name is longer than 64 characters, MySQL's limit") }

        var url = MySQLServerURL(user: user, host: host, port: port ?? MySQLServerURL.defaultPort, database: database)
        try apply(query: query, to: &url, portGiven: port != nil)
        return url
    }

    private static func hostAndPort(_ text: Substring) throws(MySQLLiveError) -> (String, Int?) {
        guard !text.isEmpty else { throw invalid("the host between @ and / is empty") }
        var host: String
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw invalid("the IPv6 address \(text) has no closing ]") }
            host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected \"\(after)\" after the IPv6 address") }
                portText = after.dropFirst()
            }
            // A zone (RFC 6874: `[fe80::1%25eth0]`) names the interface of a link-local address.
            var zone: Substring?
            if let percent = host.range(of: "%25") {
                zone = host[percent.upperBound...]
                host = String(host[..<percent.lowerBound])
            }
            guard !host.isEmpty, host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }),
                  zone.map({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } }) ?? true
            else { throw invalid("[\(text.dropFirst().prefix { $0 != "]" })] is not an IPv6 address") }
            if let zone { host += "%" + zone }
        } else {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else {
                throw invalid("the host \"\(text)\" has more than one colon; write an IPv6 address in brackets, [::1]")
            }
            host = try decode(pieces[0], part: "the host")
            if pieces.count == 2 { portText = pieces[1] }
            guard !host.isEmpty else { throw invalid("the host between @ and : is empty") }
            guard host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else {
                throw invalid("the host \"\(host)\" contains characters a host name cannot have")
            }
        }
        guard let portText else { return (host, nil) }
        guard !portText.isEmpty else { throw invalid("the port after \(host): is empty") }
        guard portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65535).contains(port) else {
            throw invalid("the port \"\(portText)\" is not a number from 1 to 65535")
        }
        return (host, port)
    }

    private static func apply(query: Substring, to url: inout MySQLServerURL, portGiven: Bool) throws(MySQLLiveError) {
        var seen = Set<String>()
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) where !(query.isEmpty && pair.isEmpty) {
            guard let equals = pair.firstIndex(of: "=") else {
                throw invalid("the parameter \"\(pair)\" has no value; write NAME=VALUE")
            }
            let name = pair[..<equals].lowercased()
            let value = try decode(pair[pair.index(after: equals)...], part: "the value of \(name)")
            guard parameters.contains(name) else {
                throw invalid("unknown parameter \"\(pair[..<equals])\"; known ones: \(parameters.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw invalid("the parameter \(name) is given twice") }
            guard !value.isEmpty else { throw invalid("the parameter \(name) has an empty value") }
            switch name {
            case "ssl-mode":
                guard let mode = MySQLServerURL.SSLMode(rawValue: value.uppercased()) else {
                    throw invalid("ssl-mode \"\(value)\" is not one of "
                        + MySQLServerURL.SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                url.tls.mode = mode
            case "ssl-ca": url.tls.certificateAuthority = value
            case "ssl-cert": url.tls.clientCertificate = value
            case "ssl-key": url.tls.clientKey = value
            case "connect-timeout":
                guard value.allSatisfy(\.isASCIIDigit), let seconds = Int(value), (1...3600).contains(seconds) else {
                    throw invalid("connect-timeout \"\(value)\" is not a whole number of seconds from 1 to 3600")
                }
                url.connectTimeoutSeconds = seconds
            default:
                guard value.hasPrefix("/") else { throw invalid("the socket \"\(value)\" is not an absolute path") }
                url.socket = value
            }
        }
        try check(url, portGiven: portGiven)
    }

    /// Parameters that contradict each other or the address.
    private static func check(_ url: MySQLServerURL, portGiven: Bool) throws(MySQLLiveError) {
        if url.socket != nil {
            guard url.host == "localhost" else {
                throw invalid("socket= needs the host localhost (a socket is on this machine), not \(url.host)")
            }
            guard !portGiven else { throw invalid("both a port and socket= are given; a socket has no port") }
        }
        let tls = url.tls
        if tls.mode == .disabled,
           tls.certificateAuthority != nil || tls.clientCertificate != nil || tls.clientKey != nil {
            throw invalid("ssl-mode=DISABLED turns TLS off, yet ssl-ca, ssl-cert or ssl-key is given")
        }
        if (tls.mode == .verifyCA || tls.mode == .verifyIdentity) && tls.certificateAuthority == nil {
            throw invalid("ssl-mode=\(tls.mode.rawValue) checks the server's certificate against a CA: add "
                + "ssl-ca=PATH (the CA certificate file, PEM)")
        }
        if (tls.clientCertificate == nil) != (tls.clientKey == nil) {
            throw invalid("ssl-cert and ssl-key go together (a client certificate and its key)")
        }
    }

    /// Percent-decoding as UTF-8; a `%` not followed by two hex digits, or bytes that are not
    /// UTF-8, are errors naming the part.
    static func decode(_ text: Substring, part: String) throws(MySQLLiveError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let high = hexValue(utf8[first]), let low = hexValue(utf8[utf8.index(after: first)])
                else { throw invalid("\(part) has a % not followed by two hexadecimal digits") }
                bytes.append(high << 4 | low)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw invalid("\(part) decodes to bytes that are not UTF-8")
        }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw invalid("\(part) decodes to a control character")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func invalid(_ reason: String) -> MySQLLiveError { .invalidURL(reason: reason) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
