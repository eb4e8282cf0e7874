import DesignEngine
import DynamoDBAPI
import Requirements

extension ExerciseRun {
    // MARK: Writes with effects on other entities

    /// Whether the pattern's plan joins effects on entities other than the children created with
    /// it: its inputs then name existing items of those entities, so it is run by
    /// `checkEffectWrites` rather than as a sample create or a plain update or delete.
    func joinsEffects(_ mapping: PatternMapping) -> Bool {
        guard let pattern = pattern(mapping), let main = pattern.entities.first else { return false }
        return (pattern.effects ?? []).contains { entry in
            !(entry.effect == .put && pattern.type == .write && isChild(entry.entity, of: main))
        }
    }

    func isChild(_ child: String, of parent: String) -> Bool {
        requirements.relationships.contains { $0.parent == parent && $0.child == child && $0.kind == .oneToMany }
    }

    /// Runs every served write with effects on existing items: once arranged so every condition
    /// holds (then the main item and each effect are checked: put items stored, consumed items
    /// gone, checked items unchanged, counters moved by exactly the amount), and once with a
    /// condition broken (then the transaction must be refused and write nothing).
    mutating func checkEffectWrites() {
        for mapping in model.mappings where mapping.isServedByDynamoDB && joinsEffects(mapping) {
            guard let plan = mapping.plan, let pattern = pattern(mapping), let type = pattern.type, let main = pattern.entities.first,
                  let transaction = plan.mainStep, case .transactWriteItems(let actions) = transaction.request else { continue }
            reportProgress("Pattern #\(mapping.patternID): writing with its effects on \((pattern.effects ?? []).map(\.entity).joined(separator: ", "))")
            guard var arranged = arrange(mapping, plan: plan, pattern: pattern, type: type, main: main, actions: actions) else { continue }
            let run = execute(mapping.patternID, plan, arranged.inputs)
            if let failure = run.failure {
                record(mapping.patternID, ["the write with its effects failed: \(failure.message)"], expected: 1, got: 0)
                continue
            }
            var found = checkMain(type: type, main: main, arranged: &arranged)
            for target in arranged.targets { found += checkEffect(target) }
            record(mapping.patternID, found, expected: 1, got: found.isEmpty ? 1 : 0)
            if type == .write { record(mapping.patternID, refusedWhenBroken(mapping, plan: plan, pattern: pattern, main: main, actions: actions)) }
        }
    }

    /// The inputs of one run and what each effect should do to its item.
    struct ArrangedEffects {
        var inputs = PlanInputs()
        var mainEntity = ""
        var mainValues: EntityValues = [:]
        var mainIndex: Int?
        var createdChildren: [(entity: String, values: EntityValues)] = []
        var targets: [EffectTarget] = []
    }

    struct EffectTarget {
        var entity: String
        var effect: WriteEffect
        var values: EntityValues
        var before: Item?
        /// For a counter: the stored attribute and the number it must hold afterwards.
        var counter: (attribute: String, expected: Double)?
    }

