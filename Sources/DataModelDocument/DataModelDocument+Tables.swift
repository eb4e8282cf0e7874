import DesignEngine
import Requirements

extension DataModelDocument {
    static func tables(_ context: Context, into out: inout Text) {
        out += "## Table Designs\n\n"
        if context.model.tables.isEmpty {
            out += "_No tables: the requirements have no entities yet._\n\n"
            return
        }
        let loads = tableLoads(context)
        for table in context.model.tables {
            self.table(table, loads: loads, context, into: &out)
        }
    }

    static func table(_ table: TableDesign, loads: [String: TableLoad], _ context: Context, into out: inout Text) {
        let load = loads[table.id] ?? TableLoad()
        out += "### "
        out.inline(table.name)
        out += " Table\n- **Purpose**: "
        out.inline(table.purpose)
        out += "\n- **Entities**: "
        out.join(table.entities, ", ") { $0.inline($1) }
        if let totals = table.totals {
            out += "none: counter items of "
            out.inline(totals.entity)
            for counter in totals.counters {
                out += "\n  - "
                out.patternList(counter.patternIDs)
                out += ": by "
                out.inline(counter.groupAttributes.isEmpty ? "nothing (one running total)" : counter.groupAttributes.joined(separator: ", "))
                if let period = counter.periodAttribute {
                    out += " per "
                    out.inline(counter.period.rawValue + " of " + period)
                }
                out += ", "
                out.code(PlanText(mainEntity: totals.entity).update(counter.increments))
                out += counter.maintenance == .transaction ? " in each create's transaction" : " by a Streams consumer"
            }
        }
        out += "\n- **Source tables**: "
        if table.sourceTables.isEmpty { out += "none (entities entered by hand, not imported)" }
        out.join(table.sourceTables, ", ") { $0.code($1) }
        out += "\n- **Partition Key**: "
        keyAttribute(table.partitionKey, into: &out)
        out += " — "
        out.inline(table.keyJustification)
        out += " Distribution: "
        distribution(table.partitionKey.distribution, into: &out)
        out += ".\n- **Sort Key**: "
        if let sortKey = table.sortKey {
            keyAttribute(sortKey, into: &out)
            if load.sortKeyPatterns.isEmpty {
                out += " — identifies each item within its partition"
            } else {
                out += " — in the key conditions of "
                out.patternList(load.sortKeyPatterns)
            }
        } else {
            out += "none: every item is found by its partition key alone"
        }
        lifecycle(table, into: &out)
        out += "\n- **Capacity mode**: "
        out += table.capacityMode == .onDemand ? "on-demand" : "provisioned"
        out += " · **Table class**: "
        out += table.tableClass.awsName
        out += "\n- **Estimated item size**: "
        if !table.unknownSizeAttributes.isEmpty { out += "at least " }
        out += Number.bytes(table.estimatedItemSizeBytes)
        out += " (attribute names included"
        if !table.unknownSizeAttributes.isEmpty {
            out += "; incomplete: the typical size of "
            out.join(table.unknownSizeAttributes, ", ") { $0.code($1) }
            out += " is unknown"
        }
        out += ")\n- **Access Patterns Served**: "
        out.patternList(table.patternIDs)
        out += "\n- **Capacity Planning**: "
        capacityPlanning(load, isIndex: false, hasIndexes: !table.indexes.isEmpty, capacityMode: table.capacityMode, into: &out)
        out += "\n"
        if let lookup = table.lookup { self.lookup(lookup, table: table, context, into: &out) }
        attributes(table, into: &out)
        exampleItems(table, into: &out)
        for index in table.indexes {
            let indexLoad = loads[loadKey(tableID: table.id, indexName: index.name)] ?? TableLoad()
            self.index(index, load: indexLoad, capacityMode: table.capacityMode, into: &out)
        }
        out += "\n"
    }

