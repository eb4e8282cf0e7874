import DesignEngine

extension DataModelDocument {
    /// How every pattern runs, one row each; the proof that the served ones ran; each served
    /// pattern's plan step by step; then the patterns the model cannot serve.
    static func mapping(_ context: Context, into out: inout Text) {
        out += "## Access Pattern Mapping\n\n"
        let mappings = context.model.mappings
        if mappings.isEmpty {
            out += "_No access patterns._\n\n"
            return
        }
        proof(context, into: &out)
        out += """
            | # | Pattern | Status | Operation | Table / Index | Key condition | Filter | Items | Items examined | RCU/request | WCU/request | Notes |
            |---|---------|--------|-----------|---------------|---------------|--------|-------|----------------|-------------|-------------|-------|

            """
        for mapping in mappings { row(mapping, context, into: &out) }
        plans(context, into: &out)
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
        let incomplete = mappings.filter { $0.isServedByDynamoDB && !$0.incomplete.isEmpty }
        if !incomplete.isEmpty {
            out += "\n**Figures that are incomplete** (a count or size the requirements do not give; answer it to complete them):\n\n"
            for mapping in incomplete {
                out += "- Pattern #"
                out += String(mapping.patternID)
                out += ": "
                out.inline(mapping.incomplete.joined(separator: "; "))
                out += ".\n"
            }
        }
        out += "\n"
    }

    /// The computed proof line: how many served patterns ran against the in-memory DynamoDB and
    /// how many passed.
    static func proof(_ context: Context, into out: inout Text) {
        guard let proof = context.model.proof else {
            out += "_The served patterns have not been executed yet._\n\n"
            return
        }
        if proof.failures.isEmpty {
            out += proof.executed == proof.passed && proof.executed > 0
                ? "All \(Number.count(proof.executed)) served patterns were executed against an in-memory DynamoDB with sample items: \(Number.count(proof.passed)) passed.\n\n"
                : "\(Number.count(proof.executed)) served patterns were executed against an in-memory DynamoDB with sample items: \(Number.count(proof.passed)) passed.\n\n"
            return
        }
        out += "\(Number.count(proof.executed)) served patterns were executed against an in-memory DynamoDB with sample items: \(Number.count(proof.passed)) passed, \(Number.count(proof.failures.count)) failed ("
        out.patternList(proof.failures.map(\.patternID))
        out += "; they are marked ⚠️ below with what went wrong).\n\n"
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
        case .expiresByTTL(let attribute):
            out += " TTL on "
            out.code(attribute)
        case .served, .searchService, .analyticsExport: break
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
        } else if case .analyticsExport = mapping.status {
            out += "S3 export + Athena"
        } else if let plan = mapping.plan, !plan.steps.isEmpty {
            // Every table the plan reads or writes in step order (a lookup table, then its owner).
            var targets: [String] = []
            for step in plan.steps where step.purpose != .related && step.purpose != .refreshCopies {
                var target = context.tableName(step.request.tableID)
                if let indexName = context.indexName(tableID: step.request.tableID, indexID: step.request.indexID) { target += " / " + indexName }
                if targets.last != target { targets.append(target) }
            }
            out.cell(targets.joined(separator: " → "))
        } else {
            out += "–"
        }
        out += " | "
        // How the pattern finds its items: its first step's key (the Plans list gives every step).
        let first = mapping.plan?.steps.first
        let text = mapping.plan.map(context.planText)
        out.codeCell(first.flatMap { step in text?.keyCondition(of: step) } ?? "")
        out += " | "
        out.codeCell(mapping.plan?.mainStep.flatMap { step in text?.filter(of: step) } ?? "")
        out += " | "
        if !mapping.isServedByDynamoDB {
            out += "– | – | – | – | "
        } else {
            out += estimate(mapping.itemsPerRequest)
            out += " | "
            out += estimate(mapping.itemsExamined)
            out += " | "
            out += units(mapping.readUnitsPerRequest, complete: mapping.incomplete.isEmpty)
            out += " | "
            // The total everywhere the request writes; the notes break down the lookup and index share.
            out += units(mapping.totalWriteUnitsPerRequest, complete: mapping.incomplete.isEmpty)
            out += " | "
        }
        var notes = PartList(separator: "; ")
        switch mapping.status {
        case .searchService(let reason):
            notes.next(&out)
            out += "served by OpenSearch: "
            out.cell(reason)
        case .analyticsExport(let reason):
            notes.next(&out)
            out += "served by an export: "
            out.cell(reason)
        case .unserved(let reason):
            notes.next(&out)
            out += "**not served**: "
            out.cell(reason)
        case .served, .acceptedScan, .expiresByTTL: break
        }
        if mapping.isServedByDynamoDB, mapping.operation?.isRead == true, mapping.consistency == .strong {
            notes.next(&out)
            out += "strongly consistent read"
        }
        if !mapping.indexWriteUnits.isEmpty {
            notes.next(&out)
            out += "also writes "
            out.join(mapping.indexWriteUnits, ", ") { out, write in
                let indexName = context.indexName(tableID: write.tableID, indexID: write.indexID)
                if write.tableID == mapping.tableID, let indexName {
                    out.cell(indexName)
                } else {
                    out.cell(context.tableName(write.tableID))
                    if let indexName {
                        out += " / "
                        out.cell(indexName)
                    }
                }
                out += " "
                out += write.writeUnits.map { Number.decimal($0) } ?? "unknown"
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

    /// Each served pattern's steps, in the order they run: what the generated code and the
    /// validator execute.
    static func plans(_ context: Context, into out: inout Text) {
        let planned = context.model.mappings.filter { $0.isServedByDynamoDB && ($0.plan?.steps.count ?? 0) > 0 }
        guard !planned.isEmpty else { return }
        out += "\n### Plans\n\n"
        out += "Every served pattern's requests in the order they run (`:attribute` is a value the caller passes, `step N → attribute` a value an earlier step read):\n\n"
        for mapping in planned {
            guard let plan = mapping.plan else { continue }
            let text = context.planText(plan)
            out += "- #"
            out += String(mapping.patternID)
            out += " "
            out.inline(mapping.description)
            out += ":\n"
            for line in text.stepLines(plan) {
                out += "  "
                out.inline(line)
                out += "\n"
            }
        }
    }

    /// An item count, or `unknown`.
    static func estimate(_ estimate: ItemEstimate) -> String {
        estimate.value.map { Number.decimal($0) } ?? "unknown"
    }

    /// Units per request: `–` for none, `unknown`, or `≥ 2` when a size behind it is unknown.
    static func units(_ value: Double?, complete: Bool) -> String {
        guard let value else { return "unknown" }
        if value == 0 { return "–" }
        return (complete ? "" : "≥ ") + Number.decimal(value)
    }
}
