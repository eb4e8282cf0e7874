import DesignEngine
import Requirements

/// What a senior DynamoDB reviewer checks first on any model, as findings a test can assert
/// are absent (docs/design-engine.md, "Index economy", "Uniqueness by key" and the plan rules):
///
/// - no GSI repeats its base table's partition key (order the base sort key or use an LSI);
/// - no two indexes on a table share a partition key unless their sort keys differ and both
///   serve a pattern;
/// - no GSI keyed by one part of a concatenated base partition key (`a#b` plus a GSI on `a`):
///   partition `a`, sort `b` serves that read without an index;
/// - no lookup table for a unique group the item's primary key already makes unique;
/// - every entity a served read lists is read by its plan (or comes with the main items);
/// - every entity a served write lists is written or checked by its plan.
///
/// Used on every worked scenario and on generated requirement sets.
public enum ExpertReview {
    public static func findings(_ model: DataModel, _ requirements: Requirements) -> [String] {
        indexFindings(model) + lookupFindings(model) + planFindings(model, requirements)
    }

    static func indexFindings(_ model: DataModel) -> [String] {
        var findings: [String] = []
        for table in model.tables where table.lookup == nil {
            let globals = table.indexes.filter { $0.kind == .global }
            for index in globals where index.partitionKey.map(\.name) == [table.partitionKey.name] {
                findings.append("\(table.name): GSI \(index.name) repeats the table's partition key \(table.partitionKey.name)")
            }
            let parts = table.attributes.first { $0.name == table.partitionKey.name }?.composedOf ?? []
            for index in globals where parts.count > 1 && index.partitionKey.count == 1 && parts.contains(index.partitionKey[0].name) {
                findings.append("\(table.name): GSI \(index.name) is keyed by \(index.partitionKey[0].name), a part of the concatenated partition key \(table.partitionKey.name): key the table by it with the rest as sort key")
            }
            for (position, first) in globals.enumerated() {
                for second in globals.dropFirst(position + 1) where first.partitionKey.map(\.name) == second.partitionKey.map(\.name) {
                    let distinctSorts = first.sortKey.map(\.name) != second.sortKey.map(\.name)
                    let bothUsed = !first.patternIDs.isEmpty && !second.patternIDs.isEmpty
                    if !(distinctSorts && bothUsed) {
                        findings.append("\(table.name): GSIs \(first.name) and \(second.name) share the partition key \(first.partitionKey.map(\.name).joined(separator: ", "))")
                    }
                }
            }
        }
        return findings
    }

    static func lookupFindings(_ model: DataModel) -> [String] {
        var findings: [String] = []
        for table in model.tables {
            guard let lookup = table.lookup, let owner = model.table(id: lookup.ownerTableID),
                  let layout = owner.itemLayouts.first(where: { $0.entity == lookup.entity }) else { continue }
            let keyAttributes = Set(layout.key.parts.flatMap { part in part.value.inputs.filter { $0.entity == lookup.entity }.map(\.attribute) })
            if Set(lookup.attributes) == keyAttributes {
                findings.append("\(table.name): lookup table for \(lookup.attributes.joined(separator: ", ")), which \(owner.name)'s primary key already makes unique")
            }
        }
        return findings
    }

    public static func planFindings(_ model: DataModel, _ requirements: Requirements) -> [String] {
        var findings: [String] = []
        let tableOfEntity = Dictionary(model.tables.flatMap { table in table.itemLayouts.map { ($0.entity, table.id) } }, uniquingKeysWith: { first, _ in first })
        for mapping in model.mappings {
            guard let plan = mapping.plan, let pattern = requirements.accessPatterns.first(where: { $0.id == mapping.patternID }),
                  let type = pattern.type else { continue }
            for other in pattern.entities.dropFirst() where other != pattern.entities.first {
                if type.isWrite {
                    if !writes(plan, other) { findings.append("#\(pattern.id) \(pattern.description): lists \(other) but its plan neither writes nor checks it") }
                } else if type == .read {
                    let readTables = Set(plan.steps.map(\.request.tableID))
                    let read = plan.steps.contains { $0.entity == other || $0.collectionMembers.contains(other) }
                        || tableOfEntity[other].map(readTables.contains) == true
                        || tableOfEntity[other] == nil
                        || mapping.notes.contains { $0.contains("accepted denormalization") }
                    if !read { findings.append("#\(pattern.id) \(pattern.description): lists \(other) but its plan never reads it") }
                }
            }
        }
        return findings
    }

    private static func writes(_ plan: PatternPlan, _ entity: String) -> Bool {
        plan.steps.contains { step in
            switch step.request {
            case .transactWriteItems(let actions): return actions.contains { $0.entity == entity }
            case .putItem, .updateItem, .deleteItem, .batchWriteItem: return step.entity == entity
            default: return false
            }
        }
    }
}
