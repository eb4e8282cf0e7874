import DesignEngine
import DynamoDBAPI
import Requirements

extension ExerciseRun {
    // MARK: Sample items, through the planned creates

    /// Writes every entity's samples, parents first: through the entity's first served create
    /// pattern (children written in the same transaction come with their parent), or, for an
    /// entity no pattern creates, straight from its item layout so its reads can still run.
    mutating func writeSamples() {
        for mapping in model.mappings where mapping.isServedByDynamoDB {
            guard pattern(mapping)?.type == .write, !joinsEffects(mapping), let entity = pattern(mapping)?.entities.first, creates[entity] == nil,
                  stored.table(of: entity) != nil else { continue }
            creates[entity] = mapping
        }
        var writtenWithParent = Set<String>()
        for entity in samples.order where !writtenWithParent.contains(entity) {
            let items = samples.items[entity] ?? []
            if let create = creates[entity], let plan = create.plan {
                reportProgress("Writing sample \(entity) items through pattern #\(create.patternID)")
                // A child with two parents whose creates both take it is written with the first;
                // the second parent's create then goes with an empty list of them.
                let children = plan.repeatedInputs.filter { $0 != entity }
                let alreadyWritten = children.filter(writtenWithParent.contains)
                writtenWithParent.formUnion(children)
                for values in items {
                    writeThroughCreate(create, plan: plan, entity: entity, values: values, children: children, alreadyWritten: alreadyWritten)
                }
            } else {
                reportProgress("Writing sample \(entity) items")
                for values in items { writeDirectly(entity, values: values) }
            }
        }
    }

    /// The children of one parent item among the samples (their reference carries its identifier).
    func children(_ child: String, of parent: String, values: EntityValues) -> [EntityValues] {
        guard let relationship = requirements.relationships.first(where: { $0.parent == parent && $0.child == child && $0.kind == .oneToMany }),
              let foreignKey = ForeignKeys.of(relationship, in: requirements), let parentEntity = requirements.entity(named: parent),
              parentEntity.identifier.count == foreignKey.count else { return [] }
        return (samples.items[child] ?? []).filter { item in
            zip(parentEntity.identifier, foreignKey).allSatisfy { StoredItems.same(values[$0], item[$1]) }
        }
    }

    mutating func writeThroughCreate(_ create: PatternMapping, plan: PatternPlan, entity: String, values: EntityValues, children: [String],
                                     alreadyWritten: [String] = []) {
        var inputs = PlanInputs(values: [entity: values])
        for child in children { inputs.lists[child] = alreadyWritten.contains(child) ? [] : self.children(child, of: entity, values: values) }
        if case .perInputItem = plan.mainStep?.repetition { inputs.lists[entity] = [values] }
        let run = execute(create.patternID, plan, inputs)
        if let failure = run.failure {
            record(create.patternID, ["writing a sample \(entity) item failed: \(failure.message)"])
            writeDirectly(entity, values: values)
            for child in children { for childValues in inputs.lists[child] ?? [] { writeDirectly(child, values: childValues) } }
            return
        }
        var found = checkStored(entity, values: values)
        for child in children {
            for childValues in inputs.lists[child] ?? [] { found += checkStored(child, values: childValues) }
        }
        record(create.patternID, found, expected: samples.items[entity]?.count, got: samples.items[entity]?.count)
    }

    /// The entity's item (and its lookup items) read back equal to what the layouts say.
    func checkStored(_ entity: String, values: EntityValues) -> [String] {
        guard let table = stored.table(of: entity) else { return [] }
        var found: [String] = []
        let label = "the \(entity) item \(stored.identity(entity, values: values, in: table))"
        switch readBack(entity, values: values, in: table) {
        case .failure(let failure): found.append(failure.message)
        case .success(let item):
            let expected = stored.storedItem(entity, values: values, in: table, samples: samples) ?? [:]
            found += StoredValuesCheck.problems(expected: expected, stored: item, label: label)
            if let ttl = table.timeToLive, let retention = ttl.retention(of: entity) {
                found += ExpiryCheck.problems(item, retention: retention, attribute: ttl.attribute, label: label)
            }
        }
        for lookup in stored.lookups(of: entity) where hasUniqueValues(entity, values: values, lookup: lookup) {
            found += UniqueValueReservedCheck.problems(reserved: isReserved(entity, values: values, lookup: lookup), table: lookup.name)
        }
        return found
    }

