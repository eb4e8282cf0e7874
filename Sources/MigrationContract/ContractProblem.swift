import JSONCore
import MySQLSchema
import Requirements

/// One thing wrong with a contract, at the JSON path where it is (`$[2].attributes.user_id.type`;
/// `$` for the contract as a whole, such as a MySQL table that no entry maps).
public struct ContractProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, the line `check-contract` and the contract gate print.
    public var description: String { "\(path): \(message)" }
}

/// What a contract is checked against besides its own structure: the confirmed requirements
/// (access patterns, excluded columns) and, when the session imported one, the MySQL schema.
public struct ContractContext: Sendable {
    public var requirements: Requirements
    public var sourceSchema: ParsedSchema?

    public init(requirements: Requirements, sourceSchema: ParsedSchema? = nil) {
        self.requirements = requirements
        self.sourceSchema = sourceSchema
    }
}

/// A JSON path built from array positions and object keys, ordered so `$[2]` sorts before
/// `$[10]` and a node before everything inside it.
struct JSONPath: Comparable, Hashable {
    enum Component: Comparable, Hashable {
        case index(Int)
        case key(String)
    }

    var components: [Component] = []

    static let root = JSONPath()

    func appending(_ index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }
    func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

    /// `$`, then `[n]` for positions, `.name` for plain keys and `["a#b"]` for other keys.
    var text: String {
        var result = "$"
        for component in components {
            switch component {
            case .index(let index): result += "[\(index)]"
            case .key(let key):
                if Self.isPlainKey(key) {
                    result += ".\(key)"
                } else {
                    result += "["
                    result += String(decoding: OrderedJSON.string(key).serialized().dropLast(), as: UTF8.self)
                    result += "]"
                }
            }
        }
        return result
    }

    private static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
    }

    static func < (lhs: JSONPath, rhs: JSONPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
