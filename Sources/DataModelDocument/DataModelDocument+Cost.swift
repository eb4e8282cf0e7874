import DesignEngine

extension DataModelDocument {
    /// Monthly cost with the assumptions behind it (docs/design-engine.md), then the provisioned
    /// alternative.
    static func cost(_ context: Context, into out: inout Text) {
        let cost = context.model.cost
        out += "## Cost Estimates\n\n"
        assumptions(cost, into: &out)
        if cost.lines.isEmpty {
            out += "_No tables to cost._\n\n"
            return
        }
        onDemandTable(cost, context, into: &out)
        provisionedTable(cost, context, into: &out)
    }

    static func assumptions(_ cost: CostEstimate, into out: inout Text) {
        let prices = cost.prices
        out += "**Assumptions**\n- **Prices**: "
        out.inline(prices.region)
        out += ", AWS Price List of "
        out.inline(prices.date)
        out += ". Standard: "
        classPrices(prices.standard, into: &out)
        out += "; Standard-IA: "
        classPrices(prices.infrequentAccess, into: &out)
        out += ".\n- **Month**: "
        out += Number.decimal(prices.secondsPerMonth / 3_600)
        out += " hours = "
        out += Number.whole(prices.secondsPerMonth)
        out += " seconds (the AWS Pricing Calculator's month).\n- **Traffic**: on-demand cost = average RPS × units per request × "
        out += Number.whole(prices.secondsPerMonth)
        out += " s × price per unit; capacity, the provisioned alternative and hot partitions use peak RPS.\n"
        out += "- **Storage**: item (or index entry) size + 100 bytes per item, for each table and each index; item counts assumed: "
        if cost.assumedItemCounts.isEmpty { out += "none given, so storage is unknown" }
        out.join(cost.assumedItemCounts.sorted { $0.key < $1.key }, ", ") { out, entry in
            out.inline(entry.key)
            out += " "
            out += Number.count(entry.value)
        }
        out += ".\n- **Free tier**: the first 25 GB of Standard storage per account are free; not subtracted here.\n"
        out += "- **Not included**: point-in-time recovery ("
        out += Number.price(prices.standard.pitrPerGBMonth)
        out += " per GB-month), on-demand backups ("
        out += Number.price(prices.standard.backupPerGBMonth)
        out += " per GB-month), Streams, global tables and data transfer.\n\n"
    }

    static func classPrices(_ prices: ClassPrices, into out: inout Text) {
        out += Number.price(prices.readRequestPerMillion)
        out += " per million read request units, "
        out += Number.price(prices.writeRequestPerMillion)
        out += " per million write request units, "
        out += Number.price(prices.storagePerGBMonth)
        out += " per GB-month"
    }

    /// `Orders`, or `Orders / OrdersByStatus (GSI)` for an index.
    static func costTarget(_ line: CostLine, _ context: Context, into out: inout Text) {
        out.cell(context.tableName(line.tableID))
        if let indexName = line.indexName {
            out += " / "
            out.cell(indexName)
            out += " ("
            out += context.indexKind(tableID: line.tableID, indexName: indexName)?.rawValue ?? "index"
            out += ")"
        }
    }

