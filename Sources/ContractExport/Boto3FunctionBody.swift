import DesignEngine
import Requirements

/// One pattern's Python function, rendered step by step from its plan: the same requests, in
/// the same order, with the same expressions (`PlanExpressions`) the validator and the in-memory
/// proof run. Nothing is re-derived here: keys, conditions, loops and transactions all come
/// from the typed plan.
struct Boto3FunctionBody: RequestLiteralWriting {
    let model: DataModel
    let mapping: PatternMapping
    let plan: PatternPlan
    let isWrite: Bool
    private(set) var names = Boto3Names()
    private(set) var lines: [String] = []
    /// Parameters after `dynamodb`, in order.
    private(set) var parameters: [String] = []
    /// Single values the caller passes: entity, attribute, parameter (reads).
    private(set) var inputs: [(entity: String, attribute: String, parameter: String)] = []
    /// Lists of items the caller passes: entity, parameter.
    private(set) var lists: [(entity: String, parameter: String)] = []
    var depth = 1
    /// Loop variables by the step whose results they walk.
    private var loops: [Int: String] = [:]
    /// Related reads repeated per item of an earlier step: each round's result is gathered in
    /// `all_step_N`, which the function returns (`step_N` holds only the current round's).
    private var gathered: Set<Int> = []
    /// The entity whose values come from a loop over caller-supplied items, and the variable.
    var repeated: (entity: String, variable: String)?
    let tables: [String: TableDesign]

    private typealias Python = Boto3PythonText

