import Requirements
/// A comparison DynamoDB expressions support.
public enum ComparisonOperator: String, Sendable, Equatable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A condition or filter expression, typed: attribute names as stored in the table, values
/// from the plan.
public indirect enum PlanCondition: Sendable, Equatable, Hashable {
    case attributeExists(String)
    case attributeNotExists(String)
    case compare(String, ComparisonOperator, PlanValue)
    case beginsWith(String, PlanValue)
    case and([PlanCondition])

    /// The attribute names the condition reads, in order of first appearance.
    public var attributes: [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        switch self {
        case .attributeExists(let name), .attributeNotExists(let name), .compare(let name, _, _), .beginsWith(let name, _):
            add(name)
        case .and(let parts):
            for part in parts { part.attributes.forEach(add) }
        }
        return names
    }

    /// The values the condition compares with, in order.
    public var values: [PlanValue] {
        switch self {
        case .attributeExists, .attributeNotExists: return []
        case .compare(_, _, let value), .beginsWith(_, let value): return [value]
        case .and(let parts): return parts.flatMap(\.values)
        }
    }

    /// Joins conditions with AND, flattening nested ANDs; nil when there are none.
    public static func all(_ conditions: [PlanCondition]) -> PlanCondition? {
        var flat: [PlanCondition] = []
        for condition in conditions {
            if case .and(let parts) = condition { flat += parts } else { flat.append(condition) }
        }
        if flat.count <= 1 { return flat.first }
        return .and(flat)
    }
}

/// One attribute of a key with the value the request gives it.
public struct KeyValue: Sendable, Equatable, Hashable {
    /// The attribute name as stored in the table.
    public var attribute: String
    public var type: DynamoDBType
    public var value: PlanValue

    public init(attribute: String, type: DynamoDBType, value: PlanValue) {
        self.attribute = attribute
        self.type = type
        self.value = value
    }
}

/// The condition on a sort key in a Query.
public enum SortKeyCondition: Sendable, Equatable, Hashable {
    case compare(KeyValue, ComparisonOperator)
    case beginsWith(KeyValue)
    case between(attribute: String, type: DynamoDBType, low: PlanValue, high: PlanValue)

    public var attribute: String {
        switch self {
        case .compare(let key, _), .beginsWith(let key): return key.attribute
        case .between(let attribute, _, _, _): return attribute
        }
    }

    public var values: [PlanValue] {
        switch self {
        case .compare(let key, _), .beginsWith(let key): return [key.value]
        case .between(_, _, let low, let high): return [low, high]
        }
    }
}

/// One action of an update expression.
public enum UpdateAction: Sendable, Equatable, Hashable {
    /// `SET attribute = value`.
    case set(String, PlanValue)
    /// `ADD attribute value` (numbers and sets: increments and counters).
    case add(String, PlanValue)
    /// `REMOVE attribute`.
    case remove(String)
    /// `SET attribute = list_append(if_not_exists(attribute, []), [value])`.
    case appendToList(String, PlanValue)
    /// `SET attribute = value` when the value is present (a `whenSelected` that holds), else
    /// `REMOVE attribute`: a sparse index key entering or leaving its index.
    case setOrRemove(String, PlanValue)

    public var attribute: String {
        switch self {
        case .set(let name, _), .add(let name, _), .remove(let name), .appendToList(let name, _), .setOrRemove(let name, _): return name
        }
    }

    public var value: PlanValue? {
        switch self {
        case .set(_, let value), .add(_, let value), .appendToList(_, let value), .setOrRemove(_, let value): return value
        case .remove: return nil
        }
    }
}
