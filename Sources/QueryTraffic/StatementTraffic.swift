/// The measured traffic of one kind of statement (one fingerprint) over a window.
public struct StatementTraffic: Sendable, Equatable {
    /// The normalized text: literals as `?`, `IN` lists collapsed, whitespace and case of
    /// keywords normalized (`QueryFingerprint`); the key statements are grouped by.
    public var fingerprint: String
    /// One statement of the group as it was seen (a digest's text, or a logged literal query),
    /// kept for the parser and for showing the user.
    public var example: String
    /// The default database the statements ran in, when known.
    public var schema: String?
    /// How many times it ran in the window.
    public var calls: Int
    /// `calls` over the window's length.
    public var averageRPS: Double
    /// The highest rate over any one measuring interval (a second for logs, the time between
    /// two snapshots for performance_schema).
    public var peakRPS: Double
    /// Rows returned per call, when the source records it.
    public var rowsSentPerCall: Double?
    /// Rows read per call, when the source records it.
    public var rowsExaminedPerCall: Double?
    /// The calls in each measuring interval that had any, by the interval's index from the
    /// window's start (sparse, ascending). Statements merged into one pattern add these up
    /// interval by interval, so the merged peak is the true peak, not a sum of peaks.
    public var intervalCalls: [IntervalCalls]

    public init(
        fingerprint: String, example: String, schema: String? = nil, calls: Int, averageRPS: Double, peakRPS: Double,
        rowsSentPerCall: Double? = nil, rowsExaminedPerCall: Double? = nil, intervalCalls: [IntervalCalls] = []
    ) {
        self.fingerprint = fingerprint
        self.example = example
        self.schema = schema
        self.calls = calls
        self.averageRPS = averageRPS
        self.peakRPS = peakRPS
        self.rowsSentPerCall = rowsSentPerCall
        self.rowsExaminedPerCall = rowsExaminedPerCall
        self.intervalCalls = intervalCalls
    }
}

/// The calls of one statement in one measuring interval.
public struct IntervalCalls: Sendable, Equatable, Codable {
    /// The interval's index from the window's start (0 is the first).
    public var interval: Int
    public var calls: Int

    public init(interval: Int, calls: Int) {
        self.interval = interval
        self.calls = calls
    }
}

/// Where a measurement came from.
public enum TrafficSource: String, Sendable, Equatable {
    case performanceSchema = "performance_schema"
    case slowLog = "slow query log"
    case generalLog = "general query log"
    case capture = "capture script"
}

/// Every statement measured over one window, with the window itself.
public struct TrafficWindow: Sendable, Equatable {
    public var source: TrafficSource
    /// Start and end of the window, in seconds since 1970 (UTC).
    public var start: Double
    public var end: Double
    /// The length asked for (`--sample 10m`); nil for logs, whose window is what they hold.
    public var requestedSeconds: Double?
    /// The measuring interval the peak is taken over (1 for logs, the snapshot interval else).
    public var peakIntervalSeconds: Double
    /// Statements, most calls first, then by fingerprint (deterministic).
    public var statements: [StatementTraffic]

    public init(
        source: TrafficSource, start: Double, end: Double, requestedSeconds: Double? = nil,
        peakIntervalSeconds: Double, statements: [StatementTraffic]
    ) {
        self.source = source
        self.start = start
        self.end = end
        self.requestedSeconds = requestedSeconds
        self.peakIntervalSeconds = peakIntervalSeconds
        self.statements = statements
    }

    /// The window's length in seconds.
    public var seconds: Double { end - start }

    /// Ended before the length asked for (Ctrl-C while sampling).
    public var endedEarly: Bool {
        guard let requestedSeconds else { return false }
        return seconds + 0.5 < requestedSeconds
    }
}

/// Cumulative counters of one digest at one moment, as performance_schema keeps them (and as
/// the capture script prints them).
public struct DigestCounters: Sendable, Equatable {
    /// performance_schema's DIGEST (hash) when known, else the digest text; what snapshots are
    /// matched by.
    public var key: String
    public var schema: String?
    public var digestText: String
    public var calls: Int
    public var rowsSent: Int
    public var rowsExamined: Int

    public init(key: String, schema: String?, digestText: String, calls: Int, rowsSent: Int, rowsExamined: Int) {
        self.key = key
        self.schema = schema
        self.digestText = digestText
        self.calls = calls
        self.rowsSent = rowsSent
        self.rowsExamined = rowsExamined
    }
}

/// All digests' counters at one moment (seconds since 1970, UTC).
public struct TrafficSnapshot: Sendable, Equatable {
    public var time: Double
    public var digests: [DigestCounters]

    public init(time: Double, digests: [DigestCounters]) {
        self.time = time
        self.digests = digests
    }
}
