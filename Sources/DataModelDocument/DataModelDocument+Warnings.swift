import DesignEngine

extension DataModelDocument {
    /// The critical production warnings with their exact sentences, then the reason.
    static func warnings(_ context: Context, into out: inout Text) {
        out += "## Warnings\n\n"
        // Limits the model breaks come first: the design gate refuses the model until each is fixed.
        if !context.model.blockers.isEmpty {
            out += "**Limits this model breaks** (the design gate refuses it until each one is fixed):\n\n"
            for blocker in context.model.blockers {
                out += "- ⛔ "
                out.inline(blocker.reason)
                out += "\n  - Mitigation: "
                out.inline(blocker.mitigation)
                out += "\n"
            }
            out += "\n"
        }
        if context.model.warnings.isEmpty {
            out += "No warnings.\n\n"
            return
        }
        // Warnings arrive sorted by kind: each kind's sentence is printed once, its reasons below it.
        var previous: WarningKind?
        for warning in context.model.warnings {
            if warning.kind != previous {
                out += "- **"
                out += warning.kind.rawValue
                out += "**"
                if let sentence = warning.kind.fixedSentence {
                    out += " — "
                    out += sentence
                }
                out += "\n"
                previous = warning.kind
            }
            out += "  - "
            out.inline(warning.reason)
            out += "\n"
        }
        out += "\n"
    }
}
