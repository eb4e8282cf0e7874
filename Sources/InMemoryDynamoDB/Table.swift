import DynamoDBAPI

/// One table's items and its indexes, kept in step on every write.
struct Table {
    let schema: TableSchema
    var items = ItemCollection()
    var indexes: [String: ItemCollection] = [:]

    /// DynamoDB's limits (developer guide, "Service, account, and table quotas").
    static let maximumItemSize = 400 * 1024
    static let maximumPartitionKeySize = 2048
    static let maximumSortKeySize = 1024

    init(schema: TableSchema) {
        self.schema = schema
        for index in schema.indexes { indexes[index.name] = ItemCollection() }
    }

    /// Where an item with this key lives. Key attributes must already be checked.
    func position(of item: Item) -> (partition: CompositeKey, sort: CompositeKey) {
        let partition = item[schema.partitionKey.name].flatMap(KeyValue.init).map { CompositeKey(parts: [$0]) } ?? CompositeKey(parts: [])
        guard let sortKey = schema.sortKey, let value = item[sortKey.name].flatMap(KeyValue.init) else {
            return (partition, CompositeKey(parts: []))
        }
        return (partition, CompositeKey(parts: [value]))
    }

    func item(at key: (partition: CompositeKey, sort: CompositeKey)) -> Item? {
        items.item(partition: key.partition, sort: key.sort)
    }

    /// Checks a `Key` parameter: exactly the table's key attributes, with their declared types,
    /// not empty. Returns the key with numbers in canonical form.
    func checkKey(_ key: Item) throws(DynamoDBError) -> Item {
        let expected = schema.sortKey == nil ? 1 : 2
        guard key.count == expected else { throw .validation(message: "The provided key element does not match the schema") }
        var canonical = key
        for attribute in [schema.partitionKey] + (schema.sortKey.map { [$0] } ?? []) {
            guard let value = key[attribute.name], value.typeName == attribute.type.rawValue else {
                throw .validation(message: "The provided key element does not match the schema")
            }
            canonical[attribute.name] = try Self.checkKeyValue(value, name: attribute.name)
        }
        return canonical
    }

    static func checkKeyValue(_ value: AttributeValue, name: String) throws(DynamoDBError) -> AttributeValue {
        switch value {
        case .s(""), .b([]):
            throw .validation(message: "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty \(value.typeName == "S" ? "string" : "binary") value. Key: \(name)")
        case .n(let text):
            return .n(try checkNumber(text))
        default:
            return value
        }
    }

    static func checkNumber(_ text: String) throws(DynamoDBError) -> String {
        guard let number = DynamoDBNumber(text) else {
            throw .validation(message: "The parameter cannot be converted to a numeric value: \(text)")
        }
        if let problem = number.rangeProblem { throw .validation(message: problem) }
        return number.description
    }

    /// Checks every value of an item the way DynamoDB does on a write (numbers readable and in
    /// range, sets neither empty nor with duplicates) and returns it with numbers canonical.
    /// How deeply maps and lists may nest (developer guide, "Service, account, and table quotas").
    static let maximumNesting = 32

    static func checkValue(_ value: AttributeValue, depth: Int = 0) throws(DynamoDBError) -> AttributeValue {
        try canonicalized(value, depth: depth) ?? value
    }

