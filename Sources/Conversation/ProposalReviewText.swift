import Requirements
import TrafficPatterns

/// The question shown for a pattern proposed from measured traffic: the pattern in the
/// one-line `/pattern` syntax, where its numbers come from, and what MySQL spends on it today.
enum ProposalReviewText {
    static func render(_ pending: [PatternProposal]) -> String {
        guard let proposal = pending.first else { return "" }
        let pattern = proposal.pattern
        var lines = ["Proposed pattern \(proposal.number) (\(pending.count) to review): \(pattern.description)"]
        if let id = proposal.remeasures {
            lines.append("  It measures pattern \(id) again: accepting updates that pattern's figures.")
        }
        lines.append("  " + fields(pattern))
        if let measured = pattern.measured {
            lines.append("  RPS " + measured.text)
            for statement in measured.statements.prefix(3) { lines.append("  statement: " + clipped(statement)) }
            if measured.statements.count > 3 { lines.append("  and \(measured.statements.count - 3) more statements") }
        }
        if let sent = proposal.rowsSentPerCall, let examined = proposal.rowsExaminedPerCall, examined > 0 {
            lines.append("  MySQL reads \(NumberFormatting.plain(rounded(examined))) rows per call to return \(NumberFormatting.plain(rounded(sent))).")
        }
        for note in proposal.notes { lines.append("  " + note) }
        if pattern.type == .read, pattern.consistency == nil {
            lines.append("  Consistency is not measurable: add consistency=strong if a read must see a write made just before it.")
        }
        lines.append(Conversation.proposalUsage)
        return lines.joined(separator: "\n")
    }

    /// The pattern's answers as `/pattern` fields, so `edit` takes the same words.
    static func fields(_ pattern: AccessPattern) -> String {
        var parts = ["entities=" + pattern.entities.joined(separator: ",")]
        if let type = pattern.type { parts.append("type=" + type.rawValue) }
        if let equality = pattern.equalityAttributes, !equality.isEmpty { parts.append("eq=" + equality.joined(separator: ",")) }
        if case .attribute(let sort)? = pattern.sort { parts.append("sort=\"\(sort.attribute) \(sort.direction.rawValue)\"") }
        if let filters = pattern.filterAttributes, !filters.isEmpty { parts.append("filter=" + filters.joined(separator: ",")) }
        if case .known(let items)? = pattern.expectedItems {
            parts.append("items=\"avg \(NumberFormatting.plain(items.average))" + (items.maximum.map { " max \($0)" } ?? "") + "\"")
        }
        parts.append("peak=" + (pattern.peakRPS?.description ?? "?"))
        parts.append("avg=" + (pattern.averageRPS?.description ?? "?"))
        if let consistency = pattern.consistency { parts.append("consistency=" + consistency.rawValue) }
        if let aggregation = pattern.aggregate?.aggregation { parts.append("aggregate=\"\(aggregation.text)\"") }
        switch pattern.attributes {
        case .all?: parts.append("attributes=all")
        case .only(let names)? where !names.isEmpty: parts.append("attributes=" + names.joined(separator: ","))
        default: break
        }
        return parts.joined(separator: " ")
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func clipped(_ text: String) -> String {
        text.count <= 160 ? text : String(text.prefix(159)) + "…"
    }
}
