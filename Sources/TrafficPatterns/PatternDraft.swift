import Requirements
import SQLStatements

/// An access pattern drafted from one statement's shape: what the statement shows, and nothing
/// it does not (consistency stays open unless the statement locks rows; latency is never known).
/// The description and the figures are added per pattern, once statements are grouped.
enum PatternDraft {
    static func pattern(from shape: StatementShape, columns: StatementColumns) throws(StatementColumns.Problem) -> AccessPattern {
        let tables = shape.tables
        let main = try columns.entity(forTable: tables[0])
        var pattern = AccessPattern(id: 0, description: "")
        pattern.type = type(of: shape)
        var entities = [main]
        // A write changes its one target table; the tables it joins only find the rows.
        if pattern.type == .read || pattern.type == .search {
            for table in tables.dropFirst() {
                let name = try columns.entity(forTable: table)
                if !entities.contains(name) { entities.append(name) }
            }
        }
        pattern.entities = entities
        pattern.equalityAttributes = try columns.attributes(shape.equality, tables: tables)
        // `returned_at IS NULL`: the items without a value, which the engine can serve from a
        // sparse index (docs/design-engine.md).
        let nullTested = try columns.attributes(shape.nullTested, tables: tables)
        if !nullTested.isEmpty { pattern.selects = nullTested.map { SelectedValue(attribute: $0, value: nil) } }
        var filters = try columns.attributes(shape.filters, tables: tables)
        let ranges = try columns.attributes(shape.ranges, tables: tables)
        if let order = shape.orderBy.first {
            let attribute = try columns.attribute(order.column, tables: tables).attribute
            pattern.sort = .attribute(SortRequirement(attribute: attribute, direction: order.descending ? .descending : .ascending))
            filters += ranges.filter { $0 != attribute }
        } else if let range = ranges.first {
            pattern.sort = .attribute(SortRequirement(attribute: range, direction: .ascending))
            filters += ranges.dropFirst()
        } else {
            pattern.sort = SortAnswer.none
        }
        pattern.filterAttributes = unique(filters.filter { !(pattern.equalityAttributes ?? []).contains($0) })
        pattern.attributes = try attributes(of: shape, columns: columns)
        pattern.expectedItems = items(of: shape)
        if shape.locksRows { pattern.consistency = .strong }
        if pattern.type == .read {
            pattern.aggregate = try aggregate(of: shape, columns: columns)
            pattern.confirmedNotSearch = true
        }
        if pattern.type == .search {
            pattern.filterAttributes = unique((pattern.filterAttributes ?? []) + (try columns.attributes(shape.searched, tables: tables)))
        }
        return pattern
    }

    static func type(of shape: StatementShape) -> PatternType {
        switch shape.kind {
        case .select: return shape.searched.isEmpty ? .read : .search
        case .insert, .replace: return .write
        case .update: return .update
        case .delete: return .delete
        }
    }

    static func attributes(of shape: StatementShape, columns: StatementColumns) throws(StatementColumns.Problem) -> AttributeSelection? {
        switch shape.kind {
        case .delete:
            return nil
        case .select where !shape.aggregates.isEmpty:
            // What an aggregating read returns: its groups and the aggregated values.
            let references = shape.groupBy + shape.aggregates.compactMap(\.column)
            return .only(try columns.attributes(references, tables: shape.tables))
        case .select, .insert, .replace, .update:
            switch shape.columns {
            case .all: return .all
            case .only(let references):
                // Columns of joined tables are returned too, but a write lists its target's only.
                let own = shape.kind == .select ? references : references.filter { $0.table == nil || $0.table?.lowercased() == shape.tables[0].lowercased() }
                return .only(try columns.attributes(own, tables: shape.kind == .select ? shape.tables : [shape.tables[0]]))
            }
        }
    }

    static func items(of shape: StatementShape) -> ItemCountAnswer? {
        switch (shape.kind, shape.limit) {
        case (.insert, _), (.replace, _):
            return .known(ItemCount(average: 1, maximum: 1))
        case (.select, .rows(let limit)):
            return .known(ItemCount(average: Double(limit), maximum: limit))
        default:
            // Measured rows per call fill this in (TrafficPatternProposer); else it is asked.
            return nil
        }
    }

    static func aggregate(of shape: StatementShape, columns: StatementColumns) throws(StatementColumns.Problem) -> AggregateAnswer {
        guard let call = shape.aggregates.first(where: { $0.function != .count || $0.column != nil }) ?? shape.aggregates.first else {
            return .none
        }
        let function = Aggregation.Function(rawValue: call.function.rawValue) ?? .count
        let attribute = function == .count ? nil : try call.column.map { column throws(StatementColumns.Problem) in
            try columns.attribute(column, tables: shape.tables).attribute
        }
        // SUM(price * quantity) aggregates an expression: counted as a count of the rows.
        guard function == .count || attribute != nil else { return .aggregate(Aggregation(function: .count)) }
        return .aggregate(Aggregation(function: function, attribute: attribute))
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
