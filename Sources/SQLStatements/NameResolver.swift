/// Resolves a column's qualifier (an alias or a table name) to one of the statement's tables.
struct NameResolver {
    let sources: [TableSource]
    /// The one table every unqualified column belongs to, when the statement names one table.
    let onlyTable: Int?

    init(sources: [TableSource]) {
        self.sources = sources
        var only: Int? = sources.isEmpty ? nil : 0
        for source in sources.dropFirst() where source.table != sources[0].table { only = nil }
        onlyTable = only
    }

    /// The index of the source a column belongs to, when it can be told.
    func source(of column: RawColumn) -> Int? {
        guard let qualifier = column.qualifier else { return onlyTable }
        if let exact = sources.firstIndex(where: { $0.alias == qualifier }) { return exact }
        if let byName = sources.firstIndex(where: { $0.alias == nil && $0.table == qualifier }) { return byName }
        let lowered = qualifier.lowercased()
        if let loose = sources.firstIndex(where: { $0.alias?.lowercased() == lowered }) { return loose }
        return sources.firstIndex(where: { $0.table.lowercased() == lowered })
    }

    /// The column with its real table: an alias resolved, a qualifier naming no table of the
    /// statement kept as written, an unqualified column given the statement's only table.
    func reference(_ column: RawColumn) -> ColumnReference {
        if let index = source(of: column) {
            return ColumnReference(table: sources[index].table, column: column.column)
        }
        return ColumnReference(table: column.qualifier, column: column.column)
    }
}