    private mutating func arrange(_ mapping: PatternMapping, plan: PatternPlan, pattern: AccessPattern, type: PatternType, main: String,
                                  actions: [TransactAction], round: Int = 0) -> ArrangedEffects? {
        var arranged = ArrangedEffects()
        arranged.mainEntity = main
        let base = 1000 * round
        switch type {
        case .write:
            arranged.mainValues = samples.fresh(main, number: base + 600 + mapping.patternID)
        case .update, .delete:
            guard let items = samples.items[main], !items.isEmpty, let entity = requirements.entity(named: main), let table = stored.table(of: main) else {
                record(mapping.patternID, ["no sample \(main) item to \(type.rawValue)"])
                return nil
            }
            let index = type == .update ? min(1, items.count - 1) : items.count - 1
            arranged.mainIndex = index
            arranged.mainValues = items[index]
            if type == .update {
                let changed = attributesToChange(pattern, entity: entity, table: table)
                for (round, name) in changed.enumerated() {
                    if let attribute = entity.attribute(named: name) {
                        arranged.mainValues[name] = samples.changedValue(of: attribute, entity: main, round: mapping.patternID * 10 + round, current: items[index][name])
                    }
                }
                // A reference the update changes (a trip assigned to a driver) points at another
                // existing parent, which the effects may then read or change.
                for relationship in requirements.relationships where relationship.child == main && relationship.kind == .oneToMany {
                    guard let foreignKey = ForeignKeys.of(relationship, in: requirements), foreignKey.contains(where: changed.contains),
                          let parent = requirements.entity(named: relationship.parent), parent.identifier.count == foreignKey.count,
                          let parents = samples.items[parent.name], !parents.isEmpty else { continue }
                    let other = parents.first { candidate in
                        !zip(parent.identifier, foreignKey).allSatisfy { StoredItems.same(candidate[$0], items[index][$1]) }
                    } ?? parents[0]
                    for (identifier, reference) in zip(parent.identifier, foreignKey) { arranged.mainValues[reference] = other[identifier] }
                }
            }
        case .read, .search: return nil
        }
        arranged.inputs.values[main] = arranged.mainValues
        for child in plan.repeatedInputs where child != main { arranged.inputs.lists[child] = [] }
        for entry in pattern.effects ?? [] {
            guard let action = actions.first(where: { $0.entity == entry.entity && $0.entity != main }),
                  let targetEntity = requirements.entity(named: entry.entity), let table = stored.table(of: entry.entity) else { continue }
            var target = EffectTarget(entity: entry.entity, effect: entry.effect, values: [:])
            if entry.effect == .put, type == .write, isChild(entry.entity, of: main) {
                // A child created with the main item: one, pointing at it, checked as stored.
                if !arranged.createdChildren.contains(where: { $0.entity == entry.entity }) {
                    var child = samples.fresh(entry.entity, number: base + 660 + mapping.patternID)
                    link(&child, child: entry.entity, to: targetEntity.name == main ? targetEntity : requirements.entity(named: main)!, values: arranged.mainValues)
                    arranged.inputs.lists[entry.entity] = [child]
                    arranged.createdChildren.append((entry.entity, child))
                }
                continue
            } else if entry.effect == .put {
                target.values = samples.fresh(entry.entity, number: base + 650 + mapping.patternID)
                arranged.inputs.lists[entry.entity] = [target.values]
            } else if let existing = reachedTarget(targetEntity, main: main, mainValues: arranged.mainValues) {
                // Through the main item's reference to its parent; the target's own values
                // fill any key part the reference does not hold (the partition its parent keys).
                target.values = existing
                arranged.inputs.values[entry.entity] = existing
            } else if let route = action.repeatedPerInputOf, route != entry.entity, let existing = samples.items[entry.entity]?.first {
                // Through a child created with the main item that references the target.
                var child = arranged.createdChildren.first { $0.entity == route }?.values ?? samples.fresh(route, number: base + 660 + mapping.patternID)
                if let mainEntity = requirements.entity(named: main) { link(&child, child: route, to: mainEntity, values: arranged.mainValues) }
                link(&child, child: route, to: targetEntity, values: existing)
                arranged.inputs.lists[route] = [child]
                arranged.createdChildren.removeAll { $0.entity == route }
                arranged.createdChildren.append((route, child))
                target.values = existing
            } else if let existing = samples.items[entry.entity]?.first(where: { !StoredItems.same($0[targetEntity.identifier.first ?? ""], arranged.mainValues[targetEntity.identifier.first ?? ""]) || entry.entity != main }) {
                target.values = existing
                if entry.effect == .delete { arranged.inputs.lists[entry.entity] = [existing] } else { arranged.inputs.values[entry.entity] = existing }
            } else {
                record(mapping.patternID, ["no sample \(entry.entity) item for the effect \(entry.effect.text)"])
                return nil
            }
            if case .success(let item) = readBack(entry.entity, values: target.values, in: table) { target.before = item }
            if case .update(let update) = entry.effect {
                guard let stored = table.itemLayout(of: entry.entity)?.storedName(of: update.attribute) else { continue }
                var current = target.before?[stored].flatMap(Self.number)
                // The condition compares the stored number with the caller's value (or a
                // literal): the sample item is set up to satisfy it, as the business would have
                // it (stock on hand, the counter at the next number), leaving the caller's
                // values, and so the new item's key, as they are.
                if let condition = update.condition, let operand = operandValue(condition.operand, pattern: pattern, target: entry.entity, arranged),
                   current.map({ !Self.holds(condition.comparison, current: $0, operand: operand) }) ?? true {
                    let holding = Self.holdingCurrent(condition.comparison, operand: operand)
                    setStoredNumber(&target, attribute: update.attribute, storedName: stored, to: holding)
                    current = holding
                }
                guard let added = operandValue(update.amount, pattern: pattern, target: entry.entity, arranged) else {
                    record(mapping.patternID, ["the amount of the effect on \(entry.entity) has no value"])
                    return nil
                }
                target.counter = (stored, (current ?? 0) + added)
            }
            arranged.targets.append(target)
        }
        if case .perInputItem = plan.mainStep?.repetition { arranged.inputs.lists[main] = [arranged.mainValues] }
        return arranged
    }

