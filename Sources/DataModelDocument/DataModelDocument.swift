import DesignEngine
import Requirements

/// Renders `dynamodb_data_model.md`: the data-model template of `docs/design-engine.md`, with
/// attribute tables, example items, lookup-table transactions, every pattern's plan and the proof
/// that it ran, warnings, the OpenSearch requirement, trade-offs and a Mermaid diagram.
///
/// Pure and deterministic: the same model gives the same bytes (model order throughout, no clock;
/// the only date is the price table's). Every section appends into one byte buffer, and every
/// look-up by id goes through dictionaries built once, so a 300-entity, 1,000-pattern model
/// renders in a few milliseconds.
public enum DataModelDocument {
    /// The whole document for a model and the requirements it was designed from (the domain
    /// and each pattern's peak and average RPS come from them).
    public static func render(_ model: DataModel, requirements: Requirements) -> String {
        String(decoding: renderUTF8(model, requirements: requirements), as: UTF8.self)
    }

    /// The document's UTF-8 bytes, exactly those of `render`, for writing to a file without
    /// making a `String` of them first.
    public static func renderUTF8(_ model: DataModel, requirements: Requirements) -> [UInt8] {
        let context = Context(model: model, requirements: requirements)
        // About what a table section or a mapping row takes, so the buffer rarely grows.
        let attributeCount = model.tables.reduce(0) { $0 + $1.attributes.count }
        var out = Text(capacity: 16_384 + 2_048 * model.tables.count + 160 * attributeCount + 1_024 * model.mappings.count)
        header(context, into: &out)
        philosophy(context, into: &out)
        tables(context, into: &out)
        decisions(context, into: &out)
        mapping(context, into: &out)
        cost(context, into: &out)
        hotPartitions(context, into: &out)
        warnings(context, into: &out)
        openSearch(context, into: &out)
        analyticsExport(context, into: &out)
        tradeOffs(context, into: &out)
        diagram(context, into: &out)
        return out.bytes
    }

    /// The model with the look-ups every section needs, built once.
    struct Context {
        let model: DataModel
        let requirements: Requirements
        /// Table names by table id.
        let tableNames: [String: String]
        let tablesByID: [String: TableDesign]
        let patterns: [Int: AccessPattern]
        /// Index names by table id, then index id; key attribute names by table id.
        let indexNames: [String: [String: String]]
        let keyNames: [String: [String]]

        init(model: DataModel, requirements: Requirements) {
            self.model = model
            self.requirements = requirements
            var names: [String: String] = [:]
            var tables: [String: TableDesign] = [:]
            names.reserveCapacity(model.tables.count)
            tables.reserveCapacity(model.tables.count)
            for table in model.tables where tables[table.id] == nil {
                names[table.id] = table.name
                tables[table.id] = table
            }
            tableNames = names
            tablesByID = tables
            var indexes: [String: [String: String]] = [:]
            var keys: [String: [String]] = [:]
            for table in model.tables {
                indexes[table.id] = Dictionary(table.indexes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                keys[table.id] = table.keyAttributeNames
            }
            indexNames = indexes
            keyNames = keys
            var patterns: [Int: AccessPattern] = [:]
            patterns.reserveCapacity(requirements.accessPatterns.count)
            for pattern in requirements.accessPatterns where patterns[pattern.id] == nil {
                patterns[pattern.id] = pattern
            }
            self.patterns = patterns
        }

        /// The table's name; its id when the model has no such table.
        func tableName(_ id: String) -> String {
            tableNames[id] ?? id
        }

        /// The peak RPS the user gave for a pattern, nil when unknown.
        func peakRPS(_ patternID: Int) -> Double? {
            patterns[patternID]?.peakRPS?.value
        }

        func averageRPS(_ patternID: Int) -> Double? {
            patterns[patternID]?.averageRPS?.value
        }

        /// Writes `Orders` for a base table, `Orders / OrdersByStatus` for one of its indexes.
        func target(tableID: String, indexName: String?, into out: inout Text) {
            out.inline(tableName(tableID))
            if let indexName {
                out += " / "
                out.inline(indexName)
            }
        }

        /// The index's name, by its id.
        func indexName(tableID: String, indexID: String?) -> String? {
            guard let indexID else { return nil }
            return indexNames[tableID]?[indexID]
        }

        /// Plan text for a plan, its main entity's inputs written without prefix.
        func planText(_ plan: PatternPlan) -> PlanText {
            PlanText(mainEntity: plan.mainStep?.entity ?? "", tableNames: tableNames, indexNames: indexNames, keyNames: keyNames)
        }

        /// `GSI` or `LSI` for a named index of a table; nil when the table has no such index.
        func indexKind(tableID: String, indexName: String) -> IndexKind? {
            tablesByID[tableID]?.indexes.first { $0.name == indexName }?.kind
        }
    }

    /// `1 GSI`, `3 GSIs`.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        Number.count(count) + " " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
