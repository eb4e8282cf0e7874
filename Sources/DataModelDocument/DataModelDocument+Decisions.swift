import DesignEngine

extension DataModelDocument {
    /// The design-decision framework, one subsection per decision.
    static func decisions(_ context: Context, into out: inout Text) {
        out += "## Design Decisions\n\n"
        if context.model.decisions.isEmpty {
            out += "_No decision had alternatives worth recording._\n\n"
            return
        }
        for decision in context.model.decisions {
            out += "### "
            out.inline(decision.subject)
            out += "\n- **Type**: "
            out += decision.type.rawValue
            out += "\n- **ID**: "
            out.code(decision.id)
            out += "\n- **Alternatives considered**:"
            bulletList(decision.alternativesConsidered, into: &out)
            out += "- **Chosen approach**: "
            out.inline(decision.chosenApproach)
            out += "\n- **Justification**: "
            out.inline(decision.justification)
            out += "\n- **Trade-offs**:"
            bulletList(decision.tradeOffs, into: &out)
            out += "- **Rollback strategy**: "
            out.inline(decision.rollbackStrategy)
            out += "\n- **Monitoring**:"
            bulletList(decision.monitoring, into: &out)
            if let choice = decision.userChoice {
                out += "- **User's choice**: "
                out.inline(choice)
                out += "\n"
            }
            out += "\n"
        }
    }

    /// A nested list after a `- **Label**:` line, or ` none` on the same line.
    static func bulletList(_ items: [String], into out: inout Text) {
        if items.isEmpty {
            out += " none\n"
            return
        }
        out += "\n"
        for item in items {
            out += "  - "
            out.inline(item)
            out += "\n"
        }
    }
}
