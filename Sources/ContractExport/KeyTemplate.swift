import DesignEngine

/// A key's value written as a template for the migration tools: literals as they are, the
/// entity's values as placeholders (`{line_no}` for contract v2, `${line_no}` for DMS). Read
/// from the entity's item layout, the one place the model composes keys, so every export shows
/// the key the model stores.
enum KeyTemplate {
    /// The template of `attribute`'s value in `key`; nil when the key has no such part.
    static func text(_ key: ItemKey?, attribute: String, placeholder: (String) -> String) -> String? {
        guard let part = key?.parts.first(where: { $0.attribute == attribute }) else { return nil }
        return text(part.value, placeholder: placeholder)
    }

    /// The template of one value; `placeholder` may refuse a name it cannot write (DMS does).
    static func text<Failure: Error>(_ value: PlanValue, placeholder: (String) throws(Failure) -> String) throws(Failure) -> String {
        switch value {
        case .input(_, let name), .stepResult(_, let name): return try placeholder(name)
        case .literal(let literal): return literal
        case .concatenation(let parts):
            var text = ""
            for part in parts { text += try self.text(part, placeholder: placeholder) }
            return text
        case .entityItem(let entity): return try placeholder(entity)
        case .emptyList, .currentTime: return ""
        case .negated(let inner): return try "-" + text(inner, placeholder: placeholder)
        case .expiry(let from, let seconds): return try "epoch(" + text(from, placeholder: placeholder) + ") + \(seconds)"
        case .whenSelected(_, _, let then): return try text(then, placeholder: placeholder)
        case .prefix(let inner, let length): return try text(inner, placeholder: placeholder) + "[:\(length)]"
        }
    }
}
