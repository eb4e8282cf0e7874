import DesignEngine
import Requirements

extension DataModelDocument {
    /// Lists in the overview name at most this many items, then say how many more there are.
    static let overviewListLimit = 8

    static func header(_ context: Context, into out: inout Text) {
        let model = context.model
        let lookupCount = model.tables.count { $0.lookup != nil }
        let gsiCount = model.tables.reduce(0) { $0 + $1.indexes.count { $0.kind == .global } }
        let lsiCount = model.tables.reduce(0) { $0 + $1.indexes.count { $0.kind == .local } }
        let served = model.mappings.count { $0.isServedByDynamoDB }
        out += "# DynamoDB Data Model\n\n**Domain**: "
        if let domain = context.requirements.overview.domain { out.inline(domain) } else { out += "not captured" }
        out += " · **Tables**: "
        out += Number.count(model.tables.count)
        out += " ("
        out += counted(model.tables.count - lookupCount, "entity table")
        out += ", "
        out += counted(lookupCount, "lookup table")
        out += ") · **Indexes**: "
        out += counted(gsiCount, "GSI")
        if lsiCount > 0 {
            out += ", "
            out += counted(lsiCount, "LSI")
        }
        out += " · **Patterns served by DynamoDB**: "
        out += Number.count(served)
        out += " of "
        out += Number.count(model.mappings.count)
        out += " · **OpenSearch required**: "
        out += model.openSearch.isRequired ? "yes" : "no"
        out += "\n\n"
    }

    /// The four design principles, each stated with what this model actually did.
    static func philosophy(_ context: Context, into out: inout Text) {
        out += "## Design Philosophy & Approach\n\n"
        multiTable(context, into: &out)
        naturalKeys(context, into: &out)
        patternDriven(context, into: &out)
        evidence(context, into: &out)
        out += "\n"
    }

    static func multiTable(_ context: Context, into out: inout Text) {
        let model = context.model
        let entityTables = model.tables.filter { $0.lookup == nil }
        let lookups = model.tables.filter { $0.lookup != nil }
        let collections = entityTables.filter { if case .itemCollection = $0.role { return true } else { return false } }
        let entityCount = context.requirements.entities.count
        out += "- **Multi-table first**: "
        out += counted(entityCount, "entity", "entities")
        out += " → "
        out += counted(entityTables.count, "entity table")
        if collections.isEmpty {
            out += entityTables.count == entityCount ? ", one per entity, no shared partitions" : ", no shared partitions"
        }
        if !collections.isEmpty {
            out += "; "
            out += counted(collections.count, "item collection")
            out += ": "
            limitedList(collections, into: &out) { out, table in
                guard case .itemCollection(let parent, let children) = table.role else { return }
                out.inline(table.name)
                out += " holds "
                out.inline(parent)
                out += " with "
                out.join(children, ", ") { $0.inline($1) }
                out += " under "
                out.inline(parent)
                out += "'s partition key"
                if let decision = collectionDecision(context.model.decisions, children: children) {
                    out += " (decision “"
                    out.inline(decision.subject)
                    out += "”)"
                }
            }
        }
        out += "; "
        out += counted(lookups.count, "lookup table")
        if lookups.isEmpty {
            out += ": no unique constraint beyond the tables' own keys"
        } else {
            out += " for unique constraints: "
            limitedList(lookups, into: &out) { out, table in
                guard let lookup = table.lookup else { return }
                out.inline(lookup.entity)
                out += "."
                out.join(lookup.attributes, "+") { $0.inline($1) }
                out += " → "
                out.inline(table.name)
            }
        }
        out += ".\n"
    }

    /// The item-collection decision about one of these children, if the engine recorded one.
    static func collectionDecision(_ decisions: [DesignDecision], children: [String]) -> DesignDecision? {
        decisions.first { decision in
            decision.type == .itemCollection && children.contains { decision.subject.contains($0) || decision.id.contains($0) }
        }
    }

    static func naturalKeys(_ context: Context, into out: inout Text) {
        let tables = context.model.tables
        out += "- **Natural keys**: keys keep the entities' own attribute names: "
        if tables.isEmpty { out += "no tables yet" }
        limitedList(tables, into: &out) { out, table in
            out.inline(table.name)
            out += " by "
            out.code(table.partitionKey.name)
            if let sortKey = table.sortKey {
                out += " + "
                out.code(sortKey.name)
            }
        }
        let indexNames = tables.flatMap { $0.indexes.map(\.name) }
        if !indexNames.isEmpty {
            out += "; index names say what they serve: "
            limitedList(indexNames, into: &out) { $0.code($1) }
        }
        let composed = tables.flatMap { table in
            ([table.partitionKey] + (table.sortKey.map { [$0] } ?? [])).filter { $0.composedOf != nil }.map { (table.name, $0) }
        }
        if !composed.isEmpty {
            out += "; "
            out += counted(composed.count, "concatenated key")
            out += " where a base table needs several attributes in one: "
            limitedList(composed, into: &out) { out, entry in
                out.code(entry.1.name)
                out += " in "
                out.inline(entry.0)
            }
        }
        out += ".\n"
    }

