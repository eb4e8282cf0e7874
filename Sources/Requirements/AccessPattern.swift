/// What an access pattern does to the data.
public enum PatternType: String, Codable, Sendable, CaseIterable {
    case read, write, update, delete, search

    /// Whether the pattern stores or changes data (and so maintains attributes).
    public var isWrite: Bool { self == .write || self == .update || self == .delete }
}

public enum Consistency: String, Codable, Sendable, CaseIterable {
    case eventual, strong
}

public enum SortDirection: String, Codable, Sendable {
    case ascending = "asc"
    case descending = "desc"
}

/// The attribute a pattern ranges over or orders by, and in which direction.
public struct SortRequirement: Codable, Sendable, Equatable {
    public var attribute: String
    public var direction: SortDirection

    public init(attribute: String, direction: SortDirection) {
        self.attribute = attribute
        self.direction = direction
    }
}

/// How many items one request returns or touches.
public struct ItemCount: Codable, Sendable, Equatable {
    public var average: Double
    public var maximum: Int?

    public init(average: Double, maximum: Int? = nil) {
        self.average = average
        self.maximum = maximum
    }
}

/// Attributes a pattern needs back (reads) or writes (writes and updates).
public enum AttributeSelection: Sendable, Equatable {
    case all
    case only([String])
}

extension AttributeSelection: Codable {
    public init(from decoder: any Decoder) throws {
        self = try WordOrValueCoding.decode([String].self, from: decoder, word: "all", expected: "a list").map(Self.only) ?? .all
    }

    public func encode(to encoder: any Encoder) throws {
        var names: [String]?
        if case .only(let list) = self { names = list }
        try WordOrValueCoding.encode(names, word: "all", to: encoder)
    }
}

/// One way the application reads or writes data, with the traffic it brings.
///
/// Fields stay `nil` until answered, so a pattern captured halfway is visible (and pending) in the
/// requirements document rather than lost.
public struct AccessPattern: Codable, Sendable, Equatable {
    /// Stable number shown to the user; never reused after a deletion.
    public var id: Int
    public var description: String
    public var entities: [String]
    public var type: PatternType?
    /// Attributes the pattern looks up by equality.
    public var equalityAttributes: [String]?
    /// The range or sort attribute, or `.none` once the user said there is none.
    public var sort: SortAnswer?
    public var filterAttributes: [String]?
    public var expectedItems: ItemCountAnswer?
    public var peakRPS: Estimate?
    public var averageRPS: Estimate?
    public var consistency: Consistency?
    /// Free text such as "<50ms p99"; "none" when the user has no requirement.
    public var latency: String?
    /// Attributes needed in the result (reads) or written (writes and updates).
    public var attributes: AttributeSelection?
    /// The user confirmed that a pattern whose wording sounds like a search is a plain lookup.
    public var confirmedNotSearch: Bool
    /// What a write does to each entity it lists beyond the first (docs/design-engine.md,
    /// "Writes that do what the business rule says"); nil until stated.
    public var effects: [EntityWriteEffect]?
    /// Whether a read aggregates, and what; nil until answered (docs/design-engine.md, "Aggregations").
    public var aggregate: AggregateAnswer?
    /// The read serves analytics only (reports, dashboards): an export to S3 + Athena serves it.
    /// Nil until stated (then it is not).
    public var analyticsOnly: Bool?
    /// The values the pattern selects its items by (`status = open`, `returned_at IS NULL`).
    public var selects: [SelectedValue]?
    /// Where the RPS figures come from when they were measured (docs/mysql-traffic.md); nil
    /// when the user typed them in.
    public var measured: MeasuredTraffic?

    public init(
        id: Int, description: String, entities: [String] = [], type: PatternType? = nil,
        equalityAttributes: [String]? = nil, sort: SortAnswer? = nil, filterAttributes: [String]? = nil,
        expectedItems: ItemCountAnswer? = nil, peakRPS: Estimate? = nil, averageRPS: Estimate? = nil,
        consistency: Consistency? = nil, latency: String? = nil, attributes: AttributeSelection? = nil,
        confirmedNotSearch: Bool = false, effects: [EntityWriteEffect]? = nil, aggregate: AggregateAnswer? = nil, analyticsOnly: Bool? = nil
    ) {
        self.id = id
        self.description = description
        self.entities = entities
        self.type = type
        self.equalityAttributes = equalityAttributes
        self.sort = sort
        self.filterAttributes = filterAttributes
        self.expectedItems = expectedItems
        self.peakRPS = peakRPS
        self.averageRPS = averageRPS
        self.consistency = consistency
        self.latency = latency
        self.attributes = attributes
        self.confirmedNotSearch = confirmedNotSearch
        self.effects = effects
        self.aggregate = aggregate
        self.analyticsOnly = analyticsOnly
    }

    /// Both RPS figures are known numbers.
    public var hasRPS: Bool { peakRPS?.value != nil && averageRPS?.value != nil }

    /// Requirements-document status: ❌ needs a search service, ⏳ incomplete, ✅ ready.
    public var status: PatternStatus {
        if type == .search { return .needsSearchService }
        return hasRPS && type != nil ? .complete : .pending
    }

    /// The attributes the pattern uses to find items: equality, then sort.
    public var lookupAttributes: [String] {
        var names = equalityAttributes ?? []
        if case .some(.attribute(let sort)) = sort { names.append(sort.attribute) }
        return names
    }

    enum CodingKeys: String, CodingKey {
        case id, description, entities, type, sort, consistency, latency, attributes
        case equalityAttributes = "equality_attributes"
        case filterAttributes = "filter_attributes"
        case expectedItems = "expected_items"
        case peakRPS = "peak_rps"
        case averageRPS = "average_rps"
        case confirmedNotSearch = "confirmed_not_search"
        case effects, aggregate
        case analyticsOnly = "analytics_only"
        case selects, measured
    }
}

public enum PatternStatus: String, Sendable {
    case complete = "✅"
    case pending = "⏳"
    case needsSearchService = "❌"
}

/// A sort requirement, or the explicit answer that the pattern has none.
public enum SortAnswer: Sendable, Equatable {
    case none
    case attribute(SortRequirement)
}

extension SortAnswer: Codable {
    public init(from decoder: any Decoder) throws {
        self = try WordOrValueCoding.decode(SortRequirement.self, from: decoder, word: "none", expected: "{attribute, direction}").map(Self.attribute) ?? .none
    }

    public func encode(to encoder: any Encoder) throws {
        var requirement: SortRequirement?
        if case .attribute(let value) = self { requirement = value }
        try WordOrValueCoding.encode(requirement, word: "none", to: encoder)
    }
}

/// An item count, or "unknown".
public typealias ItemCountAnswer = Unknowable<ItemCount>
