import DesignEngine
import DynamoDBAPI
import Requirements

extension ExerciseRun {
    // MARK: Totals not kept by the writes the samples went through

    /// Applies each counter's increments for every sample item whose create did not carry them:
    /// what the Streams consumer (or, for an entity no pattern creates, the migration's one-time
    /// backfill) does. The key and increments are the model's own; the reads then compare each
    /// total with the aggregate computed from the sample items (docs/design-engine.md, "Aggregations").
    mutating func applyTotalsOutsideTransactions() {
        for table in model.tables {
            guard let totals = table.totals else { continue }
            let carriedByCreate = creates[totals.entity].map(carriesTotals) ?? false
            for counter in totals.counters where counter.maintenance == .stream || !carriedByCreate {
                for values in samples.items[totals.entity] ?? [] {
                    applyIncrements(counter, table: table, values: values, entity: totals.entity)
                }
            }
        }
    }

    /// Whether a create's plan updates a totals table in its transaction.
    func carriesTotals(_ mapping: PatternMapping) -> Bool {
        guard let main = mapping.plan?.mainStep, case .transactWriteItems(let actions) = main.request else { return false }
        return actions.contains { model.table(id: $0.tableID)?.totals != nil }
    }

    mutating func applyIncrements(_ counter: TotalsCounter, table: TableDesign, values: EntityValues, entity: String) {
        let inputs = [entity: values]
        var key: Item = [:]
        for part in counter.key.parts {
            guard case .success(let value) = PlanValueResolver.resolve(part.value, type: part.type, inputs: inputs, stepResult: { _, _ in nil }) else { return }
            key[part.attribute] = value
        }
        var names: [String: String] = [:]
        var attributeValues: [String: AttributeValue] = [:]
        var adds: [String] = []
        for (position, increment) in counter.increments.enumerated() {
            guard case .add(let name, let value) = increment,
                  case .success(let resolved) = PlanValueResolver.resolve(value, type: .number, inputs: inputs, stepResult: { _, _ in nil }) else { continue }
            names["#a\(position)"] = name
            attributeValues[":v\(position)"] = resolved
            adds.append("#a\(position) :v\(position)")
        }
        guard !adds.isEmpty else { return }
        let input = UpdateItemInput(tableName: runner.deployed(table.id), key: key, updateExpression: "ADD " + adds.joined(separator: ", "),
                                    expressionAttributeNames: names, expressionAttributeValues: attributeValues)
        events.append(.setupUpdate(input))
        _ = try? service.updateItem(input)
    }

    // MARK: Checking aggregating reads

    /// The sample items an aggregation covers for the probe: equal on every group attribute and
    /// in the same period (the first characters of the datetime, from the requirements' period).
    func aggregatedItems(_ plan: AggregationPlan, probe: EntityValues) -> [EntityValues] {
        let length: Int? = switch plan.aggregation.period {
        case .none: nil
        case .hour: 13
        case .day: 10
        case .month: 7
        }
        func bucket(_ values: EntityValues) -> String? {
            guard let name = plan.periodAttribute, let length, let value = values[name], let text = ValueConversion.text(of: value) else { return nil }
            return String(text.prefix(length))
        }
        let wanted = bucket(probe)
        return (samples.items[plan.entity] ?? []).filter { item in
            plan.groupAttributes.allSatisfy { StoredItems.same(item[$0], probe[$0]) } && bucket(item) == wanted
        }
    }

    /// A counter item's totals against the aggregate of the sample items it covers.
    mutating func checkCounterRead(_ mapping: PatternMapping, plan: AggregationPlan, probe: EntityValues, run: PlanRun, mainIndex: Int) {
        let covered = aggregatedItems(plan, probe: probe)
        let item = run.results.indices.contains(mainIndex) ? run.results[mainIndex].first : nil
        var found: [String] = []
        let expectedCount = Double(covered.count)
        let count = Self.number(item?[AggregationPlan.countAttribute])
        let function = plan.aggregation.function
        if function == .count || function == .avg, count != expectedCount {
            found.append("the counter item holds \(AggregationPlan.countAttribute) = \(count.map { NumberFormatting.plain($0) } ?? "nothing"), but \(NumberFormatting.plain(expectedCount)) sample \(plan.entity) items are counted")
        }
        if let attribute = plan.aggregation.attribute, function == .sum || function == .avg {
            let expectedSum = covered.compactMap { Self.number($0[attribute]) }.reduce(0, +)
            let sum = Self.number(item?[AggregationPlan.sumAttribute(attribute)])
            if sum.map({ abs($0 - expectedSum) > 1e-9 }) ?? true {
                found.append("the counter item holds \(AggregationPlan.sumAttribute(attribute)) = \(sum.map { NumberFormatting.plain($0) } ?? "nothing"), but the sample \(plan.entity) items sum to \(NumberFormatting.plain(expectedSum))")
            }
        }
        record(mapping.patternID, found, expected: covered.count, got: count.map { Int($0) } ?? 0)
    }

    /// A client-side aggregation: the function over the items the read returned equals the
    /// function over the sample items the requirements say it covers (`covered`).
    func clientSideProblems(_ plan: AggregationPlan, got: [Item], table: TableDesign, covered: [EntityValues]) -> [String] {
        let function = plan.aggregation.function
        let storedName = plan.aggregation.attribute.flatMap { table.itemLayout(of: plan.entity)?.storedName(of: $0) ?? $0 }
        let want = Self.aggregate(function, covered.map { item in plan.aggregation.attribute.flatMap { Self.number(item[$0]) } })
        let have = Self.aggregate(function, got.map { item in storedName.flatMap { Self.number(item[$0]) } })
        guard want != have else { return [] }
        return ["\(plan.functionText) over the items the read returned is \(have.map { NumberFormatting.plain($0) } ?? "nothing"), over the sample items \(want.map { NumberFormatting.plain($0) } ?? "nothing")"]
    }

    static func aggregate(_ function: Aggregation.Function, _ values: [Double?]) -> Double? {
        if function == .count { return Double(values.count) }
        let numbers = values.compactMap { $0 }
        guard !numbers.isEmpty else { return nil }
        switch function {
        case .count: return Double(numbers.count)
        case .sum: return numbers.reduce(0, +)
        case .avg: return numbers.reduce(0, +) / Double(numbers.count)
        case .min: return numbers.min()
        case .max: return numbers.max()
        }
    }

    static func number(_ value: AttributeValue?) -> Double? {
        guard case .n(let text)? = value else { return nil }
        return Double(text)
    }
}
