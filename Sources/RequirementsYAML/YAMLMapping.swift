import Yams

/// A YAML mapping whose keys were checked against the ones a part of the file accepts.
///
/// Unknown keys are reported (with a suggestion when one is close) and non-mappings are reported
/// as a whole, so callers only look values up by key.
struct YAMLMapping<Key: YAMLKey> {
    let node: Node
    private var values: [Key: Node] = [:]

    /// Reads `node` as a mapping of `Key`s; `nil` (with a problem reported) when it is not a mapping.
    ///
    /// - Parameters:
    ///   - subject: what the mapping is, for messages: `access pattern 2`, `the overview`.
    ///   - location: where its keys are, for messages: `in access pattern 2`, `at the top level`.
    init?(_ node: Node, subject: String, location: String, problems: inout ProblemList) {
        guard case .mapping(let mapping) = node else {
            problems.report("\(subject) must be a mapping with the keys \(Self.keyList), found \(node.kindDescription)", at: node)
            return nil
        }
        self.node = node
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                problems.report("a key \(location) must be a plain name such as \(Self.allKeys[0]), found \(keyNode.kindDescription)", at: keyNode)
                continue
            }
            guard let key = Key(rawValue: scalar.string) else {
                problems.report(Self.unknownKeyMessage(scalar.string, location: location), at: keyNode)
                continue
            }
            if !value.isNull { values[key] = value }
        }
    }

    /// The value for `key`; `nil` when the key is missing or its value is null.
    subscript(key: Key) -> Node? { values[key] }

    static var allKeys: [String] { Key.allCases.map(\.rawValue) }

    static var keyList: String { allKeys.joined(separator: ", ") }

    private static func unknownKeyMessage(_ key: String, location: String) -> String {
        if key == "<<" {
            return "merge keys (<<) are not supported \(location): repeat the keys, or use an alias (*name) for the whole value"
        }
        if let suggestion = KeySuggestion.closest(to: key, among: allKeys) {
            return "unknown key '\(key)' \(location); did you mean '\(suggestion)'?"
        }
        return "unknown key '\(key)' \(location); the keys here are \(keyList)"
    }
}
