import DesignEngine
import DynamoDBAPI
import Requirements

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
        case .expiry(let from, let seconds):
            let start: AttributeValue
            switch resolve(from, type: nil, inputs: inputs, stepResult: stepResult) {
            case .failure(let missing): return .failure(missing)
            case .success(let resolved): start = resolved
            }
            guard let text = ValueConversion.text(of: start), let epoch = EpochTime.seconds(of: text) else {
                return .failure(Missing("a date or epoch seconds in \(start) to count the retention from"))
            }
            raw = .n(String(epoch + seconds))
        case .currentTime:
            raw = .n(String(SampleClock.now))
        case .whenSelected(_, _, let then):
            guard isPresent(value, inputs: inputs, stepResult: stepResult) else { return .failure(Missing("a value (the item is not in the selected state)")) }
            return resolve(then, type: type, inputs: inputs, stepResult: stepResult)
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

    /// The time plans run at in the proof and the validator: the start of the sample dates, so
    /// sample items whose TTL counts from them are not expired yet.
    enum SampleClock {
        static let now = SampleData.firstSampleTime
    }

    /// Whether the value exists: false for a `whenSelected` whose selector does not hold the
    /// selected value (the attribute is then left out of the item, or removed).
    static func isPresent(_ value: PlanValue, inputs: [String: EntityValues], stepResult: (Int, String) -> AttributeValue?) -> Bool {
        guard case .whenSelected(let selector, let equals, _) = value else { return true }
        var current: AttributeValue?
        if case .input(let entity, let attribute) = selector {
            current = inputs[entity]?[attribute]
        } else if case .success(let resolved) = resolve(selector, type: nil, inputs: inputs, stepResult: stepResult) {
            current = resolved
        }
        if case .null? = current { current = nil }
        guard let equals else { return current == nil }
        return current.flatMap(ValueConversion.text) == equals
    }

    struct Missing: Error, Sendable, Equatable {
        var what: String
        init(_ what: String) { self.what = what }
    }
}
