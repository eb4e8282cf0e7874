import DynamoDBAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How often and how patiently throttled and failing (5xx) requests are retried: up to
/// `maxAttempts` attempts, waiting `baseDelay * 2^(n-1)` seconds after the n-th failure.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval

    public init(maxAttempts: Int = 5, baseDelay: TimeInterval = 0.05) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
    }

    /// The wait after the `attempt`-th (1-based) failed attempt.
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        baseDelay * Double(1 << min(max(attempt - 1, 0), 20))
    }
}

/// The DynamoDB JSON protocol over HTTP(S): each request POSTed to the endpoint, signed with
/// Signature Version 4, sent synchronously (this is a command-line tool), retried with
/// exponential backoff while throttled or failing with a 5xx, errors mapped to `DynamoDBError`.
///
/// One `URLSession` serves every request of a transport, so its connection (and TLS session) is
/// kept open and reused: a validation run sends thousands of small requests.
public struct HTTPTransport: DynamoDBTransport {
    public let endpoint: URL
    public let signer: SigV4Signer
    public let timeout: TimeInterval
    public let retryPolicy: RetryPolicy
    private let sleep: @Sendable (TimeInterval) -> Void
    private let connection: ReusedConnection

    public init(
        endpoint: URL, credentials: AWSCredentials, region: String, timeout: TimeInterval = 15,
        retryPolicy: RetryPolicy = RetryPolicy(), sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(
            accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken, region: region, service: "dynamodb"
        )
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.sleep = sleep
        self.connection = ReusedConnection(timeout: timeout)
    }

    /// `https://dynamodb.<region>.amazonaws.com`.
    public static func defaultEndpoint(region: String) -> URL {
        URL(string: "https://dynamodb.\(region).amazonaws.com")!
    }

