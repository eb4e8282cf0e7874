import DesignEngine

extension TableDesign {
    /// Exactly the key attributes of the table and all its indexes, each once, in key order, with
    /// their DynamoDB key type (S, N or B): what a table definition must declare and nothing more.
    var keyAttributeDefinitions: [(name: String, type: String)] {
        var seen = Set<String>()
        var result: [(name: String, type: String)] = []
        let keys = [partitionKey] + (sortKey.map { [$0] } ?? []) + indexes.flatMap { $0.partitionKey + $0.sortKey }
        for key in keys where seen.insert(key.name).inserted {
            result.append((key.name, key.dynamoDBType.isKeyType ? key.dynamoDBType.rawValue : "S"))
        }
        return result
    }
}
