import DynamoDBAPI

/// A key condition checked against the key it queries: the partition to read and the slice of
/// sort positions to walk (equalities on the leading sort attributes, then at most one range
/// condition), DynamoDB's rules for single- and multi-attribute keys.
struct KeyConditionPlan {
    enum SortCondition {
        case compare(Comparator, KeyValue)
        case between(KeyValue, KeyValue)
        case beginsWith(KeyValue)
    }

    var partition: CompositeKey
    var equalities: [KeyValue]
    var last: SortCondition?

    static func unsupported(_ detail: String) -> DynamoDBError {
        .validation(message: "Query key condition not supported: \(detail)")
    }

    init(
        _ node: ConditionNode, context: ExpressionContext, partitionKeys: [KeyAttribute], sortKeys: [KeyAttribute]
    ) throws(DynamoDBError) {
        var conditions: [ConditionNode] = []
        func flatten(_ node: ConditionNode) throws(DynamoDBError) {
            switch node {
            case .and(let left, let right):
                try flatten(left)
                try flatten(right)
            case .or: throw .validation(message: "Invalid operator used in KeyConditionExpression: OR")
            case .not: throw .validation(message: "Invalid operator used in KeyConditionExpression: NOT")
            case .inList: throw .validation(message: "Invalid operator used in KeyConditionExpression: IN")
            default: conditions.append(node)
            }
        }
        try flatten(node)

        let attributes = Dictionary(uniqueKeysWithValues: (partitionKeys + sortKeys).map { ($0.name, $0.type) })
        func attribute(_ operand: ConditionOperand) throws(DynamoDBError) -> String {
            guard case .path(let path) = operand, path.elements.count == 1, case .name(let name) = path.elements[0] else {
                throw Self.unsupported("a key condition names a top-level key attribute")
            }
            let attribute = context.name(name)
            guard attributes[attribute] != nil else {
                throw .validation(message: "Query condition missed key schema element: \(partitionKeys[0].name)")
            }
            return attribute
        }
        func value(_ operand: ConditionOperand, for name: String) throws(DynamoDBError) -> KeyValue {
            guard case .value(let placeholder) = operand, let value = context.values[placeholder] else {
                throw Self.unsupported("a key attribute is compared with an expression attribute value")
            }
            if case .s("") = value {
                throw .validation(message: "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: \(name)")
            }
            if case .b([]) = value {
                throw .validation(message: "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: \(name)")
            }
            guard value.typeName == attributes[name]?.rawValue, let key = KeyValue(value) else {
                throw .validation(message: "One or more parameter values were invalid: Condition parameter type does not match schema type")
            }
            return key
        }

        var byAttribute: [String: SortCondition] = [:]
        for condition in conditions {
            let name: String
            let parsed: SortCondition
            switch condition {
            case .compare(let left, let comparator, let right):
                guard comparator != .notEqual else { throw .validation(message: "Unsupported operator on KeyConditionExpression: operator: <>") }
                if case .value = left {
                    name = try attribute(right)
                    let flipped: Comparator
                    switch comparator {
                    case .less: flipped = .greater
                    case .lessOrEqual: flipped = .greaterOrEqual
                    case .greater: flipped = .less
                    case .greaterOrEqual: flipped = .lessOrEqual
                    default: flipped = comparator
                    }
                    parsed = .compare(flipped, try value(left, for: name))
                } else {
                    name = try attribute(left)
                    parsed = .compare(comparator, try value(right, for: name))
                }
            case .between(let target, let low, let high):
                name = try attribute(target)
                parsed = .between(try value(low, for: name), try value(high, for: name))
            case .function(.beginsWith, let arguments):
                name = try attribute(arguments[0])
                guard attributes[name] != .n else {
                    throw .validation(message: "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
                }
                parsed = .beginsWith(try value(arguments[1], for: name))
            case .function(let function, _):
                throw .validation(message: "Invalid KeyConditionExpression: Invalid function name; function: \(function.rawValue)")
            default:
                throw Self.unsupported("only =, <, <=, >, >=, BETWEEN and begins_with")
            }
            guard attributes[name] != nil else {
                throw .validation(message: "Query condition missed key schema element: \(partitionKeys[0].name)")
            }
            guard byAttribute.updateValue(parsed, forKey: name) == nil else {
                throw .validation(message: "KeyConditionExpressions must only contain one condition per key")
            }
        }

        var partition: [KeyValue] = []
        for key in partitionKeys {
            guard let condition = byAttribute[key.name] else {
                throw .validation(message: "Query condition missed key schema element: \(key.name)")
            }
            guard case .compare(.equal, let value) = condition else {
                throw Self.unsupported("the partition key needs an equality condition")
            }
            partition.append(value)
        }
        var equalities: [KeyValue] = []
        var last: SortCondition?
        var ended = false
        for key in sortKeys {
            guard let condition = byAttribute[key.name] else {
                ended = true
                continue
            }
            guard !ended, last == nil else {
                throw .validation(message: "Query key condition not supported: sort key conditions must name the sort key attributes left to right, with only the last one a range")
            }
            if case .compare(.equal, let value) = condition, key.name != sortKeys.last?.name {
                equalities.append(value)
            } else {
                last = condition
            }
        }
        self.partition = CompositeKey(parts: partition)
        self.equalities = equalities
        self.last = last
    }

    /// The slice of a partition's sorted keys that satisfies the sort conditions.
    func range(in keys: [CompositeKey]) -> Range<Int> {
        func point(_ range: Range<Int>, _ after: (CompositeKey) -> Bool) -> Int {
            var low = range.lowerBound
            var high = range.upperBound
            while low < high {
                let middle = (low + high) / 2
                if after(keys[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let prefixCount = equalities.count
        let whole = 0..<keys.count
        let start = point(whole) { !Array($0.parts.prefix(prefixCount)).lexicographicallyPrecedes(equalities) }
        let end = point(start..<keys.count) { Array($0.parts.prefix(prefixCount)) != equalities }
        guard let last else { return start..<end }
        let slice = start..<end
        func part(_ key: CompositeKey) -> KeyValue? { prefixCount < key.parts.count ? key.parts[prefixCount] : nil }
        func atLeast(_ value: KeyValue) -> Int { point(slice) { part($0).map { !($0 < value) } ?? true } }
        func above(_ value: KeyValue) -> Int { point(slice) { part($0).map { value < $0 } ?? true } }
        switch last {
        case .compare(.equal, let value): return atLeast(value)..<max(atLeast(value), above(value))
        case .compare(.less, let value): return start..<atLeast(value)
        case .compare(.lessOrEqual, let value): return start..<above(value)
        case .compare(.greater, let value): return above(value)..<end
        case .compare(.greaterOrEqual, let value): return atLeast(value)..<end
        case .compare: return start..<start
        case .between(let low, let high):
            let lower = atLeast(low)
            return lower..<max(lower, above(high))
        case .beginsWith(let prefix):
            let lower = atLeast(prefix)
            let upper = point(lower..<end) { key in
                switch (part(key), prefix) {
                case (.s(let bytes)?, .s(let start)), (.b(let bytes)?, .b(let start)): return !bytes.starts(with: start)
                default: return true
                }
            }
            return lower..<upper
        }
    }
}
