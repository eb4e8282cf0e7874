/// Where a pattern's traffic figures come from when they were measured rather than typed in:
/// the window, the source and the statements it counted (docs/mysql-traffic.md).
public struct MeasuredTraffic: Codable, Sendable, Equatable {
    /// `performance_schema`, `slow query log`, `general query log` or `capture script`.
    public var source: String
    /// The window's length in seconds.
    public var windowSeconds: Double
    /// The window's end, ISO 8601 in UTC to the minute: `2026-12-05T10:00Z`.
    public var windowEnd: String
    /// The window ended before the length asked for (sampling interrupted).
    public var endedEarly: Bool
    /// Calls of the pattern's statements in the window.
    public var calls: Int
    /// The peak and average as measured, so a figure changed by hand later shows as such.
    public var peakRPS: Double
    public var averageRPS: Double
    /// The statements counted, as normalized text, busiest first.
    public var statements: [String]

    public init(
        source: String, windowSeconds: Double, windowEnd: String, endedEarly: Bool, calls: Int,
        peakRPS: Double, averageRPS: Double, statements: [String]
    ) {
        self.source = source
        self.windowSeconds = windowSeconds
        self.windowEnd = windowEnd
        self.endedEarly = endedEarly
        self.calls = calls
        self.peakRPS = peakRPS
        self.averageRPS = averageRPS
        self.statements = statements
    }

    /// `measured: 10-minute window ending 2026-12-05T10:00Z, 4,812 calls (performance_schema)`;
    /// a window cut short says so.
    public var text: String {
        var words = "measured: " + Self.duration(windowSeconds) + " window ending " + windowEnd
        if endedEarly { words += " (ended early)" }
        words += ", " + Self.grouped(calls) + (calls == 1 ? " call" : " calls") + " (" + source + ")"
        return words
    }

    /// Whether the pattern's figures are still the measured ones.
    public func matches(peak: Estimate?, average: Estimate?) -> Bool {
        peak?.value == peakRPS && average?.value == averageRPS
    }

    /// `10-minute`, `90-second`, `2-hour`, `1.5-hour`: the window's length as a compound adjective.
    static func duration(_ seconds: Double) -> String {
        let rounded = seconds.rounded()
        if rounded < 120 { return NumberFormatting.plain(rounded) + "-second" }
        if rounded < 7_200 { return NumberFormatting.plain((rounded / 6).rounded() / 10) + "-minute" }
        return NumberFormatting.plain((rounded / 360).rounded() / 10) + "-hour"
    }

    /// `4,812`: thousands separated, as people read counts.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (number < 0 ? "-" : "") + text
    }

    enum CodingKeys: String, CodingKey {
        case source, calls, statements
        case windowSeconds = "window_seconds"
        case windowEnd = "window_end"
        case endedEarly = "ended_early"
        case peakRPS = "peak_rps"
        case averageRPS = "average_rps"
    }
}

/// A measured statement that did not become a pattern, kept with the reason so nothing measured
/// is dropped silently.
public struct UnplacedStatement: Codable, Sendable, Equatable {
    /// The normalized statement text.
    public var statement: String
    public var calls: Int
    /// Why it is not a pattern ("a subquery in WHERE is not followed").
    public var reason: String

    public init(statement: String, calls: Int, reason: String) {
        self.statement = statement
        self.calls = calls
        self.reason = reason
    }
}
