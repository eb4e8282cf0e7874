import Requirements

extension SinglePatternPlanner {
    /// Joins the pattern's effects on the other entities it lists to its write
    /// (docs/design-engine.md, "Writes that do what the business rule says"): the main write
    /// becomes one transaction with a Put, Delete, Update (ADD under a condition) or
    /// ConditionCheck per effect. Nil when there is nothing to add or it was added; otherwise the
    /// unserved mapping saying why.
    mutating func joinEffects(to entity: Entity, type: PatternType) -> PatternMapping? {
        let unknown = pattern.entitiesWithUnknownEffect(in: context.requirements)
        if let other = unknown.first {
            return unserved("What pattern #\(pattern.id) does to \(other) is not stated, and the design does not guess it. State it in the requirements (`effects: {\(other): put | delete | check | {update: ATTRIBUTE, add: VALUE, condition: \">= VALUE\"}}`, or `/edit pattern \(pattern.id) effects=\"\(other): check\"`), or drop \(other) from the pattern's entities.")
        }
        let created = type == .write ? Set(childWrites(of: entity).map(\.entity)) : []
        var effectActions: [TransactAction] = []
        var parts: [String] = []
        var repeatedEntities: [String] = []
        for entry in pattern.effects ?? [] where !(entry.effect == .put && created.contains(entry.entity)) {
            switch actions(for: entry, main: entity, created: created) {
            case .failure(let problem): return unserved(problem.reason)
            case .success(let result):
                effectActions += result.actions
                parts.append(result.text)
                if let repeated = result.actions.first?.repeatedPerInputOf, !repeatedEntities.contains(repeated) { repeatedEntities.append(repeated) }
            }
        }
        guard !effectActions.isEmpty else { return nil }
        guard let mainIndex = steps.lastIndex(where: { $0.purpose == .main }) else { return nil }
        var main = steps[mainIndex]
        guard main.repetition == .once else {
            return unserved("Changes several \(entity.name) items per request (one per item the Query finds), and its effects on \(pattern.effects?.map(\.entity).joined(separator: ", ") ?? "") belong in the same transaction as each change. Change one \(entity.name) per request (by its key), or drop the effects.")
        }
        var actions: [TransactAction]
        switch main.request {
        case .putItem(let put): actions = [TransactAction(.put(put), entity: main.entity)]
        case .updateItem(let update): actions = [TransactAction(.update(update), entity: main.entity)]
        case .deleteItem(let delete): actions = [TransactAction(.delete(delete), entity: main.entity)]
        case .transactWriteItems(let existing): actions = existing
        default:
            return unserved("Writes several \(entity.name) items in a batch, which cannot carry the effects on \(pattern.effects?.map(\.entity).joined(separator: ", ") ?? ""): a batch has no conditions and is not all or nothing. Write one \(entity.name) per request.")
        }
        actions += effectActions
        main.request = .transactWriteItems(actions)
        var count = main.items
        if let base = count.value {
            var extra = 0.0
            var known = true
            for action in effectActions {
                if let repeated = action.repeatedPerInputOf {
                    guard let perCall = inputItemsPerCall(repeated, main: entity) else { known = false; continue }
                    extra += perCall
                } else {
                    extra += 1
                }
            }
            count = known ? .known(base + extra) : .unknown(reason: "how many \(repeatedEntities.joined(separator: ", ")) items each call of pattern #\(pattern.id) passes is unknown")
        }
        main.items = count
        main.itemsExamined = count
        steps[mainIndex] = main
        notes.append("In the same transaction: " + parts.joined(separator: ", ") + "; if a condition fails, nothing is written.")
        if let maximum = maximumActions(actions, main: entity), maximum > 100 {
            notes.append("Up to \(NumberFormatting.plain(Double(maximum))) actions at the most: a transaction takes at most 100, so split the largest requests (the effects first, in their own transaction, then the \(entity.name) write; or cap the number of items per request).")
        }
        return nil
    }

