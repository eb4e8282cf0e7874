import DesignEngine
import Requirements

/// The data model as the design stage shows it: one table at a time in the walk-through, the
/// whole model for `/show model`, and the decisions for `/show decisions`.
enum DesignReviewText {
    /// One table: purpose, sources, keys with their reasoning, indexes, patterns served, the
    /// decisions and warnings about it, capacity. `position` counts from 1.
    static func table(_ table: TableDesign, position: Int, of count: Int, model: DataModel, state: SessionState) -> String {
        let choices = state.designChoices
        var lines = ["Table \(position) of \(count): \(table.name) (\(roleText(table)))"]
        lines.append("  Purpose: \(table.purpose)")
        lines.append("  Source MySQL tables: \(table.sourceTables.isEmpty ? "none (no schema was imported)" : table.sourceTables.joined(separator: ", "))")
        lines.append("  Partition key: \(keyText(table.partitionKey))")
        lines.append("  Sort key: \(table.sortKey.map(keyText) ?? "none")")
        lines.append("  Why these keys: \(table.keyJustification)")
        if let lookup = table.lookup {
            lines.append("  Writes: " + transactionText(lookup.createTransaction, model: model) + " when a \(lookup.entity) is created; " + transactionText(lookup.changeTransaction, model: model) + " when the value changes.")
        }
        if table.indexes.isEmpty {
            lines.append("  Indexes: none")
        } else {
            lines.append("  Indexes:")
            for index in table.indexes { lines.append(contentsOf: indexLines(index)) }
        }
        lines.append("  Patterns served:")
        if table.patternIDs.isEmpty { lines.append("    none") }
        for id in table.patternIDs {
            guard let mapping = model.mapping(for: id) else { continue }
            lines.append("    #\(id) \(mapping.description): \(operationText(mapping, model: model))")
        }
        let denormalized = table.attributes.filter { $0.denormalization != nil }
        if !denormalized.isEmpty {
            lines.append("  Denormalized attributes:")
            for attribute in denormalized {
                lines.append("    \(attribute.name): copy of \(attribute.entity).\(attribute.sourceAttribute). \(attribute.denormalization!.justification)")
            }
        }
        let decisions = decisions(concerning: table, in: model, requirements: state.requirements)
        if !decisions.isEmpty {
            lines.append("  Decisions:")
            for decision in decisions {
                lines.append("    \(decision.id) (\(decision.subject)): \(decision.chosenApproach)")
                if let hint = proposalHint(decision, choices: choices) { lines.append("      \(hint)") }
            }
        }
        let warnings = model.warnings.filter { $0.tableID == table.id }
        if !warnings.isEmpty {
            lines.append("  Warnings:")
            for warning in warnings { lines.append("    ⚠️ \(warning.kind.rawValue): \(warning.reason)") }
        }
        lines.append("  Capacity: \(capacityText(table, model: model))")
        return lines.joined(separator: "\n")
    }

    /// The question after a table in the walk-through.
    static func confirmPrompt(_ table: TableDesign) -> String {
        let examples = table.lookup == nil
            ? "/rename table \(table.name) NEW, /keys \(table.name) PARTITION [SORT] or /capacity \(table.name) provisioned"
            : "/rename table \(table.name) NEW or /class \(table.name) standard-ia"
        return "Confirm \(table.name)? Type yes (or press Enter), or change it first with a command such as \(examples) (/help lists them)."
    }

    /// Every table in one line each, the patterns, warnings and cost: `/show model`.
    static func model(_ model: DataModel, choices: DesignChoices) -> String {
        var lines = [summaryLine(model)]
        for table in model.tables {
            var line = "  \(table.name): \(table.partitionKey.name)\(table.sortKey.map { " / \($0.name)" } ?? "")"
            if !table.indexes.isEmpty {
                line += "; " + table.indexes.map { "\($0.kind.rawValue) \($0.name) (\(keyNames($0)))" }.joined(separator: ", ")
            }
            line += "; \(table.capacityMode.rawValue)\(table.tableClass == .standard ? "" : ", standard-ia")"
            line += choices.confirmedTables.contains(table.id) ? "; confirmed" : ""
            lines.append(line)
        }
        lines.append("Access patterns:")
        for mapping in model.mappings {
            lines.append("  \(mapping.status.mark) #\(mapping.patternID) \(mapping.description): \(operationText(mapping, model: model))")
        }
        if model.warnings.isEmpty {
            lines.append("Warnings: none")
        } else {
            lines.append("Warnings:")
            for warning in model.warnings {
                let table = warning.tableID.flatMap { model.table(id: $0)?.name }.map { " (\($0))" } ?? ""
                lines.append("  ⚠️ \(warning.kind.rawValue)\(table): \(warning.reason)")
            }
        }
        lines.append(costLine(model))
        return lines.joined(separator: "\n")
    }

