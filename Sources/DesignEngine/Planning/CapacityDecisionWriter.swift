import Requirements

/// One CAPACITY decision per entity table: on-demand against provisioned, from the cost estimate.
enum CapacityDecisionWriter {
    static func decisions(tables: [TableDesign], cost: CostEstimate, context: DesignContext) -> [DesignDecision] {
        // Cost lines by the entity table they count towards (a lookup table's with its owner's).
        let ownerOfLookup = Dictionary(tables.compactMap { table in table.lookup.map { (table.id, $0.ownerTableID) } }, uniquingKeysWith: { first, _ in first })
        var linesByTable: [String: [CostLine]] = [:]
        for line in cost.lines { linesByTable[ownerOfLookup[line.tableID] ?? line.tableID, default: []].append(line) }
        return tables.filter { $0.lookup == nil }.map { table in
            let lines = linesByTable[table.id] ?? []
            let onDemand = lines.reduce(0.0) { $0 + $1.readCost + $1.writeCost }
            let provisioned = lines.reduce(0.0) { $0 + $1.provisionedCost }
            let patterns = table.patternIDs.compactMap { context.patternsByID[$0] }
            let peak = patterns.reduce(0.0) { $0 + DesignContext.peakRPS($1) }
            let average = patterns.reduce(0.0) { $0 + DesignContext.averageRPS($1) }
            let ratio = average > 0 ? peak / average : 0
            let cheaper = provisioned < onDemand ? "provisioned" : "on-demand"
            let chosen = table.capacityMode == .onDemand ? "On-demand" : "Provisioned"
            var justification = "Patterns \(patterns.map { "#\($0.id)" }.joined(separator: ", ")) bring \(NumberFormatting.plain(peak)) RPS at peak and \(NumberFormatting.plain(average)) on average"
            justification += ratio > 0 ? " (peak/average \(NumberFormatting.plain((ratio * 10).rounded() / 10))×)." : "."
            justification += " Requests cost \(money(onDemand)) a month on demand against \(money(provisioned)) provisioned for the peak at 70% utilization: \(cheaper) is cheaper at these numbers."
            if table.capacityMode == .onDemand {
                justification += " On-demand is the default: no capacity to manage, and it absorbs spikes (a new table starts with 12,000 RCU / 4,000 WCU of warm throughput)."
            }
            return DesignDecision(
                id: "capacity:\(table.id)", type: .capacity, subject: "\(table.name) capacity mode",
                alternativesConsidered: ["On-demand (pay per request)", "Provisioned capacity sized from peak, with auto scaling"],
                chosenApproach: chosen + (context.choices.capacityModes[table.id] != nil ? " (set at the design gate)" : ""),
                justification: justification,
                tradeOffs: table.capacityMode == .onDemand
                    ? ["No throttling from under-provisioning", "Each request costs more than steady provisioned capacity"]
                    : ["Cheaper for steady traffic", "Spikes above the provisioned capacity are throttled until auto scaling catches up"],
                rollbackStrategy: "Switch the billing mode (allowed once per 24 hours per table).",
                monitoring: ["ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits against the estimate", "ThrottledRequests"],
                userChoice: context.choices.capacityModes[table.id]?.rawValue)
        }
    }

    static func money(_ amount: Double) -> String {
        "$" + String(format: "%.2f", (amount * 100).rounded() / 100)
    }
}
