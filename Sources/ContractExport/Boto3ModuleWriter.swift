import DesignEngine
import Requirements

/// Renders the boto3 module: the header, the tables (`TABLES`, `TABLE_DEFINITIONS`), the
/// patterns (`PATTERNS`: each function's inputs, lists and result), the runtime helpers, then
/// one function per pattern rendered from its plan.
struct Boto3ModuleWriter {
    let model: DataModel
    let requirements: Requirements
    private var out = ""

    init(model: DataModel, requirements: Requirements) {
        self.model = model
        self.requirements = requirements
    }

    private typealias Python = Boto3PythonText

    mutating func render() -> String {
        out = ""
        let functions = model.mappings.map { mapping -> (PatternMapping, Boto3FunctionBody?) in
            guard mapping.isServedByDynamoDB, let plan = mapping.plan else { return (mapping, nil) }
            var body = Boto3FunctionBody(model: model, mapping: mapping, plan: plan, isWrite: requirements.pattern(mapping.patternID)?.type?.isWrite ?? false)
            body.render()
            return (mapping, body)
        }
        header()
        tables()
        patterns(functions)
        line(Boto3Runtime.helpers)
        for (mapping, body) in functions { function(mapping, body) }
        return out
    }

    private mutating func line(_ text: String = "") {
        out += text + "\n"
    }

    // MARK: Module header and data

    private mutating func header() {
        line("\"\"\"Access patterns of the DynamoDB model designed by ddbmodel, one function per pattern.")
        line()
        line("Generated file: regenerate with `ddbmodel export --format boto3` instead of editing it.")
        line("Every function runs its pattern's plan as the data model lists it (dynamodb_data_model.md, \"Plans\"):")
        line("the same requests in the same order. Functions take a low-level client (`boto3.client(\"dynamodb\")`)")
        line("and plain Python values (numbers as `decimal.Decimal`); writes take the entity's attributes as one")
        line("`item` dict. Deployed table names come from `TABLES`, or from a `table_names` dict (logical table")
        line("id or model name -> deployed name) passed to any function. Queries and scans follow")
        line("LastEvaluatedKey until the last page.")
        if model.openSearch.isRequired {
            line()
            line("OpenSearch is required: patterns " + model.openSearch.patterns.map { "#\($0.patternID)" }.joined(separator: ", ")
                + " need a search service and raise NotImplementedError here.")
        }
        line("\"\"\"")
        line()
        line("import base64")
        line("import datetime")
        line("import time")
        line("from decimal import Decimal")
        line()
        line("from boto3.dynamodb.types import TypeDeserializer, TypeSerializer")
        line()
    }

    private mutating func tables() {
        line("# Logical table id -> deployed table name (the model's names by default).")
        line("TABLES = {")
        for table in model.tables { line("    \(Python.string(table.id)): \(Python.string(table.name)),") }
        line("}")
        line()
        line("# CreateTable requests built from the model (on-demand), used by create_tables().")
        line("TABLE_DEFINITIONS = {")
        for table in model.tables { tableDefinition(table) }
        line("}")
        line()
        line("# Logical table id -> the attribute TTL reads (epoch seconds), set by create_tables().")
        line("TIME_TO_LIVE = {")
        for table in model.tables { if let ttl = table.definition.timeToLiveAttribute { line("    \(Python.string(table.id)): \(Python.string(ttl)),") } }
        line("}")
        line()
    }

