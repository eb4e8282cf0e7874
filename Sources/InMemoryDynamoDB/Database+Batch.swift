import DynamoDBAPI

extension Database {
    /// BatchGetItem's and TransactGetItems' limit on keys, BatchWriteItem's on requests.
    static let batchGetLimit = 100
    static let batchWriteLimit = 25

    static func duplicateKeys() -> DynamoDBError {
        .validation(message: "Provided list of item keys contains duplicates")
    }

    mutating func batchGetItem(_ input: BatchGetItemInput) throws(DynamoDBError) -> BatchGetItemOutput {
        guard !input.requestItems.isEmpty else {
            throw .validation(message: "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
        }
        let total = input.requestItems.values.reduce(0) { $0 + $1.keys.count }
        guard total <= Self.batchGetLimit else {
            throw .validation(message: "Too many items requested for the BatchGetItem call")
        }
        // Every table and key is checked before anything is read.
        for (name, request) in input.requestItems.sorted(by: { $0.key < $1.key }) {
            let schema = try schema(name)
            guard !request.keys.isEmpty else {
                throw .validation(message: "1 validation error detected: Value at 'requestItems.\(name).member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1")
            }
            var seen: Set<ItemAddress> = []
            for key in request.keys {
                guard let table = tables[name] else { throw Self.tableNotFound(name) }
                let position = table.position(of: try table.checkKey(key))
                guard seen.insert(ItemAddress(table: name, partition: position.partition, sort: position.sort)).inserted else { throw Self.duplicateKeys() }
            }
            _ = schema
        }
        var responses: [String: [Item]] = [:]
        var capacities: [ConsumedCapacity] = []
        for (name, request) in input.requestItems.sorted(by: { $0.key < $1.key }) {
            var found: [Item] = []
            var units = 0.0
            var schema: TableSchema?
            for key in request.keys {
                let result = try read(table: name, key: key, projection: request.projectionExpression, names: request.expressionAttributeNames)
                schema = result.schema
                units += Capacity.readUnits(result.size, consistent: request.consistentRead ?? false)
                if let item = result.item { found.append(item) }
            }
            responses[name] = found
            if let schema, let capacity = Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: units, indexUnits: [:], isRead: true) {
                capacities.append(capacity)
            }
        }
        return BatchGetItemOutput(responses: responses, unprocessedKeys: [:], consumedCapacity: capacities.isEmpty ? nil : capacities)
    }

    mutating func batchWriteItem(_ input: BatchWriteItemInput) throws(DynamoDBError) -> BatchWriteItemOutput {
        let total = input.requestItems.values.reduce(0) { $0 + $1.count }
        guard total >= 1, input.requestItems.values.allSatisfy({ !$0.isEmpty }) else {
            throw .validation(message: "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
        }
        guard total <= Self.batchWriteLimit else {
            throw .validation(message: "Too many items requested for the BatchWriteItem call")
        }
        var prepared: [PreparedWrite] = []
        for (name, requests) in input.requestItems.sorted(by: { $0.key < $1.key }) {
            var seen: Set<ItemAddress> = []
            for request in requests {
                let write: PreparedWrite
                switch request {
                case .put(let item): write = try preparePut(table: name, item: item, condition: nil, names: [:], values: [:])
                case .delete(let key): write = try prepareKeyed(table: name, key: key, action: .delete, condition: nil, names: [:], values: [:])
                }
                guard seen.insert(write.address).inserted else { throw Self.duplicateKeys() }
                prepared.append(write)
            }
        }
        var units: [String: (table: Double, indexes: [String: Double])] = [:]
        for write in prepared {
            let outcome = try outcome(of: write)
            let cost = commit(write, outcome, measure: Self.measures(input.returnConsumedCapacity))
            let sum = units[write.tableName] ?? (0, [:])
            units[write.tableName] = (sum.table + cost.table, Self.merge(sum.indexes, cost.indexes))
        }
        var capacities: [ConsumedCapacity] = []
        for (name, cost) in units.sorted(by: { $0.key < $1.key }) {
            guard let schema = tables[name]?.schema else { continue }
            if let capacity = Self.consumed(input.returnConsumedCapacity, schema: schema, tableUnits: cost.table, indexUnits: cost.indexes, isRead: false) {
                capacities.append(capacity)
            }
        }
        return BatchWriteItemOutput(unprocessedItems: [:], consumedCapacity: capacities.isEmpty ? nil : capacities)
    }
}