    func hasUniqueValues(_ entity: String, values: EntityValues, lookup: TableDesign) -> Bool {
        (lookup.lookup?.attributes ?? []).allSatisfy { values[$0] != nil }
    }

    /// Setup writes for entities no pattern creates: the layout's item and its lookup items.
    mutating func writeDirectly(_ entity: String, values: EntityValues) {
        if let table = stored.table(of: entity) {
            for target in [table] + stored.lookups(of: entity) where hasUniqueValues(entity, values: values, lookup: target) || target.id == table.id {
                guard let item = stored.storedItem(entity, values: values, in: target, samples: samples) else { continue }
                let input = PutItemInput(tableName: runner.deployed(target.id), item: item)
                events.append(.setupPut(input))
                _ = try? service.putItem(input)
            }
            return
        }
        // An entity embedded in its parent: appended to the parent item's list.
        for parentTable in model.tables {
            guard let list = parentTable.attributes.first(where: { $0.sourceEntity == entity && $0.entity != entity && $0.denormalization == nil }),
                  let link = samples.parents[entity], let parent = requirements.entity(named: link.parent),
                  let parentValues = samples.items[link.parent]?.first(where: { item in zip(parent.identifier, link.foreignKey).allSatisfy { StoredItems.same(item[$0], values[$1]) } }),
                  let key = stored.key(link.parent, values: parentValues, in: parentTable) else { continue }
            let input = UpdateItemInput(
                tableName: runner.deployed(parentTable.id), key: key, updateExpression: "SET #l = list_append(if_not_exists(#l, :e), :v)",
                expressionAttributeNames: ["#l": list.name], expressionAttributeValues: [":e": .l([]), ":v": .l([.m(values)])])
            events.append(.setupUpdate(input))
            _ = try? service.updateItem(input)
        }
    }

    // MARK: Duplicates

    /// Every create must refuse an item repeating another's unique value, or its key.
    mutating func checkDuplicates() {
        for (entityName, create) in creates.sorted(by: { $0.value.patternID < $1.value.patternID }) {
            guard let plan = create.plan, requirements.entity(named: entityName) != nil, let table = stored.table(of: entityName),
                  let original = samples.items[entityName]?.first else { continue }
            // The groups the model enforces: those with a lookup table (a group DynamoDB cannot
            // key, such as a document, is recorded as not enforced).
            var groups = stored.lookups(of: entityName).compactMap { $0.lookup?.attributes }.map { (group: $0, isKey: false) }
            // Batch puts replace items by design (no conditions), which the plan says.
            let keyAttributes = stored.keyAttributes(entityName, in: table)
            if plan.mainStep?.request.operation != .batchWriteItem, !keyAttributes.isEmpty { groups.append((keyAttributes, true)) }
            for (offset, group) in groups.enumerated() {
                var duplicate = samples.fresh(entityName, number: 700 + offset)
                for name in group.group { duplicate[name] = original[name] }
                let label = group.isKey ? "a second \(entityName) with the key of an existing one" : "a duplicate \(group.group.joined(separator: "+"))"
                reportProgress("Pattern #\(create.patternID): checking that \(label) is refused")
                var inputs = PlanInputs(values: [entityName: duplicate])
                if case .perInputItem = plan.mainStep?.repetition { inputs.lists[entityName] = [duplicate] }
                // Nothing may change: the item at the duplicate's key (the original when the
                // duplicate repeats the key, or none) reads the same before and after.
                let before = try? readBack(entityName, values: duplicate, in: table).get()
                let failure = execute(create.patternID, plan, inputs).failure
                let after = try? readBack(entityName, values: duplicate, in: table).get()
                let writtenAnyway = before != after
                record(create.patternID, DuplicateRejectionCheck.problems(label: label, refusedByCondition: failure?.isConditionRefusal ?? false,
                                                                            failure: failure?.message, writtenAnyway: writtenAnyway))
            }
        }
    }

