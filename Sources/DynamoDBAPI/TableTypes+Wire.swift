import JSONCore

extension KeySchemaElement: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "keySchema.member")
        self.init(
            attributeName: try reader.required(reader.string("AttributeName"), "AttributeName"),
            keyType: try reader.required(reader.enumeration("KeyType", KeyType.self), "KeyType")
        )
    }

    public var wire: OrderedJSON { .object([("AttributeName", .string(attributeName)), ("KeyType", .string(keyType.rawValue))]) }
}

extension AttributeDefinition: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "attributeDefinitions.member")
        self.init(
            attributeName: try reader.required(reader.string("AttributeName"), "AttributeName"),
            attributeType: try reader.required(reader.enumeration("AttributeType", ScalarAttributeType.self), "AttributeType")
        )
    }

    public var wire: OrderedJSON { .object([("AttributeName", .string(attributeName)), ("AttributeType", .string(attributeType.rawValue))]) }
}

extension Projection: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "projection")
        self.init(
            projectionType: try reader.enumeration("ProjectionType", ProjectionType.self) ?? .all,
            nonKeyAttributes: try reader.strings("NonKeyAttributes")
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("ProjectionType", projectionType)
        writer.add("NonKeyAttributes", strings: nonKeyAttributes)
        return writer.json
    }
}

extension ProvisionedThroughput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "provisionedThroughput")
        self.init(
            readCapacityUnits: try reader.required(reader.int("ReadCapacityUnits"), "ReadCapacityUnits"),
            writeCapacityUnits: try reader.required(reader.int("WriteCapacityUnits"), "WriteCapacityUnits")
        )
    }

    public var wire: OrderedJSON { .object([("ReadCapacityUnits", .integer(readCapacityUnits)), ("WriteCapacityUnits", .integer(writeCapacityUnits))]) }
}

extension GlobalSecondaryIndex: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "globalSecondaryIndexes.member")
        self.init(
            indexName: try reader.required(reader.string("IndexName"), "IndexName"),
            keySchema: try reader.required(reader.list("KeySchema") { (json, _) throws(DynamoDBError) in try KeySchemaElement(wire: json) }, "KeySchema"),
            projection: try reader.required(reader.value("Projection"), "Projection").decoded(Projection.self),
            provisionedThroughput: try reader.value("ProvisionedThroughput")?.decoded(ProvisionedThroughput.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("IndexName", indexName)
        writer.add("KeySchema", list: keySchema)
        writer.add("Projection", projection)
        writer.add("ProvisionedThroughput", provisionedThroughput)
        return writer.json
    }
}

extension LocalSecondaryIndex: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "localSecondaryIndexes.member")
        self.init(
            indexName: try reader.required(reader.string("IndexName"), "IndexName"),
            keySchema: try reader.required(reader.list("KeySchema") { (json, _) throws(DynamoDBError) in try KeySchemaElement(wire: json) }, "KeySchema"),
            projection: try reader.required(reader.value("Projection"), "Projection").decoded(Projection.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("IndexName", indexName)
        writer.add("KeySchema", list: keySchema)
        writer.add("Projection", projection)
        return writer.json
    }
}

extension IndexDescription: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "index")
        self.init(
            indexName: try reader.required(reader.string("IndexName"), "IndexName"),
            keySchema: try reader.list("KeySchema") { (json, _) throws(DynamoDBError) in try KeySchemaElement(wire: json) } ?? [],
            projection: try reader.value("Projection")?.decoded(Projection.self) ?? .all,
            indexStatus: try reader.string("IndexStatus"),
            itemCount: try reader.int("ItemCount"),
            indexSizeBytes: try reader.int("IndexSizeBytes"),
            provisionedThroughput: try reader.object("ProvisionedThroughput").flatMap(Self.throughput)
        )
    }

    /// Described throughput: on-demand tables report zeros, which are left out.
    static func throughput(_ reader: WireReader) throws(DynamoDBError) -> ProvisionedThroughput? {
        let read = try reader.int("ReadCapacityUnits") ?? 0
        let write = try reader.int("WriteCapacityUnits") ?? 0
        return read == 0 && write == 0 ? nil : ProvisionedThroughput(readCapacityUnits: read, writeCapacityUnits: write)
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("IndexName", indexName)
        writer.add("KeySchema", list: keySchema)
        writer.add("Projection", projection)
        writer.add("IndexStatus", indexStatus)
        writer.add("ProvisionedThroughput", provisionedThroughput)
        writer.add("IndexSizeBytes", indexSizeBytes)
        writer.add("ItemCount", itemCount)
        return writer.json
    }
}

extension TableDescription: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "table")
        let billing = try reader.object("BillingModeSummary")?.enumeration("BillingMode", BillingMode.self)
        let throughput = try reader.object("ProvisionedThroughput").flatMap(IndexDescription.throughput)
        self.init(
            tableName: try reader.required(reader.string("TableName"), "TableName"),
            tableStatus: try reader.string("TableStatus") ?? "ACTIVE",
            keySchema: try reader.list("KeySchema") { (json, _) throws(DynamoDBError) in try KeySchemaElement(wire: json) } ?? [],
            attributeDefinitions: try reader.list("AttributeDefinitions") { (json, _) throws(DynamoDBError) in try AttributeDefinition(wire: json) } ?? [],
            billingMode: billing ?? (throughput == nil ? nil : .provisioned),
            provisionedThroughput: throughput,
            itemCount: try reader.int("ItemCount"),
            tableSizeBytes: try reader.int("TableSizeBytes"),
            tableArn: try reader.string("TableArn"),
            globalSecondaryIndexes: try reader.list("GlobalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try IndexDescription(wire: json) },
            localSecondaryIndexes: try reader.list("LocalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try IndexDescription(wire: json) }
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("AttributeDefinitions", list: attributeDefinitions)
        writer.add("TableName", tableName)
        writer.add("KeySchema", list: keySchema)
        writer.add("TableStatus", tableStatus)
        writer.add("ProvisionedThroughput", provisionedThroughput ?? ProvisionedThroughput(readCapacityUnits: 0, writeCapacityUnits: 0))
        writer.add("TableSizeBytes", tableSizeBytes)
        writer.add("ItemCount", itemCount)
        writer.add("TableArn", tableArn)
        writer.add("BillingModeSummary", billingMode.map { OrderedJSON.object([("BillingMode", .string($0.rawValue))]) })
        writer.add("GlobalSecondaryIndexes", list: globalSecondaryIndexes)
        writer.add("LocalSecondaryIndexes", list: localSecondaryIndexes)
        return writer.json
    }
}

extension OrderedJSON {
    /// This JSON read as a wire type.
    func decoded<T: DynamoDBWireCodable>(_ type: T.Type) throws(DynamoDBError) -> T { try T(wire: self) }
}
