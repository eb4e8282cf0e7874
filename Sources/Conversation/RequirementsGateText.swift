import Requirements

/// The requirements gate as the user sees it: the QA checklist, each failure with the command
/// that fixes it, then what to type.
enum RequirementsGateText {
    static func render(_ state: SessionState) -> String {
        let requirements = state.requirements
        let checklist = RequirementsChecklist(requirements)
        let patterns = requirements.accessPatterns
        var lines = ["Requirements gate: \(requirements.entities.count) entities, \(requirements.relationships.count) relationship\(requirements.relationships.count == 1 ? "" : "s"), \(patterns.count) access patterns (\(patterns.filter { $0.status == .needsSearchService }.count) need a search service)."]
        for item in checklist.items {
            lines.append("  [\(item.passes ? "x" : " ")] \(item.title)")
            for failure in item.failures {
                lines.append("      - \(failure.message)")
                lines.append("        fix: \(failure.fix)")
            }
            for accepted in item.accepted {
                lines.append("      - accepted \(accepted.gapID): \(accepted.reason)")
            }
        }
        let questions = OpenQuestions.questions(in: requirements)
        if !questions.isEmpty {
            lines.append("  Open questions (they do not block the gate; the data model marks the figures that depend on them incomplete):")
            for question in questions {
                lines.append("      - \(question.text)")
                lines.append("        answer: \(question.fix)")
            }
        }
        if let waiting = state.pendingProposals, !waiting.isEmpty {
            lines.append("  Not reviewed yet: \(waiting.count) pattern\(waiting.count == 1 ? "" : "s") proposed from measured traffic (the first: \(waiting[0].pattern.description)). They are not in the requirements until accepted: type no to review them.")
        }
        if checklist.passes {
            lines.append("Are these all the access patterns? Type yes in full to confirm and pass the gate, or no to keep adding patterns.")
        } else {
            lines.append("The gate cannot pass yet: fix the \(checklist.failures.count) item\(checklist.failures.count == 1 ? "" : "s") above with the commands shown, then type /gate. Type no to go back to adding patterns.")
        }
        return lines.joined(separator: "\n")
    }
}
