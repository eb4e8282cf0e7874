import DynamoDBAPI

/// The placeholders of one request, and everything that reads paths and operands with them.
struct ExpressionContext {
    let names: [String: String]
    let values: [String: AttributeValue]

    func name(_ name: PathName) -> String {
        switch name {
        case .plain(let text): return text
        case .placeholder(let placeholder): return names[placeholder] ?? placeholder
        }
    }

    func resolve(_ path: DocumentPath) -> [ResolvedStep] {
        path.elements.map { element in
            switch element {
            case .name(let name): return .name(self.name(name))
            case .index(let index): return .index(index)
            }
        }
    }

    /// The value at a path in an item, nil when any step is missing or of the wrong type.
    func value(at path: DocumentPath, in item: Item?) -> AttributeValue? {
        guard let item, case .name(let first)? = path.elements.first else { return nil }
        var current = item[name(first)]
        for element in path.elements.dropFirst() {
            guard let value = current else { return nil }
            switch (element, value) {
            case (.name(let member), .m(let members)): current = members[name(member)]
            case (.index(let index), .l(let list)): current = index < list.count ? list[index] : nil
            default: return nil
            }
        }
        return current
    }

    static func value(at steps: [ResolvedStep], in item: Item) -> AttributeValue? {
        guard case .name(let first)? = steps.first else { return nil }
        var current = item[first]
        for step in steps.dropFirst() {
            guard let value = current else { return nil }
            switch (step, value) {
            case (.name(let member), .m(let members)): current = members[member]
            case (.index(let index), .l(let list)): current = index < list.count ? list[index] : nil
            default: return nil
            }
        }
        return current
    }