    /// Served creates other than each entity's sample path: a new item written and read back.
    mutating func checkOtherCreates() {
        for mapping in model.mappings where mapping.isServedByDynamoDB && pattern(mapping)?.type == .write && !ran.contains(mapping.patternID) && !joinsEffects(mapping) {
            guard let plan = mapping.plan, let entity = pattern(mapping)?.entities.first else { continue }
            reportProgress("Pattern #\(mapping.patternID): creating a new \(entity)")
            let values = samples.fresh(entity, number: 500 + mapping.patternID)
            var inputs = PlanInputs(values: [entity: values])
            if case .perInputItem = plan.mainStep?.repetition { inputs.lists[entity] = [values] }
            for child in plan.repeatedInputs where child != entity { inputs.lists[child] = [] }
            if let failure = execute(mapping.patternID, plan, inputs).failure {
                record(mapping.patternID, ["the create failed: \(failure.message)"], expected: 1, got: 0)
                continue
            }
            if stored.table(of: entity) == nil {
                record(mapping.patternID, [], expected: 1, got: 1)
                continue
            }
            samples.append(entity, values)
            let found = checkStored(entity, values: values)
            record(mapping.patternID, found, expected: 1, got: found.isEmpty ? 1 : 0)
        }
    }

    // MARK: Retention

    /// A purge by age done by TTL: every sample item of its entity carries the right expiry.
    mutating func checkExpiries() {
        for mapping in model.mappings {
            guard case .expiresByTTL(let attribute) = mapping.status, let entity = pattern(mapping)?.entities.first,
                  let table = stored.table(of: entity), let retention = table.timeToLive?.retention(of: entity),
                  table.timeToLive?.attribute == attribute else { continue }
            reportProgress("Pattern #\(mapping.patternID): checking the TTL on \(entity) items")
            var found: [String] = []
            let items = samples.items[entity] ?? []
            for values in items {
                let label = "the \(entity) item \(stored.identity(entity, values: values, in: table))"
                switch readBack(entity, values: values, in: table) {
                case .failure(let failure): found.append(failure.message)
                case .success(let item):
                    if item == nil { found.append("\(label) cannot be read back") }
                    found += ExpiryCheck.problems(item, retention: retention, attribute: attribute, label: label)
                }
            }
            guard !items.isEmpty else { continue }
            record(mapping.patternID, found, expected: items.count, got: items.count - found.count)
        }
    }

    // MARK: Updates and deletes

    mutating func checkUpdatesAndDeletes() {
        for mapping in model.mappings where mapping.isServedByDynamoDB && !joinsEffects(mapping) {
            guard let type = pattern(mapping)?.type, type == .update || type == .delete, let plan = mapping.plan,
                  let entity = pattern(mapping)?.entities.first else { continue }
            let items = samples.items[entity] ?? []
            guard !items.isEmpty else {
                record(mapping.patternID, ["no sample \(entity) item to \(type == .update ? "update" : "delete")"])
                continue
            }
            reportProgress("Pattern #\(mapping.patternID): \(type == .update ? "updating" : "deleting") a \(entity)")
            if type == .update {
                update(mapping, plan: plan, entity: entity, targetIndex: items.count > 1 ? 1 : 0)
            } else {
                delete(mapping, plan: plan, entity: entity, targetIndex: items.count - 1)
            }
        }
    }

    /// The sample items a change reaches: every item matching the equality attributes when the
    /// plan finds them by a Query, otherwise just the target.
    func reached(_ plan: PatternPlan, entity: String, target: EntityValues, pattern: AccessPattern) -> [Int] {
        let items = samples.items[entity] ?? []
        let loops = plan.steps.contains { if case .perResultOf = $0.repetition { return $0.entity == entity } else { return false } }
        guard loops else { return items.firstIndex(of: target).map { [$0] } ?? [] }
        let equality = pattern.equalityAttributes ?? []
        return items.indices.filter { index in equality.allSatisfy { StoredItems.same(items[index][$0], target[$0]) } }
    }

