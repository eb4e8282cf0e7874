/// What the user decided at the design gate, applied on top of the engine's own reasoning.
///
/// Stored in `session.json`; every change re-runs the engine, so the model always re-reasons
/// from the requirements with these choices rather than being edited by hand.
public struct DesignChoices: Codable, Sendable, Equatable {
    public var naming: NamingConvention
    /// New names by table id.
    public var tableNames: [String: String]
    /// New names by table id, then by index id.
    public var indexNames: [String: [String: String]]
    /// New attribute names by table id, then by the attribute's original name.
    public var attributeNames: [String: [String: String]]
    /// Keys the user set for a table, by table id.
    public var tableKeys: [String: KeyChoice]
    /// Keys the user set for an index, by table id, then index id.
    public var indexKeys: [String: [String: KeyChoice]]
    /// Projections the user set, by table id, then index id.
    public var projections: [String: [String: ProjectionChoice]]
    /// Accepted (true) or rejected (false) proposals, by decision id (denormalizations, item collections).
    public var proposals: [String: Bool]
    /// Entities the user asked to store together in one table, main entity first.
    public var merges: [[String]]
    public var capacityModes: [String: CapacityMode]
    public var tableClasses: [String: TableClass]
    /// Patterns for which the user accepted a Scan, with their reason.
    public var acceptedScans: [String: String]
    /// Tables the user confirmed in the walk-through, by id.
    public var confirmedTables: [String]

    public init() {
        naming = NamingConvention()
        tableNames = [:]
        indexNames = [:]
        attributeNames = [:]
        tableKeys = [:]
        indexKeys = [:]
        projections = [:]
        proposals = [:]
        merges = []
        capacityModes = [:]
        tableClasses = [:]
        acceptedScans = [:]
        confirmedTables = []
    }

    public func isScanAccepted(for patternID: Int) -> Bool {
        acceptedScans[String(patternID)] != nil
    }

    enum CodingKeys: String, CodingKey {
        case naming, proposals, merges, projections
        case tableNames = "table_names"
        case indexNames = "index_names"
        case attributeNames = "attribute_names"
        case tableKeys = "table_keys"
        case indexKeys = "index_keys"
        case capacityModes = "capacity_modes"
        case tableClasses = "table_classes"
        case acceptedScans = "accepted_scans"
        case confirmedTables = "confirmed_tables"
    }
}

/// Key attributes the user chose: attribute names of the table's entity, several joined with `#`
/// for a base table (one composite attribute) or kept apart for a multi-attribute GSI key.
public struct KeyChoice: Codable, Sendable, Equatable {
    public var partition: [String]
    public var sort: [String]

    public init(partition: [String], sort: [String]) {
        self.partition = partition
        self.sort = sort
    }
}

/// A projection the user chose, stored in `session.json` as `{"type": "INCLUDE", "attributes": [...]}`
/// (`KEYS_ONLY` and `ALL` without attributes).
public struct ProjectionChoice: Codable, Sendable, Equatable {
    public var projection: Projection

    public init(_ projection: Projection) {
        self.projection = projection
    }

    enum CodingKeys: String, CodingKey {
        case type, attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "KEYS_ONLY": projection = .keysOnly
        case "ALL": projection = .all
        case "INCLUDE": projection = .include(try container.decodeIfPresent([String].self, forKey: .attributes) ?? [])
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "\"\(other)\" is not a projection; expected KEYS_ONLY, INCLUDE or ALL")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(projection.awsName, forKey: .type)
        if case .include(let attributes) = projection { try container.encode(attributes, forKey: .attributes) }
    }
}
