import DynamoDBAPI

/// A write checked against its table before anything is read: the item's place, its condition
/// and what it does. PutItem, UpdateItem, DeleteItem, batch writes and every transaction action
/// go through it, so they validate and behave alike.
struct PreparedWrite {
    enum Action {
        case put(Item)
        case update(UpdateActions?)
        case delete
        case check
    }

    var tableName: String
    var key: Item
    var position: (partition: CompositeKey, sort: CompositeKey)
    var action: Action
    var condition: ConditionNode?
    var context: ExpressionContext
    /// The paths an update writes, for `UPDATED_OLD` and `UPDATED_NEW`.
    var updatedPaths: [DocumentPath] = []

    /// Which item it writes, for the one-operation-per-item rules of batches and transactions.
    var address: ItemAddress { ItemAddress(table: tableName, partition: position.partition, sort: position.sort) }

    /// The outcome of running it against the stored item.
    struct Outcome {
        var old: Item?
        /// The item after the write; nil when it deletes (or only checks).
        var new: Item?
        var conditionPassed: Bool
    }

    /// Evaluates the condition and computes the new item; errors in computing it (an update's
    /// type errors, a result too large) are thrown.
    func run(on table: Table) throws(DynamoDBError) -> Outcome {
        let old = table.item(at: position)
        if let condition, !context.evaluate(condition, on: old) {
            return Outcome(old: old, new: nil, conditionPassed: false)
        }
        switch action {
        case .put(let item): return Outcome(old: old, new: item, conditionPassed: true)
        case .delete: return Outcome(old: old, new: nil, conditionPassed: true)
        case .check: return Outcome(old: old, new: old, conditionPassed: true)
        case .update(let actions):
            var updated = old ?? key
            if let actions { updated = try UpdateApplier(context: context).apply(actions, to: updated) }
            return Outcome(old: old, new: try table.checkItem(updated), conditionPassed: true)
        }
    }
}

extension Database {
    /// The parsed condition of a write, with its operand types checked.
    mutating func writeCondition(_ text: String?, context: ExpressionContext) throws(DynamoDBError) -> Parsed<ConditionNode>? {
        guard let parsed = try condition(text, kind: "ConditionExpression") else { return nil }
        try context.checkOperandTypes(parsed.tree, kind: "ConditionExpression")
        return parsed
    }

    mutating func preparePut(
        table name: String, item: Item, condition text: String?, names: [String: String], values: [String: AttributeValue]
    ) throws(DynamoDBError) -> PreparedWrite {
        guard let table = tables[name] else { throw Self.tableNotFound(name) }
        let context = ExpressionContext(names: names, values: values)
        let condition = try writeCondition(text, context: context)
        try Self.checkPlaceholders(
            names: names, values: values, usedNames: condition?.names ?? [], usedValues: condition?.values ?? [], hasExpressions: text != nil)
        let checked = try table.checkItem(item)
        var key: Item = [:]
        for name in table.schema.keyNames { key[name] = checked[name] }
        return PreparedWrite(
            tableName: name, key: key, position: table.position(of: checked), action: .put(checked), condition: condition?.tree, context: context)
    }

    mutating func prepareKeyed(
        table name: String, key: Item, action: PreparedWrite.Action, updateText: String? = nil, condition text: String?,
        names: [String: String], values: [String: AttributeValue]
    ) throws(DynamoDBError) -> PreparedWrite {
        guard let table = tables[name] else { throw Self.tableNotFound(name) }
        let context = ExpressionContext(names: names, values: values)
        var action = action
        var usedNames: Set<String> = []
        var usedValues: Set<String> = []
        var updatedPaths: [DocumentPath] = []
        if let updateText {
            let update = try cache.update(updateText)
            usedNames.formUnion(update.names)
            usedValues.formUnion(update.values)
            let paths = update.tree.targetPaths
            for path in paths {
                guard case .name(let first)? = path.elements.first else { continue }
                if case .placeholder(let placeholder) = first, names[placeholder] == nil { continue }
                let attribute = context.name(first)
                if table.schema.keyNames.contains(attribute) {
                    throw .validation(message: "One or more parameter values were invalid: Cannot update attribute \(attribute). This attribute is part of the key")
                }
            }
            action = .update(update.tree)
            updatedPaths = paths
        }
        let condition = try writeCondition(text, context: context)
        usedNames.formUnion(condition?.names ?? [])
        usedValues.formUnion(condition?.values ?? [])
        try Self.checkPlaceholders(
            names: names, values: values, usedNames: usedNames, usedValues: usedValues, hasExpressions: text != nil || updateText != nil)
        if updateText != nil { try context.checkOverlaps(updatedPaths, kind: "UpdateExpression") }
        let checkedKey = try table.checkKey(key)
        var prepared = PreparedWrite(
            tableName: name, key: checkedKey, position: table.position(of: checkedKey), action: action, condition: condition?.tree, context: context)
        prepared.updatedPaths = updatedPaths
        return prepared
    }

    /// Runs a prepared write against the stored item (the table copy is released on return, so
    /// the commit that follows mutates the table in place).
    func outcome(of write: PreparedWrite) throws(DynamoDBError) -> PreparedWrite.Outcome {
        guard let table = tables[write.tableName] else { throw Self.tableNotFound(write.tableName) }
        return try write.run(on: table)
    }

    /// Applies a write that passed, returning the table's and each index's write units (zeros
    /// when the request did not ask for them: sizing every item is not free).
    mutating func commit(_ write: PreparedWrite, _ outcome: PreparedWrite.Outcome, measure: Bool = true) -> (table: Double, indexes: [String: Double]) {
        if case .check = write.action { return (0, [:]) }
        let indexUnits = tables[write.tableName]?.write(old: outcome.old, new: outcome.new, measure: measure) ?? [:]
        guard measure else { return (0, indexUnits) }
        let size = max(outcome.old.map(AttributeValue.itemSize) ?? 0, outcome.new.map(AttributeValue.itemSize) ?? 0)
        return (Capacity.writeUnits(size), indexUnits)
    }
}
