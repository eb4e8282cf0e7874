import Foundation
import Requirements
import Yams

extension Node {
    /// Whether the node is YAML's null (`~`, `null` or nothing after the colon), which the loader
    /// treats exactly like a key that is not there.
    var isNull: Bool {
        guard case .scalar = self else { return false }
        return tag.rawValue == Tag.Name.null.rawValue
    }

    /// The scalar's text with surrounding whitespace removed; `nil` for lists and mappings.
    var text: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string.trimmingWhitespace
    }

    /// The scalar's text in a form `AnswerParser` reads: as written when it already does
    /// (`500`, `2.5k`, `1,200`, `unknown`), otherwise YAML's reading of the number (`1e3`, `+5`,
    /// `0x10`), so YAML numbers and typed answers go through the same checks.
    var numberText: String? {
        guard case .scalar(let scalar) = self, let written = text else { return nil }
        if AnswerParser.number(written) != nil { return written }
        let tagName = tag.rawValue
        if tagName == Tag.Name.int.rawValue, let value = Int.construct(from: scalar) {
            return String(value)
        }
        if tagName == Tag.Name.float.rawValue, let value = Double.construct(from: scalar) {
            return Self.decimalText(value)
        }
        return written
    }

    /// `1000` rather than `1e+03`: `AnswerParser` reads plain decimals only.
    private static func decimalText(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        return String(format: abs(value) >= 1 ? "%.0f" : "%.20f", value)
    }

    /// How the node looks, for "found …" in messages: `a list`, `a mapping`, `'abc'`.
    var kindDescription: String {
        if isNull { return "nothing" }
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            let shown = scalar.string.count > 40 ? scalar.string.prefix(37) + "..." : Substring(scalar.string)
            if shown.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return String(shown).debugDescription
            }
            return "'\(shown)'"
        }
    }
}
