/// What a write pattern does to one more entity it lists, besides the item it writes
/// (docs/design-engine.md, "Writes that do what the business rule says").
///
/// Each takes part in the pattern's transaction: `put` creates an item with it (an order's
/// lines), `delete` consumes one (the cart lines at checkout), `check` only requires it to exist
/// (the parent is there), `update` adds to a number on it under a condition (a stock decrement,
/// a project's next issue number, a counter).
public enum WriteEffect: Sendable, Equatable {
    case put
    case delete
    case check
    case update(CounterUpdate)

    /// The text form, as typed and as stored: `put`, `delete`, `check`, or
    /// `update inventory_quantity add -quantity if >= quantity`.
    public var text: String {
        switch self {
        case .put: return "put"
        case .delete: return "delete"
        case .check: return "check"
        case .update(let update): return update.text
        }
    }

    /// Reads the text form (see `text`).
    public static func parse(_ text: String) throws(RequirementsError) -> WriteEffect {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.first?.lowercased() {
        case "put"? where words.count == 1: return .put
        case "delete"? where words.count == 1: return .delete
        case "check"? where words.count == 1: return .check
        case "update"?:
            guard words.count >= 4, words[2].lowercased() == "add" else { break }
            let amount = try EffectOperand.parse(words[3])
            var condition: CounterCondition?
            if words.count > 4 {
                guard words.count == 7, words[4].lowercased() == "if" else { break }
                condition = try CounterCondition.parse(words[5] + " " + words[6])
            }
            return .update(CounterUpdate(attribute: words[1], amount: amount, condition: condition))
        default: break
        }
        throw RequirementsError(
            "\"\(text)\" is not a write effect; use put, delete, check, or update ATTRIBUTE add VALUE [if OPERATOR VALUE], such as update inventory_quantity add -quantity if >= quantity.")
    }
}

extension WriteEffect: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Self.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// `ADD attribute amount`, kept valid by a condition on the attribute's current value.
public struct CounterUpdate: Sendable, Equatable {
    /// The number attribute of the entity's item that changes.
    public var attribute: String
    public var amount: EffectOperand
    /// What the current value must satisfy for the write to go through (stock at least the
    /// quantity ordered); nil when any value will do.
    public var condition: CounterCondition?

    public init(attribute: String, amount: EffectOperand, condition: CounterCondition? = nil) {
        self.attribute = attribute
        self.amount = amount
        self.condition = condition
    }

    public var text: String {
        "update \(attribute) add \(amount.text)" + (condition.map { " if \($0.text)" } ?? "")
    }
}

/// A number in an effect: a literal, or an attribute of an entity the pattern writes (the
/// caller's value), possibly negated (`-quantity` subtracts it).
public enum EffectOperand: Sendable, Equatable {
    case number(Double)
    case attribute(String, negated: Bool)

    public var text: String {
        switch self {
        case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .attribute(let name, let negated): return (negated ? "-" : "") + name
        }
    }

    /// The attribute it reads, if any.
    public var attribute: String? {
        if case .attribute(let name, _) = self { return name }
        return nil
    }

    public static func parse(_ text: String) throws(RequirementsError) -> EffectOperand {
        let trimmed = text.trimmingWhitespace
        if let value = Double(trimmed), value.isFinite { return .number(value) }
        let negated = trimmed.hasPrefix("-")
        let name = negated ? String(trimmed.dropFirst()) : trimmed
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }) else {
            throw RequirementsError("\"\(text)\" is neither a number nor an attribute name (write -quantity to subtract the quantity).")
        }
        return .attribute(name, negated: negated)
    }
}

/// `>= quantity`: the current value of the updated attribute compared with an operand.
public struct CounterCondition: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case greaterOrEqual = ">=", greater = ">", lessOrEqual = "<=", less = "<", equal = "=", notEqual = "<>"
    }

    public var comparison: Comparison
    public var operand: EffectOperand

    public init(comparison: Comparison, operand: EffectOperand) {
        self.comparison = comparison
        self.operand = operand
    }

    public var text: String { "\(comparison.rawValue) \(operand.text)" }

    public static func parse(_ text: String) throws(RequirementsError) -> CounterCondition {
        let trimmed = text.trimmingWhitespace
        // Longest operators first, so ">=" is not read as ">".
        for comparison in Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where trimmed.hasPrefix(comparison.rawValue) {
            let rest = String(trimmed.dropFirst(comparison.rawValue.count))
            guard !rest.trimmingWhitespace.isEmpty else { break }
            return CounterCondition(comparison: comparison, operand: try EffectOperand.parse(rest))
        }
        throw RequirementsError("\"\(text)\" is not a condition; write an operator (>=, >, <=, <, =, <>) then a number or an attribute, such as \">= quantity\".")
    }
}

/// One entity's effect in a write pattern.
public struct EntityWriteEffect: Codable, Sendable, Equatable {
    public var entity: String
    public var effect: WriteEffect

    public init(entity: String, effect: WriteEffect) {
        self.entity = entity
        self.effect = effect
    }
}

extension AccessPattern {
    /// The stated effect of the pattern on `entity`, if any.
    public func effect(on entity: String) -> WriteEffect? {
        effects?.first { $0.entity == entity }?.effect
    }

    /// The entities this write lists beyond the first whose effect nobody stated and that are not
    /// children created with it (a child of the written entity is put with it by default).
    public func entitiesWithUnknownEffect(in requirements: Requirements) -> [String] {
        guard let type, type.isWrite, let main = entities.first else { return [] }
        return entities.dropFirst().filter { other in
            guard other != main, effect(on: other) == nil else { return false }
            let isChild = requirements.relationships.contains { $0.parent == main && $0.child == other && $0.kind == .oneToMany }
            return !(type == .write && isChild)
        }
    }
}
