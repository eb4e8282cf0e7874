/// Where each entity and relationship sits in `Requirements`' arrays, by name, so a look-up costs
/// the same for 40,000 entities as for 4.
///
/// A schema import adds every table as an entity and every foreign key as a relationship, and each
/// addition looks up what is already there (is the name taken, do both ends exist, is the pair
/// already related): scanning the arrays made importing quadratic in the number of tables. The
/// index is derived data, rebuilt from the arrays after decoding and after the rare changes that
/// move positions (a deletion, a rename), and extended in place when something is appended.
struct RequirementsIndex: Sendable, Equatable {
    /// The two entity names a relationship look-up is asked about, in the order asked.
    struct Ends: Hashable, Sendable {
        let first: String
        let second: String
    }

    /// Exact name → position.
    private var entityByName: [String: Int] = [:]
    /// Lower-cased name → position of the first entity with that lower-cased name.
    private var entityByFoldedName: [String: Int] = [:]
    /// Ends → position of the first relationship that `connects` them (a many-to-many
    /// relationship is found from either end).
    private var relationshipByEnds: [Ends: Int] = [:]

    init(entities: [Entity] = [], relationships: [Relationship] = []) {
        rebuildEntities(entities)
        rebuildRelationships(relationships)
    }

    // MARK: Entities

    /// The position of the entity named exactly `name`, else of the first one named so ignoring case.
    func entityPosition(named name: String) -> Int? {
        entityByName[name] ?? entityByFoldedName[name.lowercased()]
    }

    /// Records an entity appended at `position`; an earlier entity with the same name keeps its place.
    mutating func appendEntity(named name: String, at position: Int) {
        if entityByName[name] == nil { entityByName[name] = position }
        let folded = name.lowercased()
        if entityByFoldedName[folded] == nil { entityByFoldedName[folded] = position }
    }

    mutating func rebuildEntities(_ entities: [Entity]) {
        entityByName.removeAll(keepingCapacity: true)
        entityByFoldedName.removeAll(keepingCapacity: true)
        for (position, entity) in entities.enumerated() { appendEntity(named: entity.name, at: position) }
    }

    // MARK: Relationships

    /// The position of the first relationship that connects `first` and `second`.
    func relationshipPosition(_ first: String, _ second: String) -> Int? {
        relationshipByEnds[Ends(first: first, second: second)]
    }

    /// Records a relationship appended at `position`.
    mutating func appendRelationship(_ relationship: Relationship, at position: Int) {
        let forward = Ends(first: relationship.parent, second: relationship.child)
        if relationshipByEnds[forward] == nil { relationshipByEnds[forward] = position }
        guard relationship.kind == .manyToMany else { return }
        let backward = Ends(first: relationship.child, second: relationship.parent)
        if relationshipByEnds[backward] == nil { relationshipByEnds[backward] = position }
    }

    mutating func rebuildRelationships(_ relationships: [Relationship]) {
        relationshipByEnds.removeAll(keepingCapacity: true)
        for (position, relationship) in relationships.enumerated() { appendRelationship(relationship, at: position) }
    }
}
