/// Where one value of a planned request comes from.
///
/// Plans are executable: the validator, the in-memory proof and the generated code all resolve
/// these the same way (the rules are in `docs/design-engine.md`, "Plans"):
/// - an input is the caller's value of an entity's attribute, named as in the requirements;
/// - a step result is an attribute of the item an earlier step of the same plan read or wrote
///   (inside a loop over a step's results, the item of the current round);
/// - a concatenation joins the text forms of its parts (numbers as their decimal text, booleans
///   as `1`/`0`, like a boolean key), the way concatenated keys such as `tenant_id#user_id` are stored.
public indirect enum PlanValue: Sendable, Equatable, Hashable {
    case input(entity: String, attribute: String)
    case literal(String)
    case stepResult(step: Int, attribute: String)
    case concatenation([PlanValue])
    /// Every attribute of one caller-supplied entity item, as a map (an embedded child).
    case entityItem(entity: String)
    /// An empty list (a parent's embedded list before any child is added).
    case emptyList
    /// The number with its sign changed (`ADD stock :negated_quantity` subtracts a quantity).
    case negated(PlanValue)
    /// A TTL value: the time `from` holds (an ISO 8601 date or time, or epoch seconds) plus
    /// `seconds`, as epoch seconds (docs/design-engine.md, "Lifecycle").
    case expiry(from: PlanValue, seconds: Int)
    /// The current time in epoch seconds (reads leave out items whose TTL has passed).
    case currentTime
    /// `then` when `selector` (an input) holds `equals` (nil: holds no value), else no value at
    /// all: a sparse index's key attribute, carried only by the items in the selected state
    /// (docs/design-engine.md, "Sparse indexes"). A Put leaves the attribute out; an update
    /// removes it (`UpdateAction.setOrRemove`).
    case whenSelected(selector: PlanValue, equals: String?, then: PlanValue)
    /// The first `length` characters of the value's text: the hour, day or month of an
    /// ISO-8601 datetime (`2026-01-15T09` is its hour), the period a total is kept for.
    case prefix(PlanValue, length: Int)

    /// The inputs this value reads, in order of first appearance.
    public var inputs: [PlanInput] {
        var found: [PlanInput] = []
        collectInputs(into: &found)
        return found
    }

    func collectInputs(into found: inout [PlanInput]) {
        switch self {
        case .input(let entity, let attribute):
            let input = PlanInput(entity: entity, attribute: attribute)
            if !found.contains(input) { found.append(input) }
        case .concatenation(let parts):
            for part in parts { part.collectInputs(into: &found) }
        case .negated(let inner), .prefix(let inner, _):
            inner.collectInputs(into: &found)
        case .expiry(let from, _):
            from.collectInputs(into: &found)
        case .whenSelected(let selector, _, let then):
            selector.collectInputs(into: &found)
            then.collectInputs(into: &found)
        case .literal, .stepResult, .entityItem, .emptyList, .currentTime:
            break
        }
    }

    /// The steps whose results this value reads.
    public var stepsRead: [Int] {
        switch self {
        case .stepResult(let step, _): return [step]
        case .concatenation(let parts): return parts.flatMap(\.stepsRead)
        case .negated(let inner), .prefix(let inner, _): return inner.stepsRead
        case .expiry(let from, _): return from.stepsRead
        case .whenSelected(let selector, _, let then): return selector.stepsRead + then.stepsRead
        case .input, .literal, .entityItem, .emptyList, .currentTime: return []
        }
    }

    /// `a#b` pieces joined: a concatenation of the parts with `#` between them.
    public static func joined(_ parts: [PlanValue], separator: String = "#") -> PlanValue {
        guard parts.count > 1 else { return parts.first ?? .literal("") }
        var pieces: [PlanValue] = []
        for (position, part) in parts.enumerated() {
            if position > 0 { pieces.append(.literal(separator)) }
            pieces.append(part)
        }
        return .concatenation(pieces)
    }
}

/// A value the caller of a pattern supplies: one attribute of one entity.
public struct PlanInput: Sendable, Equatable, Hashable {
    public var entity: String
    public var attribute: String

    public init(entity: String, attribute: String) {
        self.entity = entity
        self.attribute = attribute
    }
}

extension PlanValue {
    /// The value with some inputs replaced (a key built from inputs, read instead from the item
    /// an earlier step returned); inputs `replacement` returns nil for stay as they are.
    public func replacingInputs(_ replacement: (PlanInput) -> PlanValue?) -> PlanValue {
        switch self {
        case .input(let entity, let attribute):
            return replacement(PlanInput(entity: entity, attribute: attribute)) ?? self
        case .concatenation(let parts):
            return .concatenation(parts.map { $0.replacingInputs(replacement) })
        case .negated(let inner):
            return .negated(inner.replacingInputs(replacement))
        case .expiry(let from, let seconds):
            return .expiry(from: from.replacingInputs(replacement), seconds: seconds)
        case .whenSelected(let selector, let equals, let then):
            return .whenSelected(selector: selector.replacingInputs(replacement), equals: equals, then: then.replacingInputs(replacement))
        case .prefix(let inner, let length):
            return .prefix(inner.replacingInputs(replacement), length: length)
        case .literal, .stepResult, .entityItem, .emptyList, .currentTime:
            return self
        }
    }
}

extension ItemKey {
    /// The key with some inputs replaced (see `PlanValue.replacingInputs`).
    public func replacingInputs(_ replacement: (PlanInput) -> PlanValue?) -> ItemKey {
        ItemKey(parts.map { KeyValue(attribute: $0.attribute, type: $0.type, value: $0.value.replacingInputs(replacement)) })
    }

    /// The key attribute names, partition first.
    public var attributes: [String] { parts.map(\.attribute) }
}
