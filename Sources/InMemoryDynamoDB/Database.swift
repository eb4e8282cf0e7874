import DynamoDBAPI

/// The whole in-memory state: tables by name and the parsed-expression cache. Every operation
/// is a mutating method run under `InMemoryDynamoDB`'s lock.
struct Database {
    var tables: [String: Table] = [:]
    var cache = ExpressionCache()
    /// Transactions already applied, by client request token (idempotent retries).
    var transactionTokens: [String: TransactWriteItemsInput] = [:]

    static func tableNotFound(_ name: String) -> DynamoDBError {
        .resourceNotFound(message: "Requested resource not found: Table: \(name) not found")
    }

    func schema(_ name: String) throws(DynamoDBError) -> TableSchema {
        guard let schema = tables[name]?.schema else { throw Self.tableNotFound(name) }
        return schema
    }

    /// The capacity report a request asked for: nothing, the total, or with `INDEXES` the
    /// table's and each index's share.
    static func consumed(
        _ mode: ReturnConsumedCapacity?, schema: TableSchema, tableUnits: Double, indexUnits: [String: Double], isRead: Bool
    ) -> ConsumedCapacity? {
        guard let mode, mode != .none else { return nil }
        let total = tableUnits + indexUnits.values.reduce(0, +)
        func capacity(_ units: Double) -> Capacity {
            isRead ? Capacity(readCapacityUnits: units, capacityUnits: units) : Capacity(writeCapacityUnits: units, capacityUnits: units)
        }
        var result = ConsumedCapacity(
            tableName: schema.name, capacityUnits: total, readCapacityUnits: isRead ? total : nil, writeCapacityUnits: isRead ? nil : total)
        if mode == .indexes {
            result.table = capacity(tableUnits)
            let globals = indexUnits.filter { name, _ in schema.globalIndexes.contains { $0.name == name } }
            let locals = indexUnits.filter { name, _ in schema.localIndexes.contains { $0.name == name } }
            if !globals.isEmpty { result.globalSecondaryIndexes = globals.mapValues(capacity) }
            if !locals.isEmpty { result.localSecondaryIndexes = locals.mapValues(capacity) }
        }
        return result
    }

    /// Whether a request asked for its consumed capacity.
    static func measures(_ mode: ReturnConsumedCapacity?) -> Bool {
        mode != nil && mode != ReturnConsumedCapacity.none
    }

    static func merge(_ a: [String: Double], _ b: [String: Double]) -> [String: Double] {
        a.merging(b, uniquingKeysWith: +)
    }

    // MARK: Expressions

    /// A condition (or filter) expression parsed (cached), with its placeholders.
    mutating func condition(_ text: String?, kind: String) throws(DynamoDBError) -> Parsed<ConditionNode>? {
        guard let text else { return nil }
        return try cache.condition(text, kind: kind)
    }

    mutating func projection(_ text: String?) throws(DynamoDBError) -> Parsed<[DocumentPath]>? {
        guard let text else { return nil }
        return try cache.projection(text)
    }

    /// Checks a request's placeholders against the expressions it uses.
    static func checkPlaceholders(
        names: [String: String], values: [String: AttributeValue], usedNames: Set<String>, usedValues: Set<String>, hasExpressions: Bool
    ) throws(DynamoDBError) {
        if !hasExpressions {
            if !names.isEmpty { throw .validation(message: "ExpressionAttributeNames can only be specified when using expressions") }
            if !values.isEmpty { throw .validation(message: "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression, ConditionExpression, KeyConditionExpression and FilterExpression are null") }
            return
        }
        try ExpressionContext.checkPlaceholders(names: names, values: values, usedNames: usedNames, usedValues: usedValues)
        // Values are checked like item values: readable numbers in range, no empty sets.
        for value in values.values {
            switch value {
            case .s, .b, .bool, .null: continue
            default:
                do {
                    _ = try Table.checkValue(value)
                } catch {
                    throw .validation(message: "ExpressionAttributeValues contains invalid value: \(error.message)")
                }
            }
        }
    }
}
