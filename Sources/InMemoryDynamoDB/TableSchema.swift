import DynamoDBAPI

/// A key attribute with its declared type.
struct KeyAttribute: Hashable {
    var name: String
    var type: ScalarAttributeType
}

/// A secondary index's shape, checked: its key attributes with their types and what it projects.
struct IndexSchema {
    var name: String
    var isGlobal: Bool
    var partitionKeys: [KeyAttribute]
    var sortKeys: [KeyAttribute]
    var keySchema: [KeySchemaElement]
    var projection: Projection
    var provisionedThroughput: ProvisionedThroughput?
    /// Attributes copied into the index; nil for `ALL`.
    var projectedNames: Set<String>?
    var keyNames: Set<String>
}

/// A table's shape, checked once at CreateTable and then trusted by every write and read.
struct TableSchema {
    var name: String
    var partitionKey: KeyAttribute
    var sortKey: KeyAttribute?
    var attributeDefinitions: [AttributeDefinition]
    var globalIndexes: [IndexSchema]
    var localIndexes: [IndexSchema]
    var billingMode: BillingMode
    var provisionedThroughput: ProvisionedThroughput?
    var keyNames: Set<String>

    var indexes: [IndexSchema] { globalIndexes + localIndexes }

    func index(named name: String) -> IndexSchema? {
        globalIndexes.first { $0.name == name } ?? localIndexes.first { $0.name == name }
    }

