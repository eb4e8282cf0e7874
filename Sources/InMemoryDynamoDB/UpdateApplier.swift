import DynamoDBAPI

/// Applies a parsed update expression to an item, with DynamoDB's semantics (developer guide,
/// "Update expressions"): every operand reads the item as it was before the update, `SET` then
/// `REMOVE`, `ADD` and `DELETE` are applied, list indexes past the end append, and type errors
/// are ValidationExceptions.
struct UpdateApplier {
    let context: ExpressionContext

    static func incorrectType() -> DynamoDBError {
        .validation(message: "An operand in the update expression has an incorrect data type")
    }

    static func invalidPath() -> DynamoDBError {
        .validation(message: "The document path provided in the update expression is invalid for update")
    }

    func operand(_ operand: UpdateOperand, old: Item) throws(DynamoDBError) -> AttributeValue {
        switch operand {
        case .value(let name):
            guard let value = context.values[name] else {
                throw .validation(message: "An expression attribute value used in expression is not defined; attribute value: \(name)")
            }
            return value
        case .path(let path):
            guard let value = context.value(at: path, in: old) else {
                throw .validation(message: "The provided expression refers to an attribute that does not exist in the item")
            }
            return value
        case .ifNotExists(let path, let fallback):
            if let value = context.value(at: path, in: old) { return value }
            return try self.operand(fallback, old: old)
        case .listAppend(let first, let second):
            guard case .l(let a) = try self.operand(first, old: old), case .l(let b) = try self.operand(second, old: old) else {
                throw Self.incorrectType()
            }
            return .l(a + b)
        }
    }

    func value(_ value: SetValue, old: Item) throws(DynamoDBError) -> AttributeValue {
        switch value {
        case .operand(let operand): return try self.operand(operand, old: old)
        case .plus(let a, let b), .minus(let a, let b):
            guard case .n(let x) = try operand(a, old: old), case .n(let y) = try operand(b, old: old),
                let first = DynamoDBNumber(x), let second = DynamoDBNumber(y)
            else { throw Self.incorrectType() }
            let result: DynamoDBNumber
            if case .plus = value { result = first + second } else { result = first - second }
            if let problem = result.rangeProblem { throw .validation(message: problem) }
            return .n(result.description)
        }
    }