    /// The value in canonical form, or nil when it already is (so an item is only copied when a
    /// number's text or a set changes): the common write copies nothing.
    static func canonicalized(_ value: AttributeValue, depth: Int = 0) throws(DynamoDBError) -> AttributeValue? {
        func emptySet(_ kind: String) -> DynamoDBError {
            .validation(message: "One or more parameter values were invalid: An \(kind) set  may not be empty")
        }
        func duplicates(_ texts: [String]) -> DynamoDBError {
            .validation(message: "One or more parameter values were invalid: Input collection [\(texts.joined(separator: ", "))] contains duplicates.")
        }
        switch value {
        case .s, .b, .bool, .null:
            return nil
        case .n(let text):
            let canonical = try checkNumber(text)
            return canonical == text ? nil : .n(canonical)
        case .ss(let texts):
            guard !texts.isEmpty else { throw emptySet("string") }
            guard Set(texts.map { Array($0.utf8) }).count == texts.count else { throw duplicates(texts) }
            return nil
        case .ns(let texts):
            guard !texts.isEmpty else { throw emptySet("number") }
            var canonical: [String] = []
            for text in texts { canonical.append(try checkNumber(text)) }
            guard Set(canonical).count == canonical.count else { throw duplicates(texts) }
            return canonical == texts ? nil : .ns(canonical)
        case .bs(let values):
            guard !values.isEmpty else { throw emptySet("binary") }
            guard Set(values).count == values.count else { throw duplicates(values.map(Base64.encode)) }
            return nil
        case .m(let members):
            guard depth < maximumNesting else { throw .validation(message: "Nesting Levels have exceeded supported limits") }
            var result: Item?
            for (name, member) in members {
                if let changed = try canonicalized(member, depth: depth + 1) {
                    if result == nil { result = members }
                    result?[name] = changed
                }
            }
            return result.map(AttributeValue.m)
        case .l(let values):
            guard depth < maximumNesting else { throw .validation(message: "Nesting Levels have exceeded supported limits") }
            var result: [AttributeValue]?
            for (index, member) in values.enumerated() {
                if let changed = try canonicalized(member, depth: depth + 1) {
                    if result == nil { result = values }
                    result?[index] = changed
                }
            }
            return result.map(AttributeValue.l)
        }
    }

