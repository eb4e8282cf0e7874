import Requirements

/// Item sizes and capacity units, by DynamoDB's published rules (docs/design-engine.md).
public enum ItemSizer {
    /// The typical value size of an attribute: the user's figure, else the documented size of its
    /// type (8 bytes for numbers, 1 for booleans, 10 for dates, 25 for ISO timestamps, 36 for
    /// identifier strings); nil when nothing says (free text, binary, documents without a size):
    /// the figures that depend on it are then incomplete, never filled in with a guess.
    public static func valueSize(of attribute: Attribute) -> Int? {
        attribute.documentedTypicalSize
    }

    /// The DynamoDB type an attribute is stored as (docs/design-engine.md, "Types").
    public static func dynamoDBType(of attribute: Attribute) -> DynamoDBType {
        if let imported = attribute.source?.dynamoDBType { return imported }
        switch attribute.type {
        case .number: return .number
        case .boolean: return .boolean
        case .binary: return .binary
        case .json: return .map
        case .list: return .list
        case .set: return .stringSet
        case .string, .date, .datetime: return .string
        }
    }

    /// The key type for an attribute used as a key: S, N or B; booleans become N, documents S.
    public static func keyType(of attribute: Attribute) -> DynamoDBType {
        dynamoDBType(of: attribute).keyType
    }

    /// Size of one stored attribute: UTF-8 name bytes plus value bytes.
    public static func storedSize(name: String, valueBytes: Int) -> Int {
        name.utf8.count + valueBytes
    }

    /// Kilobyte-rounded units: writes count 1 KB steps, reads 4 KB steps.
    public static func writeUnits(itemBytes: Int) -> Double {
        Double(max(1, (itemBytes + 1023) / 1024))
    }

    /// Read units for `bytes` read in one request, strongly consistent (halve for eventual).
    public static func strongReadUnits(bytes: Int) -> Double {
        Double(max(1, (bytes + 4095) / 4096))
    }

    /// Read units of one request: `GetItem` and `BatchGetItem` round each item, `Query` and
    /// `Scan` round the sum once; eventual consistency halves them.
    public static func readUnits(itemBytes: Int, items: Double, roundsEachItem: Bool, strong: Bool) -> Double {
        let count = max(items, 1)
        let strongUnits: Double
        if roundsEachItem {
            strongUnits = strongReadUnits(bytes: itemBytes) * count
        } else {
            strongUnits = strongReadUnits(bytes: Int((Double(itemBytes) * count).rounded(.up)))
        }
        return strong ? strongUnits : strongUnits / 2
    }
}

extension ItemSizer {
    /// Estimated size of one entity item: every migrated attribute's name and typical value
    /// (attributes of unknown size count their name only: a lower bound).
    static func itemSize(of entity: Entity, _ context: DesignContext) -> Int {
        context.migratedAttributes(of: entity).reduce(0) { $0 + storedSize(name: $1.name, valueBytes: valueSize(of: $1) ?? 0) }
    }
}
