import Requirements
import SQLStatements

/// The description a proposed pattern starts with, in the words a person would use ("Get
/// Order by customer_id, highest created_at first"); the user edits it at the review. Only what
/// a digest and a logged statement show alike is in it (a LIMIT's number is not: a digest hides
/// it), so every source words the same access the same way.
enum PatternWording {
    static func description(of pattern: AccessPattern, shape: StatementShape) -> String {
        let entities = pattern.entities.joined(separator: " with ")
        let main = pattern.entities.first ?? ""
        // A column selected as NULL is said as "without it", not as a lookup value.
        let withoutValue = Set((pattern.selects ?? []).filter { $0.value == nil }.map(\.attribute))
        let equality = (pattern.equalityAttributes ?? []).filter { !withoutValue.contains($0) }
        var text: String
        switch pattern.type {
        case .read?:
            if case .aggregate(let aggregation)? = pattern.aggregate {
                text = aggregateWords(aggregation) + " of " + main
            } else {
                text = (equality.isEmpty ? "List " : "Get ") + entities
            }
        case .search?:
            let searched = shape.searched.map(\.column)
            text = "Search " + entities + " for text in " + list(searched.isEmpty ? ["?"] : searched)
        case .write?:
            text = (shape.kind == .replace ? "Create or replace " : "Create ") + main
        case .update?:
            if case .only(let names)? = pattern.attributes, !names.isEmpty {
                text = "Update " + list(names) + " of " + main
            } else {
                text = "Update " + main
            }
        case .delete?:
            text = "Delete " + main
        case nil:
            text = main
        }
        if !equality.isEmpty { text += " by " + list(equality) }
        if !shape.groupBy.isEmpty { text += " per " + list(shape.groupBy.map(\.column)) }
        if case .attribute(let sort)? = pattern.sort, pattern.type == .read || pattern.type == .search {
            if pattern.aggregate?.aggregation != nil {
                text += ", over a range of " + sort.attribute
            } else {
                text += sort.direction == .descending ? ", highest " + sort.attribute + " first" : ", by " + sort.attribute
            }
        }
        for selected in pattern.selects ?? [] where selected.value == nil {
            text += ", without " + selected.attribute
        }
        if shape.locksRows { text += " (locking read)" }
        return text
    }

    static func aggregateWords(_ aggregation: Aggregation) -> String {
        let attribute = aggregation.attribute ?? ""
        switch aggregation.function {
        case .count: return "Count"
        case .sum: return "Sum of " + attribute
        case .avg: return "Average " + attribute
        case .min: return "Lowest " + attribute
        case .max: return "Highest " + attribute
        }
    }

    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
