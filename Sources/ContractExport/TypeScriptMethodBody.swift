import DesignEngine
import Requirements

/// One pattern's repository method, rendered step by step from its plan like the boto3
/// function (`Boto3FunctionBody`): the same requests in the same order, with the same
/// expressions (`PlanExpressions`), sent as `@aws-sdk/lib-dynamodb` commands. Nothing is
/// re-derived: keys, conditions, loops and transactions all come from the typed plan.
struct TypeScriptMethodBody: RequestLiteralWriting {
    /// One value the caller passes.
    enum Parameter: Equatable {
        /// One attribute of an entity (a read's key), or a whole entity item (`*`).
        case input(entity: String, attribute: String, name: String)
        /// The written entity's attributes (writes).
        case item(entity: String)
        /// A list of items of an entity (BatchGetItem keys, children written with a parent).
        case list(entity: String, name: String)
        /// A page's cursor and size (a read that pages through a Query or Scan).
        case page

        var name: String {
            switch self {
            case .input(_, _, let name), .list(_, let name): return name
            case .item: return "item"
            case .page: return "options"
            }
        }
    }

    let model: DataModel
    let mapping: PatternMapping
    let plan: PatternPlan
    let isWrite: Bool
    private(set) var names = TypeScriptNames(taken: TypeScriptText.reserved)
    private(set) var lines: [String] = []
    private(set) var parameters: [Parameter] = []
    /// The method's result type (without `Promise`), set by the module writer before rendering.
    var resultType = "void"
    var depth = 2
    private var loops: [Int: String] = [:]
    private var gathered: Set<Int> = []
    var repeated: (entity: String, variable: String)?
    let tables: [String: TableDesign]

    private typealias Script = TypeScriptText

