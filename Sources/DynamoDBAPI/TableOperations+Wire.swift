import JSONCore

extension CreateTableInput: DynamoDBRequest {
    public typealias Response = CreateTableOutput
    public static var operation: DynamoDBOperation { .createTable }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(
            tableName: try reader.required(reader.string("TableName"), "tableName"),
            keySchema: try reader.required(reader.list("KeySchema") { (json, _) throws(DynamoDBError) in try KeySchemaElement(wire: json) }, "keySchema"),
            attributeDefinitions: try reader.required(
                reader.list("AttributeDefinitions") { (json, _) throws(DynamoDBError) in try AttributeDefinition(wire: json) }, "attributeDefinitions"),
            globalSecondaryIndexes: try reader.list("GlobalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try GlobalSecondaryIndex(wire: json) },
            localSecondaryIndexes: try reader.list("LocalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try LocalSecondaryIndex(wire: json) },
            billingMode: try reader.enumeration("BillingMode", BillingMode.self),
            provisionedThroughput: try reader.value("ProvisionedThroughput")?.decoded(ProvisionedThroughput.self)
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("KeySchema", list: keySchema)
        writer.add("AttributeDefinitions", list: attributeDefinitions)
        writer.add("GlobalSecondaryIndexes", list: globalSecondaryIndexes)
        writer.add("LocalSecondaryIndexes", list: localSecondaryIndexes)
        writer.add("BillingMode", billingMode)
        writer.add("ProvisionedThroughput", provisionedThroughput)
        return writer.json
    }
}

extension CreateTableOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(tableDescription: try reader.required(reader.value("TableDescription"), "TableDescription").decoded(TableDescription.self))
    }

    public var wire: OrderedJSON { .object([("TableDescription", tableDescription.wire)]) }
}

extension DescribeTableInput: DynamoDBRequest {
    public typealias Response = DescribeTableOutput
    public static var operation: DynamoDBOperation { .describeTable }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(tableName: try reader.required(reader.string("TableName"), "tableName"))
    }

    public var wire: OrderedJSON { .object([("TableName", .string(tableName))]) }
}

extension DescribeTableOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(table: try reader.required(reader.value("Table"), "Table").decoded(TableDescription.self))
    }

    public var wire: OrderedJSON { .object([("Table", table.wire)]) }
}

extension DeleteTableInput: DynamoDBRequest {
    public typealias Response = DeleteTableOutput
    public static var operation: DynamoDBOperation { .deleteTable }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(tableName: try reader.required(reader.string("TableName"), "tableName"))
    }

    public var wire: OrderedJSON { .object([("TableName", .string(tableName))]) }
}

extension DeleteTableOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(tableDescription: try reader.required(reader.value("TableDescription"), "TableDescription").decoded(TableDescription.self))
    }

    public var wire: OrderedJSON { .object([("TableDescription", tableDescription.wire)]) }
}

extension ListTablesInput: DynamoDBRequest {
    public typealias Response = ListTablesOutput
    public static var operation: DynamoDBOperation { .listTables }

    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(exclusiveStartTableName: try reader.string("ExclusiveStartTableName"), limit: try reader.int("Limit"))
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("ExclusiveStartTableName", exclusiveStartTableName)
        writer.add("Limit", limit)
        return writer.json
    }
}

extension ListTablesOutput: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "")
        self.init(tableNames: try reader.strings("TableNames") ?? [], lastEvaluatedTableName: try reader.string("LastEvaluatedTableName"))
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableNames", strings: tableNames)
        writer.add("LastEvaluatedTableName", lastEvaluatedTableName)
        return writer.json
    }
}

extension Capacity: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "capacity")
        self.init(
            readCapacityUnits: try reader.double("ReadCapacityUnits"), writeCapacityUnits: try reader.double("WriteCapacityUnits"),
            capacityUnits: try reader.double("CapacityUnits")
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("ReadCapacityUnits", readCapacityUnits)
        writer.add("WriteCapacityUnits", writeCapacityUnits)
        writer.add("CapacityUnits", capacityUnits)
        return writer.json
    }
}

extension ConsumedCapacity: DynamoDBWireCodable {
    public init(wire: OrderedJSON) throws(DynamoDBError) {
        let reader = try WireReader(wire, path: "consumedCapacity")
        self.init(
            tableName: try reader.string("TableName") ?? "",
            capacityUnits: try reader.double("CapacityUnits"),
            readCapacityUnits: try reader.double("ReadCapacityUnits"),
            writeCapacityUnits: try reader.double("WriteCapacityUnits"),
            table: try reader.value("Table")?.decoded(Capacity.self),
            globalSecondaryIndexes: try reader.map("GlobalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try Capacity(wire: json) },
            localSecondaryIndexes: try reader.map("LocalSecondaryIndexes") { (json, _) throws(DynamoDBError) in try Capacity(wire: json) }
        )
    }

    public var wire: OrderedJSON {
        var writer = WireWriter()
        writer.add("TableName", tableName)
        writer.add("CapacityUnits", capacityUnits)
        writer.add("ReadCapacityUnits", readCapacityUnits)
        writer.add("WriteCapacityUnits", writeCapacityUnits)
        writer.add("Table", table)
        writer.add("LocalSecondaryIndexes", map: localSecondaryIndexes) { $0.wire }
        writer.add("GlobalSecondaryIndexes", map: globalSecondaryIndexes) { $0.wire }
        return writer.json
    }
}