    mutating func update(_ mapping: PatternMapping, plan: PatternPlan, entity entityName: String, targetIndex: Int) {
        guard let pattern = pattern(mapping), let entity = requirements.entity(named: entityName), let table = stored.table(of: entityName) else { return }
        let target = samples.items[entityName]![targetIndex]
        // What the pattern says it changes, taken from the requirements rather than the plan,
        // so a plan that leaves an attribute out (or writes a value of its own) is caught.
        let written = attributesToChange(pattern, entity: entity, table: table)
        var changed = target
        for (round, name) in written.enumerated() {
            if let attribute = entity.attribute(named: name) { changed[name] = samples.changedValue(of: attribute, entity: entityName, round: mapping.patternID * 10 + round, current: target[name]) }
        }
        let reach = reached(plan, entity: entityName, target: target, pattern: pattern)
        let run = execute(mapping.patternID, plan, PlanInputs(values: [entityName: changed]))
        if let failure = run.failure {
            record(mapping.patternID, ["the update failed: \(failure.message)"], expected: reach.count, got: 0)
            return
        }
        var found: [String] = []
        let touched = stored.lookups(of: entityName).filter { ($0.lookup?.attributes ?? []).contains(where: written.contains) }
        for index in reach {
            let before = samples.items[entityName]![index]
            var after = before
            for name in written { after[name] = changed[name] }
            let label = "the \(entityName) item \(stored.identity(entityName, values: before, in: table))"
            if case .success(let item) = readBack(entityName, values: after, in: table) {
                let expected = (stored.storedItem(entityName, values: after, in: table, samples: samples) ?? [:]).filter { entry in
                    written.contains { stored.table(of: entityName)?.itemLayout(of: entityName)?.storedName(of: $0) == entry.key }
                }
                found += StoredValuesCheck.problems(expected: expected, stored: item, label: label)
            }
            for lookup in touched {
                found += UniqueValueReservedCheck.problems(reserved: isReserved(entityName, values: after, lookup: lookup), table: lookup.name)
                found += UniqueValueReleaseCheck.problems(stillReserved: isReserved(entityName, values: before, lookup: lookup), table: lookup.name)
            }
            samples.replace(entityName, at: index, with: after)
            found += copiesRefreshed(entityName, values: after, written: written)
        }
        if reach.count == 1, let index = reach.first {
            found += sparseStateRounds(mapping, plan: plan, entity: entity, written: written, targetIndex: index)
        }
        record(mapping.patternID, found, expected: reach.count, got: reach.count)
    }

    /// For each sparse index keyed on a state the update writes: the update run once into the
    /// state and once out of it, each time checking the stored key and the index's contents.
    mutating func sparseStateRounds(_ mapping: PatternMapping, plan: PatternPlan, entity: Entity, written: [String], targetIndex: Int) -> [String] {
        guard let table = stored.table(of: entity.name) else { return [] }
        var found: [String] = []
        for index in table.indexes {
            guard let sparse = index.sparse, let layoutValue = table.itemLayout(of: entity.name)?.attributes.first(where: { $0.attribute == sparse.attribute }),
                  case .whenSelected(.input(_, let selector), let selected, _) = layoutValue.value, written.contains(selector),
                  let attribute = entity.attribute(named: selector) else { continue }
            // An update that writes the attribute gives it a value: for a selection of the items
            // without one it can only move the item out (creates put items in).
            for entering in selected == nil ? [false] : [true, false] {
                var values = samples.items[entity.name]![targetIndex]
                if entering, let selected {
                    values[selector] = samples.converted(.s(selected), to: attribute)
                } else {
                    values[selector] = samples.changedValue(of: attribute, entity: entity.name, round: mapping.patternID * 10 + 7, current: values[selector])
                }
                let label = "the \(entity.name) item \(stored.identity(entity.name, values: values, in: table))"
                if let failure = execute(mapping.patternID, plan, PlanInputs(values: [entity.name: values])).failure {
                    found.append("moving \(label) \(entering ? "into" : "out of") the state of \(index.name) failed: \(failure.message)")
                    continue
                }
                samples.replace(entity.name, at: targetIndex, with: values)
                guard case .success(let item?) = readBack(entity.name, values: values, in: table) else {
                    found.append("\(label) cannot be read back")
                    continue
                }
                let key = Dictionary(uniqueKeysWithValues: table.keyAttributeNames.compactMap { name in item[name].map { (name, $0) } })
                let entries = (try? service.scan(ScanInput(tableName: runner.deployed(table.id), indexName: index.name)).items) ?? []
                let inIndex = entries.contains { entry in key.allSatisfy { entry[$0.key] == $0.value } }
                found += SparseIndexCheck.problems(inState: entering, carriesKey: item[sparse.attribute] != nil, inIndex: inIndex, label: label,
                                                   index: index.name, attribute: sparse.attribute)
            }
        }
        return found
    }

