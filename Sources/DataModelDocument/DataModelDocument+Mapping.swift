import DesignEngine

extension DataModelDocument {
    /// How every pattern runs, one row each, then the patterns the model cannot serve.
    static func mapping(_ context: Context, into out: inout Text) {
        out += "## Access Pattern Mapping\n\n"
        let mappings = context.model.mappings
        if mappings.isEmpty {
            out += "_No access patterns._\n\n"
            return
        }
        out += """
            | # | Pattern | Status | Operation | Table / Index | Key condition | Filter | Items | RCU/request | WCU/request | Notes |
            |---|---------|--------|-----------|---------------|---------------|--------|-------|-------------|-------------|-------|

            """
        for mapping in mappings { row(mapping, context, into: &out) }
        let unserved = mappings.filter { if case .unserved = $0.status { return true } else { return false } }
        if !unserved.isEmpty {
            out += "\n**Not served as asked** (answer these at the design gate before approving the model):\n\n"
            for mapping in unserved {
                guard case .unserved(let reason) = mapping.status else { continue }
                out += "- ⚠️ Pattern #"
                out += String(mapping.patternID)
                out += " ("
                out.inline(mapping.description)
                out += "): "
                out.inline(reason)
                out += "\n"
            }
        }
        out += "\n"
    }

    static func row(_ mapping: PatternMapping, _ context: Context, into out: inout Text) {
        out += "| "
        out += String(mapping.patternID)
        out += " | "
        out.cell(mapping.description)
        out += " | "
        out += mapping.status.mark
        switch mapping.status {
        case .acceptedScan: out += " Scan accepted"
        case .unserved: out += " **not served**"
        case .served, .searchService: break
        }
        out += " | "
        if let operation = mapping.operation {
            out += operation.rawValue
        } else {
            out += "–"
        }
        out += " | "
        if case .searchService = mapping.status {
            out += "OpenSearch"
        } else if let tableID = mapping.tableID {
            out.cell(context.tableName(tableID))
            if let indexName = mapping.indexName {
                out += " / "
                out.cell(indexName)
            }
        } else {
            out += "–"
        }
        out += " | "
        out.codeCell(mapping.keyCondition ?? "")
        out += " | "
        out.codeCell(mapping.filter ?? "")
        out += " | "
        if case .searchService = mapping.status {
            out += "– | – | – | "
        } else {
            out += Number.decimal(mapping.itemsPerRequest)
            out += " | "
            out += mapping.readUnitsPerRequest == 0 ? "–" : Number.decimal(mapping.readUnitsPerRequest)
            out += " | "
            // The total everywhere the request writes; the notes break down the lookup and index share.
            out += mapping.totalWriteUnitsPerRequest == 0 ? "–" : Number.decimal(mapping.totalWriteUnitsPerRequest)
            out += " | "
        }
        var notes = PartList(separator: "; ")
        switch mapping.status {
        case .searchService(let reason):
            notes.next(&out)
            out += "served by OpenSearch: "
            out.cell(reason)
        case .unserved(let reason):
            notes.next(&out)
            out += "**not served**: "
            out.cell(reason)
        case .served, .acceptedScan: break
        }
        if mapping.isServedByDynamoDB, mapping.operation?.isRead == true, mapping.consistency.lowercased().contains("strong") {
            notes.next(&out)
            out += "strongly consistent read"
        }
        if !mapping.indexWriteUnits.isEmpty {
            notes.next(&out)
            out += "also writes "
            out.join(mapping.indexWriteUnits, ", ") { out, write in
                if write.tableID == mapping.tableID, let indexName = write.indexName {
                    out.cell(indexName)
                } else {
                    out.cell(context.tableName(write.tableID))
                    if let indexName = write.indexName {
                        out += " / "
                        out.cell(indexName)
                    }
                }
                out += " "
                out += Number.decimal(write.writeUnits)
                out += " WCU"
            }
        }
        for note in mapping.notes {
            notes.next(&out)
            out.cell(note)
        }
        if notes.isEmpty { out += "–" }
        out += " |\n"
    }
}