    /// The parent item of `target` the main item references, when the main entity is its child.
    private func reachedTarget(_ target: Entity, main: String, mainValues: EntityValues) -> EntityValues? {
        guard let relationship = requirements.relationships.first(where: { $0.parent == target.name && $0.child == main && $0.kind == .oneToMany }),
              let foreignKey = ForeignKeys.of(relationship, in: requirements), foreignKey.count == target.identifier.count else { return nil }
        return samples.items[target.name]?.first { item in
            zip(target.identifier, foreignKey).allSatisfy { StoredItems.same(item[$0], mainValues[$1]) }
        }
    }

    /// Points `values` of `child` at the `parent` item given (its reference takes the parent's identifier).
    private func link(_ values: inout EntityValues, child: String, to parent: Entity, values parentValues: EntityValues) {
        guard let relationship = requirements.relationships.first(where: { $0.parent == parent.name && $0.child == child && $0.kind == .oneToMany }),
              let foreignKey = ForeignKeys.of(relationship, in: requirements), foreignKey.count == parent.identifier.count else { return }
        for (identifier, reference) in zip(parent.identifier, foreignKey) { values[reference] = parentValues[identifier] }
    }

    // MARK: After the run

    private mutating func checkMain(type: PatternType, main: String, arranged: inout ArrangedEffects) -> [String] {
        var found: [String] = []
        guard let table = stored.table(of: main) else { return [] }
        switch type {
        case .write:
            found += checkStored(main, values: arranged.mainValues)
            samples.append(main, arranged.mainValues)
        case .update:
            found += checkStored(main, values: arranged.mainValues)
            if let index = arranged.mainIndex { samples.replace(main, at: index, with: arranged.mainValues) }
        case .delete:
            if case .success(let item) = readBack(main, values: arranged.mainValues, in: table) {
                found += AbsenceAfterDeleteCheck.problems(stillThere: item != nil, label: "the \(main) item \(stored.identity(main, values: arranged.mainValues, in: table))")
            }
            if let index = arranged.mainIndex { samples.replace(main, at: index, with: nil) }
        case .read, .search: break
        }
        for (child, values) in arranged.createdChildren {
            found += checkStored(child, values: values)
            samples.append(child, values)
        }
        return found
    }

