import DesignEngine
import DynamoDBAPI

/// CreateTable requests for a model's tables, from each table's `TableDefinition`.
public enum TableCreation {
    public static func input(for table: TableDesign, named name: String) -> CreateTableInput {
        let definition = table.definition
        func schema(_ partition: [String], _ sort: [String]) -> [KeySchemaElement] {
            partition.map(KeySchemaElement.hash) + sort.map(KeySchemaElement.range)
        }
        func projection(_ projection: ModelProjection) -> DynamoDBAPI.Projection {
            switch projection {
            case .keysOnly: return DynamoDBAPI.Projection(projectionType: .keysOnly)
            case .include(let names): return DynamoDBAPI.Projection(projectionType: .include, nonKeyAttributes: names)
            case .all: return DynamoDBAPI.Projection(projectionType: .all)
            }
        }
        let attributes = definition.attributeDefinitions.map { attribute in
            AttributeDefinition(attributeName: attribute.name, attributeType: ScalarAttributeType(rawValue: attribute.type.rawValue) ?? .s)
        }
        let globals = definition.globalIndexes.map { GlobalSecondaryIndex(indexName: $0.name, keySchema: schema($0.partitionKey, $0.sortKey), projection: projection($0.projection)) }
        let locals = definition.localIndexes.map { LocalSecondaryIndex(indexName: $0.name, keySchema: schema($0.partitionKey, $0.sortKey), projection: projection($0.projection)) }
        return CreateTableInput(
            tableName: name, keySchema: schema([definition.partitionKey], definition.sortKey.map { [$0] } ?? []), attributeDefinitions: attributes,
            globalSecondaryIndexes: globals.isEmpty ? nil : globals, localSecondaryIndexes: locals.isEmpty ? nil : locals, billingMode: .payPerRequest)
    }
}
