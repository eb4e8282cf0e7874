import Foundation

/// Renders `dynamodb_requirement.md` (seed 001's template, extended with entity details and the
/// gate checklist). Pure and deterministic: the same requirements give the same bytes.
public enum RequirementsDocument {
    /// - Parameter gateStatus: how the requirements gate stands, as the session words it
    ///   ("open", "passed 2026-11-22T10:00:00Z"); shown at the end of the checklist.
    public static func render(_ requirements: Requirements, gateStatus: String) -> String {
        var out = "# DynamoDB Modeling Session\n\n"
        out += overview(requirements)
        out += accessPatterns(requirements)
        out += entities(requirements)
        out += relationships(requirements)
        out += considerations(requirements)
        out += checklist(requirements, gateStatus: gateStatus)
        return out
    }

    static func overview(_ requirements: Requirements) -> String {
        let overview = requirements.overview
        let keyEntities = requirements.entities.isEmpty ? "_not captured yet_" : requirements.entities.map(\.name).joined(separator: ", ")
        var scale: [String] = []
        if let users = overview.expectedUsers { scale.append("\(users) expected users") }
        if let peak = overview.peakRequestsPerSecond { scale.append("\(peak) requests/second at peak") }
        return """
            ## Application Overview
            - **Domain**: \(overview.domain.map(inline) ?? "_not captured yet_")
            - **Key Entities**: \(keyEntities)
            - **Business Context**: \(overview.businessContext.map(inline) ?? "_not captured yet_")
            - **Scale**: \(scale.isEmpty ? "_not captured yet_" : scale.joined(separator: ", "))


            """
    }