    /// Every decision with its alternatives' outcome and, for proposals, the command that flips it.
    static func decisions(_ model: DataModel, choices: DesignChoices) -> String {
        guard !model.decisions.isEmpty else { return "The model has no design decisions." }
        var lines = ["Design decisions (\(model.decisions.count)):"]
        for decision in model.decisions {
            lines.append("  \(decision.id) [\(decision.type.rawValue)] \(decision.subject)")
            lines.append("    chosen: \(decision.chosenApproach)")
            if let userChoice = decision.userChoice { lines.append("    your choice: \(userChoice)") }
            if let hint = proposalHint(decision, choices: choices) { lines.append("    \(hint)") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Pieces

    /// "6 tables (4 for entities, 2 lookup tables), 2 GSIs, 0 LSIs".
    static func summaryLine(_ model: DataModel) -> String {
        let lookups = model.tables.filter { $0.lookup != nil }.count
        let indexes = model.tables.flatMap(\.indexes)
        let gsis = indexes.filter { $0.kind == .global }.count
        let lsis = indexes.count - gsis
        return "Data model: \(counted(model.tables.count, "table")) (\(model.tables.count - lookups) for entities, \(counted(lookups, "lookup table"))), \(counted(gsis, "GSI")), \(counted(lsis, "LSI"))."
    }

    static func costLine(_ model: DataModel) -> String {
        let prices = model.cost.prices
        return "Estimated cost: \(dollars(model.cost.onDemandTotal)) per month on demand (average RPS; \(prices.region) prices of \(prices.date))."
    }

    static func roleText(_ table: TableDesign) -> String {
        switch table.role {
        case .entity: return "entity table for \(table.entities.joined(separator: ", "))"
        case .itemCollection(let parent, let children): return "item collection: \(parent) with \(children.joined(separator: ", "))"
        case .uniqueLookup(let lookup): return "lookup table: unique \(lookup.attributes.joined(separator: "+")) of \(lookup.entity)"
        case .totals(let totals): return "totals of \(totals.entity): one counter item per group key and period"
        }
    }

    /// `user_id (S)`, or `tenant_id#user_id (S, concatenated from tenant_id, user_id)`.
    static func keyText(_ key: KeyAttribute) -> String {
        guard let parts = key.composedOf else { return "\(key.name) (\(key.dynamoDBType.rawValue))" }
        return "\(key.name) (\(key.dynamoDBType.rawValue), concatenated from \(parts.joined(separator: ", ")))"
    }

    /// The attributes of a multi-attribute key, such as `tenant_id + status`.
    static func keyList(_ keys: [KeyAttribute]) -> String {
        keys.map(keyText).joined(separator: " + ")
    }

    static func keyNames(_ index: IndexDesign) -> String {
        index.partitionKey.map(\.name).joined(separator: "+") + (index.sortKey.isEmpty ? "" : " / " + index.sortKey.map(\.name).joined(separator: "+"))
    }

    static func indexLines(_ index: IndexDesign) -> [String] {
        var lines = ["    \(index.name) (\(index.kind.rawValue)): partition \(keyList(index.partitionKey)), sort \(index.sortKey.isEmpty ? "none" : keyList(index.sortKey))"]
        lines.append("      projection \(projectionText(index.projection)): \(index.projectionReason)")
        if let sparse = index.sparse {
            lines.append("      sparse on \(sparse.attribute): \(sparse.reason)")
        }
        lines.append("      serves \(index.patternIDs.map { "#\($0)" }.joined(separator: ", ")); about \(index.estimatedEntrySizeBytes) bytes per entry")
        return lines
    }

    static func projectionText(_ projection: Projection) -> String {
        if case .include(let names) = projection { return "INCLUDE \(names.joined(separator: ", "))" }
        return projection.awsName
    }

    /// `GetItem on Users`, `Query on Orders (index OrdersByUser)`, or the status for patterns
    /// without an operation.
    static func operationText(_ mapping: PatternMapping, model: DataModel) -> String {
        switch mapping.status {
        case .searchService: return "❌ needs a search service"
        case .analyticsExport: return "❌ served by an export (S3 + Athena)"
        case .unserved(let reason): return "⚠️ broken: \(reason)"
        case .expiresByTTL(let attribute): return "TTL on \(attribute) (no request)"
        case .served, .acceptedScan:
            let operation = mapping.operation?.rawValue ?? "?"
            let table = mapping.tableID.map { model.table(id: $0)?.name ?? $0 } ?? "?"
            let index = mapping.tableID.flatMap { model.indexName(tableID: $0, indexID: mapping.indexID) }.map { " (index \($0))" } ?? ""
            let scan = mapping.status == .acceptedScan ? " (accepted Scan)" : ""
            return "\(operation) on \(table)\(index)\(scan)"
        }
    }

    static func transactionText(_ steps: [TransactionStep], model: DataModel) -> String {
        "TransactWriteItems [" + steps.map { step in
            "\(step.action.rawValue) \(model.table(id: step.tableID)?.name ?? step.tableID)" + (step.condition.map { " if \($0)" } ?? "")
        }.joined(separator: "; ") + "]"
    }

    static func capacityText(_ table: TableDesign, model: DataModel) -> String {
        let cost = model.cost.lines.filter { $0.tableID == table.id }.reduce(0) { $0 + $1.onDemandTotal }
        let tableClass = table.tableClass == .standard ? "Standard" : "Standard-IA"
        return "\(table.capacityMode.rawValue), \(tableClass) table class; about \(table.estimatedItemSizeBytes) bytes per item; \(dollars(cost)) per month on demand with its indexes"
    }

    // MARK: Decisions about one table

    /// The proposals and merges that place entities in or out of this table.
    static func decisions(concerning table: TableDesign, in model: DataModel, requirements: Requirements) -> [DesignDecision] {
        guard table.lookup == nil else { return [] }
        let placed = Set(model.tables.flatMap(\.entities))
        return model.decisions.filter { decision in
            guard let (kind, subject) = split(decision.id) else { return false }
            switch kind {
            case "aggregate", "collection", "child-key", "separate":
                // `separate:Parent.Child` is about the child.
                let subject = kind == "separate" ? String(subject.split(separator: ".").last ?? "") : subject
                if table.entities.contains(subject) { return true }
                // An embedded child has no table of its own: it shows with its parent's table.
                guard !placed.contains(subject) else { return false }
                return requirements.relationships.contains { $0.child == subject && table.entities.contains($0.parent) }
            case "merge":
                return subject.split(separator: "+").contains { table.entities.contains(String($0)) }
            default:
                return false
            }
        }
    }

    /// `collection:OrderItem` → ("collection", "OrderItem").
    static func split(_ id: String) -> (String, String)? {
        guard let colon = id.firstIndex(of: ":") else { return nil }
        return (String(id[..<colon]), String(id[id.index(after: colon)...]))
    }

    /// The command that flips a proposal, and what it does; nil for decisions that are not proposals.
    static func proposalHint(_ decision: DesignDecision, choices: DesignChoices) -> String? {
        guard let (kind, entity) = split(decision.id) else { return nil }
        let choice = choices.proposals[decision.id]
        switch kind {
        case "aggregate":
            return choice == true
                ? "Applied at your request; /reject \(decision.id) takes it back."
                : "Not applied; /accept \(decision.id) embeds \(entity)\(choice == false ? " (you rejected it)" : "")."
        case "collection":
            return choice == false
                ? "You rejected it; /accept \(decision.id) puts \(entity) back in the item collection."
                : "/reject \(decision.id) gives \(entity) its own table instead."
        case "child-key":
            return choice == false
                ? "You rejected it; /accept \(decision.id) keys \(entity) by its parent again."
                : "/reject \(decision.id) keys \(entity) by its own identifier instead."
        case "merge":
            return "Merged at your request; /split \(entity.split(separator: "+").dropFirst().joined(separator: " ")) gives each its own table again."
        default:
            return nil
        }
    }

    // MARK: Numbers

    /// `$1,234.56`: whole cents, thousands grouped.
    static func dollars(_ value: Double) -> String {
        let cents = Int64((value * 100).rounded())
        let whole = String(abs(cents) / 100)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = abs(cents) % 100
        return "\(cents < 0 ? "-" : "")$\(grouped).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
