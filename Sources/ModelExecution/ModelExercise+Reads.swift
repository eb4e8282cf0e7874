import DesignEngine
import DynamoDBAPI
import Requirements

extension ExerciseRun {
    /// Runs every served read with values from a sample item (the probe) and compares what
    /// each step returns with the sample items the requirements say it should.
    mutating func checkReads() {
        for mapping in model.mappings where mapping.isServedByDynamoDB {
            guard let pattern = pattern(mapping), pattern.type == .read, let plan = mapping.plan, let entity = pattern.entities.first else { continue }
            guard let probe = samples.items[entity]?.first else {
                record(mapping.patternID, ["no sample \(entity) item to read"])
                continue
            }
            reportProgress("Pattern #\(mapping.patternID): \(mapping.operation?.rawValue ?? "") on \(mapping.tableID.flatMap { model.table(id: $0)?.name } ?? "?")")
            // The probe with the copies its items carry: a read may look items up by a copy.
            var inputs = PlanInputs(values: [entity: extended(entity, probe)])
            let batch = Array((samples.items[entity] ?? []).prefix(2))
            if plan.repeatedInputs.contains(entity) { inputs.lists[entity] = batch }
            let run = execute(mapping.patternID, plan, inputs)
            if let failure = run.failure {
                record(mapping.patternID, ["the read failed: \(failure.message)"])
                continue
            }
            checkRead(mapping, plan: plan, pattern: pattern, probe: probe, batch: batch, run: run)
        }
    }

    /// The values of an entity item with the copies its items carry (a parent's attribute
    /// copied into the child), so lookups by a copied attribute can be predicted.
    func extended(_ entity: String, _ values: EntityValues) -> EntityValues {
        var result = values
        let owners = stored.inputs(for: entity, values: values, samples: samples)
        // The copies the item layout says it carries, from the parent it names (two parents may
        // both have an attribute of that name).
        for value in stored.table(of: entity)?.itemLayout(of: entity)?.attributes.map(\.value) ?? [] {
            if case .input(let owner, let name) = value, owner != entity, result[name] == nil, let copied = owners[owner]?[name] { result[name] = copied }
        }
        for (owner, ownerValues) in owners where owner != entity {
            for (name, value) in ownerValues where result[name] == nil { result[name] = value }
        }
        return result
    }

    /// The sample items of `entity` the pattern should return for the probe: equal on every
    /// equality and filter attribute (a Scan: on the filters only).
    func matching(_ entity: String, pattern: AccessPattern, probe: EntityValues, scan: Bool) -> [EntityValues] {
        let names = (scan ? [] : (pattern.equalityAttributes ?? [])) + (pattern.filterAttributes ?? [])
        let wanted = extended(entity, probe)
        return (samples.items[entity] ?? []).filter { item in
            let values = extended(entity, item)
            return names.allSatisfy { StoredItems.same(values[$0], wanted[$0]) }
        }
    }

    mutating func checkRead(_ mapping: PatternMapping, plan: PatternPlan, pattern: AccessPattern, probe: EntityValues, batch: [EntityValues], run: PlanRun) {
        guard let mainIndex = plan.mainStepIndex else { return }
        let main = plan.steps[mainIndex]
        let entity = pattern.entities[0]
        guard let mainTable = model.table(id: main.request.tableID) else { return }
        let got = run.results[mainIndex]
        var found: [String] = []
        if let aggregation = mapping.aggregation, case .counter = aggregation.method {
            checkCounterRead(mapping, plan: aggregation, probe: probe, run: run, mainIndex: mainIndex)
            return
        }
        // A child embedded in its parent: the parent item comes back with the list.
        if main.entity != entity {
            let expected = children(entity, of: main.entity, values: samples.items[main.entity]?.first { parentItem in
                guard let link = samples.parents[entity], let parent = requirements.entity(named: link.parent) else { return false }
                return zip(parent.identifier, link.foreignKey).allSatisfy { StoredItems.same(parentItem[$0], probe[$1]) }
            } ?? [:])
            let list = mainTable.attributes.first { $0.sourceEntity == entity && $0.entity == main.entity }?.name
            let count: Int? = {
                guard let list, let item = got.first, case .l(let entries)? = item[list] else { return nil }
                return entries.count
            }()
            if count != expected.count { found.append("the \(main.entity) item's list holds \(count.map(String.init) ?? "nothing"), expected \(expected.count) \(entity) items") }
            record(mapping.patternID, found, expected: expected.count, got: count ?? 0)
            return
        }
        var expected: [EntityValues]
        switch main.request {
        case .batchGetItem: expected = batch
        case .scan: expected = matching(entity, pattern: pattern, probe: probe, scan: true)
        case .getItem: expected = [probe]
        default: expected = matching(entity, pattern: pattern, probe: probe, scan: false)
        }
        if let aggregation = mapping.aggregation, aggregation.method == .clientSide {
            found += clientSideProblems(aggregation, got: got, table: mainTable, covered: expected)
        }
        var wantIdentities = expected.map { stored.identity(entity, values: $0, in: mainTable) }
        for member in main.collectionMembers {
            wantIdentities += children(member, of: entity, values: probe).map { stored.identity(member, values: $0, in: mainTable) }
        }
        let gotIdentities = got.map { stored.identity(ofStored: $0, in: mainTable) }
        found += ItemIdentityCheck.problems(expected: wantIdentities, got: gotIdentities, label: main.request.operation.rawValue)
        // Only a Query returns items in an order; BatchGetItem and Scan return them in none.
        if case .attribute(let sort)? = pattern.sort, main.collectionMembers.isEmpty, case .query = main.request,
           let name = mainTable.itemLayout(of: entity)?.storedName(of: sort.attribute) {
            found += OrderingCheck.problems(values: got.map { $0[name] }, attribute: sort.attribute, direction: sort.direction)
        }
        var wantCount = wantIdentities.count
        var gotCount = got.count
        for (index, step) in plan.steps.enumerated() where step.purpose == .related {
            guard let relatedTable = model.table(id: step.request.tableID) else { continue }
            let perItem: Bool = { if case .perResultOf = step.repetition { return true } else { return false } }()
            let want = relatedItems(step.entity, of: entity, from: expected, perItem: perItem)
            let have = run.results[index]
            wantCount += want.count
            gotCount += have.count
            found += ItemIdentityCheck.problems(expected: want.map { stored.identity(step.entity, values: $0, in: relatedTable) },
                                                got: have.map { stored.identity(ofStored: $0, in: relatedTable) },
                                                label: "the \(step.entity) read (\(step.request.operation.rawValue))")
        }
        record(mapping.patternID, found, expected: wantCount, got: gotCount)
    }

    /// The `other` items related to the main items: their children, or their parents (once per
    /// main item when the step runs once per item).
    func relatedItems(_ other: String, of entity: String, from items: [EntityValues], perItem: Bool) -> [EntityValues] {
        if requirements.relationships.contains(where: { $0.parent == entity && $0.child == other && $0.kind == .oneToMany }) {
            return items.flatMap { children(other, of: entity, values: $0) }
        }
        guard let relationship = requirements.relationships.first(where: { $0.parent == other && $0.child == entity && $0.kind == .oneToMany }),
              let foreignKey = ForeignKeys.of(relationship, in: requirements), let parent = requirements.entity(named: other) else { return [] }
        var found: [EntityValues] = []
        for item in items {
            for candidate in samples.items[other] ?? [] where zip(parent.identifier, foreignKey).allSatisfy({ StoredItems.same(candidate[$0], item[$1]) }) {
                if perItem || !found.contains(candidate) { found.append(candidate) }
            }
        }
        return found
    }
}