    static func onDemandTable(_ cost: CostEstimate, _ context: Context, into out: inout Text) {
        out += """
            **On-demand, per month**

            | Table / Index | Class | Reads/month (RRU) | Writes/month (WRU) | Storage (GB) | Read $ | Write $ | Storage $ | On-demand total |
            |---------------|-------|-------------------|--------------------|--------------|--------|---------|-----------|-----------------|

            """
        var reads = 0.0
        var writes = 0.0
        var gigabytes = 0.0
        var readCost = 0.0
        var writeCost = 0.0
        var storageCost = 0.0
        var unknownStorage = 0
        for line in cost.lines {
            out += "| "
            costTarget(line, context, into: &out)
            out += " | "
            out += line.tableClass.awsName
            out += " | "
            out += Number.whole(line.readUnitsPerMonth)
            out += " | "
            out += Number.whole(line.writeUnitsPerMonth)
            out += " | "
            out += line.storageGB.map(Number.gigabytes) ?? "unknown (no item count)"
            out += " | "
            out += Number.money(line.readCost)
            out += " | "
            out += Number.money(line.writeCost)
            out += " | "
            out += line.storageCost.map(Number.money) ?? "unknown"
            out += " | "
            if !line.isComplete { out += "≥ " }
            out += Number.money(line.onDemandTotal)
            out += " |\n"
            reads += line.readUnitsPerMonth
            writes += line.writeUnitsPerMonth
            gigabytes += line.storageGB ?? 0
            readCost += line.readCost
            writeCost += line.writeCost
            storageCost += line.storageCost ?? 0
            if line.storageGB == nil || line.storageCost == nil { unknownStorage += 1 }
        }
        out += "| **Total** | | "
        out += Number.whole(reads)
        out += " | "
        out += Number.whole(writes)
        out += " | "
        out += Number.gigabytes(gigabytes)
        if unknownStorage > 0 { out += " + unknown" }
        out += " | "
        out += Number.money(readCost)
        out += " | "
        out += Number.money(writeCost)
        out += " | "
        out += Number.money(storageCost)
        if unknownStorage > 0 { out += " + unknown" }
        out += " | **"
        if !cost.isComplete { out += "≥ " }
        out += Number.money(cost.onDemandTotal)
        out += "** |\n"
        let incomplete = cost.lines.filter { !$0.isComplete }
        if !incomplete.isEmpty {
            let patterns = Array(Set(incomplete.flatMap(\.unknownPatterns))).sorted()
            let sizes = Array(Set(incomplete.flatMap(\.unknownSizes))).sorted()
            out += "\nLines marked ≥ are lower bounds: "
            if !patterns.isEmpty {
                out += "the units of "
                out.patternList(patterns)
                out += " are unknown (an item count the requirements do not give)"
                if !sizes.isEmpty { out += ", and " }
            }
            if !sizes.isEmpty {
                out += "the typical size of "
                out.join(sizes, ", ") { $0.code($1) }
                out += " is unknown"
            }
            out += ". Answer them to complete the figures.\n"
        }
        if unknownStorage > 0 {
            out += "\nStorage of "
            out += counted(unknownStorage, "line")
            out += " is unknown (no item count) and counted as $0.00 in the totals: give the entity's item count to complete it.\n"
        }
        out += "\n"
    }

    static func provisionedTable(_ cost: CostEstimate, _ context: Context, into out: inout Text) {
        out += "**Provisioned alternative, per month**: capacity sized from peak RPS at 70% target utilization, billed for "
        out += Number.decimal(cost.prices.secondsPerMonth / 3_600)
        out += " hours (Standard: "
        out += Number.price(cost.prices.standard.provisionedRCUHour)
        out += " per RCU-hour, "
        out += Number.price(cost.prices.standard.provisionedWCUHour)
        out += " per WCU-hour; Standard-IA: "
        out += Number.price(cost.prices.infrequentAccess.provisionedRCUHour)
        out += ", "
        out += Number.price(cost.prices.infrequentAccess.provisionedWCUHour)
        out += ").\n\n| Table / Index | RCU | WCU | Capacity $ |\n|---------------|-----|-----|------------|\n"
        var readCapacity = 0
        var writeCapacity = 0
        var capacityCost = 0.0
        for line in cost.lines {
            out += "| "
            costTarget(line, context, into: &out)
            out += " | "
            out += Number.count(line.provisionedReadCapacity)
            out += " | "
            out += Number.count(line.provisionedWriteCapacity)
            out += " | "
            out += Number.money(line.provisionedCost)
            out += " |\n"
            readCapacity += line.provisionedReadCapacity
            writeCapacity += line.provisionedWriteCapacity
            capacityCost += line.provisionedCost
        }
        out += "| **Total** | "
        out += Number.count(readCapacity)
        out += " | "
        out += Number.count(writeCapacity)
        out += " | **"
        out += Number.money(capacityCost)
        out += "** |\n\nProvisioned total with storage: **"
        out += Number.money(cost.provisionedTotal)
        out += "** per month, against **"
        out += Number.money(cost.onDemandTotal)
        out += "** on demand.\n\n"
    }
}
