import DynamoDBAPI

/// The items of one partition key value, kept sorted by their sort position so a Query is a
/// binary search and a walk, never a scan of the table.
struct Partition {
    var keys: [CompositeKey] = []
    var items: [Item] = []

    /// The index of the first key not less than `key`, and whether it equals `key`.
    func search(_ key: CompositeKey) -> (index: Int, found: Bool) {
        var low = 0
        var high = keys.count
        var found = false
        while low < high {
            let middle = (low + high) / 2
            let order = CompositeKey.compare(keys[middle], key)
            if order < 0 {
                low = middle + 1
            } else {
                if order == 0 { found = true }
                high = middle
            }
        }
        return (low, found)
    }

    /// The index of the first key greater than `key`.
    func upperBound(_ key: CompositeKey) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if key < keys[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Inserts or replaces; returns the replaced item.
    @discardableResult
    mutating func upsert(_ key: CompositeKey, _ item: Item) -> Item? {
        let (index, found) = search(key)
        if found {
            let old = items[index]
            items[index] = item
            return old
        }
        keys.insert(key, at: index)
        items.insert(item, at: index)
        return nil
    }

    @discardableResult
    mutating func remove(_ key: CompositeKey) -> Item? {
        let (index, found) = search(key)
        guard found else { return nil }
        keys.remove(at: index)
        return items.remove(at: index)
    }

    func item(_ key: CompositeKey) -> Item? {
        let (index, found) = search(key)
        return found ? items[index] : nil
    }
}

/// Items by partition, with the partitions' order computed when a Scan needs it (DynamoDB
/// scans in an order of its own; this one is by partition key value, then sort position, which
/// is deterministic and what moto does too).
struct ItemCollection {
    var partitions: [CompositeKey: Partition] = [:]
    var count = 0
    private var sortedPartitionKeys: [CompositeKey]?

    func item(partition: CompositeKey, sort: CompositeKey) -> Item? {
        partitions[partition]?.item(sort)
    }

    @discardableResult
    mutating func upsert(partition: CompositeKey, sort: CompositeKey, item: Item) -> Item? {
        if partitions[partition] == nil { sortedPartitionKeys = nil }
        let old = partitions[partition, default: Partition()].upsert(sort, item)
        if old == nil { count += 1 }
        return old
    }

    @discardableResult
    mutating func remove(partition: CompositeKey, sort: CompositeKey) -> Item? {
        guard let old = partitions[partition]?.remove(sort) else { return nil }
        if partitions[partition]?.keys.isEmpty == true {
            partitions[partition] = nil
            sortedPartitionKeys = nil
        }
        count -= 1
        return old
    }

    /// The bytes stored, by DynamoDB's item size rules (computed when DescribeTable asks, so
    /// writes do not pay for it).
    var sizeBytes: Int {
        partitions.values.reduce(0) { total, partition in total + partition.items.reduce(0) { $0 + AttributeValue.itemSize($1) } }
    }

    /// Partition keys in ascending order (cached until a partition appears or disappears).
    mutating func orderedPartitionKeys() -> [CompositeKey] {
        if let sortedPartitionKeys { return sortedPartitionKeys }
        let sorted = partitions.keys.sorted()
        sortedPartitionKeys = sorted
        return sorted
    }
}