    /// The TTL and the stream, when the table has them (docs/design-engine.md, "Lifecycle").
    static func lifecycle(_ table: TableDesign, into out: inout Text) {
        if let ttl = table.timeToLive {
            out += "\n- **TTL**: "
            out.code(ttl.attribute)
            out += " (N, epoch seconds): "
            out.join(ttl.retentions, "; ") { text, retention in
                text.inline(retention.entity)
                text += " items expire "
                text += Number.count(retention.period.days)
                text += retention.period.days == 1 ? " day after " : " days after "
                text.code(retention.storedFrom)
                if retention.period.archived == true { text += ", then go to the archive" }
            }
            out += ". DynamoDB deletes expired items within days of expiry, consuming no write units; reads filter on "
            out.code(ttl.attribute)
            out += " so they do not return expired items."
        }
        if let view = table.streamViewType {
            out += "\n- **Stream**: "
            out.code(view.rawValue)
            out += " for "
            out.join(table.streamReasons, "; ") { $0.inline($1.text) }
            out += "."
        }
    }

    /// `` `user_id` (S) ``, with its parts for a concatenated key.
    static func keyAttribute(_ key: KeyAttribute, into out: inout Text) {
        out.code(key.name)
        out += " ("
        out += key.dynamoDBType.rawValue
        if let parts = key.composedOf, !parts.isEmpty {
            out += ", composed of "
            out.join(parts, " # ") { $0.code($1) }
        }
        out += ")"
    }

    /// How many distinct values a key takes: the basis of the hot-partition figures.
    static func distribution(_ distribution: KeyDistribution, into out: inout Text) {
        switch distribution {
        case .perItem(let entity):
            out += "one value per "
            out.inline(entity)
            out += " item"
        case .perParent(let parent, let average, let maximum):
            out += "one value per "
            out.inline(parent)
            out += ", shared by its items ("
            out += average.map { "avg " + Number.decimal($0) } ?? "avg unknown"
            out += ", "
            out += maximum.map { "max " + Number.count($0) } ?? "no known maximum"
            out += " per value)"
        case .fewValues(let count, let source):
            out += counted(count, "distinct value")
            out += " ("
            out.inline(source)
            out += ")"
        case .unknown:
            out += "number of distinct values unknown: state it to check hot partitions"
        }
    }

    /// Peak and average traffic, and the units it needs at peak, for a table or an index.
    static func capacityPlanning(_ load: TableLoad, isIndex: Bool, hasIndexes: Bool, capacityMode: CapacityMode, into out: inout Text) {
        var parts = 0
        if !load.readPatterns.isEmpty {
            out += "reads "
            out.patternList(load.readPatterns)
            out += " at "
            out += Number.rps(load.readPeak)
            out += " RPS peak / "
            out += Number.rps(load.readAverage)
            out += " average → "
            out += Number.decimal(load.readUnitsPeak)
            out += " read units/s at peak"
            parts += 1
        }
        if !load.writePatterns.isEmpty {
            if parts > 0 { out += "; " }
            out += "writes "
            out.patternList(load.writePatterns)
            out += " at "
            out += Number.rps(load.writePeak)
            out += " RPS peak / "
            out += Number.rps(load.writeAverage)
            out += " average → "
            out += Number.decimal(load.writeUnitsPeak)
            out += " write units/s at peak in this table (its indexes and lookup tables are counted under them)"
            parts += 1
        }
        if !load.indirectWriters.isEmpty {
            if parts > 0 { out += "; " }
            out += isIndex ? "index entries written by the base-table writes of " : "written by the transactions of "
            out.patternList(load.indirectWriters)
            out += ": "
            out += Number.decimal(load.indirectWriteUnitsPeak)
            out += " write units/s at peak"
            parts += 1
        }
        if parts == 0 { out += isIndex ? "no served pattern reads this index" : "no served pattern reads or writes this table directly" }
        if hasIndexes { out += "; index traffic is under each index" }
        if !load.unknownRPS.isEmpty {
            out += "; RPS unknown for "
            out.patternList(load.unknownRPS)
            out += " (not counted)"
        }
        guard !isIndex else { return out += "." }
        out += capacityMode == .onDemand
            ? ". On-demand: nothing to provision; the provisioned alternative is under Cost Estimates."
            : ". Provisioned from peak at 70% target utilization; the figures are under Cost Estimates."
    }

