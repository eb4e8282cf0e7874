/// A business entity (usually a MySQL table) whose items the application stores.
public struct Entity: Codable, Sendable, Equatable {
    public var name: String
    public var attributes: [Attribute]
    /// The attribute names that identify one item; more than one for a composite identifier.
    public var identifier: [String]
    /// Attribute groups whose values must be unique; a group of several is a composite unique key.
    public var uniqueGroups: [[String]]
    /// The service or team that owns the entity, when the user named one.
    public var owner: String?

    public init(
        name: String, attributes: [Attribute] = [], identifier: [String] = [],
        uniqueGroups: [[String]] = [], owner: String? = nil
    ) {
        self.name = name
        self.attributes = attributes
        self.identifier = identifier
        self.uniqueGroups = uniqueGroups
        self.owner = owner
    }

    public func attribute(named name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    enum CodingKeys: String, CodingKey {
        case name, attributes, identifier, owner
        case uniqueGroups = "unique_groups"
    }
}
