import JSONCore

/// Checks a contract against the format's structure (docs/contract.md) and, with a context, against the requirements
/// and the MySQL schema it must cover. The same checks run before the contract gate is shown and
/// in `ddbmodel check-contract FILE` for contracts edited by hand or produced elsewhere.
///
/// Every problem names its JSON path; problems come sorted by path, then message.
public enum ContractValidator {
    static let entryKeys = ["table", "type", "source_table", "pk", "sk", "gsis", "attributes", "satisfies", "estimated_item_size_bytes"]
    static let requiredEntryKeys = ["table", "type", "source_table", "pk", "attributes", "satisfies", "estimated_item_size_bytes"]
    static let attributeKeys = ["type", "source_table", "source_column", "denormalized", "justification", "join"]
    static let gsiKeys = ["name", "pk", "sk"]
    static let joinKeys = ["local_column", "source_column"]
    /// DynamoDB's item size limit, 400 KB.
    public static let maximumItemSizeBytes = 409_600

    /// Validates contract file bytes. Bytes that are not JSON give one problem with the line and
    /// column where reading stopped.
    public static func validate(_ bytes: [UInt8], context: ContractContext?) -> [ContractProblem] {
        let json: OrderedJSON
        do {
            json = try OrderedJSON.parse(bytes)
        } catch {
            return [ContractProblem(path: "$", message: "not valid JSON: \(error.description)")]
        }
        return validate(json, context: context)
    }

    /// Validates a parsed contract.
    public static func validate(_ json: OrderedJSON, context: ContractContext?) -> [ContractProblem] {
        var problems = ProblemList()
        let entries = StructureChecker.check(json, into: &problems)
        if let context, let entries {
            CoverageChecker(entries: entries, context: context).check(into: &problems)
        }
        return problems.sorted()
    }
}

/// Problems collected with structured paths, sorted at the end.
struct ProblemList {
    private var items: [(JSONPath, String)] = []

    mutating func add(_ path: JSONPath, _ message: String) { items.append((path, message)) }

    func sorted() -> [ContractProblem] {
        items.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { ContractProblem(path: $0.0.text, message: $0.1) }
    }
}

/// What the structure check could read of one entry, for the cross-entry and coverage checks.
struct ParsedEntry {
    struct Attribute {
        var name: String
        var type: String?
        var sourceTable: String?
        var sourceColumn: String?
    }

    struct IndexKeys {
        var name: String
        var pk: String?
        var sk: String?
        var path: JSONPath
    }

    var position: Int
    var table: String?
    var type: String?
    var sourceTable: String?
    var pk: String?
    var sk: String?
    var gsis: [IndexKeys] = []
    var attributes: [Attribute] = []
    var satisfies: [(String, JSONPath)] = []

    var path: JSONPath { JSONPath.root.appending(position) }
}

extension OrderedJSON {
    /// The JSON type name used in messages.
    var typeName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number with a fraction"
        case .integer: return "an integer"
        case .bool: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
