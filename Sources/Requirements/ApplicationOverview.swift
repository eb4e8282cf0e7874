/// What the application is and how big it gets: the first section of the requirements.
public struct ApplicationOverview: Codable, Sendable, Equatable {
    public var domain: String?
    /// Business context and the critical rules and constraints the data must respect.
    public var businessContext: String?
    public var expectedUsers: Estimate?
    /// Total requests per second at peak, across all patterns.
    public var peakRequestsPerSecond: Estimate?

    public init(
        domain: String? = nil, businessContext: String? = nil, expectedUsers: Estimate? = nil,
        peakRequestsPerSecond: Estimate? = nil
    ) {
        self.domain = domain
        self.businessContext = businessContext
        self.expectedUsers = expectedUsers
        self.peakRequestsPerSecond = peakRequestsPerSecond
    }

    enum CodingKeys: String, CodingKey {
        case domain
        case businessContext = "business_context"
        case expectedUsers = "expected_users"
        case peakRequestsPerSecond = "peak_rps"
    }
}

/// A gap the user looked at and accepted, with their reason (for example "created by the nightly
/// import job"). Accepted gaps no longer block the requirements gate and are listed in the document.
public struct AcceptedGap: Codable, Sendable, Equatable {
    public var gapID: String
    public var reason: String

    public init(gapID: String, reason: String) {
        self.gapID = gapID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case gapID = "gap_id"
        case reason
    }
}
