import ContractExport
import DesignEngine
import Foundation
import Testing
import TestSupport

/// The NoSQL Workbench model (docs/export.md, "workbench"): what Workbench needs to import it, one facet per
/// entity, example items in DynamoDB JSON with every attribute declared, GSIs only.
@Suite struct WorkbenchExporterTests {
    static let exportedAt = "2026-01-01T00:00:00Z"

    func exported(_ name: String) throws -> (DataModel, [String: Any], ExportedFile) {
        let (requirements, model) = try ExportScenario.model(name)
        let file = WorkbenchExporter.export(model, requirements: requirements, modelName: name, exportedAt: Self.exportedAt)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        return (model, json, file)
    }

    @Test(arguments: ExportScenario.names) func importableStructure(name: String) throws {
        let (model, json, file) = try exported(name)
        #expect(file.name == "workbench-model.json")
        #expect(json["ModelName"] as? String == name)
        let metadata = try #require(json["ModelMetadata"] as? [String: Any])
        #expect(metadata["AWSService"] as? String == "Amazon DynamoDB")
        #expect(metadata["Version"] as? String == "3.0")
        #expect(metadata["DateCreated"] as? String == Self.exportedAt)
        let tables = try #require(json["DataModel"] as? [[String: Any]])
        #expect(tables.map { $0["TableName"] as? String } == model.tables.map(\.name))
        for (design, table) in zip(model.tables, tables) {
            let keys = try #require(table["KeyAttributes"] as? [String: [String: String]])
            #expect(keys["PartitionKey"]?["AttributeName"] == design.partitionKey.name)
            #expect(keys["SortKey"]?["AttributeName"] == design.sortKey?.name)
            var declared = Set(keys.values.compactMap { $0["AttributeName"] })
            let nonKey = try #require(table["NonKeyAttributes"] as? [[String: String]])
            for attribute in nonKey {
                #expect(["S", "N", "B", "BOOL", "M", "L", "SS", "NS", "BS"].contains(attribute["AttributeType"] ?? ""))
                declared.insert(attribute["AttributeName"] ?? "")
            }
            let facets = try #require(table["TableFacets"] as? [[String: Any]])
            #expect(facets.map { $0["FacetName"] as? String } == design.entities)
            let data = try #require(table["TableData"] as? [[String: [String: Any]]])
            #expect(data.count == design.exampleItems.count)
            for item in data {
                #expect(Set(item.keys).isSubset(of: declared), "\(design.name): undeclared attributes in \(item.keys.sorted())")
                for value in item.values { #expect(value.count == 1) }
            }
            let gsis = table["GlobalSecondaryIndexes"] as? [[String: Any]] ?? []
            #expect(gsis.count == design.indexes.filter { $0.kind == .global }.count)
            #expect((table["DataAccess"] as? [String: Any])?["MySql"] != nil)
            #expect(table["BillingMode"] as? String == "PAY_PER_REQUEST")
        }
    }

    @Test func exampleValuesAreTypedDynamoDBJSON() throws {
        let (_, _, file) = try exported("ecommerce")
        let compact = file.text.split(whereSeparator: \.isWhitespace).joined()
        #expect(compact.contains("\"user_id\":{\"S\":\"usr-0001\"}"))
        #expect(file.text.contains("\"N\": \"19.99\""))
        let (_, _, agents) = try exported("agents")
        #expect(agents.text.contains("\"BOOL\": true"))
        #expect(agents.text.contains("\"L\": ["))
    }

    @Test(arguments: ExportScenario.names) func deterministic(name: String) throws {
        let (_, _, first) = try exported(name)
        let (_, _, second) = try exported(name)
        #expect(first == second)
    }

    @Test func goldenAgents() throws {
        let (_, _, file) = try exported("agents")
        let url = ExportScenario.fixtures.appendingPathComponent("workbench-agents.json.golden")
        let golden = try #require(try GoldenFile.check(file.text, against: url), "no golden file: run with UPDATE_GOLDEN=1")
        #expect(file.text == golden, "workbench-model.json differs from \(url.lastPathComponent): rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