    public func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
        try Self.withRetries(policy: retryPolicy, sleep: sleep) { () throws(DynamoDBError) -> (statusCode: Int, body: [UInt8]) in
            try sendOnce(operation: operation, body: body)
        }
    }

    /// Runs `sendOnce` until it answers 2xx, retrying throttling errors and 5xx responses with
    /// exponential backoff. Returns the successful body; throws the mapped error otherwise
    /// (`.throttled` when still throttled after the last attempt). Errors thrown by `sendOnce`
    /// itself (an unreachable endpoint) are not retried.
    public static func withRetries(
        policy: RetryPolicy, sleep: (TimeInterval) -> Void,
        sendOnce: () throws(DynamoDBError) -> (statusCode: Int, body: [UInt8])
    ) throws(DynamoDBError) -> [UInt8] {
        var attempt = 0
        while true {
            attempt += 1
            let response = try sendOnce()
            if (200..<300).contains(response.statusCode) { return response.body }
            guard DynamoDBError.isRetryable(statusCode: response.statusCode, body: response.body), attempt < policy.maxAttempts else {
                throw DynamoDBError.from(statusCode: response.statusCode, body: response.body, attempts: attempt)
            }
            sleep(policy.delay(afterAttempt: attempt))
        }
    }

    /// One signed POST; the status and body, or `.endpointUnreachable`.
    func sendOnce(operation: String, body: [UInt8]) throws(DynamoDBError) -> (statusCode: Int, body: [UInt8]) {
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        let headers = signer.sign(
            method: "POST", url: endpoint,
            headers: [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.\(operation)")],
            body: body, date: Date()
        )
        // URLSession derives Host from the URL (the same value that was signed).
        for (name, value) in headers where name.lowercased() != "host" {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = Data(body)

        let (task, collector) = connection.start(request)
        if collector.done.wait(timeout: .now() + timeout * 2 + 1) == .timedOut {
            task.cancel()
            connection.finish(task)
            throw .endpointUnreachable(endpoint: endpoint.absoluteString, reason: "no answer within \(Int(timeout * 2)) seconds")
        }
        connection.finish(task)
        let (data, response, error) = collector.result()
        if let error {
            throw .endpointUnreachable(endpoint: endpoint.absoluteString, reason: Self.describe(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw .invalidResponse(reason: "not an HTTP response from \(endpoint.absoluteString)")
        }
        if (300..<400).contains(http.statusCode) {
            let location = http.value(forHTTPHeaderField: "Location").map { " to \($0)" } ?? ""
            throw .invalidResponse(reason: "\(endpoint.absoluteString) answered with a redirect (HTTP \(http.statusCode))\(location); ddbmodel does not follow redirects, so nothing was sent there. Pass the address that answers itself as --endpoint")
        }
        return (http.statusCode, [UInt8](data))
    }

    private static func describe(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return String(describing: error) }
        switch urlError.code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .timedOut: return "timed out"
        case .notConnectedToInternet, .networkConnectionLost: return "network unavailable"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS connection failed"
        default: return urlError.localizedDescription
        }
    }

    /// Whether the URL's host is a loopback address: 127.0.0.0/8, `::1`, or `localhost` /
    /// `*.localhost` when every address it resolves to is one of those.
    ///
    /// A name is only trusted after resolving it: `*.localhost` is loopback by convention, not by
    /// every resolver (a DNS server may answer anything for it). Other names are never loopback.
    public static func isLoopback(_ url: URL, resolve: (String) -> [[UInt8]]? = HTTPTransport.resolveAddresses) -> Bool {
        loopbackURL(url, resolve: resolve) != nil
    }

    /// `url` with its host replaced by the loopback address it names, or nil when it is not on
    /// this machine.
    ///
    /// Connecting to the address that was checked, rather than to the name, keeps a second
    /// resolution (by URLSession, moments later) from pointing the requests somewhere else.
    public static func loopbackURL(_ url: URL, resolve: (String) -> [[UInt8]]? = HTTPTransport.resolveAddresses) -> URL? {
        guard var host = url.host?.lowercased() else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) {
            return octets[0] == "127" ? url : nil
        }
        if host.contains(":") {
            // ::1 in any spelling: every 16-bit group zero except a final 1.
            return expandIPv6(host) == [0, 0, 0, 0, 0, 0, 0, 1] ? url : nil
        }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        guard name == "localhost" || name.hasSuffix(".localhost") else { return nil }
        guard let addresses = resolve(name), !addresses.isEmpty, addresses.allSatisfy(isLoopbackAddress) else { return nil }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.host = addressText(addresses[0])
        return components?.url
    }

    /// Every address `getaddrinfo` gives for `name` (4 bytes for IPv4, 16 for IPv6), or nil when
    /// it does not resolve.
    public static func resolveAddresses(_ name: String) -> [[UInt8]]? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let address = current.pointee.ai_addr {
                switch Int32(current.pointee.ai_family) {
                case AF_INET:
                    var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    addresses.append(withUnsafeBytes(of: &ipv4) { Array($0) })
                case AF_INET6:
                    var ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    addresses.append(withUnsafeBytes(of: &ipv6) { Array($0) })
                default:
                    break
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// 127.0.0.0/8, `::1`, or an IPv4-mapped 127.0.0.0/8 (`::ffff:127.0.0.1`).
    static func isLoopbackAddress(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 4 { return bytes[0] == 127 }
        guard bytes.count == 16 else { return false }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
    }

    /// `127.0.0.1`, or `[::1]` (bracketed, as a URL's host).
    static func addressText(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        return "[::1]"
    }

    private static func expandIPv6(_ text: String) -> [UInt16]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
        return head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}

/// The one `URLSession` of a transport, invalidated when the last copy of the transport goes.
///
/// The session keeps its delegate (`TaskRouter`) until invalidated; the router holds no
/// reference back, so nothing keeps this object alive past its last transport.
private final class ReusedConnection: Sendable {
    private let session: URLSession
    private let router = TaskRouter()

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// Starts `request` on the shared session; the collector signals when it has finished.
    func start(_ request: URLRequest) -> (URLSessionDataTask, ResponseCollector) {
        let collector = ResponseCollector()
        let task = session.dataTask(with: request)
        router.track(task, with: collector)
        task.resume()
        return (task, collector)
    }

    /// Forgets a task once its caller is done with it.
    func finish(_ task: URLSessionTask) { router.forget(task) }
}

/// The session's delegate: hands each task's events to its collector, and refuses redirects (a
/// delegate, not a completion handler, is what URLSession asks before following one).
private final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // `collectors` is only touched with `lock` held (events arrive on URLSession's queue).
    private let lock = NSLock()
    private var collectors: [Int: ResponseCollector] = [:]

    func track(_ task: URLSessionTask, with collector: ResponseCollector) {
        lock.lock()
        collectors[task.taskIdentifier] = collector
        lock.unlock()
    }

    func forget(_ task: URLSessionTask) {
        lock.lock()
        collectors[task.taskIdentifier] = nil
        lock.unlock()
    }

    private func collector(for task: URLSessionTask) -> ResponseCollector? {
        lock.lock()
        defer { lock.unlock() }
        return collectors[task.taskIdentifier]
    }

    /// Following a redirect would send the signed request (the `Authorization` header and the
    /// body) to wherever the endpoint points, on this machine or off it: an endpoint checked as
    /// loopback could hand the caller's credentials to any host. Refusing makes the 3xx itself
    /// the response.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        collector(for: dataTask)?.received(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        collector(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        collector(for: task)?.completed(error: error, response: task.response)
    }
}

/// One task's response and body, and a signal for when it is done.
private final class ResponseCollector: @unchecked Sendable {
    // Written on URLSession's delegate queue, read by the waiting thread after `done`.
    private let lock = NSLock()
    private var data = Data()
    private var response: URLResponse?
    private var error: (any Error)?
    let done = DispatchSemaphore(value: 0)

    func received(_ response: URLResponse) {
        lock.lock()
        self.response = response
        lock.unlock()
    }

    func received(_ data: Data) {
        lock.lock()
        self.data.append(data)
        lock.unlock()
    }

    func completed(error: (any Error)?, response: URLResponse?) {
        lock.lock()
        self.error = error
        if self.response == nil { self.response = response }
        lock.unlock()
        done.signal()
    }

    func result() -> (Data, URLResponse?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
