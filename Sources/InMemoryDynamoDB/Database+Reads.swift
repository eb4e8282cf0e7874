import DynamoDBAPI

extension Database {
    /// The most data one Query or Scan page reads (developer guide, "Paginating table query
    /// results"): measured on the items read, before any filter.
    static let pageSizeLimit = 1024 * 1024

    /// What a Query or Scan reads: the table, or one of its indexes.
    struct ReadTarget {
        var schema: TableSchema
        var index: IndexSchema?
        var partitionKeys: [KeyAttribute]
        var sortKeys: [KeyAttribute]
        /// The attributes a LastEvaluatedKey holds: the table's key, plus the index's.
        var keyNames: [String]
    }

    func target(table name: String, index indexName: String?, consistentRead: Bool?) throws(DynamoDBError) -> ReadTarget {
        let schema = try schema(name)
        let tableKeys = [schema.partitionKey.name] + (schema.sortKey.map { [$0.name] } ?? [])
        guard let indexName else {
            return ReadTarget(schema: schema, index: nil, partitionKeys: [schema.partitionKey], sortKeys: schema.sortKey.map { [$0] } ?? [], keyNames: tableKeys)
        }
        guard let index = schema.index(named: indexName) else {
            throw .validation(message: "The table does not have the specified index: \(indexName)")
        }
        if index.isGlobal, consistentRead == true {
            throw .validation(message: "Consistent reads are not supported on global secondary indexes")
        }
        var names = tableKeys
        for attribute in index.partitionKeys + index.sortKeys where !names.contains(attribute.name) { names.append(attribute.name) }
        return ReadTarget(schema: schema, index: index, partitionKeys: index.partitionKeys, sortKeys: index.sortKeys, keyNames: names)
    }

    /// Checks `Select` against the projection and the target.
    static func checkSelect(_ select: Select?, projection: String?, target: ReadTarget) throws(DynamoDBError) {
        switch select {
        case .count?:
            if projection != nil {
                throw .validation(message: "1 validation error detected: Cannot specify the ProjectionExpression when choosing to get only the Count")
            }
        case .specificAttributes?:
            if projection == nil {
                throw .validation(message: "1 validation error detected: SPECIFIC_ATTRIBUTES requires a ProjectionExpression")
            }
        case .allProjectedAttributes?:
            if target.index == nil {
                throw .validation(message: "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is only supported when querying an index")
            }
        case .allAttributes?:
            if let index = target.index, index.isGlobal, index.projectedNames != nil {
                throw .validation(message: "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index \(index.name) because its projection type is not ALL")
            }
        case nil:
            break
        }
        if projection != nil, select != nil, select != .specificAttributes {
            throw .validation(message: "1 validation error detected: Cannot specify the ProjectionExpression unless Select is SPECIFIC_ATTRIBUTES")
        }
    }

    /// The sort position of an ExclusiveStartKey in the target, after checking it names exactly
    /// the target's key attributes with their types.
    static func startPosition(_ key: Item, target: ReadTarget) throws(DynamoDBError) -> (partition: CompositeKey, sort: CompositeKey) {
        let invalid = DynamoDBError.validation(message: "The provided starting key is invalid: The provided key element does not match the schema")
        guard key.count == target.keyNames.count else { throw invalid }
        var types: [String: ScalarAttributeType] = [target.schema.partitionKey.name: target.schema.partitionKey.type]
        if let sortKey = target.schema.sortKey { types[sortKey.name] = sortKey.type }
        for attribute in target.partitionKeys + target.sortKeys { types[attribute.name] = attribute.type }
        func part(_ name: String) throws(DynamoDBError) -> KeyValue {
            guard let value = key[name], value.typeName == types[name]?.rawValue, let part = KeyValue(value) else { throw invalid }
            return part
        }
        var partition: [KeyValue] = []
        for attribute in target.partitionKeys { partition.append(try part(attribute.name)) }
        var sort: [KeyValue] = []
        for attribute in target.sortKeys { sort.append(try part(attribute.name)) }
        if target.index != nil {
            sort.append(try part(target.schema.partitionKey.name))
            if let sortKey = target.schema.sortKey { sort.append(try part(sortKey.name)) }
        }
        return (CompositeKey(parts: partition), CompositeKey(parts: sort))
    }

    /// One page of a Query or Scan over entries in reading order: Limit and the 1 MB cap count
    /// items read before the filter; the last item read is the LastEvaluatedKey.
    struct Page {
        var items: [Item] = []
        var count = 0
        var scannedCount = 0
        var bytesRead = 0
        var lastRead: Item?
        var lastEvaluatedKey: Item?
    }

