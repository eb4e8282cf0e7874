import JSONCore

/// Why a DynamoDB request failed, specific enough to tell the user what to do.
public enum DynamoDBError: Error, Sendable, Equatable {
    /// Nothing answered at the endpoint (refused, host unknown, timed out, TLS failure).
    case endpointUnreachable(endpoint: String, reason: String)
    /// The service rejected the credentials or the signature: `UnrecognizedClientException`,
    /// `InvalidSignatureException`, `MissingAuthenticationToken`, `AccessDeniedException`,
    /// `ExpiredTokenException` and the like.
    case authenticationFailed(type: String, message: String)
    /// No credentials could be found in the environment or the shared credentials file.
    case credentialsNotFound(reason: String)
    /// Still throttled (`ProvisionedThroughputExceededException`, `ThrottlingException`,
    /// `RequestLimitExceeded`) after `attempts` attempts with backoff.
    case throttled(type: String, attempts: Int, message: String)
    /// `ResourceInUseException`: the table already exists (or is being created or deleted).
    case tableAlreadyExists(message: String)
    /// `ResourceNotFoundException`: the table or index does not exist.
    case resourceNotFound(message: String)
    /// `ConditionalCheckFailedException`.
    case conditionalCheckFailed(message: String)
    /// `TransactionCanceledException`, with one reason per item of the transaction.
    case transactionCanceled(message: String, reasons: [CancellationReason])
    /// `ValidationException`: the request itself is malformed.
    case validation(message: String)
    /// Any other error the service reported.
    case serviceError(type: String, message: String, statusCode: Int)
    /// The response could not be understood.
    case invalidResponse(reason: String)

    /// One item's outcome in a canceled transaction (`.none` for items that were fine).
    public struct CancellationReason: Sendable, Equatable {
        public var code: CancellationCode
        public var message: String?
        /// The item as it was, when the action asked for `ReturnValuesOnConditionCheckFailure: ALL_OLD`.
        public var item: Item?

        public init(code: CancellationCode, message: String? = nil, item: Item? = nil) {
            self.code = code
            self.message = message
            self.item = item
        }
    }

    /// A sentence for the user.
    public var message: String {
        switch self {
        case let .endpointUnreachable(endpoint, reason):
            return "Cannot reach the DynamoDB endpoint \(endpoint): \(reason)."
        case let .authenticationFailed(type, message):
            return "Authentication failed (\(type)): \(message). Check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or the AWS_PROFILE in use."
        case let .credentialsNotFound(reason):
            return "No AWS credentials: \(reason)."
        case let .throttled(type, attempts, message):
            return "DynamoDB kept throttling the requests (\(type)) after \(attempts) attempts: \(message)."
        case let .tableAlreadyExists(message):
            return "The table already exists (ResourceInUseException): \(message)."
        case let .resourceNotFound(message):
            return "Not found (ResourceNotFoundException): \(message)."
        case let .conditionalCheckFailed(message):
            return "The condition check failed: \(message)."
        case let .transactionCanceled(message, reasons):
            let codes = reasons.enumerated().map { index, reason in
                "item \(index + 1): \(reason.code.rawValue)" + (reason.message.map { " (\($0))" } ?? "")
            }
            return "The transaction was canceled: \(message)" + (codes.isEmpty ? "." : " [" + codes.joined(separator: "; ") + "].")
        case let .validation(message):
            return "DynamoDB rejected the request (ValidationException): \(message)."
        case let .serviceError(type, message, statusCode):
            return "DynamoDB error \(type) (HTTP \(statusCode)): \(message)."
        case let .invalidResponse(reason):
            return "DynamoDB sent a response that could not be read: \(reason)."
        }
    }

