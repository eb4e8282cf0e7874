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

    static func text(_ value: PlanValue, placeholder: (String) -> String) -> String {
        switch value {
        case .input(_, let name), .stepResult(_, let name): return placeholder(name)
        case .literal(let literal): return literal
        case .concatenation(let parts): return parts.map { text($0, placeholder: placeholder) }.joined()
        case .entityItem(let entity): return placeholder(entity)
        case .emptyList: return ""
        }
    }
}
