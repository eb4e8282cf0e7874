/// Plans in words and DynamoDB's expression notation, for documents and reviews:
/// `user_id = :user_id AND begins_with(collection_key, "ORDER_ITEM#")`.
///
/// Inputs of the pattern's main entity are `:attribute`, inputs of another entity
/// `:Entity.attribute`, a value read by an earlier step `step 1 → user_id`, fixed text `"ORDER"`,
/// and a concatenation joins its parts with ` + `. Text only: nothing parses it back.
public struct PlanText: Sendable {
    /// The entity whose inputs are written without an entity prefix.
    public let mainEntity: String
    /// Stored table names by table id, for step descriptions.
    public let tableNames: [String: String]
    /// Index names by table id and index id.
    public let indexNames: [String: [String: String]]
    /// Key attribute names by table id (partition, then sort), to show the key of a put.
    public let keyNames: [String: [String]]

    public init(mainEntity: String, tableNames: [String: String] = [:], indexNames: [String: [String: String]] = [:], keyNames: [String: [String]] = [:]) {
        self.mainEntity = mainEntity
        self.tableNames = tableNames
        self.indexNames = indexNames
        self.keyNames = keyNames
    }

    public init(plan: PatternPlan, model: DataModel) {
        var tables: [String: String] = [:]
        var indexes: [String: [String: String]] = [:]
        var keys: [String: [String]] = [:]
        for table in model.tables {
            tables[table.id] = table.name
            indexes[table.id] = Dictionary(table.indexes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            keys[table.id] = table.keyAttributeNames
        }
        self.init(mainEntity: plan.mainStep?.entity ?? "", tableNames: tables, indexNames: indexes, keyNames: keys)
    }

    public func value(_ value: PlanValue) -> String {
        switch value {
        case .input(let entity, let attribute): return entity == mainEntity ? ":\(attribute)" : ":\(entity).\(attribute)"
        case .literal(let text): return "\"\(text)\""
        case .stepResult(let step, let attribute): return "step \(step + 1) → \(attribute)"
        case .concatenation(let parts): return parts.map(self.value).joined(separator: " + ")
        case .entityItem(let entity): return "{\(entity) item}"
        case .emptyList: return "[]"
        case .negated(let inner): return "-" + self.value(inner)
        case .expiry(let from, let seconds): return "epoch(\(self.value(from))) + \(seconds)"
        case .currentTime: return "now (epoch seconds)"
        case .whenSelected(let selector, let equals, let then):
            return "\(self.value(then)) if \(self.value(selector)) \(equals.map { "= \"\($0)\"" } ?? "is null"), else none"
        case .prefix(let inner, let length): return "first \(length) characters of " + self.value(inner)
        }
    }

    public func key(_ key: ItemKey) -> String {
        key.parts.map { "\($0.attribute) = \(value($0.value))" }.joined(separator: " AND ")
    }

    /// The key condition of a Query.
    public func keyCondition(_ query: QueryRequest) -> String {
        var parts = (query.partition + query.sortPrefix).map { "\($0.attribute) = \(value($0.value))" }
        if let sort = query.sort { parts.append(sortCondition(sort)) }
        return parts.joined(separator: " AND ")
    }

    public func sortCondition(_ sort: SortKeyCondition) -> String {
        switch sort {
        case .compare(let key, let comparison): return "\(key.attribute) \(comparison.rawValue) \(value(key.value))"
        case .beginsWith(let key): return "begins_with(\(key.attribute), \(value(key.value)))"
        case .between(let attribute, _, let low, let high): return "\(attribute) BETWEEN \(value(low)) AND \(value(high))"
        }
    }

    public func condition(_ condition: PlanCondition) -> String {
        switch condition {
        case .attributeExists(let name): return "attribute_exists(\(name))"
        case .attributeNotExists(let name): return "attribute_not_exists(\(name))"
        case .compare(let name, let comparison, let operand): return "\(name) \(comparison.rawValue) \(value(operand))"
        case .beginsWith(let name, let operand): return "begins_with(\(name), \(value(operand)))"
        case .and(let parts): return parts.map(self.condition).joined(separator: " AND ")
        }
    }

    /// `SET a = :a, b = :b REMOVE c`, sections in DynamoDB's order.
    public func update(_ actions: [UpdateAction]) -> String {
        var sets: [String] = []
        var adds: [String] = []
        var removes: [String] = []
        for action in actions {
            switch action {
            case .set(let name, let operand): sets.append("\(name) = \(value(operand))")
            case .appendToList(let name, let operand): sets.append("\(name) = list_append(if_not_exists(\(name), []), [\(value(operand))])")
            case .add(let name, let operand): adds.append("\(name) \(value(operand))")
            case .remove(let name): removes.append(name)
            case .setOrRemove(let name, let operand):
                if case .whenSelected(let selector, let equals, let then) = operand {
                    sets.append("\(name) = \(value(then)) if \(value(selector)) \(equals.map { "= \"\($0)\"" } ?? "is null") (else REMOVE \(name))")
                } else {
                    sets.append("\(name) = \(value(operand)) (REMOVE \(name) when it has none)")
                }
            }
        }
        var sections: [String] = []
        if !sets.isEmpty { sections.append("SET " + sets.joined(separator: ", ")) }
        if !adds.isEmpty { sections.append("ADD " + adds.joined(separator: ", ")) }
        if !removes.isEmpty { sections.append("REMOVE " + removes.joined(separator: ", ")) }
        return sections.joined(separator: " ")
    }

    /// The condition column of the mapping table: the main step's key condition or key.
    public func keyCondition(of step: PlanStep) -> String {
        switch step.request {
        case .getItem(let get), .batchGetItem(let get): return key(get.key)
        case .query(let query): return keyCondition(query)
        case .scan: return ""
        case .putItem(let put): return key(put.key(keyNames[put.tableID] ?? []))
        case .updateItem(let update): return key(update.key)
        case .deleteItem(let delete): return key(delete.key)
        case .batchWriteItem(let entries):
            guard let first = entries.first else { return "" }
            switch first {
            case .put(let tableID, let item): return key(PutRequest(tableID: tableID, item: item, condition: nil).key(keyNames[tableID] ?? []))
            case .delete(_, let itemKey): return key(itemKey)
            }
        case .transactWriteItems(let actions):
            guard let first = actions.first else { return "" }
            switch first.operation {
            case .put(let put): return key(put.key(keyNames[put.tableID] ?? []))
            case .update(let update): return key(update.key)
            case .delete(let delete): return key(delete.key)
            case .conditionCheck(let check): return key(check.key)
            }
        }
    }

    /// The filter of a read step, if any.
    public func filter(of step: PlanStep) -> String? {
        switch step.request {
        case .query(let query): return query.filter.map(condition)
        case .scan(let scan): return PlanCondition.all([scan.entityFilter, scan.filter].compactMap { $0 }).map(condition)
        default: return nil
        }
    }

    /// One line per step: `1. GetItem UserEmails: email = :email (strongly consistent)`.
    public func stepLines(_ plan: PatternPlan) -> [String] {
        plan.steps.enumerated().map { position, step in
            "\(position + 1). " + describe(step)
        }
    }

    public func describe(_ step: PlanStep) -> String {
        var text = step.request.operation.rawValue + " "
        switch step.request {
        case .getItem(let get), .batchGetItem(let get):
            text += table(get.tableID) + ": " + key(get.key) + (get.consistent ? " (strongly consistent)" : "")
        case .query(let query):
            text += table(query.tableID) + (query.indexID.map { " / " + index($0, of: query.tableID) } ?? "") + ": " + keyCondition(query)
            if let filter = query.filter { text += "; filter " + condition(filter) }
            if !query.scanForward { text += "; descending" }
            if query.consistent { text += " (strongly consistent)" }
        case .scan(let scan):
            text += table(scan.tableID)
            if let filter = filter(of: step) { text += "; filter " + filter }
        case .putItem(let put):
            text += table(put.tableID) + ": " + key(put.key(keyNames[put.tableID] ?? [])) + (put.condition.map { " if " + condition($0) } ?? "")
        case .updateItem(let update):
            text += table(update.tableID) + ": " + key(update.key) + "; " + self.update(update.actions) + (update.condition.map { " if " + condition($0) } ?? "")
        case .deleteItem(let delete):
            text += table(delete.tableID) + ": " + key(delete.key) + (delete.condition.map { " if " + condition($0) } ?? "")
        case .batchWriteItem(let entries):
            text += entries.map { entry -> String in
                switch entry {
                case .put(let tableID, _): return "put into " + table(tableID)
                case .delete(let tableID, let itemKey): return "delete from " + table(tableID) + " (" + key(itemKey) + ")"
                }
            }.joined(separator: ", ")
        case .transactWriteItems(let actions):
            text += actions.map(action).joined(separator: "; ")
        }
        switch step.repetition {
        case .once: break
        case .perInputItem(let entity): text += ", for each \(entity) item given"
        case .perResultOf(let index): text += ", for each item step \(index + 1) returns"
        }
        return text
    }

    private func action(_ action: TransactAction) -> String {
        var text = action.name + " "
        switch action.operation {
        case .put(let put): text += table(put.tableID) + (put.condition.map { " if " + condition($0) } ?? "")
        case .update(let update): text += table(update.tableID) + " " + self.update(update.actions) + (update.condition.map { " if " + condition($0) } ?? "")
        case .delete(let delete): text += table(delete.tableID) + " (" + key(delete.key) + ")" + (delete.condition.map { " if " + condition($0) } ?? "")
        case .conditionCheck(let check): text += table(check.tableID) + " (" + key(check.key) + ") " + condition(check.condition)
        }
        if let entity = action.repeatedPerInputOf { text += " for each \(entity)" }
        if !action.skippedWhenUnchanged.isEmpty { text += " (skipped when \(action.skippedWhenUnchanged.joined(separator: ", ")) is unchanged)" }
        return text
    }

    private func table(_ id: String) -> String { tableNames[id] ?? id }

    private func index(_ id: String, of tableID: String) -> String { indexNames[tableID]?[id] ?? id }
}
