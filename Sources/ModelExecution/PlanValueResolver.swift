import DesignEngine
import DynamoDBAPI

/// Turns a `PlanValue` into the attribute value a request carries, converted to the stored type
/// it must take: the plan runner's values, and the items the checks expect to find stored.
enum PlanValueResolver {
    /// The value, or a description of what is missing (an input not passed, an attribute an
    /// earlier step's item lacks).
    static func resolve(_ value: PlanValue, type: DynamoDBType?, inputs: [String: EntityValues],
                        stepResult: (Int, String) -> AttributeValue?) -> Result<AttributeValue, Missing> {
        let raw: AttributeValue
        switch value {
        case .input(let entity, let attribute):
            guard let found = inputs[entity]?[attribute] else { return .failure(Missing("the input \(entity).\(attribute)")) }
            raw = found
        case .literal(let text):
            raw = .s(text)
        case .stepResult(let step, let attribute):
            guard let found = stepResult(step, attribute) else { return .failure(Missing("\(attribute) from step \(step + 1)")) }
            raw = found
        case .concatenation(let parts):
            var text = ""
            for part in parts {
                switch resolve(part, type: nil, inputs: inputs, stepResult: stepResult) {
                case .failure(let missing): return .failure(missing)
                case .success(let resolved):
                    guard let piece = ValueConversion.text(of: resolved) else { return .failure(Missing("a text form of \(resolved)")) }
                    text += piece
                }
            }
            raw = .s(text)
        case .entityItem(let entity):
            guard let values = inputs[entity] else { return .failure(Missing("the \(entity) item")) }
            raw = .m(values)
        case .emptyList:
            raw = .l([])
        case .negated(let inner):
            switch resolve(inner, type: .number, inputs: inputs, stepResult: stepResult) {
            case .failure(let missing): return .failure(missing)
            case .success(let resolved):
                guard case .n(let text) = resolved, let number = DynamoDBNumber(text) else { return .failure(Missing("a number to negate, found \(resolved)")) }
                raw = .n(Self.negate(number, text: text))
            }
        case .prefix(let inner, let length):
            switch resolve(inner, type: nil, inputs: inputs, stepResult: stepResult) {
            case .failure(let missing): return .failure(missing)
            case .success(let resolved):
                guard let text = ValueConversion.text(of: resolved) else { return .failure(Missing("a text form of \(resolved)")) }
                raw = .s(String(text.prefix(length)))
            }
        }
        guard let type else { return .success(raw) }
        return .success(ValueConversion.convert(raw, to: type) ?? raw)
    }

    /// The decimal text of `-number` (exact: the sign flips, the digits stay).
    static func negate(_ number: DynamoDBNumber, text: String) -> String {
        if number == .zero { return "0" }
        let trimmed = String(text.drop { $0 == " " })
        if trimmed.hasPrefix("-") { return String(trimmed.dropFirst()) }
        return "-" + (trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed)
    }

    struct Missing: Error, Sendable, Equatable {
        var what: String
        init(_ what: String) { self.what = what }
    }
}