    private mutating func checkEffect(_ target: EffectTarget) -> [String] {
        guard let table = stored.table(of: target.entity) else { return [] }
        let label = "the \(target.entity) item \(stored.identity(target.entity, values: target.values, in: table))"
        guard case .success(let after) = readBack(target.entity, values: target.values, in: table) else { return ["\(label) could not be read back"] }
        let index = samples.items[target.entity]?.firstIndex(of: target.values)
        switch target.effect {
        case .put:
            samples.append(target.entity, target.values)
            return checkStored(target.entity, values: target.values)
        case .delete:
            if let index { samples.replace(target.entity, at: index, with: nil) }
            return AbsenceAfterDeleteCheck.problems(stillThere: after != nil, label: label)
        case .check:
            return EffectCheck.unchanged(before: target.before, after: after, label: label)
        case .update(let update):
            guard let counter = target.counter else { return [] }
            let got = after?[counter.attribute].flatMap(Self.number)
            if let index, let got, var values = samples.items[target.entity]?[index] {
                values[update.attribute] = .n(Self.text(got))
                samples.replace(target.entity, at: index, with: values)
            }
            return EffectCheck.counter(expected: counter.expected, got: got, attribute: counter.attribute, label: label)
        }
    }

    /// A create whose check or condition cannot hold is refused, and writes nothing: one run per
    /// checked entity and per counter condition, each breaking just that one.
    private mutating func refusedWhenBroken(_ mapping: PatternMapping, plan: PatternPlan, pattern: AccessPattern, main: String, actions: [TransactAction]) -> [String] {
        var found: [String] = []
        for (round, entry) in (pattern.effects ?? []).enumerated() {
            let what: String
            switch entry.effect {
            case .check: what = "a \(entry.entity) that does not exist"
            case .update(let update) where update.condition != nil: what = "a \(entry.entity) whose \(update.attribute) fails \(update.condition?.text ?? "")"
            default: continue
            }
            guard var broken = arrange(mapping, plan: plan, pattern: pattern, type: .write, main: main, actions: actions, round: round + 1),
                  let targetEntity = requirements.entity(named: entry.entity), let table = stored.table(of: main) else { continue }
            switch entry.effect {
            case .update(let update):
                guard let condition = update.condition, let position = broken.targets.firstIndex(where: { $0.entity == entry.entity }),
                      let operand = operandValue(condition.operand, pattern: pattern, target: entry.entity, broken),
                      let storedName = stored.table(of: entry.entity)?.itemLayout(of: entry.entity)?.storedName(of: update.attribute) else { continue }
                setStoredNumber(&broken.targets[position], attribute: update.attribute, storedName: storedName,
                                to: Self.breakingCurrent(condition.comparison, operand: operand))
            default:
                // Point the reference (or the caller's values) at an item that is not there.
                let missing = samples.fresh(entry.entity, number: 990 + 10 * round + mapping.patternID)
                if reachedTarget(targetEntity, main: main, mainValues: broken.mainValues) != nil {
                    link(&broken.mainValues, child: main, to: targetEntity, values: missing)
                    broken.inputs.values[main] = broken.mainValues
                    if case .perInputItem = plan.mainStep?.repetition { broken.inputs.lists[main] = [broken.mainValues] }
                } else {
                    broken.inputs.values[entry.entity] = missing
                }
            }
            reportProgress("Pattern #\(mapping.patternID): checking that the write is refused for \(what)")
            let failure = execute(mapping.patternID, plan, broken.inputs).failure
            let written = (try? readBack(main, values: broken.mainValues, in: table).get()).flatMap { $0 } != nil
            // A create that reads the missing item first (the source of a copy) stops there, before writing.
            let stoppedByRead: Bool = {
                guard entry.effect == .check, case .missingValue? = failure else { return false }
                return plan.steps.contains { $0.purpose == .readCopySource && $0.entity == entry.entity }
            }()
            found += DuplicateRejectionCheck.problems(label: "the write for \(what)", refusedByCondition: (failure?.isConditionRefusal ?? false) || stoppedByRead,
                                                      failure: failure?.message, writtenAnyway: written)
        }
        return found
    }