    /// The updated item. `old` is the stored item, or just the key when there is none.
    func apply(_ actions: UpdateActions, to old: Item) throws(DynamoDBError) -> Item {
        var item = old
        var assignments: [([ResolvedStep], AttributeValue)] = []
        for action in actions.sets {
            assignments.append((context.resolve(action.path), try value(action.value, old: old)))
        }
        for (steps, value) in assignments { try Self.set(value, at: steps[...], in: &item) }
        // Removing list elements by index: highest first, so earlier indexes stay valid.
        func removalOrder(_ steps: [ResolvedStep]) -> (String, Int) {
            if case .index(let index)? = steps.last { return (ExpressionContext.describe(Array(steps.dropLast())), index) }
            return (ExpressionContext.describe(steps), -1)
        }
        let removals = actions.removes.map(context.resolve).sorted { a, b in
            let (x, y) = (removalOrder(a), removalOrder(b))
            return x.0 != y.0 ? x.0 < y.0 : x.1 > y.1
        }
        for steps in removals { try Self.remove(at: steps[...], in: &item) }
        for action in actions.adds {
            let steps = context.resolve(action.path)
            guard let addend = context.values[action.value] else { throw Self.incorrectType() }
            let existing = ExpressionContext.value(at: steps, in: item)
            let result: AttributeValue
            switch (existing, addend) {
            case (nil, .n), (nil, .ss), (nil, .ns), (nil, .bs): result = addend
            case (.n(let a)?, .n(let b)):
                guard let x = DynamoDBNumber(a), let y = DynamoDBNumber(b) else { throw Self.incorrectType() }
                let sum = x + y
                if let problem = sum.rangeProblem { throw .validation(message: problem) }
                result = .n(sum.description)
            case (.ss(let a)?, .ss(let b)): result = .ss(a + b.filter { !a.contains($0) })
            case (.ns(let a)?, .ns(let b)): result = .ns(a + b.filter { number in !a.contains { DynamoDBNumber.equal($0, number) } })
            case (.bs(let a)?, .bs(let b)): result = .bs(a + b.filter { !a.contains($0) })
            case (nil, _):
                throw .validation(message: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: \(addend.typeName)")
            default: throw Self.incorrectType()
            }
            try Self.set(result, at: steps[...], in: &item)
        }
        for action in actions.deletes {
            let steps = context.resolve(action.path)
            guard let subtrahend = context.values[action.value] else { throw Self.incorrectType() }
            switch subtrahend {
            case .ss, .ns, .bs: break
            default:
                throw .validation(message: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: \(subtrahend.typeName)")
            }
            guard let existing = ExpressionContext.value(at: steps, in: item) else { continue }
            let remaining: AttributeValue
            switch (existing, subtrahend) {
            case (.ss(let a), .ss(let b)): remaining = .ss(a.filter { !b.contains($0) })
            case (.ns(let a), .ns(let b)): remaining = .ns(a.filter { number in !b.contains { DynamoDBNumber.equal($0, number) } })
            case (.bs(let a), .bs(let b)): remaining = .bs(a.filter { !b.contains($0) })
            default: throw Self.incorrectType()
            }
            switch remaining {
            case .ss([]), .ns([]), .bs([]): try Self.remove(at: steps[...], in: &item)
            default: try Self.set(remaining, at: steps[...], in: &item)
            }
        }
        return item
    }

    static func set(_ value: AttributeValue, at steps: ArraySlice<ResolvedStep>, in item: inout Item) throws(DynamoDBError) {
        guard case .name(let first)? = steps.first else { throw invalidPath() }
        let rest = steps.dropFirst()
        if rest.isEmpty {
            item[first] = value
            return
        }
        guard var child = item[first] else { throw invalidPath() }
        try set(value, at: rest, in: &child)
        item[first] = child
    }

    static func set(_ value: AttributeValue, at steps: ArraySlice<ResolvedStep>, in container: inout AttributeValue) throws(DynamoDBError) {
        guard let step = steps.first else {
            container = value
            return
        }
        let rest = steps.dropFirst()
        switch (step, container) {
        case (.name(let name), .m(var members)):
            if rest.isEmpty {
                members[name] = value
            } else {
                guard var child = members[name] else { throw invalidPath() }
                try set(value, at: rest, in: &child)
                members[name] = child
            }
            container = .m(members)
        case (.index(let index), .l(var list)):
            if rest.isEmpty {
                if index < list.count { list[index] = value } else { list.append(value) }
            } else {
                guard index < list.count else { throw invalidPath() }
                var child = list[index]
                try set(value, at: rest, in: &child)
                list[index] = child
            }
            container = .l(list)
        default:
            throw invalidPath()
        }
    }

    static func remove(at steps: ArraySlice<ResolvedStep>, in item: inout Item) throws(DynamoDBError) {
        guard case .name(let first)? = steps.first else { throw invalidPath() }
        let rest = steps.dropFirst()
        if rest.isEmpty {
            item[first] = nil
            return
        }
        guard var child = item[first] else { return }
        try remove(at: rest, in: &child)
        item[first] = child
    }

    static func remove(at steps: ArraySlice<ResolvedStep>, in container: inout AttributeValue) throws(DynamoDBError) {
        guard let step = steps.first else { return }
        let rest = steps.dropFirst()
        switch (step, container) {
        case (.name(let name), .m(var members)):
            if rest.isEmpty {
                members[name] = nil
            } else {
                guard var child = members[name] else { return }
                try remove(at: rest, in: &child)
                members[name] = child
            }
            container = .m(members)
        case (.index(let index), .l(var list)):
            guard index < list.count else { return }
            if rest.isEmpty {
                list.remove(at: index)
            } else {
                var child = list[index]
                try remove(at: rest, in: &child)
                list[index] = child
            }
            container = .l(list)
        default:
            return
        }
    }
}
