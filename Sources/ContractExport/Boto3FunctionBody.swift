import DesignEngine
import Requirements

/// The signature and body of one pattern's function.
struct Boto3FunctionBody {
    let model: DataModel
    let requirements: Requirements
    let mapping: PatternMapping
    let writer: Boto3ModuleWriter

    private typealias P = Boto3PythonText

    private var pattern: AccessPattern? { requirements.pattern(mapping.patternID) }
    private var entity: String { pattern?.entities.first ?? "" }
    private var keyExpression: KeyConditionText? { mapping.keyCondition.flatMap(KeyConditionText.init) }
    private var filterExpression: KeyConditionText? { mapping.filter.flatMap(KeyConditionText.init) }

    /// Signature, body lines, and what the function returns (for the docstring).
    mutating func render(type: PatternType) -> (String, [String], String?) {
        let table = mapping.tableID.flatMap { model.table(id: $0) }
        guard let operation = mapping.operation, let table else { return notImplemented() }
        switch mapping.status {
        case .searchService, .unserved: return notImplemented()
        case .served, .acceptedScan: break
        }
        if type.isWrite {
            guard isStoredEntity(entity), keyExpression != nil || type == .write else { return notImplemented() }
            return write(type: type, operation: operation)
        }
        switch operation {
        case .scan: return scan(table)
        case .query: return query(table)
        case .getItem, .batchGetItem:
            if let lookup = table.lookup { return lookupRead(table, lookup) }
            return get(table, batch: operation == .batchGetItem)
        default: return notImplemented()
        }
    }

    private func isStoredEntity(_ name: String) -> Bool {
        requirements.entity(named: name) != nil && model.tables.contains { $0.lookup == nil && $0.entities.contains(name) }
    }

    private func notImplemented() -> (String, [String], String?) {
        let reason: String
        switch mapping.status {
        case .searchService: reason = "Pattern #\(mapping.patternID) needs a search service: OpenSearch serves it, not DynamoDB."
        case .unserved(let text): reason = "Pattern #\(mapping.patternID) is not served by the model: \(text)"
        default: reason = "Pattern #\(mapping.patternID) has no DynamoDB request to generate: \(mapping.notes.joined(separator: " "))"
        }
        return ("dynamodb, table_names=None", ["raise NotImplementedError(\(P.string(reason)))"], nil)
    }

    private var parameterNames: [String] {
        var names = keyExpression?.parameters ?? []
        for name in filterExpression?.parameters ?? [] where !names.contains(name) { names.append(name) }
        return names
    }

    private func signature(_ extra: [String] = []) -> String {
        (["dynamodb"] + parameterNames.map(P.identifier) + extra + ["table_names=None"]).joined(separator: ", ")
    }

    private func valueExpression(_ pieces: [KeyConditionText.Piece]) -> String {
        if pieces.count == 1, case .parameter(let name) = pieces[0] { return P.identifier(name) }
        return "_text(" + pieces.map { piece -> String in
            switch piece {
            case .parameter(let name): return P.identifier(name)
            case .literal(let text): return P.string(text)
            }
        }.joined(separator: ", ") + ")"
    }

    /// `{"attr": value, ...}` for the equality parts of an expression.
    private func keyDict(_ expression: KeyConditionText?) -> String {
        "{" + (expression?.parts ?? []).compactMap { part -> String? in
            guard case .equals(let attribute, let pieces) = part else { return nil }
            return "\(P.string(attribute)): \(valueExpression(pieces))"
        }.joined(separator: ", ") + "}"
    }

    /// Expression text with `#n<i>` names and `:v<i>` values, plus the names and values.
    private func condition(_ expression: KeyConditionText, valuePrefix: String, names: inout [String]) -> (String, [String]) {
        var clauses: [String] = []
        var values: [String] = []
        for part in expression.parts {
            var nameToken = "#n\(names.count)"
            if let existing = names.firstIndex(of: part.attribute) { nameToken = "#n\(existing)" } else { names.append(part.attribute) }
            let valueToken = ":\(valuePrefix)\(values.count)"
            switch part {
            case .equals(_, let pieces):
                clauses.append("\(nameToken) = \(valueToken)")
                values.append("\(P.string(valueToken)): \(valueExpression(pieces))")
            case .beginsWith(_, let prefix):
                clauses.append("begins_with(\(nameToken), \(valueToken))")
                values.append("\(P.string(valueToken)): \(P.string(prefix))")
            }
        }
        return (clauses.joined(separator: " AND "), values)
    }