    init(model: DataModel, mapping: PatternMapping, plan: PatternPlan, isWrite: Bool) {
        self.model = model
        self.mapping = mapping
        self.plan = plan
        self.isWrite = isWrite
        self.tables = Dictionary(model.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var shape: PlanShape { PlanShape(plan: plan, isWrite: isWrite) }
    var mainEntity: String { plan.mainStep?.entity ?? "" }
    var returns: String { shape.returns }

    /// Whether the read returns one page of its Query or Scan with a cursor for the next: the
    /// main step is the plan's only step, so nothing else depends on the items of other pages.
    var isPaged: Bool {
        guard !isWrite, plan.steps.count == 1, let main = plan.mainStep else { return false }
        switch main.request {
        case .query, .scan: return true
        default: return false
        }
    }

    /// The label errors carry: `Pattern #3 (Register user)`.
    var label: String { "Pattern #\(mapping.patternID) (\(mapping.description))" }

    // MARK: Rendering

    mutating func render() {
        if isWrite { parameters.append(.item(entity: mainEntity)) }
        let shape = self.shape
        for index in plan.steps.indices where producesResult(index) && !isPaged {
            line("let step\(index + 1): " + (shape.isList(index) ? "runtime.Item[] = [];" : "runtime.Item | undefined;"))
        }
        for (run, repetition) in shape.runs {
            if case .perResultOf(let source) = repetition {
                let variable = "round\(source + 1)"
                let collection = shape.isList(source) ? "step\(source + 1)" : "(step\(source + 1) !== undefined ? [step\(source + 1)] : [])"
                let batchedDeletes = shape.hasBatchWrite(run)
                if batchedDeletes { line("const deletes: runtime.BatchWriteEntry[] = [];") }
                let gatheredHere = shape.gathered(run)
                for position in gatheredHere { line("const allStep\(position + 1): runtime.Item[] = [];") }
                gathered.formUnion(gatheredHere)
                line("for (const \(variable) of \(collection)) {")
                depth += 1
                loops[source] = variable
                for position in run {
                    step(position)
                    guard gatheredHere.contains(position) else { continue }
                    if shape.isList(position) {
                        line("allStep\(position + 1).push(...step\(position + 1));")
                    } else {
                        line("if (step\(position + 1) !== undefined) allStep\(position + 1).push(step\(position + 1));")
                    }
                }
                loops[source] = nil
                depth -= 1
                line("}")
                if batchedDeletes { line("await runtime.batchWrite(this.#client, deletes);") }
            } else {
                for position in run { step(position) }
            }
        }
        finish()
        if isPaged { parameters.append(.page) }
    }

    mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    /// Steps whose items the method keeps in a `stepN` variable: reads, and written items.
    private func producesResult(_ index: Int) -> Bool {
        switch plan.steps[index].request {
        case .getItem, .batchGetItem, .query, .scan, .putItem: return true
        default: return false
        }
    }

    private mutating func finish() {
        guard !isWrite, let main = plan.mainStepIndex else { return }
        if isPaged { return }
        let related = shape.relatedSteps
        if related.isEmpty {
            line("return runtime.cast<\(resultType)>(step\(main + 1));")
        } else {
            let entries = Self.lastByEntity([(mainEntity, main)] + related.map { (plan.steps[$0].entity, $0) })
            line("return runtime.cast<\(resultType)>({" + entries.map { "\(Script.property($0.0)): \(gathered.contains($0.1) ? "allStep" : "step")\($0.1 + 1)" }.joined(separator: ", ") + "});")
        }
    }

    /// One entry per entity, the last step of each (a pattern reading an entity twice, as a
    /// self-relationship does, returns the later read, as the boto3 function's dict does).
    static func lastByEntity(_ entries: [(String, Int)]) -> [(String, Int)] {
        entries.enumerated().filter { position, entry in !entries[(position + 1)...].contains { $0.0 == entry.0 } }.map(\.element)
    }

    // MARK: Values

    /// A TypeScript expression for a plan value, converted to the stored type when one is given.
    mutating func rawValue(_ planValue: PlanValue) -> String {
        switch planValue {
        case .input(let entity, let attribute):
            return input(entity: entity, attribute: attribute)
        case .literal(let text):
            return Script.string(text)
        case .stepResult(let step, let attribute):
            if let variable = loops[step] { return "\(variable)[\(Script.string(attribute))]" }
            let source = shape.isList(step) ? "runtime.first(step\(step + 1))" : "step\(step + 1)"
            return "runtime.field(\(source), \(Script.string(attribute)))"
        case .concatenation(let parts):
            return "runtime.join(" + parts.map { rawValue($0) }.joined(separator: ", ") + ")"
        case .entityItem(let entity):
            return input(entity: entity, attribute: nil)
        case .emptyList:
            return "[]"
        case .negated(let inner):
            return "runtime.negated(" + rawValue(inner) + ")"
        case .expiry(let from, let seconds):
            return "runtime.expiry(\(rawValue(from)), \(seconds))"
        case .currentTime:
            return "runtime.now()"
        case .whenSelected(let selector, let equals, let then):
            return "runtime.whenSelected(\(rawValue(selector)), \(equals.map(Script.string) ?? "undefined"), \(rawValue(then)))"
        case .prefix(let inner, let length):
            return "runtime.prefix(" + rawValue(inner) + ", \(length))"
        }
    }

    func member(_ attribute: String, of variable: String) -> String { "\(variable)[\(Script.string(attribute))]" }

    /// The parameter for one input of a read (or of another entity in a write).
    mutating func parameter(entity: String, attribute: String) -> String {
        if case .input(_, _, let name)? = parameters.first(where: { if case .input(entity, attribute, _) = $0 { return true } else { return false } }) { return name }
        let base = attribute == "*" ? Script.camel(entity) : (entity == mainEntity ? Script.camel(attribute) : Script.camel(entity + " " + attribute))
        let name = names.identifier(for: entity + "." + attribute, base)
        parameters.append(.input(entity: entity, attribute: attribute, name: name))
        return name
    }

    mutating func listParameter(_ entity: String) -> String {
        if case .list(_, let name)? = parameters.first(where: { if case .list(entity, _) = $0 { return true } else { return false } }) { return name }
        var words = Script.asciiWords(entity)
        if let last = words.popLast() { words.append(NameWords.plural(last)) }
        let name = entity == mainEntity ? (isWrite ? "items" : "keys") : names.identifier(for: "list." + entity, Script.camel(words.joined(separator: " ")))
        parameters.append(.list(entity: entity, name: name))
        return name
    }

    func tableName(_ id: String) -> String {
        "this.#tables[\(Script.string(id))]"
    }

    func field(_ name: String, _ value: String) -> String { "\(name): \(value)" }

    func stringLiteral(_ text: String) -> String { Script.string(text) }

    func presenceTest(_ value: String, present: Bool) -> String { (present ? "" : "!") + "runtime.present(\(value))" }

    mutating func batchPuts(table: String, list: String, item: String) {
        line("await runtime.batchWrite(this.#client, \(list).map((values): runtime.BatchWriteEntry => [\(table), {PutRequest: {Item: \(item)}}]));")
    }

    mutating func batchDelete(table: String, key: String, gathered: Bool) {
        let entry = "[\(table), {DeleteRequest: {Key: \(key)}}]"
        line(gathered ? "deletes.push(\(entry));" : "await runtime.batchWrite(this.#client, [\(entry)]);")
    }

    func choose(_ tests: [String], then: String, otherwise: String) -> String {
        "(\(tests.joined(separator: " && ")) ? \(then) : \(otherwise))"
    }

    func memberName(_ attribute: String) -> String { Script.property(attribute) }

    func typed(_ raw: String, _ type: DynamoDBType) -> String { "runtime.typed(\(raw), \(Script.string(type.rawValue)))" }

    func requestForm(_ literal: String) -> String { "runtime.compact(\(literal))" }

    // MARK: Steps

    private mutating func step(_ index: Int) {
        let step = plan.steps[index]
        let variable = "step\(index + 1)"
        line("// Step \(index + 1): " + Script.doc(PlanText(plan: plan, model: model).describe(step)))
        switch step.request {
        case .getItem(let get):
            line("\(variable) = await runtime.getItem(this.#client, {TableName: \(tableName(get.tableID)), Key: runtime.compact(\(key(get.key))), ConsistentRead: \(get.consistent)});")
            guardFound(index, variable: variable)
        case .batchGetItem(let get):
            let list = listParameter(step.entity)
            repeated = (step.entity, "values")
            let keyText = key(get.key)
            repeated = nil
            line("\(variable) = await runtime.batchGet(this.#client, \(tableName(get.tableID)), \(list).map((values) => runtime.compact(\(keyText))), \(get.consistent));")
        case .query(let query):
            var expressions = PlanExpressions()
            var fields = ["TableName: \(tableName(query.tableID))"]
            if let indexID = query.indexID, let indexName = model.indexName(tableID: query.tableID, indexID: indexID) { fields.append("IndexName: \(Script.string(indexName))") }
            fields.append("KeyConditionExpression: \(Script.string(expressions.keyCondition(query)))")
            if let filter = query.filter { fields.append("FilterExpression: \(Script.string(expressions.condition(filter)))") }
            fields += expressionFields(expressions, tableID: query.tableID)
            if !query.scanForward { fields.append("ScanIndexForward: false") }
            if query.consistent { fields.append("ConsistentRead: true") }
            if isPaged {
                request("return runtime.cast<\(resultType)>(await runtime.queryPage(this.#client, ", fields, ", options));")
            } else {
                request("\(variable) = await runtime.queryAll(this.#client, ", fields, ");")
            }
        case .scan(let scan):
            var expressions = PlanExpressions()
            var fields = ["TableName: \(tableName(scan.tableID))"]
            if let filter = PlanCondition.all([scan.entityFilter, scan.filter].compactMap { $0 }) { fields.append("FilterExpression: \(Script.string(expressions.condition(filter)))") }
            fields += expressionFields(expressions, tableID: scan.tableID)
            if isPaged {
                request("return runtime.cast<\(resultType)>(await runtime.scanPage(this.#client, ", fields, ", options));")
            } else {
                request("\(variable) = await runtime.scanAll(this.#client, ", fields, ");")
            }
        case .putItem(let put):
            line("\(variable) = [runtime.compact(\(item(put.item)))];")
            request("await runtime.write(this.#client, \(Script.string(label)), new PutCommand(", putFields(put, itemExpression: "\(variable)[0]"), "));")
        case .updateItem(let update):
            request("await runtime.write(this.#client, \(Script.string(label)), new UpdateCommand(", updateFields(update), "));")
        case .deleteItem(let delete):
            request("await runtime.write(this.#client, \(Script.string(label)), new DeleteCommand(", deleteFields(delete), "));")
        case .batchWriteItem(let entries):
            batchWrite(entries, of: step)
        case .transactWriteItems(let actions):
            line("const actions: runtime.TransactAction[] = [];")
            for action in actions { transactAction(action) }
            line("if (actions.length > 0) await runtime.transactWrite(this.#client, \(Script.string(label)), actions);")
        }
    }

    /// After a GetItem whose item later steps need: stop when there is none.
    private mutating func guardFound(_ index: Int, variable: String) {
        guard shape.isRead(index), loops.isEmpty else { return }
        if isWrite {
            line("if (\(variable) === undefined) throw new runtime.ItemNotFoundError(\(Script.string(label)), \(index + 1));")
        } else {
            line("if (\(variable) === undefined) return " + (returns == "items" ? "[];" : "undefined;"))
        }
    }

    /// The unique constraint a transaction's Put enforces: a Put into a lookup table.
    private func uniqueConstraint(_ action: TransactAction) -> String? {
        guard case .put = action.operation, let lookup = tables[action.tableID]?.lookup else { return nil }
        return "{entity: \(Script.string(lookup.entity)), attributes: [" + lookup.attributes.map(Script.string).joined(separator: ", ") + "]}"
    }

    private mutating func transactAction(_ action: TransactAction) {
        let opened = depth
        var closing = 0
        if let entity = action.repeatedPerInputOf {
            let list = listParameter(entity)
            line("for (const child of \(list) ?? []) {")
            depth += 1
            closing += 1
            repeated = (entity, "child")
        }
        if !action.skippedWhenUnchanged.isEmpty, let read = plan.steps.indices.first(where: { plan.steps[$0].purpose == .readBeforeWrite }),
           let layout = model.entityTable(of: action.entity)?.itemLayout(of: action.entity) {
            let current = loops[read] ?? "step\(read + 1)"
            let pairs = action.skippedWhenUnchanged.compactMap { attribute -> String? in
                guard let stored = layout.storedName(of: attribute) else { return nil }
                let type = layout.attributes.first { $0.attribute == stored }?.type
                return "\(Script.property(stored)): \(value(.input(entity: action.entity, attribute: attribute), type: type))"
            }
            line("if (!runtime.unchanged(\(current), {" + pairs.joined(separator: ", ") + "})) {")
            depth += 1
            closing += 1
        }
        let unique = uniqueConstraint(action).map { ", unique: \($0)" } ?? ""
        switch action.operation {
        case .put(let put):
            let itemText = item(put.item)
            request("actions.push({request: {Put: ", putFields(put, itemExpression: "runtime.compact(\(itemText))"), "}\(unique)});")
        case .update(let update):
            request("actions.push({request: {Update: ", updateFields(update), "}});")
        case .delete(let delete):
            request("actions.push({request: {Delete: ", deleteFields(delete), "}});")
        case .conditionCheck(let check):
            var expressions = PlanExpressions()
            var fields = ["TableName: \(tableName(check.tableID))", "Key: runtime.compact(\(key(check.key)))"]
            fields.append("ConditionExpression: \(Script.string(expressions.condition(check.condition)))")
            request("actions.push({request: {ConditionCheck: ", fields + expressionFields(expressions, tableID: check.tableID), "}});")
        }
        for _ in 0..<closing {
            depth -= 1
            line("}")
        }
        repeated = nil
        depth = opened
    }
}