    static let authenticationTypes: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "AccessDenied", "AccessDeniedException", "ExpiredToken",
        "ExpiredTokenException", "IncompleteSignature", "IncompleteSignatureException", "InvalidClientTokenId",
        "SignatureDoesNotMatch",
    ]
    static let throttlingTypes: Set<String> = [
        "ProvisionedThroughputExceededException", "ThrottlingException", "Throttling", "RequestLimitExceeded",
    ]

    /// The short error type (`ResourceInUseException`), the message and the whole object of an
    /// error body such as `{"__type": "com.amazonaws.dynamodb.v20120810#ResourceInUseException",
    /// "message": "..."}` (the message key is `message` or `Message`), or nil when the body is
    /// not such an object.
    static func errorType(body: [UInt8]) -> (type: String, message: String, object: OrderedJSON)? {
        guard let object = try? OrderedJSON.parse(body), let fullType = object.member("__type")?.stringText else { return nil }
        let type = fullType.split(separator: "#").last.map(String.init) ?? fullType
        let message = object.member("message")?.stringText ?? object.member("Message")?.stringText ?? ""
        return (type, message, object)
    }

    /// Whether a response with this status and body is worth retrying (throttling or a 5xx).
    public static func isRetryable(statusCode: Int, body: [UInt8]) -> Bool {
        if statusCode >= 500 { return true }
        if let type = errorType(body: body)?.type, throttlingTypes.contains(type) { return true }
        return false
    }

    /// The error an unsuccessful response stands for. Throttling maps to `.throttled` with the
    /// given attempt count.
    public static func from(statusCode: Int, body: [UInt8], attempts: Int = 1) -> DynamoDBError {
        guard let (type, message, object) = errorType(body: body) else {
            let text = String(decoding: body.prefix(300), as: UTF8.self)
            if statusCode == 403 { return .authenticationFailed(type: "HTTP 403", message: text) }
            return .serviceError(type: "HTTP \(statusCode)", message: text, statusCode: statusCode)
        }
        if authenticationTypes.contains(type) { return .authenticationFailed(type: type, message: message) }
        if throttlingTypes.contains(type) { return .throttled(type: type, attempts: attempts, message: message) }
        switch type {
        case "ResourceInUseException": return .tableAlreadyExists(message: message)
        case "ResourceNotFoundException": return .resourceNotFound(message: message)
        case "ConditionalCheckFailedException": return .conditionalCheckFailed(message: message)
        case "ValidationException": return .validation(message: message)
        case "TransactionCanceledException":
            let reasons = (object.member("CancellationReasons")?.arrayItems ?? []).map { reason in
                CancellationReason(
                    code: CancellationCode(rawValue: reason.member("Code")?.stringText ?? "None"), message: reason.member("Message")?.stringText,
                    item: reason.member("Item").flatMap { try? DynamoDBWire.decodeItem($0, path: "Item") }
                )
            }
            return .transactionCanceled(message: message, reasons: reasons)
        default: return .serviceError(type: type, message: message, statusCode: statusCode)
        }
    }
}

/// Why one item of a transaction was cancelled: the `Code` of a cancellation reason, as the
/// DynamoDB API reference lists them, so callers match cases instead of comparing text.
public enum CancellationCode: Sendable, Equatable, Hashable {
    /// The item was fine; another one cancelled the transaction.
    case none
    case conditionalCheckFailed
    case itemCollectionSizeLimitExceeded
    case transactionConflict
    case provisionedThroughputExceeded
    case throttlingError
    case validationError
    /// A code this client does not know (a newer service), kept as sent.
    case other(String)

    private static let known: [(CancellationCode, String)] = [
        (.none, "None"), (.conditionalCheckFailed, "ConditionalCheckFailed"),
        (.itemCollectionSizeLimitExceeded, "ItemCollectionSizeLimitExceeded"), (.transactionConflict, "TransactionConflict"),
        (.provisionedThroughputExceeded, "ProvisionedThroughputExceeded"), (.throttlingError, "ThrottlingError"),
        (.validationError, "ValidationError"),
    ]

    public init(rawValue: String) {
        self = Self.known.first { $0.1 == rawValue }?.0 ?? .other(rawValue)
    }

    /// The code as the wire spells it.
    public var rawValue: String {
        if case .other(let text) = self { return text }
        return Self.known.first { $0.0 == self }?.1 ?? ""
    }
}
