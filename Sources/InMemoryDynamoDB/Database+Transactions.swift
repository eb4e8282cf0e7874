import DynamoDBAPI

extension Database {
    static let transactionLimit = 100

    static func multipleOperations() -> DynamoDBError {
        .validation(message: "Transaction request cannot include multiple operations on one item")
    }

    mutating func transactWriteItems(_ input: TransactWriteItemsInput) throws(DynamoDBError) -> TransactWriteItemsOutput {
        guard (1...Self.transactionLimit).contains(input.transactItems.count) else {
            throw .validation(message: "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1")
        }
        if let token = input.clientRequestToken, let earlier = transactionTokens[token] {
            guard earlier == input else {
                throw .serviceError(
                    type: "IdempotentParameterMismatchException",
                    message: "Parameters of the request with this ClientRequestToken differ from the earlier request", statusCode: 400)
            }
            return TransactWriteItemsOutput(consumedCapacity: nil)
        }
        var prepared: [PreparedWrite] = []
        var returnOld: [Bool] = []
        var seen: Set<ItemAddress> = []
        for action in input.transactItems {
            let write: PreparedWrite
            let onFailure: ReturnValuesOnConditionCheckFailure?
            switch action {
            case .put(let put):
                write = try preparePut(
                    table: put.tableName, item: put.item, condition: put.conditionExpression,
                    names: put.expressionAttributeNames, values: put.expressionAttributeValues)
                onFailure = put.returnValuesOnConditionCheckFailure
            case .update(let update):
                write = try prepareKeyed(
                    table: update.tableName, key: update.key, action: .update(nil), updateText: update.updateExpression,
                    condition: update.conditionExpression, names: update.expressionAttributeNames, values: update.expressionAttributeValues)
                onFailure = update.returnValuesOnConditionCheckFailure
            case .delete(let delete):
                write = try prepareKeyed(
                    table: delete.tableName, key: delete.key, action: .delete, condition: delete.conditionExpression,
                    names: delete.expressionAttributeNames, values: delete.expressionAttributeValues)
                onFailure = delete.returnValuesOnConditionCheckFailure
            case .conditionCheck(let check):
                write = try prepareKeyed(
                    table: check.tableName, key: check.key, action: .check, condition: check.conditionExpression,
                    names: check.expressionAttributeNames, values: check.expressionAttributeValues)
                onFailure = check.returnValuesOnConditionCheckFailure
            }
            guard seen.insert(write.address).inserted else { throw Self.multipleOperations() }
            prepared.append(write)
            returnOld.append(onFailure == .allOld)
        }

        // Every condition is evaluated against the state before the transaction; nothing is
        // written unless all pass.
        var outcomes: [PreparedWrite.Outcome] = []
        var reasons: [DynamoDBError.CancellationReason] = []
        var canceled = false
        for (position, write) in prepared.enumerated() {
            do {
                let outcome = try outcome(of: write)
                outcomes.append(outcome)
                if outcome.conditionPassed {
                    reasons.append(.init(code: .none))
                } else {
                    canceled = true
                    reasons.append(.init(code: .conditionalCheckFailed, message: "The conditional request failed", item: returnOld[position] ? outcome.old : nil))
                }
            } catch {
                canceled = true
                outcomes.append(PreparedWrite.Outcome(old: nil, new: nil, conditionPassed: false))
                if case .validation(let message) = error {
                    reasons.append(.init(code: .validationError, message: message))
                } else {
                    reasons.append(.init(code: .validationError, message: error.message))
                }
            }
        }
        if canceled {
            let codes = reasons.map(\.code.rawValue).joined(separator: ", ")
            throw .transactionCanceled(
                message: "Transaction cancelled, please refer cancellation reasons for specific reasons [\(codes)]", reasons: reasons)
        }
        var units: [String: (table: Double, indexes: [String: Double])] = [:]
        for (write, outcome) in zip(prepared, outcomes) {
            let cost = commit(write, outcome, measure: Self.measures(input.returnConsumedCapacity))
            // Transactions cost twice: a prepare and a commit (developer guide, "Capacity management for transactions").
            let checkCost = { if case .check = write.action { return Capacity.writeUnits(AttributeValue.itemSize(outcome.old ?? [:])) } else { return 0.0 } }()
            let sum = units[write.tableName] ?? (0, [:])
            units[write.tableName] = (sum.table + 2 * (cost.table + checkCost), Self.merge(sum.indexes, cost.indexes.mapValues { 2 * $0 }))
        }
        if let token = input.clientRequestToken { transactionTokens[token] = input }
        var capacities: [ConsumedCapacity] = []
        for (name, cost) in units.sorted(by: { $0.key < $1.key }) {
            guard let schema = tables[name]?.schema else { continue }
            if let capacity = Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: cost.table, indexUnits: cost.indexes, isRead: false) {
                capacities.append(capacity)
            }
        }
        return TransactWriteItemsOutput(consumedCapacity: capacities.isEmpty ? nil : capacities)
    }

    mutating func transactGetItems(_ input: TransactGetItemsInput) throws(DynamoDBError) -> TransactGetItemsOutput {
        guard (1...Self.transactionLimit).contains(input.transactItems.count) else {
            throw .validation(message: "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1")
        }
        var seen: Set<ItemAddress> = []
        for get in input.transactItems {
            guard let table = tables[get.tableName] else { throw Self.tableNotFound(get.tableName) }
            let position = table.position(of: try table.checkKey(get.key))
            guard seen.insert(ItemAddress(table: get.tableName, partition: position.partition, sort: position.sort)).inserted else {
                throw Self.multipleOperations()
            }
        }
        var responses: [Item?] = []
        var units: [String: Double] = [:]
        var schemas: [String: TableSchema] = [:]
        for get in input.transactItems {
            let result = try read(table: get.tableName, key: get.key, projection: get.projectionExpression, names: get.expressionAttributeNames)
            responses.append(result.item)
            units[get.tableName, default: 0] += 2 * Capacity.readUnits(result.size, consistent: true)
            schemas[get.tableName] = result.schema
        }
        var capacities: [ConsumedCapacity] = []
        for (name, cost) in units.sorted(by: { $0.key < $1.key }) {
            guard let schema = schemas[name] else { continue }
            if let capacity = Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: cost, indexUnits: [:], isRead: true) {
                capacities.append(capacity)
            }
        }
        return TransactGetItemsOutput(responses: responses, consumedCapacity: capacities.isEmpty ? nil : capacities)
    }
}
