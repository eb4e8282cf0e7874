/// Looks for the holes an experienced DynamoDB architect would ask about.
public enum GapFinder {
    /// Every open gap, in a stable order: per pattern, then per entity, then per relationship.
    /// Gaps the user accepted with a reason are left out.
    public static func gaps(in requirements: Requirements) -> [RequirementsGap] {
        let index = PatternIndex(requirements)
        let all = patternGaps(requirements, index) + entityGaps(requirements, index) + relationshipGaps(requirements)
            + sourceIndexGaps(requirements, index)
        guard !requirements.acceptedGaps.isEmpty else { return all }
        // One set rather than a scan of the accepted gaps per gap: both lists can run to hundreds.
        let accepted = Set(requirements.acceptedGaps.map(\.gapID))
        return all.filter { !$0.acceptable || !accepted.contains($0.id) }
    }

    /// What each entity's patterns do, computed once per call: sessions can hold 1,000 patterns,
    /// and scanning them again per entity and per lookup would be quadratic. Patterns are listed
    /// by position: copying one into a list retains a dozen strings and arrays.
    struct PatternIndex {
        let patterns: [AccessPattern]
        /// Positions in `patterns` of the patterns naming each entity, in pattern order.
        let byEntity: [String: [Int]]
        let entities: [String: Entity]
        /// What the write and update patterns of each entity keep up to date.
        let maintenance: [String: Maintenance]

        struct Maintenance {
            /// Some pattern creates the entity's items (`type=write`).
            var hasCreate = false
            /// Some create writes all attributes (`attributes=all`, or none listed).
            var maintainsAll = false
            /// Attributes listed by a write or update.
            var listed: Set<String> = []

            func maintains(_ attribute: String) -> Bool { maintainsAll || listed.contains(attribute) }
        }

        init(_ requirements: Requirements) {
            patterns = requirements.accessPatterns
            var byEntity: [String: [Int]] = [:]
            var maintenance: [String: Maintenance] = [:]
            for (position, pattern) in patterns.enumerated() {
                Self.add(pattern, at: position, &byEntity, &maintenance)
            }
            self.byEntity = byEntity
            self.maintenance = maintenance
            entities = Dictionary(requirements.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }

        private static func add(_ pattern: AccessPattern, at position: Int, _ byEntity: inout [String: [Int]],
                                _ maintenance: inout [String: Maintenance]) {
            for (offset, name) in pattern.entities.enumerated() {
                // A name listed twice still means one pattern touching the entity.
                if pattern.entities[..<offset].contains(name) { continue }
                byEntity[name, default: []].append(position)
                guard pattern.type == .write || pattern.type == .update else { continue }
                var writes = maintenance[name, default: Maintenance()]
                if pattern.type == .write { writes.hasCreate = true }
                switch pattern.attributes {
                case .all?, nil: if pattern.type == .write { writes.maintainsAll = true }
                case .only(let names)?: writes.listed.formUnion(names)
                }
                maintenance[name] = writes
            }
        }

        func patterns(touching entity: String) -> [Int] { byEntity[entity] ?? [] }
    }

    static func patternGaps(_ requirements: Requirements, _ index: PatternIndex) -> [RequirementsGap] {
        var gaps: [RequirementsGap] = []
        for pattern in requirements.accessPatterns {
            answerGaps(of: pattern, into: &gaps)
        }
        for pattern in requirements.accessPatterns where pattern.type == .read || pattern.type == nil {
            lookupGaps(of: pattern, index, into: &gaps)
        }
        return gaps
    }

    /// The answers a pattern still lacks: type, entities, RPS, whether it is a search.
    static func answerGaps(of pattern: AccessPattern, into gaps: inout [RequirementsGap]) {
        let id = pattern.id
        if pattern.type == nil || pattern.entities.isEmpty {
            gaps.append(RequirementsGap(
                kind: .incompletePattern, id: "pattern-\(id):incomplete",
                message: "Pattern \(id) (\(pattern.description)) is missing its \(pattern.entities.isEmpty ? "entities" : "type").",
                fix: "/edit pattern \(id)", acceptable: false))
        }
        if !pattern.hasRPS {
            gaps.append(RequirementsGap(
                kind: .patternMissingRPS, id: "pattern-\(id):rps",
                message: "Pattern \(id) (\(pattern.description)) has no \(missingRPS(pattern)): the design is sized from these numbers and the tool will not guess them.",
                fix: "/edit pattern \(id) peak=N avg=N", acceptable: false))
        }
        if let cue = SearchDetector.needsConfirmation(pattern) {
            gaps.append(RequirementsGap(
                kind: .searchNotMarked, id: "pattern-\(id):search",
                message: "Pattern \(id) (\(pattern.description)) sounds like \(cue), which DynamoDB alone serves poorly.",
                fix: "/edit pattern \(id) type=search (needs a search service), or /edit pattern \(id) not_search=yes",
                acceptable: false))
        }
        if let cue = AggregationDetector.needsAnswer(pattern) {
            gaps.append(RequirementsGap(
                kind: .aggregationNotStated, id: "pattern-\(id):aggregate",
                message: "Pattern \(id) (\(pattern.description)) says \"\(cue)\": does it aggregate (a count, sum, average, minimum or maximum, per hour, day or month), and is it for analytics only?",
                fix: "/edit pattern \(id) aggregate=\"sum ATTRIBUTE per day\" (or count, avg, min, max; analytics_only=yes for reports an export serves), or /edit pattern \(id) aggregate=none",
                acceptable: false))
        }
    }

