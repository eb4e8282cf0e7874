import Digests
import Foundation

/// AWS Signature Version 4 for requests signed in the `Authorization` header: the canonical
/// request, the string to sign, the derived signing key and the signature. Checked against AWS's
/// published `aws-sig-v4-test-suite` vectors.
public struct SigV4Signer: Sendable {
    public let accessKeyID: String
    public let secretAccessKey: String
    public let sessionToken: String?
    public let region: String
    public let service: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, region: String, service: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// The steps of one signature, kept for tests and diagnostics.
    struct Signature: Sendable {
        var canonicalRequest: String
        var stringToSign: String
        var signedHeaders: String
        var signature: String
        var authorization: String
        /// Every header to send: the caller's, `Host` (when the caller gave none), `X-Amz-Date`,
        /// `X-Amz-Security-Token` and `X-Amz-Content-Sha256` when used, and `Authorization`.
        var headers: [(String, String)]
    }

    /// The headers to send with the request: the given ones plus `Host` (unless given),
    /// `X-Amz-Date`, `X-Amz-Security-Token` (with a session token), `X-Amz-Content-Sha256` (when
    /// `includeContentSHA256`) and `Authorization`. Every header in the result except
    /// `Authorization` is signed.
    public func sign(
        method: String, url: URL, headers: [(String, String)], body: [UInt8], date: Date, includeContentSHA256: Bool = false
    ) -> [(String, String)] {
        signature(method: method, url: url, headers: headers, body: body, date: date, includeContentSHA256: includeContentSHA256).headers
    }

    func signature(
        method: String, url: URL, headers: [(String, String)], body: [UInt8], date: Date, includeContentSHA256: Bool = false
    ) -> Signature {
        let (amzDate, day) = Self.timestamps(date)
        let payloadHash = SHA256.hex(body)
        var all = headers
        let lowerNames = Set(headers.map { $0.0.lowercased() })
        if !lowerNames.contains("host") { all.insert(("Host", Self.hostHeader(url)), at: 0) }
        if !lowerNames.contains("x-amz-date") { all.append(("X-Amz-Date", amzDate)) }
        if let sessionToken, !lowerNames.contains("x-amz-security-token") { all.append(("X-Amz-Security-Token", sessionToken)) }
        if includeContentSHA256, !lowerNames.contains("x-amz-content-sha256") { all.append(("X-Amz-Content-Sha256", payloadHash)) }

        // Canonical headers: lower-cased names, trimmed values with runs of spaces collapsed,
        // repeated names joined with commas, sorted by name.
        var grouped: [String: [String]] = [:]
        for (name, value) in all { grouped[name.lowercased(), default: []].append(Self.canonicalHeaderValue(value)) }
        let names = grouped.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(grouped[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let canonicalRequest = [
            method.uppercased(),
            Self.canonicalURI(components?.percentEncodedPath ?? ""),
            Self.canonicalQuery(components?.percentEncodedQuery),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, SHA256.hex(Array(canonicalRequest.utf8))].joined(separator: "\n")
        let signature = hexString(HMACSHA256.authenticationCode(key: signingKey(day: day), message: Array(stringToSign.utf8)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        all.append(("Authorization", authorization))
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signedHeaders: signedHeaders,
            signature: signature, authorization: authorization, headers: all
        )
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    func signingKey(day: String) -> [UInt8] {
        var key = HMACSHA256.authenticationCode(key: Array("AWS4\(secretAccessKey)".utf8), message: Array(day.utf8))
        for part in [region, service, "aws4_request"] {
            key = HMACSHA256.authenticationCode(key: key, message: Array(part.utf8))
        }
        return key
    }

    /// `20150830T123600Z` and `20150830`, in UTC.
    static func timestamps(_ date: Date) -> (amzDate: String, day: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let day = pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2)
        return (day + "T" + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2) + "Z", day)
    }

    /// The `Host` header for a URL: the host, with the port when it is not the scheme's default.
    static func hostHeader(_ url: URL) -> String {
        var host = url.host ?? ""
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
        return "\(host):\(port)"
    }

    static func canonicalHeaderValue(_ value: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in value.trimmingCharacters(in: .whitespaces) {
            if character == " " || character == "\t" {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }

    /// The path with every segment URI-encoded once (non-S3 services encode the already-encoded
    /// path again; a DynamoDB endpoint's path is always `/`, so the double encoding never matters).
    static func canonicalURI(_ percentEncodedPath: String) -> String {
        guard !percentEncodedPath.isEmpty else { return "/" }
        let segments = percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            uriEncode(String(segment).removingPercentEncoding ?? String(segment))
        }
        return segments.joined(separator: "/")
    }

    /// Parameters decoded, re-encoded the AWS way, sorted by name then value.
    static func canonicalQuery(_ percentEncodedQuery: String?) -> String {
        guard let query = percentEncodedQuery, !query.isEmpty else { return "" }
        let pairs: [(String, String)] = query.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let plain = String(text)
                return plain.removingPercentEncoding ?? plain
            }
            return (uriEncode(decode(parts[0])), parts.count > 1 ? uriEncode(decode(parts[1])) : "")
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Percent-encodes everything except the unreserved characters `A-Z a-z 0-9 - _ . ~`.
    static func uriEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let digits = Array("0123456789ABCDEF")
                result.append("%")
                result.append(digits[Int(byte >> 4)])
                result.append(digits[Int(byte & 0x0f)])
            }
        }
        return result
    }
}
