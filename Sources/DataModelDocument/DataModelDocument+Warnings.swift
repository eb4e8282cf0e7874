import DesignEngine

extension DataModelDocument {
    /// Seed 001's critical production warnings with their exact sentences, then the reason.
    static func warnings(_ context: Context, into out: inout Text) {
        out += "## Warnings\n\n"
        if context.model.warnings.isEmpty {
            out += "No warnings.\n\n"
            return
        }
        for warning in context.model.warnings {
            out += "- **"
            out += warning.kind.rawValue
            out += "** — "
            if let sentence = warning.kind.seedSentence {
                out += sentence
                out += "\n  - "
            }
            out.inline(warning.reason)
            out += "\n"
        }
        out += "\n"
    }
}
