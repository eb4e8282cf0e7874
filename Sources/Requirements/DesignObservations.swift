/// What the tool notices in the requirements that the design stage will have to answer: the
/// "Design Considerations" scratchpad of the requirements document. Observations, not decisions.
public enum DesignObservations {
    /// Attribute names that usually hold a handful of distinct values.
    static let lowCardinalityNames: Set<String> = ["status", "state", "type", "kind", "category", "level", "tier", "priority", "role", "flag", "active", "enabled", "deleted"]

    public static func observations(for requirements: Requirements) -> [String] {
        var notes: [String] = []
        let entitiesByName = Dictionary(requirements.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for pattern in requirements.accessPatterns {
            observe(pattern, entitiesByName, into: &notes)
        }
        for relationship in requirements.relationships {
            guard case .known(let cardinality)? = relationship.cardinality else { continue }
            if cardinality.isUnbounded {
                notes.append("**Unbounded relationship**: \(relationship.label) has no maximum; \(relationship.child) items cannot be embedded in \(relationship.parent) (400 KB item limit): separate table or item collection.")
            } else if let maximum = cardinality.maximum, maximum > 1000 {
                notes.append("**Large relationship**: up to \(maximum) \(relationship.child) per \(relationship.parent); reading them all takes several 1 MB query pages.")
            }
        }
        return notes
    }

    /// What one pattern's answers suggest.
    static func observe(_ pattern: AccessPattern, _ entitiesByName: [String: Entity], into notes: inout [String]) {
        for attribute in pattern.equalityAttributes ?? [] where isLowCardinality(attribute, in: pattern.entities, entitiesByName) {
            let peak = pattern.peakRPS?.value.map { " at \(NumberFormatting.plain($0)) RPS peak" } ?? ""
            notes.append("**Low-cardinality lookup**: pattern \(pattern.id) looks items up by \(attribute)\(peak), which has few distinct values; a key on it alone concentrates traffic on a few partitions (consider a composite key such as \(attribute)#date, or a sparse index).")
        }
        if pattern.type == .search {
            notes.append("**Search service**: pattern \(pattern.id) (\(pattern.description)) needs a search service such as OpenSearch, fed from DynamoDB Streams or zero-ETL.")
        }
        if pattern.consistency == .strong, pattern.type == .read {
            notes.append("**Strong consistency**: pattern \(pattern.id) needs strongly consistent reads, so it must be served by a base table or lookup table; GSIs are eventually consistent only.")
        }
        if let filters = pattern.filterAttributes, filters.count >= SearchDetector.manyFiltersThreshold {
            notes.append("**Many filters**: pattern \(pattern.id) filters on \(filters.count) attributes; filtering on many optional fields is search-like.")
        }
    }

    static func isLowCardinality(_ attribute: String, in entityNames: [String], _ entitiesByName: [String: Entity]) -> Bool {
        let type = entityNames.lazy.compactMap { entitiesByName[$0]?.attribute(named: attribute)?.type }.first
        if type == .boolean { return true }
        let lowered = asciiLowercased(attribute) ?? attribute.lowercased()
        return lowCardinalityNames.contains(lowered) || lowered.hasPrefix("is_") || lowered.hasPrefix("has_")
            || lowered.hasSuffix("_status") || lowered.hasSuffix("_type")
    }

    /// The text itself when it is ASCII without capitals (most attribute names), so checking a
    /// name costs no new string; nil when `lowercased()` has work to do.
    static func asciiLowercased(_ text: String) -> String? {
        text.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ? text : nil
    }
}
