import DynamoDBAPI

extension Database {
    static func checkReturnValues(_ value: ReturnValue?, allowed: [ReturnValue]) throws(DynamoDBError) {
        if let value, !allowed.contains(value) {
            throw .validation(message: "Return values set to invalid value")
        }
    }

    static func conditionFailed() -> DynamoDBError {
        .conditionalCheckFailed(message: "The conditional request failed")
    }

    mutating func putItem(_ input: PutItemInput) throws(DynamoDBError) -> PutItemOutput {
        try Self.checkReturnValues(input.returnValues, allowed: [.none, .allOld])
        let write = try preparePut(
            table: input.tableName, item: input.item, condition: input.conditionExpression,
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let schema = try schema(input.tableName)
        let outcome = try outcome(of: write)
        guard outcome.conditionPassed else { throw Self.conditionFailed() }
        let units = commit(write, outcome, measure: Self.measures(input.returnConsumedCapacity))
        return PutItemOutput(
            attributes: input.returnValues == .allOld ? outcome.old : nil,
            consumedCapacity: Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: units.table, indexUnits: units.indexes, isRead: false))
    }

    mutating func updateItem(_ input: UpdateItemInput) throws(DynamoDBError) -> UpdateItemOutput {
        let write = try prepareKeyed(
            table: input.tableName, key: input.key, action: .update(nil), updateText: input.updateExpression,
            condition: input.conditionExpression, names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let schema = try schema(input.tableName)
        let outcome = try outcome(of: write)
        guard outcome.conditionPassed else { throw Self.conditionFailed() }
        let units = commit(write, outcome, measure: Self.measures(input.returnConsumedCapacity))
        var attributes: Item?
        switch input.returnValues ?? .none {
        case .none: attributes = nil
        case .allOld: attributes = outcome.old
        case .allNew: attributes = outcome.new
        case .updatedOld: attributes = outcome.old.map { write.context.project($0, paths: write.updatedPaths) }
        case .updatedNew: attributes = outcome.new.map { write.context.project($0, paths: write.updatedPaths) }
        }
        if attributes?.isEmpty == true { attributes = nil }
        return UpdateItemOutput(
            attributes: attributes,
            consumedCapacity: Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: units.table, indexUnits: units.indexes, isRead: false))
    }

    mutating func deleteItem(_ input: DeleteItemInput) throws(DynamoDBError) -> DeleteItemOutput {
        try Self.checkReturnValues(input.returnValues, allowed: [.none, .allOld])
        let write = try prepareKeyed(
            table: input.tableName, key: input.key, action: .delete, condition: input.conditionExpression,
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let schema = try schema(input.tableName)
        let outcome = try outcome(of: write)
        guard outcome.conditionPassed else { throw Self.conditionFailed() }
        let units = commit(write, outcome, measure: Self.measures(input.returnConsumedCapacity))
        return DeleteItemOutput(
            attributes: input.returnValues == .allOld ? outcome.old : nil,
            consumedCapacity: Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: units.table, indexUnits: units.indexes, isRead: false))
    }

    /// A key checked and its item read with an optional projection: GetItem, BatchGetItem and
    /// TransactGetItems share it.
    mutating func read(
        table name: String, key: Item, projection text: String?, names: [String: String]
    ) throws(DynamoDBError) -> (item: Item?, size: Int, schema: TableSchema) {
        guard let table = tables[name] else { throw Self.tableNotFound(name) }
        let projection = try self.projection(text)
        try Self.checkPlaceholders(names: names, values: [:], usedNames: projection?.names ?? [], usedValues: [], hasExpressions: text != nil)
        let context = ExpressionContext(names: names, values: [:])
        if let projection { try context.checkOverlaps(projection.tree, kind: "ProjectionExpression") }
        let checked = try table.checkKey(key)
        guard let item = table.item(at: table.position(of: checked)) else { return (nil, 0, table.schema) }
        let size = AttributeValue.itemSize(item)
        guard let projection else { return (item, size, table.schema) }
        return (context.project(item, paths: projection.tree), size, table.schema)
    }

    mutating func getItem(_ input: GetItemInput) throws(DynamoDBError) -> GetItemOutput {
        let (item, size, schema) = try read(
            table: input.tableName, key: input.key, projection: input.projectionExpression, names: input.expressionAttributeNames)
        let units = Capacity.readUnits(size, consistent: input.consistentRead ?? false)
        return GetItemOutput(
            item: item, consumedCapacity: Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: units, indexUnits: [:], isRead: true))
    }
}
