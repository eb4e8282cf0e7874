import DynamoDBAPI

extension Database {
    mutating func createTable(_ input: CreateTableInput) throws(DynamoDBError) -> CreateTableOutput {
        let schema = try TableSchema(input)
        guard tables[schema.name] == nil else {
            throw .tableAlreadyExists(message: "Table already exists: \(schema.name)")
        }
        let table = Table(schema: schema)
        tables[schema.name] = table
        return CreateTableOutput(tableDescription: table.description)
    }

    func describeTable(_ input: DescribeTableInput) throws(DynamoDBError) -> DescribeTableOutput {
        guard let table = tables[input.tableName] else { throw Self.tableNotFound(input.tableName) }
        return DescribeTableOutput(table: table.description)
    }

    mutating func deleteTable(_ input: DeleteTableInput) throws(DynamoDBError) -> DeleteTableOutput {
        guard let table = tables.removeValue(forKey: input.tableName) else { throw Self.tableNotFound(input.tableName) }
        var description = table.description
        description.tableStatus = "DELETING"
        return DeleteTableOutput(tableDescription: description)
    }

    func listTables(_ input: ListTablesInput) throws(DynamoDBError) -> ListTablesOutput {
        let limit = input.limit ?? 100
        guard (1...100).contains(limit) else {
            throw .validation(message: "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100")
        }
        var names = tables.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let start = input.exclusiveStartTableName {
            names = names.filter { start.utf8.lexicographicallyPrecedes($0.utf8) }
        }
        guard names.count > limit else { return ListTablesOutput(tableNames: names) }
        let page = Array(names.prefix(limit))
        return ListTablesOutput(tableNames: page, lastEvaluatedTableName: page.last)
    }
}
