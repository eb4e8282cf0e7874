import Foundation

/// A key condition or filter as the engine writes it in `PatternMapping` (`a = :a`,
/// `k#j = :k + "#" + :j`, `sk = "ORDER_ITEM#" + :id`, `begins_with(sk, "P#")`), read back into
/// parts: the grammar the boto3 exporter and the validator both build requests from.
public struct KeyConditionText: Equatable, Sendable {
    public enum Piece: Equatable, Sendable {
        case parameter(String)
        case literal(String)
    }

    public enum Part: Equatable, Sendable {
        /// `attribute = pieces`, the pieces concatenated as text when there are several.
        case equals(attribute: String, pieces: [Piece])
        case beginsWith(attribute: String, prefix: String)

        public var attribute: String {
            switch self {
            case .equals(let attribute, _), .beginsWith(let attribute, _): return attribute
            }
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Parses the engine's text; nil when it is not in the engine's grammar.
    public init?(_ text: String) {
        var parts: [Part] = []
        for clause in text.components(separatedBy: " AND ") {
            if clause.hasPrefix("begins_with("), clause.hasSuffix(")") {
                let inner = clause.dropFirst("begins_with(".count).dropLast()
                guard let comma = inner.range(of: ", ") else { return nil }
                guard let prefix = Self.literal(String(inner[comma.upperBound...])) else { return nil }
                parts.append(.beginsWith(attribute: String(inner[..<comma.lowerBound]), prefix: prefix))
                continue
            }
            guard let equals = clause.range(of: " = ") else { return nil }
            var pieces: [Piece] = []
            for token in clause[equals.upperBound...].components(separatedBy: " + ") {
                if token.hasPrefix(":") {
                    pieces.append(.parameter(String(token.dropFirst())))
                } else if let literal = Self.literal(token) {
                    pieces.append(.literal(literal))
                } else {
                    return nil
                }
            }
            parts.append(.equals(attribute: String(clause[..<equals.lowerBound]), pieces: pieces))
        }
        self.parts = parts
    }

    /// The parameters, in order of first appearance.
    public var parameters: [String] {
        var seen: [String] = []
        for case .equals(_, let pieces) in parts {
            for case .parameter(let name) in pieces where !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    private static func literal(_ token: String) -> String? {
        guard token.count >= 2, token.hasPrefix("\""), token.hasSuffix("\"") else { return nil }
        return String(token.dropFirst().dropLast())
    }
}
