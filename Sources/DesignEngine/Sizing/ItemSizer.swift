import Requirements

/// Item sizes and capacity units, by DynamoDB's published rules (modeling rules §6 and §10).
public enum ItemSizer {
    /// The typical value size of an attribute: the user's figure, else one by type.
    public static func valueSize(of attribute: Attribute) -> Int {
        if let size = attribute.typicalSizeBytes { return size }
        switch attribute.type {
        case .number: return 8
        case .boolean: return 1
        case .date: return 10
        case .datetime: return 25
        case .binary: return 64
        case .json, .list, .set: return 200
        case .string:
            // Identifiers are usually UUID strings; other strings get a short default.
            let name = attribute.name
            return name.lowercased() == "id" || name.lowercased().hasSuffix("_id") || name.hasSuffix("Id") ? 36 : 32
        }
    }

    /// The DynamoDB type an attribute is stored as (modeling rules §10).
    public static func dynamoDBType(of attribute: Attribute) -> String {
        if let imported = attribute.source?.dynamoDBType { return imported }
        switch attribute.type {
        case .number: return "N"
        case .boolean: return "BOOL"
        case .binary: return "B"
        case .json: return "M"
        case .list: return "L"
        case .set: return "SS"
        case .string, .date, .datetime: return "S"
        }
    }

    /// The key type for an attribute used as a key: S, N or B; booleans and documents become S.
    public static func keyType(of attribute: Attribute) -> String {
        switch dynamoDBType(of: attribute) {
        case "N": return "N"
        case "B": return "B"
        case "BOOL": return "N"
        default: return "S"
        }
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
    /// Estimated size of one entity item: every migrated attribute's name and typical value.
    static func itemSize(of entity: Entity, _ context: DesignContext) -> Int {
        context.migratedAttributes(of: entity).reduce(0) { $0 + storedSize(name: $1.name, valueBytes: valueSize(of: $1)) }
    }
}
