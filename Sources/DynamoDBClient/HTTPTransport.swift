import DynamoDBAPI
import Foundation
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
public struct HTTPTransport: DynamoDBTransport {
    public let endpoint: URL
    public let signer: SigV4Signer
    public let timeout: TimeInterval
    public let retryPolicy: RetryPolicy
    private let sleep: @Sendable (TimeInterval) -> Void

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

        let box = ResponseBox()
        let semaphore = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response, error: error)
            semaphore.signal()
        }
        task.resume()
        if semaphore.wait(timeout: .now() + timeout * 2 + 1) == .timedOut {
            task.cancel()
            throw .endpointUnreachable(endpoint: endpoint.absoluteString, reason: "no answer within \(Int(timeout * 2)) seconds")
        }
        let (data, response, error) = box.get()
        if let error {
            throw .endpointUnreachable(endpoint: endpoint.absoluteString, reason: Self.describe(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw .invalidResponse(reason: "not an HTTP response from \(endpoint.absoluteString)")
        }
        return (http.statusCode, [UInt8](data ?? Data()))
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

    /// Whether the URL's host is a loopback address: `localhost`, 127.0.0.0/8 or `::1`.
    public static func isLoopback(_ url: URL) -> Bool {
        guard var host = url.host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") || host == "localhost." { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) {
            return octets[0] == "127"
        }
        if host.contains(":") {
            // ::1 in any spelling: every 16-bit group zero except a final 1.
            let expanded = expandIPv6(host)
            return expanded == [0, 0, 0, 0, 0, 0, 0, 1]
        }
        return false
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

/// The completion handler's results, handed to the waiting thread.
private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: URLResponse?, error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.response = response
        self.error = error
    }

    func get() -> (Data?, URLResponse?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