    static func attributes(_ table: TableDesign, into out: inout Text) {
        out += "\n**Attributes**\n\n| Attribute | Type | Size | Source | Notes |\n|-----------|------|------|--------|-------|\n"
        // Index key roles by attribute, so each row finds its notes without scanning the indexes.
        var indexRoles: [String: [String]] = [:]
        for index in table.indexes {
            for key in index.partitionKey { indexRoles[key.name, default: []].append(index.name + " partition key") }
            for key in index.sortKey { indexRoles[key.name, default: []].append(index.name + " sort key") }
        }
        for attribute in table.attributes {
            out += "| "
            out.codeCell(attribute.name)
            out += " | "
            out.cell(attribute.dynamoDBType.rawValue)
            out += " | "
            out += attribute.typicalSizeBytes.map(Number.bytes) ?? "unknown"
            out += " | "
            if let sourceTable = attribute.sourceTable, let sourceColumn = attribute.sourceColumn {
                out.codeCell(sourceTable + "." + sourceColumn)
            } else {
                out.cell(attribute.sourceEntity)
                out += "."
                out.cell(attribute.sourceAttribute)
            }
            out += " | "
            var notes = PartList(separator: "; ")
            if attribute.name == table.partitionKey.name {
                notes.next(&out)
                out += "partition key"
            }
            if attribute.name == table.sortKey?.name {
                notes.next(&out)
                out += "sort key"
            }
            for role in indexRoles[attribute.name] ?? [] {
                notes.next(&out)
                out.cell(role)
            }
            if attribute.name == table.timeToLive?.attribute {
                notes.next(&out)
                out += "TTL: "
                out.join(table.timeToLive?.retentions ?? [], ", ") { text, retention in
                    text.codeCell(retention.storedFrom)
                    text += " + "
                    text += Number.count(retention.period.days)
                    text += " days"
                }
                out += ", epoch seconds"
            }
            if let parts = attribute.composedOf, !parts.isEmpty {
                notes.next(&out)
                out += "composed of "
                out.join(parts, " # ") { $0.codeCell($1) }
            }
            if let copy = attribute.denormalization {
                notes.next(&out)
                out += "denormalized from "
                out.cell(attribute.sourceEntity)
                out += "."
                out.cell(attribute.sourceAttribute)
                out += " (join "
                out.codeCell(copy.localAttribute)
                out += " = "
                out.codeCell(copy.sourceJoinAttribute)
                out += "): "
                out.cell(copy.justification)
            }
            if notes.isEmpty { out += "–" }
            out += " |\n"
        }
    }

    static func exampleItems(_ table: TableDesign, into out: inout Text) {
        guard !table.exampleItems.isEmpty else { return }
        // Columns: every attribute the examples carry, in order of first appearance.
        var columns: [String] = []
        var seen = Set<String>()
        for item in table.exampleItems {
            for value in item.values where seen.insert(value.attribute).inserted { columns.append(value.attribute) }
        }
        let showEntity = table.entities.count > 1
        out += "\n**Example items**\n\n|"
        if showEntity { out += " (entity) |" }
        for column in columns {
            out += " "
            out.cell(column)
            out += " |"
        }
        out += "\n|"
        if showEntity { out += "---|" }
        for _ in columns { out += "---|" }
        out += "\n"
        for item in table.exampleItems {
            var values: [String: String] = [:]
            for value in item.values where values[value.attribute] == nil { values[value.attribute] = value.text }
            out += "|"
            if showEntity {
                out += " "
                out.cell(item.entity)
                out += " |"
            }
            for column in columns {
                out += " "
                if let text = values[column] { out.cell(text) }
                out += " |"
            }
            out += "\n"
        }
    }