    /// Reads entries one by one until the Limit or the 1 MB cap; returns false to stop.
    static func read(
        _ entry: Item, into page: inout Page, limit: Int?, target: ReadTarget, fullItem: () -> Item?, filter: ConditionNode?,
        projection: [DocumentPath]?, select: Select?, context: ExpressionContext
    ) -> Bool {
        let size = AttributeValue.itemSize(entry)
        if page.scannedCount > 0, page.bytesRead + size > pageSizeLimit {
            return false
        }
        page.scannedCount += 1
        page.bytesRead += size
        // A local index reads what it does not project from the table; a global one cannot.
        let needsTable = target.index.map { !$0.isGlobal && $0.projectedNames != nil } ?? false
            && (select == .allAttributes || projection != nil || filter != nil)
        let source = needsTable ? (fullItem() ?? entry) : entry
        page.lastRead = entry
        if let filter, !context.evaluate(filter, on: source) {
            return !(limit.map { page.scannedCount >= $0 } ?? false)
        }
        page.count += 1
        if select != .count {
            if let projection {
                page.items.append(context.project(source, paths: projection))
            } else if select == .allAttributes {
                page.items.append(source)
            } else {
                page.items.append(entry)
            }
        }
        return !(limit.map { page.scannedCount >= $0 } ?? false)
    }

    /// The parsed filter and projection of a Query or Scan, placeholders checked together with
    /// the key condition's.
    mutating func readExpressions(
        filter: String?, projection: String?, keyCondition: Parsed<ConditionNode>?, names: [String: String], values: [String: AttributeValue]
    ) throws(DynamoDBError) -> (filter: Parsed<ConditionNode>?, projection: Parsed<[DocumentPath]>?, context: ExpressionContext) {
        let context = ExpressionContext(names: names, values: values)
        let filter = try condition(filter, kind: "FilterExpression")
        let projection = try self.projection(projection)
        var usedNames = keyCondition?.names ?? []
        var usedValues = keyCondition?.values ?? []
        usedNames.formUnion(filter?.names ?? [])
        usedValues.formUnion(filter?.values ?? [])
        usedNames.formUnion(projection?.names ?? [])
        try Self.checkPlaceholders(
            names: names, values: values, usedNames: usedNames, usedValues: usedValues,
            hasExpressions: keyCondition != nil || filter != nil || projection != nil)
        if let filter { try context.checkOperandTypes(filter.tree, kind: "FilterExpression") }
        if let keyCondition { try context.checkOperandTypes(keyCondition.tree, kind: "KeyConditionExpression") }
        if let projection { try context.checkOverlaps(projection.tree, kind: "ProjectionExpression") }
        return (filter, projection, context)
    }

