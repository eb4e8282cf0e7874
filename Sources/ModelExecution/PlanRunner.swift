import DesignEngine
import DynamoDBAPI
import Requirements

/// The values a caller passes to one pattern's plan.
public struct PlanInputs: Sendable, Equatable {
    /// One item's values per entity (the item read, written or looked up).
    public var values: [String: EntityValues]
    /// Several items of an entity: the children written with their parent, the keys of a
    /// BatchGetItem, the items of a BatchWriteItem.
    public var lists: [String: [EntityValues]]

    public init(values: [String: EntityValues] = [:], lists: [String: [EntityValues]] = [:]) {
        self.values = values
        self.lists = lists
    }
}

/// What running a plan did: the items each step returned (reads) or wrote (puts), and the
/// error that stopped it, if any.
public struct PlanRun: Sendable {
    /// Per step, in step order: items read, or items put (updates and deletes add nothing).
    public var results: [[Item]]
    public var failure: PlanRunFailure?

    /// The items the step the pattern is about returned or wrote.
    public func mainItems(of plan: PatternPlan) -> [Item] {
        guard let index = plan.mainStepIndex, results.indices.contains(index) else { return [] }
        return results[index]
    }
}

/// Why a plan stopped before its last step.
public enum PlanRunFailure: Error, Sendable, Equatable {
    /// DynamoDB refused a request (a failed condition, a cancelled transaction, a bad request).
    case request(step: Int, operation: String, error: DynamoDBError)
    /// A value the step needs is missing: an input the caller did not pass, or an attribute the
    /// item an earlier step read does not have.
    case missingValue(step: Int, what: String)

    public var message: String {
        switch self {
        case .request(let step, let operation, let error): return "step \(step + 1) (\(operation)) failed: \(error.message)"
        case .missingValue(let step, let what): return "step \(step + 1) has no value for \(what)"
        }
    }

    /// Whether DynamoDB refused the write because a condition did not hold (a duplicate unique
    /// value, an item that already exists): what a duplicate create must produce.
    public var isConditionRefusal: Bool {
        guard case .request(_, _, let error) = self else { return false }
        switch error {
        case .conditionalCheckFailed: return true
        case .transactionCanceled(_, let reasons): return reasons.contains { $0.code == .conditionalCheckFailed }
        default: return false
        }
    }
}

/// Runs plans against a DynamoDB service, exactly as planned: each step's request built from
/// the typed plan (`PlanExpressions` for the expressions), values resolved from the caller's
/// inputs and from the items earlier steps returned, loops over a step's results, pages of a
/// Query followed to the end, unprocessed batch items retried.
public struct PlanRunner: Sendable {
    public let model: DataModel
    public let service: any DynamoDBService
    /// The deployed name of each table, by table id (a prefix for a validation run).
    public let tableNames: [String: String]
    private let tables: [String: TableDesign]