    static func lookup(_ lookup: UniqueLookup, table: TableDesign, _ context: Context, into out: inout Text) {
        out += "- **Unique constraint**: "
        out.join(lookup.attributes, " + ") { $0.code($1) }
        out += " of "
        out.inline(lookup.entity)
        out += " is unique; each lookup item holds the owner's key "
        out.join(lookup.ownerKeyAttributes, ", ") { $0.code($1) }
        out += " (table "
        out.inline(context.tableName(lookup.ownerTableID))
        out += ")\n\n**Create** (one `TransactWriteItems`):\n"
        transaction(lookup.createTransaction, context, into: &out)
        out += "\n**Change the unique value** (one `TransactWriteItems`):\n"
        transaction(lookup.changeTransaction, context, into: &out)
    }

    static func transaction(_ steps: [TransactionStep], _ context: Context, into out: inout Text) {
        if steps.isEmpty { out += "_No steps._\n" }
        for (number, step) in steps.enumerated() {
            out += String(number + 1)
            out += ". `"
            out += step.action.rawValue
            out += "` on "
            out.inline(context.tableName(step.tableID))
            if let condition = step.condition {
                out += " — condition "
                out.code(condition)
            }
            out += "\n"
        }
    }

    static func index(_ index: IndexDesign, load: TableLoad, capacityMode: CapacityMode, into out: inout Text) {
        out += "\n#### "
        out.inline(index.name)
        out += " "
        out += index.kind.rawValue
        out += "\n- **Purpose**: "
        out.inline(index.purpose)
        out += "\n- **Partition Key**: "
        out.join(index.partitionKey, " + ") { out, key in
            keyAttribute(key, into: &out)
            out += ": "
            distribution(key.distribution, into: &out)
        }
        if index.partitionKey.count > 1 { out += " — multi-attribute key, every attribute given by equality" }
        out += "\n- **Sort Key**: "
        if index.sortKey.isEmpty { out += "none" }
        out.join(index.sortKey, " → ") { keyAttribute($1, into: &$0) }
        if index.sortKey.count > 1 { out += " — multi-attribute key, matched left to right" }
        out += "\n- **Projection**: `"
        out += index.projection.awsName
        out += "`"
        if case .include(let names) = index.projection, !names.isEmpty {
            out += " ("
            out.join(names, ", ") { $0.code($1) }
            out += ")"
        }
        out += " — "
        out.inline(index.projectionReason)
        if index.projection == .all, !index.projectionReason.lowercased().contains("double") {
            out += " `ALL` copies every attribute: it doubles this index's storage and write cost."
        }
        out += "\n- **Sparse**: "
        if let sparse = index.sparse {
            out.code(sparse.attribute)
            out += " — "
            out.inline(sparse.reason)
        } else {
            out += "no: every item carries the index key"
        }
        out += "\n- **Estimated entry size**: "
        if !index.unknownSizeAttributes.isEmpty { out += "at least " }
        out += Number.bytes(index.estimatedEntrySizeBytes)
        if !index.unknownSizeAttributes.isEmpty {
            out += " (incomplete: the typical size of "
            out.join(index.unknownSizeAttributes, ", ") { $0.code($1) }
            out += " is unknown)"
        }
        out += "\n- **Access Patterns Served**: "
        out.patternList(index.patternIDs)
        out += "\n- **Capacity Planning**: "
        capacityPlanning(load, isIndex: true, hasIndexes: false, capacityMode: capacityMode, into: &out)
        out += "\n"
    }

    /// Appends parts separated by `separator`, for cells built from optional parts.
    struct PartList {
        let separator: String
        private(set) var isEmpty = true

        init(separator: String) {
            self.separator = separator
        }

        /// Starts a new part: writes the separator unless it is the first.
        mutating func next(_ out: inout Text) {
            if !isEmpty { out += separator }
            isEmpty = false
        }
    }
}
