/// Looks for the holes an experienced DynamoDB architect would ask about.
public enum GapFinder {
    /// Every open gap, in a stable order: per pattern, then per entity, then per relationship.
    /// Gaps the user accepted with a reason are left out.
    public static func gaps(in requirements: Requirements) -> [RequirementsGap] {
        let all = patternGaps(requirements) + entityGaps(requirements) + relationshipGaps(requirements)
        return all.filter { !$0.acceptable || requirements.acceptance(of: $0.id) == nil }
    }

    static func patternGaps(_ requirements: Requirements) -> [RequirementsGap] {
        var gaps: [RequirementsGap] = []
        for pattern in requirements.accessPatterns {
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
        }
        for pattern in requirements.accessPatterns where pattern.type == .read || pattern.type == nil {
            for entityName in pattern.entities {
                for attribute in unmaintainedLookups(pattern, entityName, requirements) {
                    gaps.append(RequirementsGap(
                        kind: .lookupNotMaintained, id: "pattern-\(pattern.id):maintains:\(entityName).\(attribute)",
                        message: "Pattern \(pattern.id) looks up \(entityName) by \(attribute), but no write or update pattern sets \(attribute).",
                        fix: "/pattern \"...\" entities=\(entityName) type=update attributes=\(attribute) ... or accept with a reason",
                        acceptable: true))
                }
            }
        }
        return gaps
    }

    static func entityGaps(_ requirements: Requirements) -> [RequirementsGap] {
        var gaps: [RequirementsGap] = []
        for entity in requirements.entities {
            let touching = requirements.accessPatterns.filter { $0.entities.contains(entity.name) }
            let readers = touching.filter { $0.type == .read || $0.type == .search }.map(\.id)
            let creators = touching.filter { $0.type == .write }
            if touching.isEmpty {
                gaps.append(RequirementsGap(
                    kind: .entityWithoutPatterns, id: "no-patterns:\(entity.name)",
                    message: "\(entity.name) has no access patterns: how is it read and written?",
                    fix: "/pattern \"...\" entities=\(entity.name) ..., or /delete entity \(entity.name) if it does not move to DynamoDB",
                    acceptable: true))
                continue
            }
            if creators.isEmpty {
                let readText = readers.isEmpty ? "used by \(patternList(touching.map(\.id)))" : "read by \(patternList(readers))"
                gaps.append(RequirementsGap(
                    kind: .entityNeverCreated, id: "no-create:\(entity.name)",
                    message: "\(entity.name) is \(readText) but no pattern creates \(article(entity.name)) \(entity.name).",
                    fix: "/pattern \"Create \(entity.name)\" entities=\(entity.name) type=write ..., or accept with a reason",
                    acceptable: true))
            }
            if readers.isEmpty {
                gaps.append(RequirementsGap(
                    kind: .entityNeverRead, id: "no-read:\(entity.name)",
                    message: "\(entity.name) is written by \(patternList(touching.map(\.id))) but no pattern reads it.",
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
    static func unmaintainedLookups(_ pattern: AccessPattern, _ entityName: String, _ requirements: Requirements) -> [String] {
        guard let entity = requirements.entity(named: entityName) else { return [] }
        let writers = requirements.accessPatterns.filter {
            ($0.type == .write || $0.type == .update) && $0.entities.contains(entityName)
        }
        // No writer at all is reported once per entity (entityNeverCreated), not per lookup.
        guard writers.contains(where: { $0.type == .write }) else { return [] }
        return pattern.lookupAttributes.filter { attribute in
            guard entity.attribute(named: attribute) != nil, !entity.identifier.contains(attribute) else { return false }
            return !writers.contains { writer in
                switch writer.attributes {
                case .all?, nil: return writer.type == .write
                case .only(let names)?: return names.contains(attribute)
                }
            }
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
