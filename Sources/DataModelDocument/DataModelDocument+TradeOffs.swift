extension DataModelDocument {
    /// The model's trade-offs as a whole, in the order the engine ranks them.
    static func tradeOffs(_ context: Context, into out: inout Text) {
        out += "## Trade-offs\n\n"
        if context.model.tradeOffs.isEmpty {
            out += "_None recorded._\n\n"
            return
        }
        for tradeOff in context.model.tradeOffs {
            out += "- "
            out.inline(tradeOff)
            out += "\n"
        }
        out += "\n"
    }
}
