import Requirements

/// One GSI_DESIGN decision per index, quoting the traffic it carries.
enum IndexDecisionWriter {
    static func decisions(for catalog: IndexCatalog, layout: TableLayout, context: DesignContext) -> [DesignDecision] {
        var decisions: [DesignDecision] = []
        for table in layout.tables {
            for index in catalog.byTable[table.id] ?? [] {
                let patterns = index.patternIDs.compactMap { context.patternsByID[$0] }
                let peak = patterns.reduce(0.0) { $0 + DesignContext.peakRPS($1) }
                let average = patterns.reduce(0.0) { $0 + DesignContext.averageRPS($1) }
                let keyText = index.partitionKey.map(\.name).joined(separator: " + ") + (index.sortKey.isEmpty ? "" : ", sorted by " + index.sortKey.map(\.name).joined(separator: " + "))
                let writes = context.patterns(involving: table.entities[0]).filter { $0.type?.isWrite ?? false }
                let writePeak = writes.reduce(0.0) { $0 + DesignContext.peakRPS($1) }
                var alternatives = [
                    "\(index.kind.rawValue) \(index.id) keyed by \(keyText)",
                    "Scan with a filter (reads every item: rejected)",
                    "A separate table maintained by the application (two writes per change, no atomicity)",
                ]
                if index.kind == .local {
                    alternatives.append("GSI keyed by \(table.partitionKey.name), sorted by \(index.sortKey.map(\.name).joined(separator: " + ")) (rejected: the table's own partition key, so a second copy of every item with write units of its own)")
                    alternatives.append("Sort key of \(table.id) led by \(index.sortKey.map(\.name).joined(separator: " + ")) (not possible: another pattern needs the sort key as it is, an update changes the attribute, or it does not sort as text in its own order)")
                }
                if index.partitionKey.count > 1 {
                    alternatives.append("A concatenated attribute \(index.partitionKey.map(\.name).joined(separator: "#")) written by the application (the multi-attribute key avoids it)")
                }
                decisions.append(DesignDecision(
                    id: "index:\(table.id).\(index.id)", type: .gsiDesign, subject: "\(index.id) on \(table.id)",
                    alternativesConsidered: alternatives,
                    chosenApproach: "\(index.kind.rawValue) keyed by \(keyText), projection \(index.projection.awsName)",
                    justification: "Serves \(patterns.map { "#\($0.id) (\($0.description))" }.joined(separator: ", ")) at \(NumberFormatting.plain(peak)) RPS peak / \(NumberFormatting.plain(average)) average, which the base key (\(table.keyAttributeNames.joined(separator: ", "))) cannot serve without a Scan. \(index.projectionReason)",
                    tradeOffs: [
                        "Every \(table.entities[0]) write that carries the index key also writes the index (\(NumberFormatting.plain(writePeak)) write RPS at peak on the table)",
                        index.kind == .global ? "Reads are eventually consistent" : "LSIs cap each partition's item collection at 10 GB and exist only from table creation: the migration must create the table with it",
                    ],
                    rollbackStrategy: index.kind == .global ? "Delete the index (online, no table rebuild) once no pattern uses it." : "An LSI cannot be dropped: recreate the table without it.",
                    monitoring: ["OnlineIndexThrottleEvents / WriteThrottleEvents on the index", "Consumed write capacity of the index against the table's"]))
            }
        }
        return decisions
    }
}
