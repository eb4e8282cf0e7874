import DynamoDBAPI

/// Parsed expressions by their text, so a request repeated with other values is not parsed
/// again. Bounded: cleared when it grows past `capacity` distinct texts.
struct ExpressionCache {
    var capacity = 4096
    private var conditions: [String: Parsed<ConditionNode>] = [:]
    private var keyConditions: [String: Parsed<ConditionNode>] = [:]
    private var updates: [String: Parsed<UpdateActions>] = [:]
    private var projections: [String: Parsed<[DocumentPath]>] = [:]

    mutating func condition(_ text: String, kind: String) throws(DynamoDBError) -> Parsed<ConditionNode> {
        if kind == "KeyConditionExpression" {
            if let cached = keyConditions[text] { return cached }
            let parsed = try ExpressionParser.condition(text, kind: kind)
            if keyConditions.count >= capacity { keyConditions.removeAll() }
            keyConditions[text] = parsed
            return parsed
        }
        // Condition and filter expressions share a grammar; only messages name the kind.
        if let cached = conditions[text] { return cached }
        let parsed = try ExpressionParser.condition(text, kind: kind)
        if conditions.count >= capacity { conditions.removeAll() }
        conditions[text] = parsed
        return parsed
    }

    mutating func update(_ text: String) throws(DynamoDBError) -> Parsed<UpdateActions> {
        if let cached = updates[text] { return cached }
        let parsed = try ExpressionParser.update(text)
        if updates.count >= capacity { updates.removeAll() }
        updates[text] = parsed
        return parsed
    }

    mutating func projection(_ text: String) throws(DynamoDBError) -> Parsed<[DocumentPath]> {
        if let cached = projections[text] { return cached }
        let parsed = try ExpressionParser.projection(text)
        if projections.count >= capacity { projections.removeAll() }
        projections[text] = parsed
        return parsed
    }

    var count: Int { conditions.count + keyConditions.count + updates.count + projections.count }
}
