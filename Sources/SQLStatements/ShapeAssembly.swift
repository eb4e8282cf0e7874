/// Turns what the reader collected into a `StatementShape`: each column's qualifier resolved to
/// its table (through the aliases of FROM), comma-join pairs attached to their join, every
/// pair oriented so that `left` is on the table named first.
extension StatementParser {
    func shape(kind: StatementShape.Kind) -> StatementShape {
        let resolver = NameResolver(sources: sources)
        var joins: [Join] = []
        var wherePairsBySource = [[ColumnPair]](repeating: [], count: sources.count)
        var extraFilters: [RawColumn] = []
        for (a, b) in wherePairs {
            let first = resolver.source(of: a)
            let second = resolver.source(of: b)
            guard let first, let second, first != second else {
                extraFilters += [a, b]
                continue
            }
            let (left, right) = first < second ? (a, b) : (b, a)
            wherePairsBySource[max(first, second)].append(ColumnPair(left: resolver.reference(left), right: resolver.reference(right)))
        }
        for index in sources.indices.dropFirst() {
            var pairs: [ColumnPair] = joinPairs[index].map { a, b in
                if let first = resolver.source(of: a), let second = resolver.source(of: b), second < first {
                    return ColumnPair(left: resolver.reference(b), right: resolver.reference(a))
                }
                return ColumnPair(left: resolver.reference(a), right: resolver.reference(b))
            }
            pairs += wherePairsBySource[index]
            joins.append(Join(table: sources[index].table, on: pairs))
        }
        let columns: ColumnList
        if kind == .delete || selectsAll || !listsColumns {
            columns = .all
        } else {
            columns = .only(selected.map(resolver.reference))
        }
        return StatementShape(
            kind: kind,
            tables: sources.map(\.table),
            equality: unique(equality.map(resolver.reference)),
            ranges: unique(ranges.map(resolver.reference)),
            orderBy: orderBy.map { OrderTerm(column: resolver.reference($0.0), descending: $0.1) },
            limit: limit,
            columns: columns,
            joins: joins,
            searched: unique(searched.map(resolver.reference)),
            aggregates: aggregates.map { AggregateCall(function: $0.0, column: $0.1.map(resolver.reference)) },
            groupBy: groupBy.map(resolver.reference),
            locksRows: locksRows,
            filters: unique((filters + extraFilters).map(resolver.reference)),
            hasDisjunction: hasDisjunction,
            upserts: upserts,
            nullTested: unique(nullTested.map(resolver.reference))
        )
    }
}

/// The columns in their first order, each once: `created_at >= ? AND created_at < ?` is one range.
private func unique(_ columns: [ColumnReference]) -> [ColumnReference] {
    guard columns.count > 1 else { return columns }
    var seen = Set<ColumnReference>()
    return columns.filter { seen.insert($0).inserted }
}
