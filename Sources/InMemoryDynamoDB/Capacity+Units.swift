import DynamoDBAPI

/// DynamoDB's capacity arithmetic (developer guide, "Read/write capacity mode" and "Item sizes
/// and formats"): reads in 4 KB units, writes in 1 KB units, rounded up, never less than one.
extension Capacity {
    /// Write units for an item (or index entry) of this size.
    static func writeUnits(_ size: Int) -> Double {
        Double(max(1, (size + 1023) / 1024))
    }

    /// Read units for this many bytes read: half for eventually consistent reads.
    static func readUnits(_ size: Int, consistent: Bool) -> Double {
        let units = Double(max(1, (size + 4095) / 4096))
        return consistent ? units : units / 2
    }
}