    /// The attributes an update pattern changes: those it lists, or every migrated attribute
    /// outside the identifier and the item's key; the attributes that find the item keep their
    /// values (the caller passes one value for each).
    func attributesToChange(_ pattern: AccessPattern, entity: Entity, table: TableDesign) -> [String] {
        let equality = pattern.equalityAttributes ?? []
        switch pattern.attributes {
        case .only(let names)?:
            return names.filter { !equality.contains($0) && entity.attribute(named: $0) != nil }
        case nil, .all?:
            let fixed = Set(entity.identifier + stored.keyAttributes(entity.name, in: table) + equality)
            return entity.attributes.filter { $0.isMigrated && !fixed.contains($0.name) }.map(\.name)
        }
    }

    /// Children carrying a copy of a changed attribute hold its new value.
    func copiesRefreshed(_ parent: String, values: EntityValues, written: [String]) -> [String] {
        var found: [String] = []
        for table in model.tables where table.lookup == nil {
            for attribute in table.attributes where attribute.denormalization != nil && attribute.sourceEntity == parent && written.contains(attribute.sourceAttribute) {
                for child in children(attribute.entity, of: parent, values: values) {
                    guard case .success(let item?) = readBack(attribute.entity, values: child, in: table) else { continue }
                    if !StoredItems.same(item[attribute.name], values[attribute.sourceAttribute]) {
                        found.append("the copy \(attribute.name) in \(table.name) still holds the old value")
                    }
                }
            }
        }
        return found
    }

    mutating func delete(_ mapping: PatternMapping, plan: PatternPlan, entity entityName: String, targetIndex: Int) {
        guard let pattern = pattern(mapping), let table = stored.table(of: entityName) else { return }
        let target = samples.items[entityName]![targetIndex]
        let reach = reached(plan, entity: entityName, target: target, pattern: pattern)
        let removed = reach.map { samples.items[entityName]![$0] }
        let run = execute(mapping.patternID, plan, PlanInputs(values: [entityName: target]))
        if let failure = run.failure {
            record(mapping.patternID, ["the delete failed: \(failure.message)"], expected: reach.count, got: 0)
            return
        }
        var found: [String] = []
        for values in removed {
            let label = "the \(entityName) item \(stored.identity(entityName, values: values, in: table))"
            if case .success(let item) = readBack(entityName, values: values, in: table) {
                found += AbsenceAfterDeleteCheck.problems(stillThere: item != nil, label: label)
            }
            for lookup in stored.lookups(of: entityName) where hasUniqueValues(entityName, values: values, lookup: lookup) {
                found += UniqueValueReleaseCheck.problems(stillReserved: isReserved(entityName, values: values, lookup: lookup), table: lookup.name)
            }
        }
        for index in reach.sorted(by: >) { samples.replace(entityName, at: index, with: nil) }
        record(mapping.patternID, found, expected: reach.count, got: reach.count)
    }
}
