import DesignEngine
import Requirements

/// The design gate as the user sees it: the model in a few lines, every pattern that is not
/// served by DynamoDB (❌ search, ⚠️ broken with the commands that fix it), warnings and cost,
/// then what to type.
enum DesignGateText {
    static func render(_ state: SessionState, model: DataModel) -> String {
        var lines = ["Design gate. " + DesignReviewText.summaryLine(model)]
        for table in model.tables {
            let keys = table.partitionKey.name + (table.sortKey.map { " / \($0.name)" } ?? "")
            let indexes = table.indexes.isEmpty ? "no indexes" : table.indexes.map { "\($0.kind.rawValue) \($0.name)" }.joined(separator: ", ")
            lines.append("  \(table.name): \(keys); \(indexes)")
        }
        let mappings = model.mappings
        let search = mappings.filter { if case .searchService = $0.status { return true } else { return false } }
        let broken = model.brokenPatterns
        let served = mappings.count - search.count - broken.count
        lines.append("Access patterns: \(mappings.count): \(served) ✅ served, \(search.count) ❌ need a search service, \(broken.count) ⚠️ broken.")
        for mapping in search {
            if case .searchService(let reason) = mapping.status { lines.append("  ❌ #\(mapping.patternID) \(mapping.description): \(reason)") }
        }
        lines.append(contentsOf: brokenLines(state, model: model))
        lines.append(contentsOf: blockerLines(model))
        lines.append("Warnings: \(model.warnings.count)\(model.warnings.isEmpty ? "" : " (/show model lists them)").")
        lines.append(DesignReviewText.costLine(model))
        let unconfirmed = model.tables.filter { !state.designChoices.confirmedTables.contains($0.id) }
        lines.append("Walk-through: \(model.tables.count - unconfirmed.count) of \(model.tables.count) tables confirmed"
            + (unconfirmed.isEmpty ? "." : " (not yet: \(unconfirmed.map(\.name).joined(separator: ", ")); /show table NAME reviews one)."))
        if !broken.isEmpty {
            lines.append("The model cannot be approved while \(DesignReviewText.counted(broken.count, "pattern")) \(broken.count == 1 ? "is" : "are") broken: fix \(broken.count == 1 ? "it" : "them") with a command shown, then type yes.")
        } else if !model.blockers.isEmpty {
            lines.append("The model cannot be approved while it breaks \(model.blockers.count == 1 ? "a DynamoDB limit" : "\(model.blockers.count) DynamoDB limits"): apply a mitigation shown, then type yes.")
        } else {
            lines.append("Approve the whole data model? Type yes in full to approve it (anything else keeps the gate open).")
        }
        return lines.joined(separator: "\n")
    }

    /// Each limit the model breaks (a partition over its throughput limit, an item over 400 KB)
    /// with its mitigation.
    static func blockerLines(_ model: DataModel) -> [String] {
        model.blockers.flatMap { blocker in
            ["  ⛔ \(blocker.reason)", "      mitigation: \(blocker.mitigation)"]
        }
    }

    /// Each broken pattern with its reason and the commands that would fix it.
    static func brokenLines(_ state: SessionState, model: DataModel) -> [String] {
        var lines: [String] = []
        for mapping in model.brokenPatterns {
            guard case .unserved(let reason) = mapping.status else { continue }
            lines.append("  ⚠️ #\(mapping.patternID) \(mapping.description): \(reason)")
            let fixes = BrokenPatternFixes.fixes(for: mapping, requirements: state.requirements, choices: state.designChoices, model: model)
            lines.append("      fix: " + fixes.joined(separator: "\n      or:  "))
        }
        return lines
    }
}