    init(model: DataModel, mapping: PatternMapping, plan: PatternPlan, isWrite: Bool) {
        self.model = model
        self.mapping = mapping
        self.plan = plan
        self.isWrite = isWrite
        self.tables = Dictionary(model.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var mainEntity: String { plan.mainStep?.entity ?? "" }

    /// `item`, `items` or `related`: what the function returns, for the module's PATTERNS table.
    var returns: String { shape.returns }

    private var shape: PlanShape { PlanShape(plan: plan, isWrite: isWrite) }

    // MARK: Rendering

    mutating func render() {
        if isWrite { parameters.append("item") }
        for (run, repetition) in shape.runs {
            if case .perResultOf(let source) = repetition {
                let variable = "round_\(source + 1)"
                let collection = isList(source) ? "step_\(source + 1)" : "([step_\(source + 1)] if step_\(source + 1) is not None else [])"
                let batchedDeletes = shape.hasBatchWrite(run)
                if batchedDeletes { line("deletes = []") }
                let gatheredHere = shape.gathered(run)
                for position in gatheredHere { line("all_step_\(position + 1) = []") }
                gathered.formUnion(gatheredHere)
                line("for \(variable) in \(collection):")
                depth += 1
                loops[source] = variable
                for position in run {
                    step(position)
                    guard gatheredHere.contains(position) else { continue }
                    if isList(position) {
                        line("all_step_\(position + 1).extend(step_\(position + 1))")
                    } else {
                        line("if step_\(position + 1) is not None:")
                        line("    all_step_\(position + 1).append(step_\(position + 1))")
                    }
                }
                loops[source] = nil
                depth -= 1
                if batchedDeletes { line("_batch_write(dynamodb, deletes)") }
            } else {
                for position in run { step(position) }
            }
        }
        finish()
    }

    mutating func line(_ text: String) {
        lines.append(String(repeating: "    ", count: depth) + text)
    }

    private func isList(_ index: Int) -> Bool { shape.isList(index) }

    private func isRead(_ index: Int) -> Bool { shape.isRead(index) }

    private mutating func finish() {
        guard !isWrite else { return }
        guard let main = plan.mainStepIndex else { return }
        let related = shape.relatedSteps
        if related.isEmpty {
            line("return step_\(main + 1)")
        } else {
            let entries = [(mainEntity, main)] + related.map { (plan.steps[$0].entity, $0) }
            line("return {" + entries.map { "\(Python.string($0.0)): \(gathered.contains($0.1) ? "all_step" : "step")_\($0.1 + 1)" }.joined(separator: ", ") + "}")
        }
    }

    // MARK: Values

    /// A Python expression for a plan value, converted to the stored type when one is given.
    mutating func rawValue(_ planValue: PlanValue) -> String {
        switch planValue {
        case .input(let entity, let attribute):
            return input(entity: entity, attribute: attribute)
        case .literal(let text):
            return Python.string(text)
        case .stepResult(let step, let attribute):
            if let variable = loops[step] { return "\(variable)[\(Python.string(attribute))]" }
            let source = isList(step) ? "_first(step_\(step + 1))" : "step_\(step + 1)"
            return "\(source)[\(Python.string(attribute))]"
        case .concatenation(let parts):
            return "_join(" + parts.map { rawValue($0) }.joined(separator: ", ") + ")"
        case .entityItem(let entity):
            return input(entity: entity, attribute: nil)
        case .emptyList:
            return "[]"
        case .negated(let inner):
            return "(-_typed(" + rawValue(inner) + ", \"N\"))"
        case .expiry(let from, let seconds):
            return "_expiry(\(rawValue(from)), \(seconds))"
        case .currentTime:
            return "_now()"
        case .whenSelected(let selector, let equals, let then):
            return "_when_selected(\(rawValue(selector)), \(equals.map(Python.string) ?? "None"), \(rawValue(then)))"
        case .prefix(let inner, let length):
            return "_join(" + rawValue(inner) + ")[:\(length)]"
        }
    }

    func member(_ attribute: String, of variable: String) -> String { "\(variable).get(\(Python.string(attribute)))" }

    /// The parameter for one input of a read (or of another entity in a write).
    mutating func parameter(entity: String, attribute: String) -> String {
        if let existing = inputs.first(where: { $0.entity == entity && $0.attribute == attribute }) { return existing.parameter }
        let base = entity == mainEntity ? attribute : snakeCase(entity) + "_" + (attribute == "*" ? "item" : attribute)
        let name = names.identifier(for: entity + "." + attribute, from: base)
        inputs.append((entity, attribute, name))
        parameters.append(name)
        return name
    }

    mutating func listParameter(_ entity: String) -> String {
        if let existing = lists.first(where: { $0.entity == entity }) { return existing.parameter }
        var words = NameWords.split(entity).map { $0.lowercased() }
        if let last = words.popLast() { words.append(NameWords.plural(last)) }
        let name = entity == mainEntity ? (isWrite ? "items" : "keys") : names.identifier(for: "list." + entity, from: words.joined(separator: "_"))
        lists.append((entity, name))
        parameters.append(name)
        return name
    }

    private func snakeCase(_ name: String) -> String {
        NameWords.split(name).map { $0.lowercased() }.joined(separator: "_")
    }

    func tableName(_ id: String) -> String {
        "_table_name(\(Python.string(id)), table_names)"
    }

    func field(_ name: String, _ value: String) -> String { "\"\(name)\": \(value)" }

    func stringLiteral(_ text: String) -> String { Python.string(text) }

    func presenceTest(_ value: String, present: Bool) -> String { (present ? "" : "not ") + "_present(\(value))" }

    mutating func batchPuts(table: String, list: String, item: String) {
        line("_batch_write(dynamodb, [(\(table), {\"PutRequest\": {\"Item\": \(item)}}) for values in \(list)])")
    }

    mutating func batchDelete(table: String, key: String, gathered: Bool) {
        let entry = "(\(table), {\"DeleteRequest\": {\"Key\": \(key)}})"
        line(gathered ? "deletes.append(\(entry))" : "_batch_write(dynamodb, [\(entry)])")
    }

    func choose(_ tests: [String], then: String, otherwise: String) -> String {
        "(\(then) if \(tests.joined(separator: " and ")) else \(otherwise))"
    }

    func memberName(_ attribute: String) -> String { Python.string(attribute) }

    func typed(_ raw: String, _ type: DynamoDBType) -> String { "_typed(\(raw), \(Python.string(type.rawValue)))" }

    func requestForm(_ literal: String) -> String { "_serialize(\(literal))" }

    // MARK: Steps

    private mutating func step(_ index: Int) {
        let step = plan.steps[index]
        let variable = "step_\(index + 1)"
        line("# Step \(index + 1): " + Python.docText(PlanText(plan: plan, model: model).describe(step)).replacingOccurrences(of: "\n", with: " "))
        switch step.request {
        case .getItem(let get):
            line("\(variable) = _get_item(dynamodb, {\"TableName\": \(tableName(get.tableID)), \"Key\": _serialize(\(key(get.key))), \"ConsistentRead\": \(get.consistent ? "True" : "False")})")
            guardFound(index, variable: variable)
        case .batchGetItem(let get):
            let list = listParameter(step.entity)
            repeated = (step.entity, "values")
            let keyText = key(get.key)
            repeated = nil
            line("\(variable) = _batch_get(dynamodb, \(tableName(get.tableID)), [\(keyText) for values in \(list)], \(get.consistent ? "True" : "False"))")
        case .query(let query):
            var expressions = PlanExpressions()
            var fields = ["\"TableName\": \(tableName(query.tableID))"]
            if let indexID = query.indexID, let indexName = model.indexName(tableID: query.tableID, indexID: indexID) { fields.append("\"IndexName\": \(Python.string(indexName))") }
            fields.append("\"KeyConditionExpression\": \(Python.string(expressions.keyCondition(query)))")
            if let filter = query.filter { fields.append("\"FilterExpression\": \(Python.string(expressions.condition(filter)))") }
            fields += expressionFields(expressions, tableID: query.tableID)
            if !query.scanForward { fields.append("\"ScanIndexForward\": False") }
            if query.consistent { fields.append("\"ConsistentRead\": True") }
            request(variable + " = _pages(dynamodb.query, ", fields, ")")
        case .scan(let scan):
            var expressions = PlanExpressions()
            var fields = ["\"TableName\": \(tableName(scan.tableID))"]
            if let filter = PlanCondition.all([scan.entityFilter, scan.filter].compactMap { $0 }) { fields.append("\"FilterExpression\": \(Python.string(expressions.condition(filter)))") }
            fields += expressionFields(expressions, tableID: scan.tableID)
            request(variable + " = _pages(dynamodb.scan, ", fields, ")")
        case .putItem(let put):
            line("\(variable) = \(item(put.item))")
            request("dynamodb.put_item(**", putFields(put, itemExpression: "_serialize(\(variable))"), ")")
        case .updateItem(let update):
            request("dynamodb.update_item(**", updateFields(update), ")")
        case .deleteItem(let delete):
            request("dynamodb.delete_item(**", deleteFields(delete), ")")
        case .batchWriteItem(let entries):
            batchWrite(entries, of: step)
        case .transactWriteItems(let actions):
            line("actions = []")
            for action in actions { transactAction(action, index: index) }
            line("if actions:")
            depth += 1
            line("dynamodb.transact_write_items(TransactItems=actions)")
            depth -= 1
        }
    }

    /// After a GetItem whose item later steps need: stop when there is none.
    private mutating func guardFound(_ index: Int, variable: String) {
        guard isRead(index), loops.isEmpty else { return }
        line("if \(variable) is None:")
        depth += 1
        if isWrite {
            line("raise LookupError(\(Python.string("step \(index + 1) found no item, so pattern #\(mapping.patternID) cannot go on")))")
        } else {
            line("return " + (returns == "items" ? "[]" : "None"))
        }
        depth -= 1
    }

    private mutating func transactAction(_ action: TransactAction, index: Int) {
        let opened = depth
        if let entity = action.repeatedPerInputOf {
            let list = listParameter(entity)
            line("for child in \(list) or []:")
            depth += 1
            repeated = (entity, "child")
        }
        if !action.skippedWhenUnchanged.isEmpty, let read = plan.steps.indices.first(where: { plan.steps[$0].purpose == .readBeforeWrite }),
           let layout = model.entityTable(of: action.entity)?.itemLayout(of: action.entity) {
            let current = loops[read] ?? "step_\(read + 1)"
            let pairs = action.skippedWhenUnchanged.compactMap { attribute -> String? in
                guard let stored = layout.storedName(of: attribute) else { return nil }
                let type = layout.attributes.first { $0.attribute == stored }?.type
                return "\(Python.string(stored)): \(value(.input(entity: action.entity, attribute: attribute), type: type))"
            }
            line("if not _unchanged(\(current), {" + pairs.joined(separator: ", ") + "}):")
            depth += 1
        }
        switch action.operation {
        case .put(let put):
            let itemText = item(put.item)
            request("actions.append({\"Put\": ", putFields(put, itemExpression: "_serialize(\(itemText))"), "})")
        case .update(let update):
            request("actions.append({\"Update\": ", updateFields(update), "})")
        case .delete(let delete):
            request("actions.append({\"Delete\": ", deleteFields(delete), "})")
        case .conditionCheck(let check):
            var expressions = PlanExpressions()
            var fields = ["\"TableName\": \(tableName(check.tableID))", "\"Key\": _serialize(\(key(check.key)))"]
            fields.append("\"ConditionExpression\": \(Python.string(expressions.condition(check.condition)))")
            request("actions.append({\"ConditionCheck\": ", fields + expressionFields(expressions, tableID: check.tableID), "})")
        }
        repeated = nil
        depth = opened
    }
}
