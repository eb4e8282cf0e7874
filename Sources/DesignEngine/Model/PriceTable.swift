/// DynamoDB prices for one region, dated, so every figure can be traced (docs/design-engine.md).
public struct PriceTable: Sendable, Equatable {
    public var region: String
    /// When the prices were taken from the AWS Price List.
    public var date: String
    /// Seconds in a billing month (730 hours, the AWS Pricing Calculator's month).
    public var secondsPerMonth: Double
    public var standard: ClassPrices
    public var infrequentAccess: ClassPrices

    public init(region: String, date: String, secondsPerMonth: Double, standard: ClassPrices, infrequentAccess: ClassPrices) {
        self.region = region
        self.date = date
        self.secondsPerMonth = secondsPerMonth
        self.standard = standard
        self.infrequentAccess = infrequentAccess
    }

    public func prices(for tableClass: TableClass) -> ClassPrices {
        tableClass == .standard ? standard : infrequentAccess
    }

    /// us-east-1 after the November 2024 on-demand price cut.
    public static let usEast1 = PriceTable(
        region: "us-east-1",
        date: "2024-11-01",
        secondsPerMonth: 2_628_000,
        standard: ClassPrices(
            writeRequestPerMillion: 0.625, readRequestPerMillion: 0.125, storagePerGBMonth: 0.25,
            provisionedWCUHour: 0.00065, provisionedRCUHour: 0.00013, pitrPerGBMonth: 0.20, backupPerGBMonth: 0.10),
        infrequentAccess: ClassPrices(
            writeRequestPerMillion: 0.78, readRequestPerMillion: 0.155, storagePerGBMonth: 0.10,
            provisionedWCUHour: 0.00081, provisionedRCUHour: 0.00016, pitrPerGBMonth: 0.20, backupPerGBMonth: 0.10)
    )
}

/// Prices of one table class.
public struct ClassPrices: Sendable, Equatable {
    public var writeRequestPerMillion: Double
    public var readRequestPerMillion: Double
    public var storagePerGBMonth: Double
    public var provisionedWCUHour: Double
    public var provisionedRCUHour: Double
    public var pitrPerGBMonth: Double
    public var backupPerGBMonth: Double

    public init(writeRequestPerMillion: Double, readRequestPerMillion: Double, storagePerGBMonth: Double,
                provisionedWCUHour: Double, provisionedRCUHour: Double, pitrPerGBMonth: Double, backupPerGBMonth: Double) {
        self.writeRequestPerMillion = writeRequestPerMillion
        self.readRequestPerMillion = readRequestPerMillion
        self.storagePerGBMonth = storagePerGBMonth
        self.provisionedWCUHour = provisionedWCUHour
        self.provisionedRCUHour = provisionedRCUHour
        self.pitrPerGBMonth = pitrPerGBMonth
        self.backupPerGBMonth = backupPerGBMonth
    }
}
