import DesignEngine
import Requirements

/// Renders the boto3 module: model metadata, `create_tables`, then one function per pattern.
struct Boto3ModuleWriter {
    let model: DataModel
    let requirements: Requirements
    private var out = ""

    init(model: DataModel, requirements: Requirements) {
        self.model = model
        self.requirements = requirements
    }

    mutating func render() -> String {
        out = ""
        header()
        metadata()
        line(Boto3Runtime.helpers)
        for mapping in model.mappings {
            function(mapping)
        }
        return out
    }

    private mutating func line(_ text: String = "") {
        out += text + "\n"
    }

    private typealias P = Boto3PythonText

    // MARK: Module header and data

    private mutating func header() {
        line("\"\"\"Access patterns of the DynamoDB model designed by ddbmodel, one function per pattern.")
        line()
        line("Generated file: regenerate with `ddbmodel export --format boto3` instead of editing it.")
        line("Every function takes a low-level client (`boto3.client(\"dynamodb\")`) and plain Python values")
        line("(numbers as `decimal.Decimal`). Deployed table names come from `TABLES`, or from a")
        line("`table_names` dict (logical table id or model name -> deployed name) passed to any function.")
        line("Queries and scans follow LastEvaluatedKey until the last page.")
        if model.openSearch.isRequired {
            line()
            line("OpenSearch is required: patterns " + model.openSearch.patterns.map { "#\($0.patternID)" }.joined(separator: ", ")
                + " need a search service and raise NotImplementedError here.")
        }
        line("\"\"\"")
        line()
        line("from boto3.dynamodb.types import TypeDeserializer, TypeSerializer")
        line()
    }

    private mutating func metadata() {
        line("# Logical table id -> deployed table name (the model's names by default).")
        line("TABLES = {")
        for table in model.tables { line("    \(P.string(table.id)): \(P.string(table.name)),") }
        line("}")
        line()
        line("# Per entity: its table, key attributes, identifier, unique groups, attribute types, and how")
        line("# each key attribute is built from the entity's values ((\"p\", attribute) or (\"l\", literal text)).")
        line("ENTITIES = {")
        for entity in requirements.entities {
            guard let table = entityTable(entity.name) else { continue }
            line("    \(P.string(entity.name)): {")
            line("        \"table\": \(P.string(table.id)),")
            line("        \"key\": \(P.list(table.keyAttributeNames)),")
            line("        \"identifier\": \(P.list(entity.identifier)),")
            line("        \"unique\": [" + entity.uniqueGroups.map(P.list).joined(separator: ", ") + "],")
            line("        \"attributes\": {" + attributes(of: entity.name, in: table).map { "\(P.string($0.name)): \(P.string($0.dynamoDBType))" }.joined(separator: ", ") + "},")
            line("        \"composed\": {" + table.attributes.filter { $0.entity == entity.name && $0.composedOf != nil }
                .map { "\(P.string($0.name)): \(P.list($0.composedOf ?? []))" }.joined(separator: ", ") + "},")
            line("        \"key_template\": [" + keyTemplate(entity.name, table).parts.compactMap(templateText).joined(separator: ", ") + "],")
            line("        \"lookups\": [" + lookups(of: entity.name, ownerTableID: table.id).map { lookup in
                "{\"table\": \(P.string(lookup.id)), \"key\": \(P.string(lookup.partitionKey.name)), \"unique\": \(P.list(lookup.lookup?.attributes ?? [])), "
                    + "\"attributes\": \(P.list(lookupAttributes(lookup)))}"
            }.joined(separator: ", ") + "],")
            line("    },")
        }
        line("}")
        line()
        line("# CreateTable requests built from the model (on-demand), used by create_tables().")
        line("TABLE_DEFINITIONS = {")
        for table in model.tables { tableDefinition(table) }
        line("}")
        line()
        line("# One entry per access pattern: the function serving it and what it runs.")
        line("PATTERNS = [")
        for mapping in model.mappings { patternEntry(mapping) }
        line("]")
        line()
    }

    private func templateText(_ part: KeyConditionText.Part) -> String? {
        guard case .equals(let attribute, let pieces) = part else { return nil }
        let items = pieces.map { piece -> String in
            switch piece {
            case .parameter(let name): return "(\"p\", \(P.string(name)))"
            case .literal(let text): return "(\"l\", \(P.string(text)))"
            }
        }
        return "(\(P.string(attribute)), [" + items.joined(separator: ", ") + "])"
    }