    private struct EffectProblem: Error {
        var reason: String
    }

    /// The actions of one effect and the words that describe them.
    private func actions(for entry: EntityWriteEffect, main: Entity, created: Set<String>) -> Result<(actions: [TransactAction], text: String), EffectProblem> {
        let name = entry.entity
        guard layout.embedded[name] == nil else {
            return .failure(EffectProblem(reason: "\(name) is embedded in its parent's items, so it has no item of its own for the effect \(entry.effect.text). Reject the aggregate (`/reject aggregate:\(name)`) to keep \(name) items of their own."))
        }
        guard let other = context.entity(name), let tableID = layout.tableOfEntity[name], let table = layout.table(id: tableID) else {
            return .failure(EffectProblem(reason: "\(name) has no table."))
        }
        let located = targetKey(of: other, in: table, main: main, created: created, effect: entry.effect)
        let pk = items.keyName(table.partitionKey, table)
        let each = located.repeatedPerInputOf.map { " for each \($0)" } ?? ""
        switch entry.effect {
        case .check:
            let check = ConditionCheckRequest(tableID: tableID, key: located.key, condition: .attributeExists(pk))
            return .success(([TransactAction(.conditionCheck(check), entity: name, repeatedPerInputOf: located.repeatedPerInputOf)],
                             "ConditionCheck that the \(name)\(each) exists in \(tableName(table))"))
        case .delete:
            if !layout.lookupTables(of: name).isEmpty {
                return .failure(EffectProblem(reason: "Deleting \(name) items releases their unique values, which needs each item read first; delete them with a pattern of their own, or make the effect a check."))
            }
            let delete = DeleteRequest(tableID: tableID, key: located.key, condition: .attributeExists(pk))
            return .success(([TransactAction(.delete(delete), entity: name, repeatedPerInputOf: located.repeatedPerInputOf)],
                             "Delete each \(name) item passed (consumed) from \(tableName(table)) with attribute_exists(\(pk))"))
        case .put:
            let item = items.item(of: name, in: table).attributes
            var actions = [TransactAction(.put(PutRequest(tableID: tableID, item: item, condition: .attributeNotExists(pk))), entity: name, repeatedPerInputOf: name)]
            for lookup in layout.lookupTables(of: name) {
                let lookupItem = items.item(of: name, in: lookup).attributes
                actions.append(TransactAction(.put(PutRequest(tableID: lookup.id, item: lookupItem, condition: .attributeNotExists(items.keyName(lookup.partitionKey, lookup)))),
                                              entity: name, repeatedPerInputOf: name))
            }
            return .success((actions, "Put each \(name) item passed in \(tableName(table)) with attribute_not_exists(\(pk))"))
        case .update(let update):
            let stored = storedName(update.attribute, of: name, in: table)
            if KeyView.of(name, in: table, context).allAttributes.contains(update.attribute) || table.keyComponents.partition.contains(update.attribute) || table.keyComponents.sort.contains(update.attribute) {
                return .failure(EffectProblem(reason: "The effect on \(name) adds to \(update.attribute), part of \(tableName(table))'s key; a key cannot change in place."))
            }
            if layout.lookupTables(of: name).contains(where: { ($0.lookup?.attributes ?? []).contains(update.attribute) }) {
                return .failure(EffectProblem(reason: "The effect on \(name) adds to \(update.attribute), a unique value kept in a lookup table; a counter cannot be unique."))
            }
            let amount = value(of: update.amount, target: name, repeated: located.repeatedPerInputOf, main: main.name)
            var conditions: [PlanCondition] = [.attributeExists(pk)]
            var text = "Update the \(name)\(each) in \(tableName(table)): ADD \(stored) \(update.amount.text)"
            if let condition = update.condition {
                let operand = value(of: condition.operand, target: name, repeated: located.repeatedPerInputOf, main: main.name)
                conditions.append(.compare(stored, Self.comparison(condition.comparison), operand))
                text += " on condition \(stored) \(condition.text)"
            }
            let request = UpdateRequest(tableID: tableID, key: located.key, actions: [.add(stored, amount)], condition: PlanCondition.all(conditions))
            return .success(([TransactAction(.update(request), entity: name, repeatedPerInputOf: located.repeatedPerInputOf)], text))
        }
    }