    public init(model: DataModel, service: any DynamoDBService, tableNames: [String: String]) {
        self.model = model
        self.service = service
        self.tableNames = tableNames
        self.tables = Dictionary(model.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func run(_ plan: PatternPlan, inputs: PlanInputs) -> PlanRun {
        var state = State(plan: plan, inputs: inputs, results: Array(repeating: [], count: plan.steps.count))
        var index = 0
        while index < plan.steps.count {
            let repetition = plan.steps[index].repetition
            var end = index
            while end + 1 < plan.steps.count, plan.steps[end + 1].repetition == repetition { end += 1 }
            do {
                switch repetition {
                case .once, .perInputItem:
                    for position in index...end { try runStep(position, &state) }
                case .perResultOf(let source):
                    // A group of looped batch deletes goes out together, 25 per request.
                    var pendingDeletes: [String: [WriteRequest]] = [:]
                    for item in state.results.indices.contains(source) ? state.results[source] : [] {
                        state.current[source] = .some(item)
                        for position in index...end {
                            if case .batchWriteItem(let entries) = plan.steps[position].request {
                                for entry in entries {
                                    if case .delete(let tableID, let key) = entry {
                                        pendingDeletes[deployed(tableID), default: []].append(.delete(key: try resolveKey(key, step: position, &state)))
                                    }
                                }
                            } else {
                                try runStep(position, &state)
                            }
                        }
                    }
                    state.current[source] = nil
                    if !pendingDeletes.isEmpty { try batchWrite(pendingDeletes, step: end, &state) }
                }
            } catch let failure {
                return PlanRun(results: state.results, failure: failure)
            }
            index = end + 1
        }
        return PlanRun(results: state.results, failure: nil)
    }

    /// The run's state: inputs, each step's results, and the item of the current loop round.
    struct State {
        let plan: PatternPlan
        var inputs: PlanInputs
        var results: [[Item]]
        /// The item of the current round of a loop, by step (nil inside: the step found nothing).
        var current: [Int: Item?] = [:]
    }

    func deployed(_ tableID: String) -> String { tableNames[tableID] ?? tableID }

    // MARK: Values

    func resolve(_ value: PlanValue, type: DynamoDBType?, step: Int, _ state: inout State) throws(PlanRunFailure) -> AttributeValue {
        let current = state.current
        let results = state.results
        let resolved = PlanValueResolver.resolve(value, type: type, inputs: state.inputs.values) { source, attribute in
            let item: Item? = if let round = current[source] { round } else { results.indices.contains(source) ? results[source].first : nil }
            return item?[attribute]
        }
        switch resolved {
        case .success(let value): return value
        case .failure(let missing): throw .missingValue(step: step, what: missing.what)
        }
    }

    func resolveKey(_ key: ItemKey, step: Int, _ state: inout State) throws(PlanRunFailure) -> Item {
        var item: Item = [:]
        for part in key.parts { item[part.attribute] = try resolve(part.value, type: part.type, step: step, &state) }
        return item
    }

    /// Whether a value exists for this round (a sparse key outside its state does not).
    func isPresent(_ value: PlanValue, _ state: State) -> Bool {
        let current = state.current
        let results = state.results
        return PlanValueResolver.isPresent(value, inputs: state.inputs.values) { source, attribute in
            let item: Item? = if let round = current[source] { round } else { results.indices.contains(source) ? results[source].first : nil }
            return item?[attribute]
        }
    }

    func resolveItem(_ values: [StoredValue], step: Int, _ state: inout State) throws(PlanRunFailure) -> Item {
        var item: Item = [:]
        for stored in values {
            // An attribute the caller has no value for is simply not stored (a nullable column).
            if case .input(let entity, let attribute) = stored.value, state.inputs.values[entity]?[attribute] == nil { continue }
            if !isPresent(stored.value, state) { continue }
            item[stored.attribute] = try resolve(stored.value, type: stored.type, step: step, &state)
        }
        return item
    }

    /// Names and values of an expression builder, resolved.
    func bind(_ expressions: PlanExpressions, tableID: String, step: Int, _ state: inout State) throws(PlanRunFailure) -> ([String: String], [String: AttributeValue]) {
        var names: [String: String] = [:]
        for name in expressions.names { names[name.placeholder] = name.attribute }
        var values: [String: AttributeValue] = [:]
        let table = tables[tableID]
        for entry in expressions.values {
            // A sparse key removed by this update binds no value.
            if !isPresent(entry.value, state) { continue }
            let type = entry.type ?? entry.attribute.flatMap { table?.storedType(of: $0) }
            values[entry.placeholder] = try resolve(entry.value, type: type, step: step, &state)
        }
        return (names, values)
    }

    // MARK: Steps

    func runStep(_ index: Int, _ state: inout State) throws(PlanRunFailure) {
        let step = state.plan.steps[index]
        let operation = step.request.operation.rawValue
        func call<T>(_ body: () throws(DynamoDBError) -> T) throws(PlanRunFailure) -> T {
            do { return try body() } catch { throw .request(step: index, operation: operation, error: error) }
        }
        switch step.request {
        case .getItem(let get):
            let key = try resolveKey(get.key, step: index, &state)
            let output = try call { () throws(DynamoDBError) in try service.getItem(GetItemInput(tableName: deployed(get.tableID), key: key, consistentRead: get.consistent)) }
            if let item = output.item { state.results[index].append(item) }
            // Inside a loop, later steps read this round's item, not the first round's.
            state.current[index] = .some(output.item)
        case .batchGetItem(let get):
            var keys: [Item] = []
            let saved = state.inputs.values[step.entity]
            for values in state.inputs.lists[step.entity] ?? [] {
                state.inputs.values[step.entity] = values
                keys.append(try resolveKey(get.key, step: index, &state))
            }
            state.inputs.values[step.entity] = saved
            let name = deployed(get.tableID)
            var start = 0
            while start < keys.count {
                var pending: [String: KeysAndAttributes]? = [name: KeysAndAttributes(keys: Array(keys[start..<min(start + 100, keys.count)]), consistentRead: get.consistent)]
                var rounds = 0
                while let request = pending, rounds < 50 {
                    let output = try call { () throws(DynamoDBError) in try service.batchGetItem(BatchGetItemInput(requestItems: request)) }
                    state.results[index] += output.responses[name] ?? []
                    pending = output.unprocessedKeys.isEmpty ? nil : output.unprocessedKeys
                    rounds += 1
                }
                start += 100
            }
        case .query(let query):
            var expressions = PlanExpressions()
            let keyCondition = expressions.keyCondition(query)
            let filter = query.filter.map { expressions.condition($0) }
            let (names, values) = try bind(expressions, tableID: query.tableID, step: index, &state)
            let indexName = query.indexID.flatMap { tables[query.tableID]?.index(id: $0)?.name }
            var input = QueryInput(tableName: deployed(query.tableID), indexName: indexName, keyConditionExpression: keyCondition, filterExpression: filter,
                                   expressionAttributeNames: names, expressionAttributeValues: values, scanIndexForward: query.scanForward,
                                   consistentRead: query.consistent ? true : nil)
            var pages = 0
            while pages < 10_000 {
                let output = try call { () throws(DynamoDBError) in try service.query(input) }
                state.results[index] += output.items ?? []
                pages += 1
                guard let last = output.lastEvaluatedKey, !last.isEmpty else { break }
                input.exclusiveStartKey = last
            }
        case .scan(let scan):
            var expressions = PlanExpressions()
            let filter = PlanCondition.all([scan.entityFilter, scan.filter].compactMap { $0 }).map { expressions.condition($0) }
            let (names, values) = try bind(expressions, tableID: scan.tableID, step: index, &state)
            var input = ScanInput(tableName: deployed(scan.tableID), filterExpression: filter, expressionAttributeNames: names, expressionAttributeValues: values)
            var pages = 0
            while pages < 10_000 {
                let output = try call { () throws(DynamoDBError) in try service.scan(input) }
                state.results[index] += output.items ?? []
                pages += 1
                guard let last = output.lastEvaluatedKey, !last.isEmpty else { break }
                input.exclusiveStartKey = last
            }
        case .putItem(let put):
            let request = try putInput(put, step: index, &state)
            _ = try call { () throws(DynamoDBError) in try service.putItem(request) }
            state.results[index].append(request.item)
        case .updateItem(let update):
            let request = try updateInput(update, step: index, &state)
            _ = try call { () throws(DynamoDBError) in try service.updateItem(request) }
        case .deleteItem(let delete):
            let request = try deleteInput(delete, step: index, &state)
            _ = try call { () throws(DynamoDBError) in try service.deleteItem(request) }
        case .batchWriteItem(let entries):
            var requests: [String: [WriteRequest]] = [:]
            let saved = state.inputs.values[step.entity]
            let rounds: [EntityValues?] = {
                if case .perInputItem(let entity) = step.repetition { return (state.inputs.lists[entity] ?? []).map { Optional($0) } }
                return [nil]
            }()
            for values in rounds {
                if let values { state.inputs.values[step.entity] = values }
                for entry in entries {
                    switch entry {
                    case .put(let tableID, let item):
                        let resolved = try resolveItem(item, step: index, &state)
                        requests[deployed(tableID), default: []].append(.put(item: resolved))
                        state.results[index].append(resolved)
                    case .delete(let tableID, let key):
                        requests[deployed(tableID), default: []].append(.delete(key: try resolveKey(key, step: index, &state)))
                    }
                }
            }
            state.inputs.values[step.entity] = saved
            try batchWrite(requests, step: index, &state)
        case .transactWriteItems(let actions):
            var items: [TransactWriteItem] = []
            for action in actions {
                // A repeated action reads the current item of the list it repeats over (an order
                // line's product is updated once per line, from the line's values).
                let roundEntity = action.repeatedPerInputOf ?? action.entity
                let saved = state.inputs.values[roundEntity]
                let rounds: [EntityValues?] = action.repeatedPerInputOf.map { (state.inputs.lists[$0] ?? []).map { Optional($0) } } ?? [nil]
                for values in rounds {
                    if let values { state.inputs.values[roundEntity] = values }
                    if try unchanged(action, step: index, &state) { continue }
                    switch action.operation {
                    case .put(let put):
                        let request = try putInput(put, step: index, &state)
                        items.append(.put(TransactPut(tableName: request.tableName, item: request.item, conditionExpression: request.conditionExpression,
                                                      expressionAttributeNames: request.expressionAttributeNames, expressionAttributeValues: request.expressionAttributeValues)))
                        state.results[index].append(request.item)
                    case .update(let update):
                        let request = try updateInput(update, step: index, &state)
                        items.append(.update(TransactUpdate(tableName: request.tableName, key: request.key, updateExpression: request.updateExpression ?? "",
                                                            conditionExpression: request.conditionExpression, expressionAttributeNames: request.expressionAttributeNames,
                                                            expressionAttributeValues: request.expressionAttributeValues)))
                    case .delete(let delete):
                        let request = try deleteInput(delete, step: index, &state)
                        items.append(.delete(TransactDelete(tableName: request.tableName, key: request.key, conditionExpression: request.conditionExpression,
                                                            expressionAttributeNames: request.expressionAttributeNames, expressionAttributeValues: request.expressionAttributeValues)))
                    case .conditionCheck(let check):
                        var expressions = PlanExpressions()
                        let condition = expressions.condition(check.condition)
                        let (names, values) = try bind(expressions, tableID: check.tableID, step: index, &state)
                        items.append(.conditionCheck(ConditionCheck(tableName: deployed(check.tableID), key: try resolveKey(check.key, step: index, &state),
                                                                    conditionExpression: condition, expressionAttributeNames: names, expressionAttributeValues: values)))
                    }
                }
                state.inputs.values[roundEntity] = saved
            }
            guard !items.isEmpty else { return }
            _ = try call { () throws(DynamoDBError) in try service.transactWriteItems(TransactWriteItemsInput(transactItems: items)) }
        }
    }

    /// Whether an action is skipped because the values it depends on keep their stored value
    /// (the item read before the write has the caller's values already).
    func unchanged(_ action: TransactAction, step: Int, _ state: inout State) throws(PlanRunFailure) -> Bool {
        guard !action.skippedWhenUnchanged.isEmpty,
              let read = state.plan.steps.indices.first(where: { state.plan.steps[$0].purpose == .readBeforeWrite }),
              let stored = state.current[read] ?? state.results[read].first ?? nil,
              let layout = model.entityTable(of: action.entity)?.itemLayout(of: action.entity) else { return false }
        for attribute in action.skippedWhenUnchanged {
            guard let name = layout.storedName(of: attribute), let new = state.inputs.values[action.entity]?[attribute] else { return false }
            let type = layout.attributes.first { $0.attribute == name }?.type
            let converted = type.flatMap { ValueConversion.convert(new, to: $0) } ?? new
            if stored[name] != converted { return false }
        }
        return true
    }

    func putInput(_ put: PutRequest, step: Int, _ state: inout State) throws(PlanRunFailure) -> PutItemInput {
        let item = try resolveItem(put.item, step: step, &state)
        var expressions = PlanExpressions()
        let condition = put.condition.map { expressions.condition($0) }
        let (names, values) = try bind(expressions, tableID: put.tableID, step: step, &state)
        return PutItemInput(tableName: deployed(put.tableID), item: item, conditionExpression: condition, expressionAttributeNames: names, expressionAttributeValues: values)
    }

    func updateInput(_ update: UpdateRequest, step: Int, _ state: inout State) throws(PlanRunFailure) -> UpdateItemInput {
        let key = try resolveKey(update.key, step: step, &state)
        var expressions = PlanExpressions()
        let removing = Set(update.actions.compactMap { action -> String? in
            guard case .setOrRemove(let attribute, let value) = action, !isPresent(value, state) else { return nil }
            return attribute
        })
        let updateText = expressions.update(update.actions, removing: removing)
        let condition = update.condition.map { expressions.condition($0) }
        let (names, values) = try bind(expressions, tableID: update.tableID, step: step, &state)
        return UpdateItemInput(tableName: deployed(update.tableID), key: key, updateExpression: updateText, conditionExpression: condition,
                               expressionAttributeNames: names, expressionAttributeValues: values)
    }

    func deleteInput(_ delete: DeleteRequest, step: Int, _ state: inout State) throws(PlanRunFailure) -> DeleteItemInput {
        let key = try resolveKey(delete.key, step: step, &state)
        var expressions = PlanExpressions()
        let condition = delete.condition.map { expressions.condition($0) }
        let (names, values) = try bind(expressions, tableID: delete.tableID, step: step, &state)
        return DeleteItemInput(tableName: deployed(delete.tableID), key: key, conditionExpression: condition, expressionAttributeNames: names,
                               expressionAttributeValues: values)
    }

    /// BatchWriteItem, 25 requests at a time, unprocessed items retried.
    func batchWrite(_ requests: [String: [WriteRequest]], step: Int, _ state: inout State) throws(PlanRunFailure) {
        let operation = "BatchWriteItem"
        let flat = requests.keys.sorted().flatMap { table in requests[table]!.map { (table, $0) } }
        var start = 0
        while start < flat.count {
            var pending: [String: [WriteRequest]] = [:]
            for (table, request) in flat[start..<min(start + 25, flat.count)] { pending[table, default: []].append(request) }
            var rounds = 0
            while !pending.isEmpty, rounds < 50 {
                let input = BatchWriteItemInput(requestItems: pending)
                do {
                    pending = try service.batchWriteItem(input).unprocessedItems
                } catch {
                    throw .request(step: step, operation: operation, error: error)
                }
                rounds += 1
            }
            start += 25
        }
    }
}
