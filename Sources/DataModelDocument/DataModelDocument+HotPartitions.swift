import DesignEngine

extension DataModelDocument {
    /// The load on the hottest partition-key value per pattern and table or index
    /// (docs/design-engine.md, "Hot partitions"), then the mitigations.
    static func hotPartitions(_ context: Context, into out: inout Text) {
        let findings = context.model.hotPartitions
        out += "## Hot Partition Analysis\n\n"
        out += "Units/s on the hottest partition-key value = peak RPS × units per request × share of traffic on that value; "
        out += "the limits are 3,000 read units/s and 1,000 write units/s per partition, with a warning above 50%.\n\n"
        if !findings.isEmpty {
            out += """
                | Pattern | Table / Index | Partition key | Distinct values | Kind | Peak RPS | Units/request | Hottest share | Hottest units/s | Limit | Level |
                |---------|---------------|---------------|-----------------|------|----------|---------------|---------------|-----------------|-------|-------|

                """
            for finding in findings { row(finding, context, into: &out) }
            out += "\n"
        }
        if !findings.contains(where: { $0.level >= .warning }) {
            out += findings.isEmpty
                ? "No pattern puts load on a partition key: nothing to analyse, and no value reaches 50% of a partition limit.\n\n"
                : "No partition-key value reaches 50% of a partition limit at peak.\n\n"
        }
        if findings.contains(where: { $0.hottestShare == nil }) {
            out += "Where the hottest share is unknown, the row shows the largest share one value could take before reaching 50% of the limit: "
            out += "state how the values spread (or the share of the busiest one) to complete the analysis.\n\n"
        }
        let mitigated = findings.filter { $0.mitigation != nil }
        guard !mitigated.isEmpty else { return }
        out += "**Mitigations**\n\n"
        for finding in mitigated {
            out += "- Pattern #"
            out += String(finding.patternID)
            out += " on "
            context.target(tableID: finding.tableID, indexName: finding.indexName, into: &out)
            out += " ("
            out.code(finding.partitionKey)
            out += "): "
            out.inline(finding.mitigation ?? "")
            out += "\n"
        }
        out += "\n"
    }

    static func row(_ finding: HotPartitionFinding, _ context: Context, into out: inout Text) {
        out += "| #"
        out += String(finding.patternID)
        out += " | "
        out.cell(context.tableName(finding.tableID))
        if let indexName = finding.indexName {
            out += " / "
            out.cell(indexName)
        }
        out += " | "
        out.codeCell(finding.partitionKey)
        out += " | "
        var scratch = Text(capacity: 64)
        distribution(finding.distribution, into: &scratch)
        out.cell(String(decoding: scratch.bytes, as: UTF8.self))
        out += " | "
        out += finding.isWrite ? "write" : "read"
        out += " | "
        out += Number.rps(finding.peakRPS)
        out += " | "
        out += finding.unitsPerRequest.map { Number.decimal($0) } ?? "unknown"
        out += " | "
        if let share = finding.hottestShare {
            // A share too small for one decimal still bounds something: not 0%.
            out += share > 0 && share < 0.0005 ? "<0.1%" : Number.percent(share)
            if let source = finding.hottestShareSource {
                out += " ("
                out.cell(source)
                out += ")"
            }
        } else {
            out += "unknown"
            if let safe = finding.safeShare {
                out += " (safe up to "
                out += Number.percent(safe)
                out += ")"
            }
        }
        out += " | "
        out += finding.hottestUnitsPerSecond.map { Number.decimal($0) } ?? "unknown"
        out += " | "
        out += Number.whole(finding.limit)
        out += " | "
        switch finding.level {
        case .ok: out += "✅ ok"
        case .warning: out += "⚠️ above 50%"
        case .overLimit: out += "❌ over limit"
        }
        out += " |\n"
    }
}