    private mutating func tableDefinition(_ table: TableDesign) {
        let definition = table.definition
        func schema(_ partition: [String], _ sort: [String]) -> String {
            "[" + (partition.map { "{\"AttributeName\": \(Python.string($0)), \"KeyType\": \"HASH\"}" }
                + sort.map { "{\"AttributeName\": \(Python.string($0)), \"KeyType\": \"RANGE\"}" }).joined(separator: ", ") + "]"
        }
        func projection(_ projection: Projection) -> String {
            if case .include(let names) = projection {
                return "{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": \(Python.list(names))}"
            }
            return "{\"ProjectionType\": \(Python.string(projection.awsName))}"
        }
        line("    \(Python.string(table.id)): {")
        line("        \"KeySchema\": " + schema([definition.partitionKey], definition.sortKey.map { [$0] } ?? []) + ",")
        line("        \"AttributeDefinitions\": [" + definition.attributeDefinitions.map { "{\"AttributeName\": \(Python.string($0.name)), \"AttributeType\": \(Python.string($0.type.rawValue))}" }.joined(separator: ", ") + "],")
        for (indexes, label) in [(definition.globalIndexes, "GlobalSecondaryIndexes"), (definition.localIndexes, "LocalSecondaryIndexes")] where !indexes.isEmpty {
            line("        \"\(label)\": [")
            for index in indexes {
                line("            {\"IndexName\": \(Python.string(index.name)), \"KeySchema\": \(schema(index.partitionKey, index.sortKey)), \"Projection\": \(projection(index.projection))},")
            }
            line("        ],")
        }
        if let view = definition.streamViewType {
            line("        \"StreamSpecification\": {\"StreamEnabled\": True, \"StreamViewType\": \(Python.string(view.rawValue))},")
        }
        line("    },")
    }

    private mutating func patterns(_ functions: [(PatternMapping, Boto3FunctionBody?)]) {
        line("# One entry per access pattern: its function, the single values it takes (entity, attribute,")
        line("# parameter), the dict of attributes a write takes (`item`), the lists of items it takes")
        line("# (entity, parameter), and what it returns (item, items, related, none).")
        line("PATTERNS = [")
        for (mapping, body) in functions {
            let type = requirements.pattern(mapping.patternID)?.type
            var fields = [
                "\"id\": \(mapping.patternID)",
                "\"function\": \(Python.string(Python.functionName(id: mapping.patternID, description: mapping.description)))",
                "\"status\": \(Python.string(statusName(mapping.status)))",
                "\"kind\": \(Python.string(type?.isWrite ?? false ? "write" : "read"))",
                "\"operation\": \(mapping.operation.map { Python.string($0.rawValue) } ?? "None")",
                "\"entity\": \(Python.string(requirements.pattern(mapping.patternID)?.entities.first ?? ""))",
            ]
            if let body {
                fields.append("\"inputs\": [" + body.inputs.map { "[\(Python.string($0.entity)), \(Python.string($0.attribute)), \(Python.string($0.parameter))]" }.joined(separator: ", ") + "]")
                fields.append("\"item\": \(body.isWrite ? "True" : "False")")
                fields.append("\"lists\": [" + body.lists.map { "[\(Python.string($0.entity)), \(Python.string($0.parameter))]" }.joined(separator: ", ") + "]")
                fields.append("\"returns\": \(Python.string(body.returns))")
            } else {
                fields += ["\"inputs\": []", "\"item\": False", "\"lists\": []", "\"returns\": \"none\""]
            }
            line("    {" + fields.joined(separator: ", ") + "},")
        }
        line("]")
        line()
    }

    private func statusName(_ status: MappingStatus) -> String {
        switch status {
        case .served: return "served"
        case .acceptedScan: return "accepted-scan"
        case .searchService: return "search-service"
        case .analyticsExport: return "analytics-export"
        case .unserved: return "unserved"
        case .expiresByTTL: return "ttl"
        }
    }

    // MARK: Functions

    private mutating func function(_ mapping: PatternMapping, _ body: Boto3FunctionBody?) {
        let pattern = requirements.pattern(mapping.patternID)
        let name = Python.functionName(id: mapping.patternID, description: mapping.description)
        line()
        line()
        let signature = body.map { (["dynamodb"] + $0.parameters + ["table_names=None"]).joined(separator: ", ") } ?? "dynamodb, *arguments, table_names=None, **values"
        line("def \(name)(\(signature)):")
        line("    \"\"\"" + Python.docText("Pattern #\(mapping.patternID): \(mapping.description)."))
        line()
        let peak = pattern?.peakRPS?.value.map(Python.number) ?? "unknown"
        let average = pattern?.averageRPS?.value.map(Python.number) ?? "unknown"
        line("    Peak \(peak) RPS, average \(average) RPS; \(pattern?.type?.rawValue ?? "read"), \(pattern?.consistency?.rawValue ?? "eventual") consistency.")
        switch mapping.status {
        case .searchService(let reason):
            line("    " + Python.docText(reason))
            line("    Served by OpenSearch (fed from DynamoDB Streams or zero-ETL integration), not by DynamoDB.")
        case .analyticsExport(let reason):
            line("    " + Python.docText(reason))
            line("    Served by an export of the table to S3, queried with Athena, not by DynamoDB.")
        case .unserved(let reason):
            line("    Not served by the model: " + Python.docText(reason))
        case .acceptedScan:
            line("    A Scan accepted at the design gate.")
        case .expiresByTTL(let attribute):
            line("    Done by DynamoDB's TTL on \(Python.docText(attribute)), without a request: nothing to call.")
        case .served:
            break
        }
        if let plan = mapping.plan, mapping.isServedByDynamoDB {
            line()
            line("    Plan:")
            for text in PlanText(plan: plan, model: model).stepLines(plan) { line("        " + Python.docText(text)) }
        }
        for note in mapping.notes { line("    " + Python.docText(note)) }
        if let body {
            line()
            if body.isWrite {
                line("    item: the \(Python.docText(body.mainEntity))'s attributes by name (those that find it and those it writes).")
            }
            for input in body.inputs { line("    \(input.parameter): \(Python.docText(input.entity)).\(Python.docText(input.attribute))") }
            for list in body.lists { line("    \(list.parameter): a list of \(Python.docText(list.entity)) attribute dicts.") }
            switch body.returns {
            case "item": line("    Returns the item, or None.")
            case "items": line("    Returns the items, in the order DynamoDB returns them.")
            case "related": line("    Returns a dict: entity name -> its item (or items).")
            default: line("    Returns None; a refused condition raises botocore's ClientError.")
            }
        }
        line("    \"\"\"")
        guard let body else {
            if case .expiresByTTL = mapping.status {
                line("    return None")
                return
            }
            let reason: String
            switch mapping.status {
            case .searchService: reason = "Pattern #\(mapping.patternID) needs a search service: OpenSearch serves it, not DynamoDB."
            case .analyticsExport: reason = "Pattern #\(mapping.patternID) is served by an export to S3 (Athena), not DynamoDB."
            case .unserved(let text): reason = "Pattern #\(mapping.patternID) is not served by the model: \(text)"
            default: reason = "Pattern #\(mapping.patternID) has no plan."
            }
            line("    raise NotImplementedError(\(Python.string(reason)))")
            return
        }
        for text in body.lines { line(text) }
        if body.isWrite { line("    return None") }
    }
}
