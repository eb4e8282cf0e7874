import DesignEngine
import Foundation
import ModelExecution
import Requirements

/// Short texts for `/status`, `/show` and `ddbmodel status`.
public enum SessionSummary {
    /// Stage, each gate with when it was passed, and counts; `model` is the session's model, which
    /// exists from the requirements gate on (the conversation passes its cached one).
    public static func status(_ state: SessionState, model: DataModel?) -> String {
        let requirements = state.requirements
        let missingRPS = requirements.accessPatterns.filter { !$0.hasRPS }.count
        func gate(_ record: GateRecord) -> String { record.passedAt.map { "passed \($0)" } ?? "open" }
        var text = """
            Session: \(state.name)
            Stage: \(state.stage) (current question: \(state.step.section))
            Gates: requirements \(gate(state.gates.requirements)); design \(gate(state.gates.design)); contract \(gate(state.gates.contract))
            Entities: \(requirements.entities.count)
            Relationships: \(requirements.relationships.count)
            Access patterns: \(requirements.accessPatterns.count) (\(missingRPS) missing RPS)
            Open gaps: \(GapFinder.gaps(in: requirements).count)
            """
        let measured = requirements.accessPatterns.filter { $0.measured != nil }.count
        let waiting = state.pendingProposals?.count ?? 0
        if measured > 0 || waiting > 0 {
            text += "\nMeasured traffic: \(measured) pattern\(measured == 1 ? "" : "s") with measured RPS, \(waiting) proposed pattern\(waiting == 1 ? "" : "s") to review, \(requirements.unplacedStatements.count) statement\(requirements.unplacedStatements.count == 1 ? "" : "s") not turned into patterns"
        }
        if let model, state.gates.requirements.isPassed {
            text += "\n" + designStatus(state, model: model)
        }
        return text
    }

    /// The design stage in two lines: the model's size and the walk-through's progress.
    static func designStatus(_ state: SessionState, model: DataModel) -> String {
        let lookups = model.tables.filter { $0.lookup != nil }.count
        let indexes = model.tables.reduce(0) { $0 + $1.indexes.count }
        let confirmed = Set(state.designChoices.confirmedTables)
        let reviewed = model.tables.filter { confirmed.contains($0.id) }.count
        return """
            Data model: \(DesignReviewText.counted(model.tables.count, "table")) (\(DesignReviewText.counted(lookups, "lookup table"))), \(DesignReviewText.counted(indexes, "secondary index", plural: "secondary indexes")), \(DesignReviewText.counted(model.brokenPatterns.count, "broken pattern"))
            Tables confirmed: \(reviewed) of \(model.tables.count)
            """
    }

    static func overview(_ requirements: Requirements) -> String {
        var lines: [String] = []
        let overview = requirements.overview
        lines.append("Domain: \(overview.domain ?? "–")")
        lines.append("Business context: \(overview.businessContext ?? "–")")
        lines.append("Scale: \(overview.expectedUsers?.description ?? "–") users, \(overview.peakRequestsPerSecond?.description ?? "–") RPS at peak")
        lines.append("Entities: \(requirements.entities.isEmpty ? "none" : requirements.entities.map { "\($0.name) (\($0.attributes.count) attributes)" }.joined(separator: ", "))")
        lines.append("Relationships: \(requirements.relationships.isEmpty ? "none" : requirements.relationships.map(\.label).joined(separator: ", "))")
        lines.append("Access patterns:")
        if requirements.accessPatterns.isEmpty { lines.append("  none yet") }
        for pattern in requirements.accessPatterns {
            lines.append("  \(pattern.status.rawValue) \(pattern.id). \(pattern.description) [\(pattern.type?.rawValue ?? "?"), \(pattern.peakRPS?.description ?? "?")/\(pattern.averageRPS?.description ?? "?") RPS]")
        }
        return lines.joined(separator: "\n")
    }

    static func pattern(_ pattern: AccessPattern) -> String {
        func list(_ names: [String]?) -> String { names.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "–" }
        return """
            Pattern \(pattern.id) \(pattern.status.rawValue): \(pattern.description)
              entities: \(pattern.entities.isEmpty ? "–" : pattern.entities.joined(separator: ", "))
              type: \(pattern.type?.rawValue ?? "–")
              equality: \(list(pattern.equalityAttributes))
              sort: \(pattern.sort.map(Question.sortText) ?? "–")
              filters: \(list(pattern.filterAttributes))
              items: \(pattern.expectedItems.map(Question.itemCountText) ?? "–")
              peak RPS: \(pattern.peakRPS?.description ?? "–")
              average RPS: \(pattern.averageRPS?.description ?? "–")
              consistency: \(pattern.consistency?.rawValue ?? "–")
              latency: \(pattern.latency ?? "–")
              attributes: \(pattern.attributes.map(Question.selectionText) ?? "–")
            """
    }

    static func entity(_ entity: Entity, _ requirements: Requirements) -> String {
        let patterns = requirements.accessPatterns.filter { $0.entities.contains(entity.name) }.map { String($0.id) }
        return """
            Entity \(entity.name)
              attributes: \(entity.attributes.isEmpty ? "–" : Question.attributeList(entity.attributes))
              identifier: \(entity.identifier.isEmpty ? "–" : entity.identifier.joined(separator: "+"))
              unique: \(entity.uniqueGroups.isEmpty ? "none" : entity.uniqueGroups.map { $0.joined(separator: "+") }.joined(separator: ", "))
              owner: \(entity.owner ?? "–")
              used by patterns: \(patterns.isEmpty ? "none" : patterns.joined(separator: ", "))
            """
    }

    static func relationships(_ requirements: Requirements) -> String {
        guard !requirements.relationships.isEmpty else { return "No relationships captured." }
        return requirements.relationships.map { relationship in
            let cardinality = relationship.cardinality.map(Question.cardinalityText) ?? "not captured"
            let independent = relationship.childExistsWithoutParent.map { $0 ? "yes" : "no" } ?? "–"
            return "\(relationship.label): \(cardinality); child without parent: \(independent)"
        }.joined(separator: "\n")
    }

    static func gaps(_ requirements: Requirements) -> String {
        let gaps = GapFinder.gaps(in: requirements)
        guard !gaps.isEmpty else { return "No open gaps." }
        return gaps.map { "\($0.id)\($0.acceptable ? "" : " (must be fixed)"): \($0.message)\n    fix: \($0.fix)" }.joined(separator: "\n")
    }
}
