import DesignEngine

/// The capacity of a provisioned table or GSI, from the cost estimate's provisioned alternative:
/// what every deployment export (CloudFormation, Terraform) gives it.
struct ProvisionedCapacity: Sendable, Equatable {
    /// The target utilization the estimate sizes capacity for (and auto scaling tracks), in percent.
    static let targetUtilizationPercent = 70

    /// Units that serve the peak at the target utilization, at least 1: the deployed capacity.
    var read: Int
    var write: Int
    /// Units that serve the average at the target utilization, at least 1 and at most the peak
    /// figure: the floor auto scaling may go down to.
    var minimumRead: Int
    var minimumWrite: Int

    init(_ model: DataModel, tableID: String, index: String?) {
        let line = model.cost.lines.first { $0.tableID == tableID && $0.indexName == index }
        read = max(1, line?.provisionedReadCapacity ?? 1)
        write = max(1, line?.provisionedWriteCapacity ?? 1)
        let seconds = model.cost.prices.secondsPerMonth
        minimumRead = min(read, Self.units(forAverage: (line?.readUnitsPerMonth ?? 0) / seconds))
        minimumWrite = min(write, Self.units(forAverage: (line?.writeUnitsPerMonth ?? 0) / seconds))
    }

    /// ⌈average / utilization⌉, at least 1, tolerant of binary rounding (as the estimate's peak figure).
    static func units(forAverage average: Double) -> Int {
        guard average.isFinite, average > 0 else { return 1 }
        let raw = average * 100 / Double(targetUtilizationPercent)
        let nearest = raw.rounded()
        let units = abs(raw - nearest) < 1e-9 * max(1, raw) ? nearest : raw.rounded(.up)
        return units < Double(Int.max / 2) ? max(1, Int(units)) : Int.max / 2
    }
}
