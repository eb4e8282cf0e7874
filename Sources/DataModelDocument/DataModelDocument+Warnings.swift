import DesignEngine

extension DataModelDocument {
    /// Seed 001's critical production warnings with their exact sentences, then the reason.
    static func warnings(_ context: Context, into out: inout Text) {
        out += "## Warnings\n\n"
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
                if let sentence = warning.kind.seedSentence {
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
