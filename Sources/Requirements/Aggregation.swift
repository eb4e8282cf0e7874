/// What an aggregating read computes: a count, sum, average, minimum or maximum of an
/// attribute over the items under its key, per period (docs/design-engine.md, "Aggregations").
public struct Aggregation: Codable, Sendable, Equatable {
    public enum Function: String, Codable, Sendable, CaseIterable {
        case count, sum, avg, min, max
    }

    /// The time bucket totals are kept per; `none` for one running total per key.
    public enum Period: String, Codable, Sendable, CaseIterable {
        case none, hour, day, month
    }

    public var function: Function
    /// The number attribute aggregated; nil for a count.
    public var attribute: String?
    public var period: Period

    public init(function: Function, attribute: String? = nil, period: Period = .none) {
        self.function = function
        self.attribute = attribute
        self.period = period
    }

    /// `count`, `sum amount per day`, `avg rating`.
    public var text: String {
        var words = [function.rawValue]
        if let attribute { words.append(attribute) }
        if period != .none { words += ["per", period.rawValue] }
        return words.joined(separator: " ")
    }

    /// Reads the text form (see `text`); `none` is the answer "not an aggregation".
    public static func parse(_ text: String) throws(RequirementsError) -> AggregateAnswer {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let usage = "use none, or FUNCTION [ATTRIBUTE] [per hour|day|month] with FUNCTION one of count, sum, avg, min, max, such as \"sum amount per day\""
        if words.count == 1, words[0].lowercased() == "none" { return .none }
        guard let first = words.first, let function = Function(rawValue: first.lowercased()) else {
            throw RequirementsError("\"\(text)\" is not an aggregation; \(usage).")
        }
        words.removeFirst()
        var period = Period.none
        if words.count >= 2, words[words.count - 2].lowercased() == "per" {
            guard let stated = Period(rawValue: words[words.count - 1].lowercased()), stated != .none else {
                throw RequirementsError("\"\(words[words.count - 1])\" is not a period; use hour, day or month.")
            }
            period = stated
            words.removeLast(2)
        }
        guard words.count <= 1 else { throw RequirementsError("\"\(text)\" is not an aggregation; \(usage).") }
        let attribute = words.first
        try check(function: function, attribute: attribute)
        return .aggregate(Aggregation(function: function, attribute: attribute, period: period))
    }

    /// A count needs no attribute; every other function needs one.
    public static func check(function: Function, attribute: String?) throws(RequirementsError) {
        if function != .count, attribute == nil {
            throw RequirementsError("\(function.rawValue) needs the number attribute it aggregates, such as \"\(function.rawValue) amount\".")
        }
    }
}

/// Whether a read aggregates: an aggregation, or the user's answer that it does not.
public enum AggregateAnswer: Sendable, Equatable {
    case none
    case aggregate(Aggregation)

    public var aggregation: Aggregation? {
        if case .aggregate(let value) = self { return value }
        return nil
    }

    public var text: String { aggregation?.text ?? "none" }
}

extension AggregateAnswer: Codable {
    public init(from decoder: any Decoder) throws {
        self = try WordOrValueCoding.decode(Aggregation.self, from: decoder, word: "none", expected: "{function, attribute, period}").map(Self.aggregate) ?? .none
    }

    public func encode(to encoder: any Encoder) throws {
        try WordOrValueCoding.encode(aggregation, word: "none", to: encoder)
    }
}

/// Spots reads whose description sounds like an aggregation (counts, sums, averages, totals,
/// revenue, statistics, summaries, dashboards) so the requirements ask what they compute.
public enum AggregationDetector {
    static let words = ["count", "counts", "sum", "sums", "average", "averages", "avg", "total", "totals", "revenue",
                        "statistic", "statistics", "stats", "summary", "summaries", "summarize", "dashboard", "dashboards",
                        "aggregate", "aggregates", "aggregation"]

    /// The word that gives the aggregation away, or nil.
    public static func cue(in description: String) -> String? {
        let tokens = description.lowercased().split { !$0.isLetter }.map(String.init)
        return tokens.first { words.contains($0) }
    }

    /// Whether a read pattern still needs the user to say whether (and what) it aggregates.
    public static func needsAnswer(_ pattern: AccessPattern) -> String? {
        guard pattern.type == .read || pattern.type == nil, pattern.aggregate == nil else { return nil }
        return cue(in: pattern.description)
    }
}
