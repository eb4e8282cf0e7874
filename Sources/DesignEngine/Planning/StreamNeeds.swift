/// Records on each table why its stream must be enabled (docs/design-engine.md,
/// "Aggregations"): a consumer keeping totals current reads the stream of the table that holds
/// the entity it counts.
enum StreamNeeds {
    static func record(in tables: inout [TableDesign]) {
        for totals in tables.compactMap(\.totals) {
            let streamed = totals.counters.filter { $0.maintenance == .stream }
            guard !streamed.isEmpty,
                  let totalsName = tables.first(where: { $0.totals == totals })?.name,
                  let position = tables.firstIndex(where: { $0.entities.contains(totals.entity) && $0.lookup == nil && $0.totals == nil }) else { continue }
            let patterns = streamed.flatMap(\.patternIDs).map { "#\($0)" }.joined(separator: ", ")
            let reason = StreamReason(consumer: .aggregateConsumer,
                                      detail: "keeps \(totalsName) current for patterns \(patterns): it sums each batch's \(totals.entity) inserts and removes per counter item and writes each counter once")
            if !tables[position].streamReasons.contains(reason) { tables[position].streamReasons.append(reason) }
        }
    }
}