    /// Test setup: stores `number` in the target item's attribute (a setup write, replayed like
    /// the other setup writes), and keeps the sample values and `before` in step with it.
    private mutating func setStoredNumber(_ target: inout EffectTarget, attribute: String, storedName: String, to number: Double) {
        guard let table = stored.table(of: target.entity), let key = stored.key(target.entity, values: target.values, in: table) else { return }
        let input = UpdateItemInput(tableName: runner.deployed(table.id), key: key, updateExpression: "SET #a = :v",
                                    expressionAttributeNames: ["#a": storedName], expressionAttributeValues: [":v": .n(Self.text(number))])
        events.append(.setupUpdate(input))
        _ = try? service.updateItem(input)
        if let index = samples.items[target.entity]?.firstIndex(of: target.values) {
            target.values[attribute] = .n(Self.text(number))
            samples.replace(target.entity, at: index, with: target.values)
        }
        if case .success(let item) = readBack(target.entity, values: target.values, in: table) { target.before = item }
    }

    /// The entity whose caller value an effect's attribute operand is: the list repeated over,
    /// the main entity, the target, then the pattern's other entities (as the requirements say,
    /// not as the plan does, so a plan reading the wrong value is caught).
    private func operandOwner(_ name: String, pattern: AccessPattern, target: String, _ arranged: ArrangedEffects) -> String? {
        let repeated = arranged.createdChildren.map(\.entity)
        let candidates = repeated + [arranged.mainEntity, target] + pattern.entities
        return candidates.first { requirements.entity(named: $0)?.attribute(named: name) != nil }
    }

    /// An operand's number from the caller's values, as the requirements define it.
    private func operandValue(_ operand: EffectOperand, pattern: AccessPattern, target: String, _ arranged: ArrangedEffects) -> Double? {
        switch operand {
        case .number(let number): return number
        case .attribute(let name, let negated):
            guard let owner = operandOwner(name, pattern: pattern, target: target, arranged) else { return nil }
            let value = arranged.inputs.lists[owner]?.first?[name] ?? arranged.inputs.values[owner]?[name]
            guard let value, let number = ValueConversion.convert(value, to: .number).flatMap(Self.number) else { return nil }
            return negated ? -number : number
        }
    }

    // MARK: Numbers

    static func number(_ value: AttributeValue) -> Double? {
        if case .n(let text) = value { return Double(text) }
        return nil
    }

    static func text(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    static func comparison(in condition: PlanCondition?) -> PlanCondition? {
        switch condition {
        case .compare?: return condition
        case .and(let parts)?: return parts.first { if case .compare = $0 { return true } else { return false } }
        default: return nil
        }
    }

    /// Whether `current OP operand` holds.
    static func holds(_ comparison: CounterCondition.Comparison, current: Double, operand: Double) -> Bool {
        switch comparison {
        case .greaterOrEqual: return current >= operand
        case .greater: return current > operand
        case .lessOrEqual: return current <= operand
        case .less: return current < operand
        case .equal: return current == operand
        case .notEqual: return current != operand
        }
    }

    /// A stored value for which `current OP operand` holds.
    static func holdingCurrent(_ comparison: CounterCondition.Comparison, operand: Double) -> Double {
        switch comparison {
        case .greaterOrEqual, .lessOrEqual, .equal: return operand
        case .greater, .notEqual: return operand + 1
        case .less: return operand - 1
        }
    }

    /// A stored value for which `current OP operand` fails.
    static func breakingCurrent(_ comparison: CounterCondition.Comparison, operand: Double) -> Double {
        switch comparison {
        case .greaterOrEqual: return operand - 1
        case .greater, .less, .notEqual: return operand
        case .lessOrEqual, .equal: return operand + 1
        }
    }
}