    static func accessPatterns(_ requirements: Requirements) -> String {
        var out = """
            ## Access Patterns Analysis
            | Pattern # | Description | RPS (Peak/Avg) | Type | Attributes | Key Requirements | Design Considerations | Status |
            |-----------|-------------|-----------------|------|------------|------------------|----------------------|--------|

            """
        if requirements.accessPatterns.isEmpty {
            out += "| – | _no access patterns captured yet_ | | | | | | ⏳ |\n"
        }
        for pattern in requirements.accessPatterns {
            let cells = [
                String(pattern.id), cell(pattern.description), rps(pattern), pattern.type.map { $0.rawValue.capitalized } ?? "?",
                cell(attributes(pattern)), cell(keyRequirements(pattern)), cell(considerations(pattern, requirements)), pattern.status.rawValue,
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    static func rps(_ pattern: AccessPattern) -> String {
        let peak = pattern.peakRPS.map(\.description) ?? "?"
        let average = pattern.averageRPS.map(\.description) ?? "?"
        return "\(peak)/\(average) RPS"
    }

    static func attributes(_ pattern: AccessPattern) -> String {
        var parts: [String] = []
        if !pattern.entities.isEmpty { parts.append(pattern.entities.joined(separator: ", ") + ":") }
        if let equality = pattern.equalityAttributes, !equality.isEmpty { parts.append("by " + equality.joined(separator: ", ")) }
        if case .attribute(let sort)? = pattern.sort { parts.append("sorted by \(sort.attribute) \(sort.direction.rawValue)") }
        if let filters = pattern.filterAttributes, !filters.isEmpty { parts.append("filter " + filters.joined(separator: ", ")) }
        switch pattern.attributes {
        case .all?: parts.append(pattern.type?.isWrite == true ? "writes all" : "returns all")
        case .only(let names)?: parts.append((pattern.type?.isWrite == true ? "writes " : "returns ") + names.joined(separator: ", "))
        case nil: break
        }
        return parts.joined(separator: " ")
    }

    static func keyRequirements(_ pattern: AccessPattern) -> String {
        var parts: [String] = []
        if let latency = pattern.latency, latency.lowercased() != "none" { parts.append("\(latency) latency") }
        if let consistency = pattern.consistency { parts.append("\(consistency.rawValue) consistency") }
        switch pattern.expectedItems {
        case .known(let count)?:
            if let maximum = count.maximum, Double(maximum) == count.average {
                parts.append("\(maximum) item\(maximum == 1 ? "" : "s")")
            } else {
                parts.append("avg \(NumberFormatting.plain(count.average)) items, max \(count.maximum.map(String.init) ?? "unbounded")")
            }
        case .unknown?: parts.append("items returned unknown")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }

    /// A short first reading of the pattern; the design stage re-evaluates everything.
    static func considerations(_ pattern: AccessPattern, _ requirements: Requirements) -> String {
        var parts: [String] = []
        let entities = pattern.entities.compactMap { requirements.entity(named: $0) }
        if pattern.type == .read, let equality = pattern.equalityAttributes, !equality.isEmpty {
            if let entity = entities.first(where: { !$0.identifier.isEmpty && Set($0.identifier).isSubset(of: equality) }) {
                parts.append("Key lookup on \(entity.name)'s identifier")
            } else {
                parts.append("Needs a key or index on \(equality.joined(separator: ", "))")
            }
        }
        if pattern.type == .write || pattern.type == .update {
            for entity in entities where !entity.uniqueGroups.isEmpty {
                let uniques = entity.uniqueGroups.map { $0.joined(separator: "+") }.joined(separator: ", ")
                parts.append("Unique \(uniques): conditional write to a lookup table")
            }
        }
        if pattern.type == .search { parts.append("Needs a search service (OpenSearch)") }
        if let cue = SearchDetector.needsConfirmation(pattern) { parts.append("Sounds like \(cue): confirm") }
        if pattern.peakRPS == .unknown || pattern.averageRPS == .unknown { parts.append("RPS unknown: blocks the gate") }
        if pattern.consistency == .strong && pattern.type == .read { parts.append("Strong read: base table only") }
        if case .attribute? = pattern.sort { parts.append("Range/sort key candidate") }
        if let filters = pattern.filterAttributes, !filters.isEmpty { parts.append("Filter after key condition") }
        return parts.joined(separator: "; ")
    }

    static func entities(_ requirements: Requirements) -> String {
        var out = "## Entities and Attributes\n"
        if requirements.entities.isEmpty { return out + "_No entities captured yet._\n\n" }
        for entity in requirements.entities {
            out += "\n### \(entity.name)\n"
            out += "- **Identifier**: \(entity.identifier.isEmpty ? "_not captured yet_" : entity.identifier.joined(separator: " + "))\n"
            let uniques = entity.uniqueGroups.map { $0.joined(separator: " + ") }
            out += "- **Unique**: \(uniques.isEmpty ? "none" : uniques.joined(separator: ", "))\n"
            if let owner = entity.owner { out += "- **Owner**: \(inline(owner))\n" }
            if entity.attributes.isEmpty {
                out += "- **Attributes**: _not captured yet_\n"
                continue
            }
            out += "\n| Attribute | Type | Typical size |\n|-----------|------|--------------|\n"
            for attribute in entity.attributes {
                out += "| \(attribute.name) | \(attribute.type.rawValue) | \(attribute.typicalSizeBytes.map { "\($0) B" } ?? "–") |\n"
            }
        }
        return out + "\n"
    }

    static func relationships(_ requirements: Requirements) -> String {
        var out = "## Entity Relationships Deep Dive\n"
        if requirements.relationships.isEmpty { return out + "_No relationships captured yet._\n\n" }
        for relationship in requirements.relationships {
            let arrow = relationship.kind == .oneToMany ? "→" : "↔"
            let kind = relationship.kind == .oneToMany ? "1:Many" : "Many:Many"
            var line = "- **\(relationship.parent) \(arrow) \(relationship.child)**: \(kind)"
            switch relationship.cardinality {
            case .known(let cardinality)?:
                let maximum = cardinality.maximum.map { "max \($0)" } ?? "no maximum (unbounded)"
                line += " (avg \(NumberFormatting.plain(cardinality.average)) \(relationship.child) per \(relationship.parent), \(maximum))"
            case .unknown?: line += " (cardinality unknown ⏳)"
            case nil: line += " (cardinality not captured ⏳)"
            }
            switch relationship.childExistsWithoutParent {
            case true?: line += "; \(relationship.child) can exist without \(relationship.parent)"
            case false?: line += "; \(relationship.child) cannot exist without \(relationship.parent)"
            case nil: break
            }
            out += line + "\n"
        }
        return out + "\n"
    }

    static func considerations(_ requirements: Requirements) -> String {
        let notes = DesignObservations.observations(for: requirements)
        var out = "## Design Considerations (Scratchpad - Subject to Change)\n"
        if notes.isEmpty { return out + "_Nothing noted yet._\n\n" }
        for note in notes { out += "- \(note)\n" }
        return out + "\n"
    }

    static func checklist(_ requirements: Requirements, gateStatus: String) -> String {
        let checklist = RequirementsChecklist(requirements)
        var out = "## Validation Checklist\n"
        for item in checklist.items {
            out += "- [\(item.passes ? "x" : " ")] \(item.title)\n"
            for failure in item.failures { out += "  - \(failure.message) Fix: `\(failure.fix)`\n" }
            for accepted in item.accepted { out += "  - Accepted `\(accepted.gapID)`: \(inline(accepted.reason))\n" }
        }
        out += "\n**Requirements gate**: \(gateStatus)\n"
        return out
    }

    /// Text safe inside a markdown table cell.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text on one line.
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
