import DesignEngine

/// The cost of one request of a pattern, as the JSDoc quotes it: the capacity units the model
/// computed and what a million such requests cost on demand at the model's prices.
enum TypeScriptCost {
    static func text(_ mapping: PatternMapping, model: DataModel) -> String {
        guard mapping.isServedByDynamoDB else { return "none in DynamoDB" }
        let complete = mapping.incomplete.isEmpty
        let reads = mapping.readUnitsPerRequest
        let writes = mapping.totalWriteUnitsPerRequest
        var text = units(reads, "RCU", complete: complete) + ", " + units(writes, "WCU", complete: complete)
        let tableClass = mapping.tableID.flatMap { model.table(id: $0)?.tableClass } ?? .standard
        let prices = model.cost.prices.prices(for: tableClass)
        if let reads, let writes {
            let dollars = reads * prices.readRequestPerMillion + writes * prices.writeRequestPerMillion
            text += " (on demand: " + (complete ? "" : "at least ") + "$" + money(dollars) + " per million requests in \(model.cost.prices.region))"
        } else {
            text += " (unknown until the requirements give the item counts and sizes it depends on)"
        }
        return text
    }

    private static func units(_ value: Double?, _ unit: String, complete: Bool) -> String {
        guard let value else { return "unknown \(unit)" }
        return (complete || value == 0 ? "" : "at least ") + TypeScriptText.number(value) + " " + unit
    }

    /// Dollars with up to four decimals, trailing zeros dropped (`0.0625`, `1.25`, `3`).
    static func money(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        let whole = Int64(scaled) / 10_000
        var fraction = String(Int64(scaled) % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }
}