    static func checkLimit(_ limit: Int?) throws(DynamoDBError) {
        if let limit, limit < 1 {
            throw .validation(message: "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        }
    }

    mutating func query(_ input: QueryInput) throws(DynamoDBError) -> QueryOutput {
        let target = try target(table: input.tableName, index: input.indexName, consistentRead: input.consistentRead)
        try Self.checkLimit(input.limit)
        try Self.checkSelect(input.select, projection: input.projectionExpression, target: target)
        guard let keyText = input.keyConditionExpression else {
            throw .validation(message: "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        let keyCondition = try cache.condition(keyText, kind: "KeyConditionExpression")
        let (filter, projection, context) = try readExpressions(
            filter: input.filterExpression, projection: input.projectionExpression, keyCondition: keyCondition,
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let plan = try KeyConditionPlan(keyCondition.tree, context: context, partitionKeys: target.partitionKeys, sortKeys: target.sortKeys)
        if let filter {
            let keys = Set((target.partitionKeys + target.sortKeys).map(\.name))
            for name in Self.topLevelNames(filter.tree, context: context) where keys.contains(name) {
                throw .validation(message: "Filter Expression can only contain non-primary key attributes: Primary key attribute: \(name)")
            }
        }
        let forward = input.scanIndexForward ?? true
        let start = try input.exclusiveStartKey.map { (key) throws(DynamoDBError) in try Self.startPosition(key, target: target) }
        if let start, start.partition != plan.partition {
            throw .validation(message: "The provided starting key is outside query boundaries based on provided conditions")
        }

        var page = Page()
        let collection = target.index.flatMap { tables[input.tableName]?.indexes[$0.name] } ?? tables[input.tableName]?.items
        if let partition = collection?.partitions[plan.partition] {
            var range = plan.range(in: partition.keys)
            if let start {
                if forward {
                    range = max(range.lowerBound, min(range.upperBound, partition.upperBound(start.sort)))..<range.upperBound
                } else {
                    range = range.lowerBound..<max(range.lowerBound, min(range.upperBound, partition.search(start.sort).index))
                }
            }
            let table = tables[input.tableName]
            let indices: [Int] = forward ? Array(range) : range.reversed()
            var stoppedEarly = false
            for position in indices {
                let entry = partition.items[position]
                let more = Self.read(
                    entry, into: &page, limit: input.limit, target: target,
                    fullItem: { table.flatMap { $0.item(at: $0.position(of: entry)) } },
                    filter: filter?.tree, projection: projection?.tree, select: input.select, context: context)
                if !more {
                    stoppedEarly = true
                    break
                }
            }
            // A page cut by the Limit or the 1 MB cap ends with a LastEvaluatedKey, even when
            // nothing is left to read (DynamoDB cannot know that without reading on).
            if stoppedEarly { page.lastEvaluatedKey = Self.lastKey(page, target) }
        }
        return output(page, input.select, target: target, consistent: input.consistentRead ?? false, mode: input.returnConsumedCapacity)
    }

    /// The LastEvaluatedKey of a page cut short: the last entry read's table and index keys.
    static func lastKey(_ page: Page, _ target: ReadTarget) -> Item? {
        guard let entry = page.lastRead else { return nil }
        var key: Item = [:]
        for name in target.keyNames { key[name] = entry[name] }
        return key
    }

    func output(_ page: Page, _ select: Select?, target: ReadTarget, consistent: Bool, mode: ReturnConsumedCapacity?) -> QueryOutput {
        let units = Capacity.readUnits(page.bytesRead, consistent: consistent)
        let capacity = target.index.map { index in
            Self.consumed(mode, schema: target.schema, tableUnits: 0, indexUnits: [index.name: units], isRead: true)
        } ?? Self.consumed(mode, schema: target.schema, tableUnits: units, indexUnits: [:], isRead: true)
        return QueryOutput(
            items: select == .count ? nil : page.items, count: page.count, scannedCount: page.scannedCount,
            lastEvaluatedKey: page.lastEvaluatedKey, consumedCapacity: capacity)
    }

    /// The top-level attribute names a condition reads.
    static func topLevelNames(_ node: ConditionNode, context: ExpressionContext) -> [String] {
        func names(_ operand: ConditionOperand) -> [String] {
            switch operand {
            case .path(let path), .size(let path):
                guard case .name(let first)? = path.elements.first else { return [] }
                return [context.name(first)]
            case .value: return []
            }
        }
        switch node {
        case .and(let a, let b), .or(let a, let b): return topLevelNames(a, context: context) + topLevelNames(b, context: context)
        case .not(let inner): return topLevelNames(inner, context: context)
        case .compare(let a, _, let b): return names(a) + names(b)
        case .between(let a, let b, let c): return names(a) + names(b) + names(c)
        case .inList(let a, let list): return names(a) + list.flatMap(names)
        case .function(_, let arguments): return arguments.flatMap(names)
        }
    }

    mutating func scan(_ input: ScanInput) throws(DynamoDBError) -> ScanOutput {
        let target = try target(table: input.tableName, index: input.indexName, consistentRead: input.consistentRead)
        try Self.checkLimit(input.limit)
        try Self.checkSelect(input.select, projection: input.projectionExpression, target: target)
        let (filter, projection, context) = try readExpressions(
            filter: input.filterExpression, projection: input.projectionExpression, keyCondition: nil,
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let start = try input.exclusiveStartKey.map { (key) throws(DynamoDBError) in try Self.startPosition(key, target: target) }

        var collection: ItemCollection
        if let index = target.index {
            guard let stored = tables[input.tableName]?.indexes[index.name] else { throw Self.tableNotFound(input.tableName) }
            collection = stored
        } else {
            guard let stored = tables[input.tableName]?.items else { throw Self.tableNotFound(input.tableName) }
            collection = stored
        }
        let partitionKeys = collection.orderedPartitionKeys()
        let table = tables[input.tableName]
        var page = Page()
        var first = 0
        if let start {
            var low = 0
            var high = partitionKeys.count
            while low < high {
                let middle = (low + high) / 2
                if partitionKeys[middle] < start.partition { low = middle + 1 } else { high = middle }
            }
            first = low
        }
        var stoppedEarly = false
        outer: for position in first..<partitionKeys.count {
            guard let partition = collection.partitions[partitionKeys[position]] else { continue }
            var from = 0
            if let start, partitionKeys[position] == start.partition { from = partition.upperBound(start.sort) }
            for index in from..<partition.keys.count {
                let entry = partition.items[index]
                let more = Self.read(
                    entry, into: &page, limit: input.limit, target: target,
                    fullItem: { table.flatMap { $0.item(at: $0.position(of: entry)) } },
                    filter: filter?.tree, projection: projection?.tree, select: input.select, context: context)
                if !more {
                    stoppedEarly = true
                    break outer
                }
            }
        }
        if stoppedEarly { page.lastEvaluatedKey = Self.lastKey(page, target) }
        // Persist the order cache the scan computed.
        if let index = target.index {
            tables[input.tableName]?.indexes[index.name] = collection
        } else {
            tables[input.tableName]?.items = collection
        }
        return output(page, input.select, target: target, consistent: input.consistentRead ?? false, mode: input.returnConsumedCapacity)
    }
}
