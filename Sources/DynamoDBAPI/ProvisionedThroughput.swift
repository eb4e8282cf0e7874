/// Read and write capacity units of a provisioned table or index.
public struct ProvisionedThroughput: Sendable, Hashable {
    public var readCapacityUnits: Int
    public var writeCapacityUnits: Int

    public init(readCapacityUnits: Int, writeCapacityUnits: Int) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
    }
}

/// `PROVISIONED` or `PAY_PER_REQUEST` (on-demand).
public enum BillingMode: String, Sendable, Hashable, CaseIterable {
    case provisioned = "PROVISIONED"
    case payPerRequest = "PAY_PER_REQUEST"
}
