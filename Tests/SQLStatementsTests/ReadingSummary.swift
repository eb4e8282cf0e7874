import SQLStatements

/// A reading written on one line, every field that is set: the corpus expectations
/// (`Corpus/expected.tsv`) and the table-driven tests compare readings through it, so a changed
/// field shows as a changed line.
enum ReadingSummary {
    static func of(_ reading: StatementReading) -> String {
        switch reading {
        case .placed(let shape): return of(shape)
        case .unplaceable(let reason): return "unplaceable: " + reason
        case .notDataAccess(let what): return "not data access: " + what
        }
    }

    static func of(_ shape: StatementShape) -> String {
        var parts = ["\(shape.kind.rawValue) \(shape.tables.joined(separator: ","))"]
        func add(_ label: String, _ columns: [ColumnReference]) {
            if !columns.isEmpty { parts.append(label + "=" + columns.map(name).joined(separator: ",")) }
        }
        add("eq", shape.equality)
        add("range", shape.ranges)
        add("filter", shape.filters)
        add("search", shape.searched)
        if !shape.orderBy.isEmpty {
            parts.append("order=" + shape.orderBy.map { name($0.column) + ($0.descending ? " desc" : "") }.joined(separator: ","))
        }
        switch shape.limit {
        case .none: break
        case .rows(let count): parts.append("limit=\(count)")
        case .placeholder: parts.append("limit=?")
        }
        switch shape.columns {
        case .all: parts.append("cols=*")
        case .only(let columns): parts.append("cols=" + columns.map(name).joined(separator: ","))
        }
        for join in shape.joins {
            parts.append("join \(join.table) on " + join.on.map { name($0.left) + "=" + name($0.right) }.joined(separator: "&"))
        }
        if !shape.aggregates.isEmpty {
            parts.append("agg=" + shape.aggregates.map { "\($0.function.rawValue)(\($0.column.map(name) ?? "*"))" }.joined(separator: ","))
        }
        add("group", shape.groupBy)
        if shape.locksRows { parts.append("locks") }
        if shape.hasDisjunction { parts.append("or") }
        if shape.upserts { parts.append("upsert") }
        return parts.joined(separator: " | ")
    }

    static func name(_ column: ColumnReference) -> String {
        (column.table.map { $0 + "." } ?? "") + column.column
    }
}