    /// DynamoDB's naming rule for tables and indexes: 3–255 characters of `[A-Za-z0-9_.-]`.
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...255).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    static func invalid(_ message: String) -> DynamoDBError {
        .validation(message: "One or more parameter values were invalid: \(message)")
    }

    /// Checks a CreateTable request the way DynamoDB does (developer guide, "Service, account,
    /// and table quotas" and the CreateTable reference) and builds the schema.
    init(_ input: CreateTableInput) throws(DynamoDBError) {
        guard Self.isValidName(input.tableName) else {
            throw .validation(message: "1 validation error detected: Value '\(input.tableName)' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255")
        }
        var definitions: [String: ScalarAttributeType] = [:]
        for definition in input.attributeDefinitions {
            guard definitions.updateValue(definition.attributeType, forKey: definition.attributeName) == nil else {
                throw Self.invalid("Duplicate AttributeName in AttributeDefinitions: \(definition.attributeName)")
            }
        }
        var used: Set<String> = []
        func keyAttribute(_ name: String) throws(DynamoDBError) -> KeyAttribute {
            guard let type = definitions[name] else {
                throw Self.invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [\(name)], AttributeDefinitions: [\(definitions.keys.sorted().joined(separator: ", "))]")
            }
            used.insert(name)
            return KeyAttribute(name: name, type: type)
        }

        let schema = input.keySchema
        guard (1...2).contains(schema.count) else {
            throw .validation(message: "1 validation error detected: Value '\(schema.map(\.attributeName))' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1")
        }
        guard schema[0].keyType == .hash else { throw .validation(message: "Invalid KeySchema: The first KeySchemaElement is not a HASH key type") }
        if schema.count == 2 {
            guard schema[1].keyType == .range else { throw .validation(message: "Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key") }
            guard schema[1].attributeName != schema[0].attributeName else {
                throw .validation(message: "Both the Hash Key and the Range Key element in the KeySchema have the same name")
            }
        }
        let partitionKey = try keyAttribute(schema[0].attributeName)
        let sortKey = schema.count == 2 ? try keyAttribute(schema[1].attributeName) : nil
        let tableKeys = Set([partitionKey.name] + (sortKey.map { [$0.name] } ?? []))

        var indexNames: Set<String> = []
        var nonKeyTotal = 0
        func projection(_ projection: Projection, index: String, keys: Set<String>) throws(DynamoDBError) -> Set<String>? {
            switch projection.projectionType {
            case .all:
                guard projection.nonKeyAttributes == nil else {
                    throw Self.invalid("ProjectionType is ALL, but NonKeyAttributes is specified")
                }
                return nil
            case .keysOnly:
                guard projection.nonKeyAttributes == nil else {
                    throw Self.invalid("ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified")
                }
                return keys
            case .include:
                guard let names = projection.nonKeyAttributes, !names.isEmpty else {
                    throw Self.invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
                }
                guard Set(names).count == names.count else { throw Self.invalid("Duplicate NonKeyAttributes in index \(index)") }
                nonKeyTotal += names.count
                return keys.union(names)
            }
        }
        func checkIndexName(_ name: String) throws(DynamoDBError) {
            guard Self.isValidName(name) else {
                throw .validation(message: "1 validation error detected: Value '\(name)' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255")
            }
            guard indexNames.insert(name).inserted else { throw Self.invalid("Duplicate index name: \(name)") }
        }

        let billing = input.billingMode ?? .provisioned
        switch billing {
        case .provisioned:
            guard input.provisionedThroughput != nil else {
                throw Self.invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
            }
        case .payPerRequest:
            guard input.provisionedThroughput == nil else {
                throw Self.invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
            }
        }

        let globals = input.globalSecondaryIndexes ?? []
        if input.globalSecondaryIndexes != nil, globals.isEmpty { throw Self.invalid("List of GlobalSecondaryIndexes is empty") }
        guard globals.count <= 20 else { throw Self.invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20") }
        var globalIndexes: [IndexSchema] = []
        for index in globals {
            try checkIndexName(index.indexName)
            let hashes = index.keySchema.prefix { $0.keyType == .hash }
            let ranges = index.keySchema.dropFirst(hashes.count)
            guard !hashes.isEmpty, ranges.allSatisfy({ $0.keyType == .range }) else {
                throw Self.invalid("Index KeySchema must list its HASH elements first, then its RANGE elements, with at least one HASH element: \(index.indexName)")
            }
            guard hashes.count <= 4, ranges.count <= 4 else {
                throw Self.invalid("An index key schema may have at most 4 HASH and 4 RANGE elements: \(index.indexName)")
            }
            guard Set(index.keySchema.map(\.attributeName)).count == index.keySchema.count else {
                throw Self.invalid("An attribute appears more than once in the KeySchema of index \(index.indexName)")
            }
            var partitionKeys: [KeyAttribute] = []
            for element in hashes { partitionKeys.append(try keyAttribute(element.attributeName)) }
            var sortKeys: [KeyAttribute] = []
            for element in ranges { sortKeys.append(try keyAttribute(element.attributeName)) }
            switch billing {
            case .provisioned:
                guard index.provisionedThroughput != nil else {
                    throw Self.invalid("ProvisionedThroughput must be specified for index: \(index.indexName)")
                }
            case .payPerRequest:
                guard index.provisionedThroughput == nil else {
                    throw Self.invalid("ProvisionedThroughput should not be specified for index: \(index.indexName) when BillingMode is PAY_PER_REQUEST")
                }
            }
            let keys = tableKeys.union(index.keySchema.map(\.attributeName))
            globalIndexes.append(IndexSchema(
                name: index.indexName, isGlobal: true, partitionKeys: partitionKeys, sortKeys: sortKeys, keySchema: index.keySchema,
                projection: index.projection, provisionedThroughput: index.provisionedThroughput,
                projectedNames: try projection(index.projection, index: index.indexName, keys: keys), keyNames: keys))
        }

        let locals = input.localSecondaryIndexes ?? []
        if input.localSecondaryIndexes != nil, locals.isEmpty { throw Self.invalid("List of LocalSecondaryIndexes is empty") }
        guard locals.count <= 5 else { throw Self.invalid("LocalSecondaryIndex count exceeds the per-table limit of 5") }
        if !locals.isEmpty, sortKey == nil {
            throw Self.invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
        }
        var localIndexes: [IndexSchema] = []
        for index in locals {
            try checkIndexName(index.indexName)
            guard index.keySchema.count == 2, index.keySchema[0].keyType == .hash, index.keySchema[1].keyType == .range else {
                throw Self.invalid("Index KeySchema of a LocalSecondaryIndex must have one HASH and one RANGE element: \(index.indexName)")
            }
            guard index.keySchema[0].attributeName == partitionKey.name else {
                throw Self.invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: \(index.indexName). index hash key: \(index.keySchema[0].attributeName), table hash key: \(partitionKey.name)")
            }
            let sort = try keyAttribute(index.keySchema[1].attributeName)
            let keys = tableKeys.union([sort.name])
            localIndexes.append(IndexSchema(
                name: index.indexName, isGlobal: false, partitionKeys: [partitionKey], sortKeys: [sort], keySchema: index.keySchema,
                projection: index.projection, provisionedThroughput: nil,
                projectedNames: try projection(index.projection, index: index.indexName, keys: keys), keyNames: keys))
        }
        guard nonKeyTotal <= 100 else {
            throw Self.invalid("The number of projected attributes in all indexes exceeds the limit of 100: \(nonKeyTotal)")
        }
        guard used == Set(definitions.keys) else {
            throw Self.invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
        }

        self.name = input.tableName
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.attributeDefinitions = input.attributeDefinitions
        self.globalIndexes = globalIndexes
        self.localIndexes = localIndexes
        self.billingMode = billing
        self.provisionedThroughput = input.provisionedThroughput
        self.keyNames = tableKeys
    }
}