    private var strong: Bool { mapping.consistency == Consistency.strong.rawValue }

    // MARK: Reads

    private func get(_ table: TableDesign, batch: Bool) -> (String, [String], String?) {
        let tableRef = "_table_name(\(P.string(table.id)), table_names)"
        var lines: [String]
        var returns: String
        if batch {
            let parameters = parameterNames
            lines = [
                "# keys: dicts of " + parameters.joined(separator: ", ") + "; 100 keys per request, unprocessed keys retried.",
                "name = \(tableRef)",
                "found = []",
                "pending = []",
                "for values in keys:",
            ]
            lines += parameters.map { "    \(P.identifier($0)) = values[\(P.string($0))]" }
            lines += [
                "    pending.append(_serialize(\(keyDict(keyExpression))))",
                "while pending:",
                "    batch, pending = pending[:100], pending[100:]",
                "    request = {name: {\"Keys\": batch\(strong ? ", \"ConsistentRead\": True" : "")}}",
                "    while request:",
                "        response = dynamodb.batch_get_item(RequestItems=request)",
                "        found.extend(_deserialize(item) for item in response.get(\"Responses\", {}).get(name, []))",
                "        request = response.get(\"UnprocessedKeys\") or None",
                "return found",
            ]
            return ("dynamodb, keys, table_names=None", lines, "the items found, in no particular order.")
        }
        lines = [
            "response = dynamodb.get_item(TableName=\(tableRef), Key=_serialize(\(keyDict(keyExpression))), ConsistentRead=\(strong ? "True" : "False"))",
            "item = _deserialize(response.get(\"Item\"))",
        ]
        returns = "the \(entity) item, or None."
        let related = mapping.readUnitsElsewhere.filter { $0.tableID != table.id }
        guard !related.isEmpty else {
            lines.append("return item")
            return (signature(), lines, returns)
        }
        lines.append("result = {\(P.string(entity)): item}")
        var names: [String] = []
        for read in related {
            guard let other = model.table(id: read.tableID), let otherEntity = other.entities.first(where: { (pattern?.entities ?? []).contains($0) }) ?? other.entities.first else { continue }
            names.append(otherEntity)
            let template = writer.keyTemplate(otherEntity, other)
            lines.append("# \(otherEntity) items in \(other.name)" + (read.indexName.map { ", index \($0)" } ?? "") + ".")
            lines.append("values = dict(item or {}, **{\(parameterNames.map { "\(P.string($0)): \(P.identifier($0))" }.joined(separator: ", "))})")
            if let indexName = read.indexName, let index = other.index(named: indexName) {
                let parts = index.partitionKey.map { KeyConditionText.Part.equals(attribute: $0.name, pieces: [.parameter($0.name)]) }
                lines += queryLines(table: other, indexName: index.name, parts: parts, valuesSource: "values", target: "result[\(P.string(otherEntity))]")
            } else if let partition = template.parts.first(where: { $0.attribute == other.partitionKey.name }) {
                var parts = [partition]
                if let sortKey = other.sortKey, case .equals(_, let pieces)? = template.parts.first(where: { $0.attribute == sortKey.name }),
                   case .literal(let prefix)? = pieces.first, pieces.count > 1 {
                    parts.append(.beginsWith(attribute: sortKey.name, prefix: prefix))
                }
                lines += queryLines(table: other, indexName: nil, parts: parts, valuesSource: "values", target: "result[\(P.string(otherEntity))]")
            }
        }
        lines.append("return result")
        returns = "a dict: \(P.string(entity)) -> the item (or None), " + names.map { "\(P.string($0)) -> its items" }.joined(separator: ", ") + "."
        return (signature(), lines, returns)
    }

    /// A Query whose values come from a dict at run time (related reads after a GetItem).
    private func queryLines(table: TableDesign, indexName: String?, parts: [KeyConditionText.Part], valuesSource: String, target: String) -> [String] {
        var clauses: [String] = []
        var values: [String] = []
        var names: [String] = []
        for (position, part) in parts.enumerated() {
            names.append(part.attribute)
            switch part {
            case .equals(_, let pieces):
                clauses.append("#n\(position) = :v\(position)")
                let value = pieces.map { piece -> String in
                    switch piece {
                    case .parameter(let name): return "\(valuesSource)[\(P.string(name))]"
                    case .literal(let text): return P.string(text)
                    }
                }
                values.append("\":v\(position)\": " + (value.count == 1 && pieces.first.map { if case .parameter = $0 { return true } else { return false } } == true ? value[0] : "_text(\(value.joined(separator: ", ")))"))
            case .beginsWith(_, let prefix):
                clauses.append("begins_with(#n\(position), :v\(position))")
                values.append("\":v\(position)\": \(P.string(prefix))")
            }
        }
        return [
            "request = {",
            "    \"TableName\": _table_name(\(P.string(table.id)), table_names),",
        ] + (indexName.map { ["    \"IndexName\": \(P.string($0)),"] } ?? []) + [
            "    \"KeyConditionExpression\": \(P.string(clauses.joined(separator: " AND "))),",
            "    \"ExpressionAttributeNames\": _names(\(P.list(names))),",
            "    \"ExpressionAttributeValues\": _serialize({\(values.joined(separator: ", "))}),",
            "}",
            "\(target) = list(_paginate(dynamodb.query, request))",
        ]
    }

    private func lookupRead(_ table: TableDesign, _ lookup: UniqueLookup) -> (String, [String], String?) {
        var lines = [
            "response = dynamodb.get_item(TableName=_table_name(\(P.string(table.id)), table_names), Key=_serialize(\(keyDict(keyExpression))), ConsistentRead=\(strong ? "True" : "False"))",
            "reserved = _deserialize(response.get(\"Item\"))",
        ]
        let readsOwner = mapping.readUnitsElsewhere.contains { $0.tableID == lookup.ownerTableID }
        guard readsOwner else {
            lines.append("return reserved")
            return (signature(), lines, "the lookup item (holding the owner's key), or None when the value is free.")
        }
        lines += [
            "if reserved is None:",
            "    return None",
            "values = dict(reserved, **{\(parameterNames.map { "\(P.string($0)): \(P.identifier($0))" }.joined(separator: ", "))})",
            "response = dynamodb.get_item(TableName=_table_name(\(P.string(lookup.ownerTableID)), table_names), Key=_serialize(entity_key(\(P.string(lookup.entity)), values)), ConsistentRead=\(strong ? "True" : "False"))",
            "return _deserialize(response.get(\"Item\"))",
        ]
        return (signature(), lines, "the \(lookup.entity) item, or None.")
    }

    private func query(_ table: TableDesign) -> (String, [String], String?) {
        guard let keyExpression else { return notImplemented() }
        var names: [String] = []
        let (keyText, keyValues) = condition(keyExpression, valuePrefix: "k", names: &names)
        var lines = [
            "request = {",
            "    \"TableName\": _table_name(\(P.string(table.id)), table_names),",
        ]
        if let index = mapping.indexName.flatMap({ name in table.indexes.first { $0.id == name } ?? table.index(named: name) }) {
            lines.append("    \"IndexName\": \(P.string(index.name)),")
        }
        lines.append("    \"KeyConditionExpression\": \(P.string(keyText)),")
        var values = keyValues
        if let filterExpression {
            let (filterText, filterValues) = condition(filterExpression, valuePrefix: "f", names: &names)
            lines.append("    \"FilterExpression\": \(P.string(filterText)),")
            values += filterValues
        }
        lines.append("    \"ExpressionAttributeNames\": _names(\(P.list(names))),")
        lines.append("    \"ExpressionAttributeValues\": _serialize({\(values.joined(separator: ", "))}),")
        if case .some(.attribute(let sort)) = pattern?.sort, sort.direction == .descending { lines.append("    \"ScanIndexForward\": False,") }
        if strong && mapping.indexName.map({ name in table.indexes.first { $0.id == name || $0.name == name }?.kind != .global }) ?? true {
            lines.append("    \"ConsistentRead\": True,")
        }
        lines += ["}", "return list(_paginate(dynamodb.query, request))"]
        return (signature(), lines, "every matching item, page after page" + (pattern.flatMap { if case .attribute(let sort)? = $0.sort { return ", ordered by \(sort.attribute) \(sort.direction == .descending ? "descending" : "ascending")" } else { return nil } } ?? "") + ".")
    }

    private func scan(_ table: TableDesign) -> (String, [String], String?) {
        var lines = ["request = {\"TableName\": _table_name(\(P.string(table.id)), table_names)}"]
        if let filterExpression {
            var names: [String] = []
            let (text, values) = condition(filterExpression, valuePrefix: "f", names: &names)
            lines += [
                "request[\"FilterExpression\"] = \(P.string(text))",
                "request[\"ExpressionAttributeNames\"] = _names(\(P.list(names)))",
                "request[\"ExpressionAttributeValues\"] = _serialize({\(values.joined(separator: ", "))})",
            ]
        }
        lines.append("return list(_paginate(dynamodb.scan, request))")
        return (signature(), lines, "every item the Scan returns, page after page.")
    }

    // MARK: Writes

    private func children() -> [String] {
        let written = Set(mapping.indexWriteUnits.filter { $0.indexName == nil }.map(\.tableID))
        return (pattern?.entities.dropFirst() ?? []).filter { child in
            model.tables.contains { written.contains($0.id) && $0.lookup == nil && $0.entities.contains(child) }
        }
    }

    private func write(type: PatternType, operation: DynamoDBOperation) -> (String, [String], String?) {
        let entityText = P.string(entity)
        let keyValues = "{" + (keyExpression?.parameters ?? []).map { "\(P.string($0)): \(P.identifier($0))" }.joined(separator: ", ") + "}"
        switch type {
        case .write:
            if operation == .batchWriteItem {
                let table = P.string(mapping.tableID ?? "")
                return ("dynamodb, items, table_names=None", [
                    "# 25 puts per BatchWriteItem request; unprocessed items are retried.",
                    "name = _table_name(\(table), table_names)",
                    "requests = [{\"PutRequest\": {\"Item\": _serialize(entity_item(\(entityText), values))}} for values in items]",
                    "while requests:",
                    "    batch, requests = requests[:25], requests[25:]",
                    "    pending = {name: batch}",
                    "    while pending:",
                    "        response = dynamodb.batch_write_item(RequestItems=pending)",
                    "        pending = response.get(\"UnprocessedItems\") or None",
                ], nil)
            }
            let children = children()
            if children.isEmpty {
                return ("dynamodb, item, table_names=None", ["return create_item(dynamodb, \(entityText), item, table_names=table_names)"],
                        "the stored item (with its key attributes). item: the \(entity)'s attributes.")
            }
            return ("dynamodb, item, children=None, table_names=None",
                    ["return create_item(dynamodb, \(entityText), item, children=children, table_names=table_names)"],
                    "the stored item. children: entity name (" + children.joined(separator: ", ") + ") -> list of attribute dicts, written in the same transaction.")
        case .update:
            var changed = "changes: attribute -> new value"
            if case .some(.only(let names)) = pattern?.attributes { changed += " (" + names.joined(separator: ", ") + ")" }
            return (signature(["changes"]), ["return update_item(dynamodb, \(entityText), \(keyValues), changes, table_names=table_names)"],
                    "the item after the change. \(changed).")
        case .delete:
            return (signature(), ["return delete_item(dynamodb, \(entityText), \(keyValues), table_names=table_names)"], "True when the item was there to delete" + (operation == .deleteItem ? " (always True: DeleteItem is idempotent)." : "."))
        case .read, .search:
            return notImplemented()
        }
    }
}