    /// Checks a whole item before it is stored (a put, or an update's result): key attributes
    /// present with their types and sizes, index key attributes with their declared types and not
    /// empty, every value valid, the 400 KB limit. Returns it with numbers canonical.
    func checkItem(_ item: Item) throws(DynamoDBError) -> Item {
        var canonical = item
        for (name, value) in item {
            if let changed = try Self.canonicalized(value) { canonical[name] = changed }
        }
        for attribute in [schema.partitionKey] + (schema.sortKey.map { [$0] } ?? []) {
            guard let value = canonical[attribute.name] else {
                throw .validation(message: "One or more parameter values were invalid: Missing the key \(attribute.name) in the item")
            }
            guard value.typeName == attribute.type.rawValue else {
                throw .validation(message: "One or more parameter values were invalid: Type mismatch for key \(attribute.name) expected: \(attribute.type.rawValue) actual: \(value.typeName)")
            }
            _ = try Self.checkKeyValue(value, name: attribute.name)
        }
        if let value = canonical[schema.partitionKey.name], value.sizeInBytes > Self.maximumPartitionKeySize {
            throw .validation(message: "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
        }
        if let sortKey = schema.sortKey, let value = canonical[sortKey.name], value.sizeInBytes > Self.maximumSortKeySize {
            throw .validation(message: "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        }
        for index in schema.indexes {
            for attribute in index.partitionKeys + index.sortKeys where !schema.keyNames.contains(attribute.name) {
                guard let value = canonical[attribute.name] else { continue }
                guard value.typeName == attribute.type.rawValue else {
                    throw .validation(message: "One or more parameter values were invalid: Type mismatch for Index Key \(attribute.name) Expected: \(attribute.type.rawValue) Actual: \(value.typeName) IndexName: \(index.name)")
                }
                if case .s("") = value {
                    throw .validation(message: "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: \(index.name), IndexKey: \(attribute.name)")
                }
                let isPartition = index.partitionKeys.contains(attribute)
                if value.sizeInBytes > (isPartition ? Self.maximumPartitionKeySize : Self.maximumSortKeySize) {
                    throw .validation(message: "One or more parameter values were invalid: Size of \(isPartition ? "hashkey" : "rangekey") for index key \(attribute.name) has exceeded the maximum size limit of \(isPartition ? Self.maximumPartitionKeySize : Self.maximumSortKeySize) bytes. IndexName: \(index.name)")
                }
                if case .b([]) = value {
                    throw .validation(message: "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty binary value. IndexName: \(index.name), IndexKey: \(attribute.name)")
                }
            }
        }
        if AttributeValue.itemSize(canonical) > Self.maximumItemSize {
            throw .validation(message: "Item size has exceeded the maximum allowed size")
        }
        return canonical
    }

    /// The index entry of an item: its place in the index and the projected attributes; nil when
    /// the item lacks any of the index's key attributes (a sparse index leaves it out).
    func indexEntry(
        _ index: IndexSchema, of item: Item, base: (partition: CompositeKey, sort: CompositeKey)? = nil
    ) -> (partition: CompositeKey, sort: CompositeKey, entry: Item)? {
        var partition: [KeyValue] = []
        partition.reserveCapacity(index.partitionKeys.count)
        for attribute in index.partitionKeys {
            guard let value = item[attribute.name], value.typeName == attribute.type.rawValue, let key = KeyValue(value) else { return nil }
            partition.append(key)
        }
        var sort: [KeyValue] = []
        sort.reserveCapacity(index.sortKeys.count + 2)
        for attribute in index.sortKeys {
            guard let value = item[attribute.name], value.typeName == attribute.type.rawValue, let key = KeyValue(value) else { return nil }
            sort.append(key)
        }
        // Ties in the index key are ordered by the table key, so paging is stable.
        let base = base ?? position(of: item)
        sort.append(contentsOf: base.partition.parts)
        sort.append(contentsOf: base.sort.parts)
        let entry: Item
        if let names = index.projectedNames {
            entry = item.filter { names.contains($0.key) }
        } else {
            entry = item
        }
        return (CompositeKey(parts: partition), CompositeKey(parts: sort), entry)
    }

    /// Replaces `old` with `new` (either may be nil) in the table and every index, and returns the
    /// write units each index consumed: a put or delete of an entry costs its size in 1 KB units,
    /// a changed entry under the same index key the larger of the two, a moved entry both.
    @discardableResult
    mutating func write(old: Item?, new: Item?, measure: Bool = true) -> [String: Double] {
        // Old and new share the key: one position serves the table and every index.
        guard let some = new ?? old else { return [:] }
        let key = position(of: some)
        if let new {
            items.upsert(partition: key.partition, sort: key.sort, item: new)
        } else {
            items.remove(partition: key.partition, sort: key.sort)
        }
        var units: [String: Double] = [:]
        for index in schema.indexes {
            let before = old.flatMap { indexEntry(index, of: $0, base: key) }
            let after = new.flatMap { indexEntry(index, of: $0, base: key) }
            var cost = 0.0
            func entryUnits(_ entry: Item) -> Double { measure ? Capacity.writeUnits(AttributeValue.itemSize(entry)) : 0 }
            switch (before, after) {
            case (nil, nil): break
            case (let before?, nil):
                indexes[index.name]?.remove(partition: before.partition, sort: before.sort)
                cost = entryUnits(before.entry)
            case (nil, let after?):
                indexes[index.name]?.upsert(partition: after.partition, sort: after.sort, item: after.entry)
                cost = entryUnits(after.entry)
            case (let before?, let after?):
                if before.partition == after.partition && before.sort == after.sort {
                    if before.entry != after.entry {
                        indexes[index.name]?.upsert(partition: after.partition, sort: after.sort, item: after.entry)
                        cost = measure ? Capacity.writeUnits(max(AttributeValue.itemSize(before.entry), AttributeValue.itemSize(after.entry))) : 0
                    }
                } else {
                    indexes[index.name]?.remove(partition: before.partition, sort: before.sort)
                    indexes[index.name]?.upsert(partition: after.partition, sort: after.sort, item: after.entry)
                    cost = entryUnits(before.entry) + entryUnits(after.entry)
                }
            }
            if cost > 0 { units[index.name] = cost }
        }
        return units
    }

    /// The table as DescribeTable reports it.
    var description: TableDescription {
        func describe(_ index: IndexSchema) -> IndexDescription {
            IndexDescription(
                indexName: index.name, keySchema: index.keySchema, projection: index.projection,
                indexStatus: index.isGlobal ? "ACTIVE" : nil, itemCount: indexes[index.name]?.count ?? 0,
                indexSizeBytes: indexes[index.name]?.sizeBytes ?? 0, provisionedThroughput: index.provisionedThroughput)
        }
        var keySchema = [KeySchemaElement.hash(schema.partitionKey.name)]
        if let sortKey = schema.sortKey { keySchema.append(.range(sortKey.name)) }
        return TableDescription(
            tableName: schema.name, tableStatus: "ACTIVE", keySchema: keySchema, attributeDefinitions: schema.attributeDefinitions,
            billingMode: schema.billingMode, provisionedThroughput: schema.provisionedThroughput, itemCount: items.count,
            tableSizeBytes: items.sizeBytes, tableArn: "arn:aws:dynamodb:local:000000000000:table/\(schema.name)",
            globalSecondaryIndexes: schema.globalIndexes.isEmpty ? nil : schema.globalIndexes.map(describe),
            localSecondaryIndexes: schema.localIndexes.isEmpty ? nil : schema.localIndexes.map(describe))
    }
}