    static func patternDriven(_ context: Context, into out: inout Text) {
        let mappings = context.model.mappings
        var baseTable = 0
        var lookupTable = 0
        var onIndexes = 0
        var indexNames: [String] = []
        var seenIndexes = Set<String>()
        var scans = 0
        var search = 0
        var unserved = 0
        var expiring = 0
        for mapping in mappings {
            switch mapping.status {
            case .expiresByTTL: expiring += 1
            case .searchService, .analyticsExport: search += 1
            case .unserved: unserved += 1
            case .acceptedScan: scans += 1
            case .served:
                if let tableID = mapping.tableID, let indexName = context.indexName(tableID: tableID, indexID: mapping.indexID) {
                    onIndexes += 1
                    if seenIndexes.insert(indexName).inserted { indexNames.append(indexName) }
                } else if let tableID = mapping.tableID, context.tablesByID[tableID]?.lookup != nil {
                    lookupTable += 1
                } else {
                    baseTable += 1
                }
            }
        }
        out += "- **Access-pattern driven**: keys and indexes follow the "
        out += counted(mappings.count, "pattern")
        out += ": "
        out += Number.count(baseTable)
        out += " on base-table keys"
        if lookupTable > 0 {
            out += ", "
            out += Number.count(lookupTable)
            out += " on lookup tables"
        }
        out += ", "
        out += Number.count(onIndexes)
        out += " on secondary indexes"
        if !indexNames.isEmpty {
            out += " ("
            limitedList(indexNames, into: &out) { $0.code($1) }
            out += ")"
        }
        if scans > 0 {
            out += ", "
            out += counted(scans, "accepted Scan")
        }
        if expiring > 0 {
            out += ", "
            out += Number.count(expiring)
            out += " done by TTL"
        }
        if search > 0 {
            out += ", "
            out += Number.count(search)
            out += " sent to OpenSearch"
        }
        if unserved > 0 {
            out += "; "
            out += Number.count(unserved)
            out += " cannot be served as asked"
            out += " (see Access Pattern Mapping)"
        }
        out += ".\n"
    }

    static func evidence(_ context: Context, into out: inout Text) {
        var copies: [(table: String, attribute: ModelAttribute)] = []
        for table in context.model.tables {
            for attribute in table.attributes where attribute.denormalization != nil {
                copies.append((table.name, attribute))
            }
        }
        let proposals = context.model.decisions.count { $0.type == .denormalization || $0.type == .itemCollection || $0.type == .tableStructure }
        out += "- **Evidence before optimization**: "
        if copies.isEmpty {
            out += "no attribute is copied between tables"
        } else {
            out += counted(copies.count, "denormalized attribute")
            out += ": "
            limitedList(copies, into: &out) { out, copy in
                out.code(copy.attribute.name)
                out += " in "
                out.inline(copy.table)
                out += " from "
                out.inline(copy.attribute.sourceEntity)
                out += "."
                out.inline(copy.attribute.sourceAttribute)
            }
        }
        out += "; "
        if proposals == 0 {
            out += "no relationship needed a placement decision"
        } else {
            out += counted(proposals, "placement or denormalization decision")
            out += " (which table each entity lives in, what is copied) recorded with the numbers under Design Decisions"
        }
        out += ".\n"
    }

    /// At most `overviewListLimit` items joined with `, `, then `and N more`.
    static func limitedList<Item>(_ items: [Item], into out: inout Text, _ write: (inout Text, Item) -> Void) {
        out.join(items.prefix(overviewListLimit), ", ", write)
        if items.count > overviewListLimit {
            out += " and "
            out += Number.count(items.count - overviewListLimit)
            out += " more"
        }
    }
}

extension PatternMapping {
    /// Served by a DynamoDB operation (planned, or a Scan the user accepted).
    var isServedByDynamoDB: Bool {
        switch status {
        case .served, .acceptedScan: return true
        case .searchService, .analyticsExport, .unserved, .expiresByTTL: return false
        }
    }
}