    /// The key of the item an effect reaches: through the main entity's reference to it (the
    /// parent it belongs to), through a child created with it (each order line's product), or
    /// from the caller's values of the entity itself.
    private func targetKey(of target: Entity, in table: PlannedTable, main: Entity, created: Set<String>, effect: WriteEffect) -> (key: ItemKey, repeatedPerInputOf: String?) {
        let own = key(of: target.name, in: table)
        if effect == .put || effect == .delete { return (own, target.name) }
        if let relationship = relationship(parent: target.name, child: main.name), let foreignKey = context.foreignKey(of: relationship),
           foreignKey.count == target.identifier.count {
            return (reference(own, target: target, foreignKey: foreignKey, from: main.name), nil)
        }
        for child in pattern.entities.dropFirst() where created.contains(child) {
            guard let relationship = relationship(parent: target.name, child: child), let foreignKey = context.foreignKey(of: relationship),
                  foreignKey.count == target.identifier.count else { continue }
            return (reference(own, target: target, foreignKey: foreignKey, from: child), child)
        }
        return (own, nil)
    }

    private func reference(_ key: ItemKey, target: Entity, foreignKey: [String], from source: String) -> ItemKey {
        key.replacingInputs { input in
            guard input.entity == target.name, let position = target.identifier.firstIndex(of: input.attribute) else { return nil }
            return .input(entity: source, attribute: foreignKey[position])
        }
    }

    /// An effect's number: a literal, or the caller's value of the attribute on the entity
    /// repeated over, the main entity, the target, or another entity the pattern lists.
    private func value(of operand: EffectOperand, target: String, repeated: String?, main: String) -> PlanValue {
        switch operand {
        case .number(let number):
            return .literal(operand.text.isEmpty ? String(number) : operand.text)
        case .attribute(let name, let negated):
            let candidates = [repeated, main, target].compactMap { $0 } + pattern.entities
            let owner = candidates.first { context.entity($0)?.attribute(named: name) != nil } ?? main
            let value = PlanValue.input(entity: owner, attribute: name)
            return negated ? .negated(value) : value
        }
    }

    private static func comparison(_ comparison: CounterCondition.Comparison) -> ComparisonOperator {
        switch comparison {
        case .greaterOrEqual: return .greaterOrEqual
        case .greater: return .greater
        case .lessOrEqual: return .lessOrEqual
        case .less: return .less
        case .equal: return .equal
        case .notEqual: return .notEqual
        }
    }

    /// Items of `entity` one call passes: the children of the main entity on average, or the
    /// pattern's items per request for other lists; nil when unknown.
    private func inputItemsPerCall(_ entity: String, main: Entity) -> Double? {
        if let relationship = relationship(parent: main.name, child: entity) { return childrenAverage(relationship).value }
        return expectedItems.value.map { max($0, 1) }
    }

    /// The most actions one transaction can hold, from the stated maximums; nil when a repeated
    /// list has no stated maximum.
    private func maximumActions(_ actions: [TransactAction], main: Entity) -> Int? {
        var total = 0
        for action in actions {
            guard let repeated = action.repeatedPerInputOf else {
                total += 1
                continue
            }
            if let relationship = relationship(parent: main.name, child: repeated) {
                guard case .known(let cardinality)? = relationship.cardinality, let maximum = cardinality.maximum else { return nil }
                total += maximum
            } else if case .known(let count)? = pattern.expectedItems, let maximum = count.maximum {
                total += maximum
            } else {
                return nil
            }
        }
        return total
    }
}