    /// Checks that every placeholder the request's expressions use is defined and every defined
    /// one is used, with DynamoDB's messages.
    static func checkPlaceholders(
        names: [String: String], values: [String: AttributeValue], usedNames: Set<String>, usedValues: Set<String>
    ) throws(DynamoDBError) {
        // The common case (everything defined and used) allocates nothing.
        if usedNames.contains(where: { names[$0] == nil }), let name = usedNames.sorted().first(where: { names[$0] == nil }) {
            throw .validation(message: "An expression attribute name used in the document path is not defined; attribute name: \(name)")
        }
        if usedValues.contains(where: { values[$0] == nil }), let value = usedValues.sorted().first(where: { values[$0] == nil }) {
            throw .validation(message: "An expression attribute value used in expression is not defined; attribute value: \(value)")
        }
        // Every used placeholder is defined, so any extra definition is unused.
        if names.count != usedNames.count {
            let unused = Set(names.keys).subtracting(usedNames)
            throw .validation(message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unused.sorted().joined(separator: ", "))}")
        }
        if values.count != usedValues.count {
            let unused = Set(values.keys).subtracting(usedValues)
            throw .validation(message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unused.sorted().joined(separator: ", "))}")
        }
    }

    /// Refuses two paths where one is the other or lies inside it (DynamoDB's "overlap" and
    /// "conflict" errors for projections and updates).
    func checkOverlaps(_ paths: [DocumentPath], kind: String) throws(DynamoDBError) {
        let resolved = paths.map(resolve)
        for first in 0..<resolved.count {
            for second in (first + 1)..<resolved.count {
                let a = resolved[first]
                let b = resolved[second]
                let shared = min(a.count, b.count)
                guard Array(a.prefix(shared)) == Array(b.prefix(shared)) else { continue }
                let relation = a.count == b.count ? "conflict" : "overlap"
                throw .validation(message: "Invalid \(kind): Two document paths \(relation) with each other; must remove or rewrite one of these paths; path one: \(Self.describe(a)), path two: \(Self.describe(b))")
            }
        }
    }

    static func describe(_ steps: [ResolvedStep]) -> String {
        "[" + steps.map { step -> String in
            switch step {
            case .name(let name): return name
            case .index(let index): return "[\(index)]"
            }
        }.joined(separator: ", ") + "]"
    }

    // MARK: Conditions

    /// The number an operand stands for, nil when its attribute is missing.
    func operand(_ operand: ConditionOperand, in item: Item?) -> AttributeValue? {
        switch operand {
        case .path(let path): return value(at: path, in: item)
        case .value(let name): return values[name]
        case .size(let path):
            guard let target = value(at: path, in: item) else { return nil }
            switch target {
            case .s(let text): return .n(String(text.utf8.count))
            case .b(let bytes): return .n(String(bytes.count))
            case .ss(let set): return .n(String(set.count))
            case .ns(let set): return .n(String(set.count))
            case .bs(let set): return .n(String(set.count))
            case .l(let list): return .n(String(list.count))
            case .m(let members): return .n(String(members.count))
            default: return nil
            }
        }
    }

    /// `<`, `<=`, `>`, `>=` on values of one scalar type; nil (false) across types.
    static func order(_ a: AttributeValue, _ b: AttributeValue) -> Int? {
        switch (a, b) {
        case (.s, .s), (.n, .n), (.b, .b): return AttributeValue.compareKeys(a, b)
        default: return nil
        }
    }

    func evaluate(_ node: ConditionNode, on item: Item?) -> Bool {
        switch node {
        case .and(let left, let right): return evaluate(left, on: item) && evaluate(right, on: item)
        case .or(let left, let right): return evaluate(left, on: item) || evaluate(right, on: item)
        case .not(let inner): return !evaluate(inner, on: item)
        case .compare(let left, let comparator, let right):
            let a = operand(left, in: item)
            let b = operand(right, in: item)
            switch comparator {
            case .equal: return a != nil && a == b
            case .notEqual: return a != b
            default:
                guard let a, let b, let order = Self.order(a, b) else { return false }
                switch comparator {
                case .less: return order < 0
                case .lessOrEqual: return order <= 0
                case .greater: return order > 0
                default: return order >= 0
                }
            }
        case .between(let target, let low, let high):
            guard let value = operand(target, in: item), let lowValue = operand(low, in: item), let highValue = operand(high, in: item),
                let above = Self.order(value, lowValue), let below = Self.order(value, highValue)
            else { return false }
            return above >= 0 && below <= 0
        case .inList(let target, let list):
            guard let value = operand(target, in: item) else { return false }
            return list.contains { operand($0, in: item) == value }
        case .function(let function, let arguments):
            let subject = operand(arguments[0], in: item)
            switch function {
            case .attributeExists: return subject != nil
            case .attributeNotExists: return subject == nil
            case .attributeType:
                guard let subject, case .s(let type)? = operand(arguments[1], in: item) else { return false }
                return subject.typeName == type
            case .beginsWith:
                switch (subject, operand(arguments[1], in: item)) {
                case (.s(let text)?, .s(let prefix)?): return text.utf8.starts(with: prefix.utf8)
                case (.b(let bytes)?, .b(let prefix)?): return bytes.starts(with: prefix)
                default: return false
                }
            case .contains:
                guard let subject, let needle = operand(arguments[1], in: item) else { return false }
                switch (subject, needle) {
                case (.s(let text), .s(let part)): return part.isEmpty || Self.contains(Array(text.utf8), Array(part.utf8))
                case (.b(let bytes), .b(let part)): return part.isEmpty || Self.contains(bytes, part)
                case (.ss(let set), .s): return set.contains { AttributeValue.s($0) == needle }
                case (.ns(let set), .n): return set.contains { AttributeValue.n($0) == needle }
                case (.bs(let set), .b(let part)): return set.contains(part)
                case (.l(let list), _): return list.contains(needle)
                default: return false
                }
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// The static checks DynamoDB makes on a condition's `:values` before reading any item:
    /// ordering comparators and `BETWEEN` take only S, N or B; `BETWEEN`'s bounds in order;
    /// `begins_with` an S or B; `attribute_type` a known type name.
    func checkOperandTypes(_ node: ConditionNode, kind: String) throws(DynamoDBError) {
        func incorrect(_ function: String, _ value: AttributeValue) -> DynamoDBError {
            .validation(message: "Invalid \(kind): Incorrect operand type for operator or function; operator or function: \(function), operand type: \(value.typeName)")
        }
        func scalar(_ operand: ConditionOperand, _ function: String) throws(DynamoDBError) {
            guard case .value(let name) = operand, let value = values[name] else { return }
            switch value {
            case .s, .n, .b: return
            default: throw incorrect(function, value)
            }
        }
        switch node {
        case .and(let left, let right), .or(let left, let right):
            try checkOperandTypes(left, kind: kind)
            try checkOperandTypes(right, kind: kind)
        case .not(let inner): try checkOperandTypes(inner, kind: kind)
        case .compare(let left, let comparator, let right):
            if comparator != .equal && comparator != .notEqual {
                try scalar(left, comparator.rawValue)
                try scalar(right, comparator.rawValue)
            }
        case .between(let target, let low, let high):
            try scalar(target, "BETWEEN")
            try scalar(low, "BETWEEN")
            try scalar(high, "BETWEEN")
            if case .value(let lowName) = low, case .value(let highName) = high, let lowValue = values[lowName], let highValue = values[highName] {
                guard let order = Self.order(lowValue, highValue) else {
                    throw .validation(message: "Invalid \(kind): The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: \(lowValue), upper bound operand: AttributeValue: \(highValue)")
                }
                if order > 0 {
                    throw .validation(message: "Invalid \(kind): The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: \(lowValue), upper bound operand: AttributeValue: \(highValue)")
                }
            }
        case .inList: break
        case .function(let function, let arguments):
            switch function {
            case .beginsWith:
                if case .value(let name) = arguments[1], let value = values[name] {
                    switch value {
                    case .s, .b: break
                    default: throw incorrect("begins_with", value)
                    }
                }
            case .attributeType:
                if case .value(let name) = arguments[1], let value = values[name] {
                    let types = ["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"]
                    guard case .s(let type) = value, types.contains(type) else {
                        throw .validation(message: "Invalid \(kind): Invalid attribute type name found; type: \(value), valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
                    }
                }
            default: break
            }
        }
    }

    // MARK: Projections

    /// The item cut down to the projection's paths; list elements picked by index keep their
    /// order and close up, as DynamoDB returns them.
    func project(_ item: Item, paths: [DocumentPath]) -> Item {
        var picked: [String: Pick] = [:]
        for path in paths {
            let steps = resolve(path)
            guard case .name(let first)? = steps.first, let source = item[first], Self.value(at: steps, in: item) != nil else { continue }
            Pick.insert(into: &picked[first], source: source, steps: steps.dropFirst())
        }
        return picked.mapValues { $0.materialized }
    }
}

/// A partial copy of a value while a projection is built.
indirect enum Pick {
    case whole(AttributeValue)
    case map([String: Pick], source: [String: AttributeValue])
    case list([Int: Pick], source: [AttributeValue])

    static func insert(into pick: inout Pick?, source: AttributeValue, steps: ArraySlice<ResolvedStep>) {
        guard let step = steps.first else {
            pick = .whole(source)
            return
        }
        if case .whole? = pick { return }
        switch (step, source) {
        case (.name(let name), .m(let members)):
            guard let child = members[name] else { return }
            var children: [String: Pick] = [:]
            if case .map(let existing, _)? = pick { children = existing }
            insert(into: &children[name], source: child, steps: steps.dropFirst())
            pick = .map(children, source: members)
        case (.index(let index), .l(let list)):
            guard index < list.count else { return }
            var children: [Int: Pick] = [:]
            if case .list(let existing, _)? = pick { children = existing }
            insert(into: &children[index], source: list[index], steps: steps.dropFirst())
            pick = .list(children, source: list)
        default:
            return
        }
    }

    var materialized: AttributeValue {
        switch self {
        case .whole(let value): return value
        case .map(let children, _): return .m(children.mapValues { $0.materialized })
        case .list(let children, _): return .l(children.keys.sorted().compactMap { children[$0]?.materialized })
        }
    }
}