    private mutating func tableDefinition(_ table: TableDesign) {
        var definitions: [(String, String)] = []
        func define(_ key: KeyAttribute) {
            if !definitions.contains(where: { $0.0 == key.name }) { definitions.append((key.name, key.dynamoDBType)) }
        }
        define(table.partitionKey)
        table.sortKey.map(define)
        for index in table.indexes { (index.partitionKey + index.sortKey).forEach(define) }
        func schema(_ partition: [KeyAttribute], _ sort: [KeyAttribute]) -> String {
            "[" + (partition.map { "{\"AttributeName\": \(P.string($0.name)), \"KeyType\": \"HASH\"}" }
                + sort.map { "{\"AttributeName\": \(P.string($0.name)), \"KeyType\": \"RANGE\"}" }).joined(separator: ", ") + "]"
        }
        func projection(_ projection: Projection) -> String {
            if case .include(let names) = projection {
                return "{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": \(P.list(names))}"
            }
            return "{\"ProjectionType\": \(P.string(projection.awsName))}"
        }
        line("    \(P.string(table.id)): {")
        line("        \"KeySchema\": " + schema([table.partitionKey], table.sortKey.map { [$0] } ?? []) + ",")
        line("        \"AttributeDefinitions\": [" + definitions.map { "{\"AttributeName\": \(P.string($0.0)), \"AttributeType\": \(P.string($0.1))}" }.joined(separator: ", ") + "],")
        for (kind, label) in [(IndexKind.global, "GlobalSecondaryIndexes"), (.local, "LocalSecondaryIndexes")] {
            let indexes = table.indexes.filter { $0.kind == kind }
            guard !indexes.isEmpty else { continue }
            line("        \"\(label)\": [")
            for index in indexes {
                line("            {\"IndexName\": \(P.string(index.name)), \"KeySchema\": \(schema(index.partitionKey, index.sortKey)), \"Projection\": \(projection(index.projection))},")
            }
            line("        ],")
        }
        line("    },")
    }

    private mutating func patternEntry(_ mapping: PatternMapping) {
        let pattern = requirements.pattern(mapping.patternID)
        var fields = [
            "\"id\": \(mapping.patternID)",
            "\"function\": \(P.string(P.functionName(id: mapping.patternID, description: mapping.description)))",
            "\"type\": \(P.string(pattern?.type?.rawValue ?? "read"))",
            "\"operation\": \(mapping.operation.map { P.string($0.rawValue) } ?? "None")",
            "\"entity\": \(P.string(pattern?.entities.first ?? ""))",
            "\"entities\": \(P.list(pattern?.entities ?? []))",
            "\"table\": \(mapping.tableID.map(P.string) ?? "None")",
            "\"index\": \(indexName(mapping).map(P.string) ?? "None")",
            "\"parameters\": \(P.list(parameters(mapping)))",
        ]
        if case .some(.attribute(let sort)) = pattern?.sort {
            fields.append("\"sort\": [\(P.string(sort.attribute)), \(P.string(sort.direction.rawValue))]")
        } else {
            fields.append("\"sort\": None")
        }
        if case .some(.only(let names)) = pattern?.attributes { fields.append("\"attributes\": \(P.list(names))") } else { fields.append("\"attributes\": None") }
        fields.append("\"status\": \(P.string(statusName(mapping.status)))")
        line("    {" + fields.joined(separator: ", ") + "},")
    }

    // MARK: Model look-ups

    private func entityTable(_ entity: String) -> TableDesign? {
        model.tables.first { $0.lookup == nil && $0.entities.contains(entity) }
    }

    private func attributes(of entity: String, in table: TableDesign) -> [ModelAttribute] {
        table.attributes.filter { $0.entity == entity && $0.composedOf == nil }
    }

    private func lookups(of entity: String, ownerTableID: String) -> [TableDesign] {
        model.tables.filter { $0.lookup?.entity == entity && $0.lookup?.ownerTableID == ownerTableID }
    }

    /// The lookup item's attributes: the model's, plus every owner key attribute (so the owner can be read back).
    private func lookupAttributes(_ lookup: TableDesign) -> [String] {
        var names = lookup.attributes.map(\.name)
        for name in lookup.lookup?.ownerKeyAttributes ?? [] where !names.contains(name) { names.append(name) }
        return names
    }

    private func indexName(_ mapping: PatternMapping) -> String? {
        guard let index = mapping.indexName else { return nil }
        let table = mapping.tableID.flatMap { model.table(id: $0) }
        return table?.indexes.first { $0.id == index }?.name ?? table?.index(named: index)?.name ?? index
    }

    private func statusName(_ status: MappingStatus) -> String {
        switch status {
        case .served: return "served"
        case .acceptedScan: return "accepted-scan"
        case .searchService: return "search-service"
        case .unserved: return "unserved"
        }
    }

    /// How the entity's key attributes are built: the key condition of a pattern addressing one
    /// item of it, or else the table's keys (concatenated with `#` where composed).
    func keyTemplate(_ entity: String, _ table: TableDesign) -> KeyConditionText {
        let keyNames = Set(table.keyAttributeNames)
        for mapping in model.mappings where mapping.tableID == table.id && mapping.indexName == nil
            && requirements.pattern(mapping.patternID)?.entities.first == entity {
            guard let text = mapping.keyCondition, let expression = KeyConditionText(text) else { continue }
            let equalities = expression.parts.compactMap { part -> String? in
                if case .equals(let attribute, _) = part { return attribute }
                return nil
            }
            if Set(equalities) == keyNames { return expression }
        }
        var parts: [KeyConditionText.Part] = []
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) {
            if let composed = key.composedOf, composed.count > 1, table.lookup != nil || table.role == .entity {
                var pieces: [KeyConditionText.Piece] = []
                for (position, name) in composed.enumerated() {
                    if position > 0 { pieces.append(.literal("#")) }
                    pieces.append(.parameter(name))
                }
                parts.append(.equals(attribute: key.name, pieces: pieces))
            } else {
                parts.append(.equals(attribute: key.name, pieces: [.parameter(key.name)]))
            }
        }
        return KeyConditionText(parts: parts)
    }

    private func parameters(_ mapping: PatternMapping) -> [String] {
        var names = mapping.keyCondition.flatMap(KeyConditionText.init)?.parameters ?? []
        for name in mapping.filter.flatMap(KeyConditionText.init)?.parameters ?? [] where !names.contains(name) { names.append(name) }
        return names
    }

    // MARK: Functions

    private mutating func function(_ mapping: PatternMapping) {
        let pattern = requirements.pattern(mapping.patternID)
        let name = P.functionName(id: mapping.patternID, description: mapping.description)
        let type = pattern?.type ?? .read
        var body = Boto3FunctionBody(model: model, requirements: requirements, mapping: mapping, writer: self)
        let (signature, lines, returns) = body.render(type: type)
        line()
        line()
        line("def \(name)(\(signature)):")
        line("    \"\"\"" + P.docText("Pattern #\(mapping.patternID): \(mapping.description)."))
        line()
        let peak = pattern?.peakRPS?.value.map(P.number) ?? "unknown"
        let average = pattern?.averageRPS?.value.map(P.number) ?? "unknown"
        line("    Peak \(peak) RPS, average \(average) RPS; \(type.rawValue), \(pattern?.consistency?.rawValue ?? "eventual") consistency.")
        var target = "Operation: \(mapping.operation?.rawValue ?? "none")"
        if let tableID = mapping.tableID, let table = model.table(id: tableID) {
            target += " on \(table.name) (TABLES[\(P.string(tableID))])"
            if let index = indexName(mapping) { target += ", index \(index)" }
        }
        line("    " + P.docText(target) + ".")
        if let condition = mapping.keyCondition { line("    Key condition: " + P.docText(condition)) }
        if let filter = mapping.filter { line("    Filter: " + P.docText(filter)) }
        switch mapping.status {
        case .searchService(let reason):
            line("    " + P.docText(reason))
            line("    Served by OpenSearch (fed from DynamoDB Streams or zero-ETL integration), not by DynamoDB.")
        case .unserved(let reason):
            line("    Not served by the model: " + P.docText(reason))
        case .acceptedScan:
            line("    A Scan accepted at the design gate.")
        case .served:
            break
        }
        for note in mapping.notes { line("    " + P.docText(note)) }
        if let returns { line(); line("    Returns " + P.docText(returns)) }
        line("    \"\"\"")
        for text in lines { line("    " + text) }
    }
}
