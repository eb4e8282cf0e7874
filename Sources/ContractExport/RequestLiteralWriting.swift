import DesignEngine

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
    /// The deployed name of a table, looked up at run time.
    func tableName(_ id: String) -> String
    /// A key as the request takes it (serialized for boto3's client, compacted for the document
    /// client).
    mutating func keyArgument(_ key: ItemKey) -> String
    /// A value before any type conversion.
    mutating func rawValue(_ planValue: PlanValue) -> String
    /// `ExpressionAttributeNames` and `ExpressionAttributeValues` for what `expressions` used.
    mutating func expressionFields(_ expressions: PlanExpressions, tableID: String) -> [String]
    /// A run-time test that the value is present (or absent).
    func presenceTest(_ value: String, present: Bool) -> String
    /// `then` when every test holds, else `otherwise`: an expression chosen at run time.
    func choose(_ tests: [String], then: String, otherwise: String) -> String
}

extension RequestLiteralWriting {
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
