import DesignEngine
import Requirements

/// How one language writes the literal of a DynamoDB request. The boto3 and TypeScript
/// renderers build their put, update and delete requests through the one logic below, so the
/// conditions, the update expressions and the sparse-key variants chosen at run time are the
/// same in both; only the spelling differs.
protocol RequestLiteralWriting {
    /// The indentation of the next line, in steps.
    var depth: Int { get set }
    mutating func line(_ text: String)
    /// One field of a request literal: `"TableName": value` in Python, `TableName: value` in
    /// TypeScript.
    func field(_ name: String, _ value: String) -> String
    /// A string literal in the language.
    func stringLiteral(_ text: String) -> String
    /// A member name in an item or key literal (quoted where the language needs it).
    func memberName(_ attribute: String) -> String
    /// The deployed name of a table, looked up at run time.
    func tableName(_ id: String) -> String
    /// The model's tables by id, for the stored type of an expression's values.
    var tables: [String: TableDesign] { get }
    /// A value before any type conversion.
    mutating func rawValue(_ planValue: PlanValue) -> String
    /// The run-time conversion of `raw` to the stored `type`.
    func typed(_ raw: String, _ type: DynamoDBType) -> String
    /// An item or key literal as the request takes it: serialized to attribute values for
    /// boto3's client, with absent values left out for the document client.
    func requestForm(_ literal: String) -> String
    /// A run-time test that the value is present (or absent).
    func presenceTest(_ value: String, present: Bool) -> String
    /// `then` when every test holds, else `otherwise`: an expression chosen at run time.
    func choose(_ tests: [String], then: String, otherwise: String) -> String
    /// Whether the pattern writes (its main entity's item is then the `item` argument).
    var isWrite: Bool { get }
    /// The entity the pattern is about.
    var mainEntity: String { get }
    /// The parameter for one input of a read (or of another entity in a write), declared on
    /// first use; `*` stands for the whole item.
    mutating func parameter(entity: String, attribute: String) -> String
    /// An attribute of the item a variable holds, absent when the item lacks it.
    func member(_ attribute: String, of variable: String) -> String
    /// While set, values of this entity are read from this loop variable (one item per round).
    var repeated: (entity: String, variable: String)? { get set }
    /// The parameter holding a list of the entity's items, declared on first use.
    mutating func listParameter(_ entity: String) -> String
    /// A BatchWriteItem of one Put per item of `list` (each item named `values`).
    mutating func batchPuts(table: String, list: String, item: String)
    /// One Delete, written at once or, inside a loop, gathered for one BatchWriteItem per round.
    mutating func batchDelete(table: String, key: String, gathered: Bool)
}

extension RequestLiteralWriting {
    /// The entries of a BatchWriteItem step: puts for every item of a list, deletes by key.
    mutating func batchWrite(_ entries: [BatchWriteEntry], of step: PlanStep) {
        for entry in entries {
            switch entry {
            case .put(let tableID, let values):
                let list = listParameter(step.entity)
                repeated = (step.entity, "values")
                let itemText = item(values)
                repeated = nil
                batchPuts(table: tableName(tableID), list: list, item: requestForm(itemText))
            case .delete(let tableID, let itemKey):
                let gathered: Bool = { if case .perResultOf = step.repetition { return true } else { return false } }()
                batchDelete(table: tableName(tableID), key: keyArgument(itemKey), gathered: gathered)
            }
        }
    }

    /// An input of the pattern, or a whole item when `attribute` is nil: from the loop's current
    /// item, from the item the write stores, or else from a parameter.
    mutating func input(entity: String, attribute: String?) -> String {
        let variable: String? = if let repeated, repeated.entity == entity { repeated.variable } else if isWrite && entity == mainEntity { "item" } else { nil }
        guard let variable else { return parameter(entity: entity, attribute: attribute ?? "*") }
        return attribute.map { member($0, of: variable) } ?? variable
    }

    mutating func value(_ planValue: PlanValue, type: DynamoDBType?) -> String {
        let raw = rawValue(planValue)
        guard let type else { return raw }
        return typed(raw, type)
    }