    /// The lookups of a read that no write keeps up to date.
    static func lookupGaps(of pattern: AccessPattern, _ index: PatternIndex, into gaps: inout [RequirementsGap]) {
        for entityName in pattern.entities {
            for attribute in unmaintainedLookups(pattern, entityName, index) {
                gaps.append(RequirementsGap(
                    kind: .lookupNotMaintained, id: "pattern-\(pattern.id):maintains:\(entityName).\(attribute)",
                    message: "Pattern \(pattern.id) looks up \(entityName) by \(attribute), but no write or update pattern sets \(attribute).",
                    fix: "/pattern \"...\" entities=\(entityName) type=update attributes=\(attribute) ... or accept with a reason",
                    acceptable: true))
            }
        }
    }

    static func entityGaps(_ requirements: Requirements, _ index: PatternIndex) -> [RequirementsGap] {
        var gaps: [RequirementsGap] = []
        for entity in requirements.entities {
            let touching = index.patterns(touching: entity.name)
            if touching.isEmpty {
                gaps.append(RequirementsGap(
                    kind: .entityWithoutPatterns, id: "no-patterns:\(entity.name)",
                    message: "\(entity.name) has no access patterns: how is it read and written?",
                    fix: "/pattern \"...\" entities=\(entity.name) ..., or /delete entity \(entity.name) if it does not move to DynamoDB",
                    acceptable: true))
                continue
            }
            var readers: [Int] = []
            var hasCreator = false
            for position in touching {
                let type = index.patterns[position].type
                if type == .read || type == .search { readers.append(index.patterns[position].id) }
                if type == .write { hasCreator = true }
            }
            if !hasCreator {
                let readText = readers.isEmpty ? "used by \(patternList(touching.map { index.patterns[$0].id }))" : "read by \(patternList(readers))"
                gaps.append(RequirementsGap(
                    kind: .entityNeverCreated, id: "no-create:\(entity.name)",
                    message: "\(entity.name) is \(readText) but no pattern creates \(article(entity.name)) \(entity.name).",
                    fix: "/pattern \"Create \(entity.name)\" entities=\(entity.name) type=write ..., or accept with a reason",
                    acceptable: true))
            }
            if readers.isEmpty {
                gaps.append(RequirementsGap(
                    kind: .entityNeverRead, id: "no-read:\(entity.name)",
                    message: "\(entity.name) is written by \(patternList(touching.map { index.patterns[$0].id })) but no pattern reads it.",
                    fix: "/pattern \"Get \(entity.name) by ...\" entities=\(entity.name) type=read ..., or accept with a reason",
                    acceptable: true))
            }
        }
        return gaps
    }

    static func relationshipGaps(_ requirements: Requirements) -> [RequirementsGap] {
        requirements.relationships.compactMap { relationship in
            switch relationship.cardinality {
            case .known?: return nil
            case .unknown?, nil:
                return RequirementsGap(
                    kind: .relationshipWithoutCardinality, id: "cardinality:\(relationship.parent)->\(relationship.child)",
                    message: "\(relationship.label) has no cardinality: how many \(relationship.child) per \(relationship.parent), on average and at most?",
                    fix: "/edit relationship \(relationship.parent)->\(relationship.child) cardinality=\"avg N max M\"",
                    acceptable: false)
            }
        }
    }

    /// Lookup attributes of the entity that no write pattern on it maintains. A `write` (create)
    /// with attributes `all`, or one that lists the attribute, maintains it; so does an update that
    /// lists it. Identifiers are maintained by whatever creates the item.
    static func unmaintainedLookups(_ pattern: AccessPattern, _ entityName: String, _ index: PatternIndex) -> [String] {
        // No create at all is reported once per entity (entityNeverCreated), not per lookup.
        guard let writes = index.maintenance[entityName], writes.hasCreate, !writes.maintainsAll,
              let entity = index.entities[entityName] else { return [] }
        return pattern.lookupAttributes.filter { attribute in
            guard entity.attribute(named: attribute) != nil, !entity.identifier.contains(attribute) else { return false }
            return !writes.maintains(attribute)
        }
    }

    static func missingRPS(_ pattern: AccessPattern) -> String {
        switch (pattern.peakRPS?.value, pattern.averageRPS?.value) {
        case (nil, nil): return "peak or average RPS"
        case (nil, _): return "peak RPS"
        default: return "average RPS"
        }
    }

    static func patternList(_ ids: [Int]) -> String {
        let numbers = ids.map(String.init)
        if numbers.count == 1 { return "pattern \(numbers[0])" }
        return "patterns " + numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
    }

    static func article(_ word: String) -> String {
        // Good enough for entity names: "an Order", "an Item", "a User", "a Unit" is rare enough.
        let lowered = word.lowercased()
        guard let first = lowered.first else { return "a" }
        if first == "u" { return lowered.hasPrefix("un") ? "an" : "a" }
        return "aeio".contains(first) ? "an" : "a"
    }
}
