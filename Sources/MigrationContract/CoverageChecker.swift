import MySQLSchema
import Requirements

/// The checks that need the session: every MySQL table and column mapped or excluded with a
/// reason, and every access pattern DynamoDB serves named in some `satisfies`.
///
/// MySQL names are compared case-insensitively, as MySQL compares them.
struct CoverageChecker {
    let entries: [ParsedEntry]
    let context: ContractContext

    func check(into problems: inout ProblemList) {
        checkTablesAndColumns(into: &problems)
        checkPatterns(into: &problems)
    }

    // MARK: Tables and columns

    /// The source tables to cover, each with its columns: the imported schema's when there is
    /// one, else what the requirements' attribute sources name.
    private var sourceTables: [(name: String, columns: [String])] {
        if let schema = context.sourceSchema {
            return schema.tables.filter { !$0.temporary }.map { ($0.name, $0.columns.map(\.name)) }
        }
        var order: [String] = []
        var columns: [String: (name: String, columns: [String])] = [:]
        func note(_ table: String, _ column: String?) {
            let key = fold(table)
            if columns[key] == nil {
                order.append(key)
                columns[key] = (table, [])
            }
            if let column, !columns[key]!.columns.contains(where: { fold($0) == fold(column) }) { columns[key]!.columns.append(column) }
        }
        for entity in context.requirements.entities {
            if let table = entity.sourceTable { note(table, nil) }
            for attribute in entity.attributes {
                if let source = attribute.source { note(source.table, source.column) }
            }
        }
        return order.map { columns[$0]! }
    }

    private func checkTablesAndColumns(into problems: inout ProblemList) {
        // Every (table, column) pair some attribute maps, with composite columns split and `*`
        // standing for the whole row.
        var mappedColumns: [String: Set<String>] = [:]
        var wholeRows = Set<String>()
        var firstEntry: [String: Int] = [:]
        var entriesHolding: [String: Set<Int>] = [:]
        for entry in entries {
            if let table = entry.sourceTable {
                firstEntry[fold(table)] = firstEntry[fold(table)] ?? entry.position
                entriesHolding[fold(table), default: []].insert(entry.position)
            }
            for attribute in entry.attributes {
                guard let table = attribute.sourceTable.map(fold) else { continue }
                firstEntry[table] = firstEntry[table] ?? entry.position
                entriesHolding[table, default: []].insert(entry.position)
                guard let column = attribute.sourceColumn else { continue }
                if column == ContractTypeMapping.wholeRow { wholeRows.insert(table) }
                for part in components(column) { mappedColumns[table, default: []].insert(part) }
            }
        }
        // Columns of any source table an entry holds, by entry: items of several MySQL tables
        // sharing one attribute (an item collection's partition key) map it for all of them.
        var columnsByEntry: [Int: Set<String>] = [:]
        for entry in entries {
            columnsByEntry[entry.position] = Set(entry.attributes.compactMap(\.sourceColumn).flatMap(components))
        }

        for (table, columns) in sourceTables {
            let key = fold(table)
            guard let entryPosition = firstEntry[key] else {
                if !isExcluded(table: table, columns: columns) {
                    problems.add(.root, "the MySQL table \(table) is not mapped: no entry or attribute has it as source_table, and its columns are not all excluded with a reason")
                }
                continue
            }
            guard !wholeRows.contains(key) else { continue }
            let mapped = mappedColumns[key] ?? []
            let shared = (entriesHolding[key] ?? []).reduce(into: Set<String>()) { $0.formUnion(columnsByEntry[$1] ?? []) }
            for column in columns where !mapped.contains(fold(column)) && !shared.contains(fold(column)) {
                if exclusionReason(table: table, column: column) == nil {
                    problems.add(JSONPath.root.appending(entryPosition),
                                 "the MySQL column \(table).\(column) is neither mapped to an attribute nor excluded with a reason")
                }
            }
        }
    }

    /// A table is left out on purpose when every one of its columns was excluded with a reason.
    private func isExcluded(table: String, columns: [String]) -> Bool {
        !columns.isEmpty && columns.allSatisfy { exclusionReason(table: table, column: $0) != nil }
    }

    private func exclusionReason(table: String, column: String) -> String? {
        let tableKey = fold(table)
        let columnKey = fold(column)
        for entity in context.requirements.entities {
            for attribute in entity.attributes {
                guard let reason = attribute.excludedReason, !reason.trimmingWhitespace.isEmpty else { continue }
                let sourceTable = attribute.source?.table ?? entity.sourceTable
                let sourceColumn = attribute.source?.column ?? attribute.name
                if let sourceTable, fold(sourceTable) == tableKey, fold(sourceColumn) == columnKey { return reason }
            }
        }
        return nil
    }

    // MARK: Access patterns

    /// Patterns DynamoDB serves must each appear in some `satisfies`; search patterns are served
    /// by OpenSearch and must not appear; every `satisfies` string must name a pattern.
    private func checkPatterns(into problems: inout ProblemList) {
        let named = Set(entries.flatMap { $0.satisfies.map { normalized($0.0) } })
        var byDescription: [String: AccessPattern] = [:]
        for pattern in context.requirements.accessPatterns where byDescription[normalized(pattern.description)] == nil {
            byDescription[normalized(pattern.description)] = pattern
        }
        for pattern in context.requirements.accessPatterns where pattern.type != .search {
            if !named.contains(normalized(pattern.description)) {
                problems.add(.root, "access pattern #\(pattern.id) \"\(pattern.description)\" appears in no entry's satisfies")
            }
        }
        for entry in entries {
            for (description, path) in entry.satisfies {
                guard let pattern = byDescription[normalized(description)] else {
                    problems.add(path, "\"\(description)\" is not the description of any access pattern in the requirements")
                    continue
                }
                if pattern.type == .search {
                    problems.add(path, "access pattern #\(pattern.id) is a search pattern, served by OpenSearch, not by DynamoDB")
                }
            }
        }
    }

    // MARK: Names

    private func fold(_ name: String) -> String { name.lowercased() }

    private func normalized(_ description: String) -> String { description.trimmingWhitespace }

    private func components(_ column: String) -> [String] {
        column.split(separator: ContractTypeMapping.compositeSeparator).map { fold(String($0)) }
    }
}