    mutating func key(_ key: ItemKey) -> String {
        "{" + key.parts.map { "\(memberName($0.attribute)): \(value($0.value, type: $0.type))" }.joined(separator: ", ") + "}"
    }

    mutating func item(_ values: [StoredValue]) -> String {
        "{" + values.map { "\(memberName($0.attribute)): \(value($0.value, type: $0.type))" }.joined(separator: ", ") + "}"
    }

    /// A key as the request takes it.
    mutating func keyArgument(_ key: ItemKey) -> String { requestForm(self.key(key)) }

    /// `ExpressionAttributeNames` and `ExpressionAttributeValues` for what `expressions` used.
    mutating func expressionFields(_ expressions: PlanExpressions, tableID: String) -> [String] {
        guard !expressions.names.isEmpty else { return [] }
        var fields = [field("ExpressionAttributeNames", "{" + expressions.names.map { "\(stringLiteral($0.placeholder)): \(stringLiteral($0.attribute))" }.joined(separator: ", ") + "}")]
        if !expressions.values.isEmpty {
            let table = tables[tableID]
            var values: [String] = []
            for entry in expressions.values {
                let type = entry.type ?? entry.attribute.flatMap { table?.storedType(of: $0) }
                values.append("\(stringLiteral(entry.placeholder)): \(value(entry.value, type: type))")
            }
            fields.append(field("ExpressionAttributeValues", requestForm("{" + values.joined(separator: ", ") + "}")))
        }
        return fields
    }

    /// A request written as a literal, one field per line.
    mutating func request(_ prefix: String, _ fields: [String], _ suffix: String) {
        line(prefix + "{")
        depth += 1
        for field in fields { line(field + ",") }
        depth -= 1
        line("}" + suffix)
    }

    mutating func putFields(_ put: PutRequest, itemExpression: String) -> [String] {
        var expressions = PlanExpressions()
        var fields = [field("TableName", tableName(put.tableID)), field("Item", itemExpression)]
        if let condition = put.condition { fields.append(field("ConditionExpression", stringLiteral(expressions.condition(condition)))) }
        return fields + expressionFields(expressions, tableID: put.tableID)
    }

    mutating func updateFields(_ update: UpdateRequest) -> [String] {
        var expressions = PlanExpressions()
        var fields = [field("TableName", tableName(update.tableID)), field("Key", keyArgument(update.key))]
        // Sparse index keys are SET when the item is in the selected state and REMOVEd when it
        // is not: the expression is chosen at run time, its placeholders the same either way.
        let optional = update.actions.compactMap { action -> (String, PlanValue)? in
            if case .setOrRemove(let attribute, let value) = action { return (attribute, value) }
            return nil
        }
        if optional.isEmpty {
            fields.append(field("UpdateExpression", stringLiteral(expressions.update(update.actions))))
        } else {
            let before = expressions
            var text = ""
            for combination in (0..<(1 << optional.count)).reversed() {
                var variant = before
                let removing = Set(optional.indices.filter { combination & (1 << $0) == 0 }.map { optional[$0].0 })
                let expression = stringLiteral(variant.update(update.actions, removing: removing))
                if combination == (1 << optional.count) - 1 {
                    expressions = variant
                    text = expression
                    continue
                }
                var tests: [String] = []
                for position in optional.indices {
                    tests.append(presenceTest(rawValue(optional[position].1), present: combination & (1 << position) != 0))
                }
                text = choose(tests, then: expression, otherwise: text)
            }
            fields.append(field("UpdateExpression", text))
        }
        if let condition = update.condition { fields.append(field("ConditionExpression", stringLiteral(expressions.condition(condition)))) }
        return fields + expressionFields(expressions, tableID: update.tableID)
    }

    mutating func deleteFields(_ delete: DeleteRequest) -> [String] {
        var expressions = PlanExpressions()
        var fields = [field("TableName", tableName(delete.tableID)), field("Key", keyArgument(delete.key))]
        if let condition = delete.condition { fields.append(field("ConditionExpression", stringLiteral(expressions.condition(condition)))) }
        return fields + expressionFields(expressions, tableID: delete.tableID)
    }
}
