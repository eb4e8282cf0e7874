import ContractExport
import DesignEngine
import Foundation
import Testing
import TestSupport

/// The v2 contract (docs/export.md, "contract-v2"): an object with `tables`, attributes as an array with full
/// types, GSIs with their projections, joins typed for denormalized copies.
@Suite struct ContractV2ExporterTests {
    func exported(_ name: String) throws -> (DataModel, [[String: Any]], ExportedFile) {
        let (requirements, model) = try ExportScenario.model(name)
        let file = ContractV2Exporter.export(model, requirements: requirements)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(Array(json.keys) == ["tables"])
        return (model, try #require(json["tables"] as? [[String: Any]]), file)
    }

    @Test(arguments: ExportScenario.names) func oneEntryPerTableWithTypedAttributes(name: String) throws {
        let (model, tables, file) = try exported(name)
        #expect(file.name == "migrationContract.v2.json")
        #expect(tables.map { $0["table"] as? String } == model.tables.map(\.name))
        for (design, table) in zip(model.tables, tables) {
            #expect(["single-entity", "multi-entity"].contains(table["type"] as? String ?? ""))
            #expect(table["pk"] as? String == design.partitionKey.name)
            #expect(table["sk"] as? String == design.sortKey?.name)
            #expect((table["source_table"] as? String)?.isEmpty == false)
            let attributes: [[String: Any]]
            if table["type"] as? String == "multi-entity" {
                let entities = try #require(table["entities"] as? [[String: Any]])
                for entity in entities { #expect(entity["pk_template"] is String) }
                attributes = entities.flatMap { $0["attributes"] as? [[String: Any]] ?? [] }
            } else {
                attributes = try #require(table["attributes"] as? [[String: Any]])
            }
            #expect(attributes.count == design.attributes.count)
            for attribute in attributes {
                #expect(["S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL"].contains(attribute["type"] as? String ?? ""))
                #expect(attribute["source_table"] is String)
                #expect(attribute["source_column"] is String)
                if attribute["denormalized"] as? Bool == true {
                    #expect(attribute["justification"] is String)
                    #expect((attribute["join"] as? [String: Any])?["type"] as? String == "foreign-key")
                }
            }
            let gsis = try #require(table["gsis"] as? [[String: Any]])
            #expect(gsis.count == design.indexes.filter { $0.kind == .global }.count)
            for gsi in gsis {
                #expect(["ALL", "KEYS_ONLY", "INCLUDE"].contains(gsi["projection"] as? String ?? ""))
                #expect((gsi["projection"] as? String == "INCLUDE") == (gsi["projected_attributes"] != nil))
            }
        }
    }

    @Test func numericKeysAreListedForTheDocs() throws {
        let (_, model) = try ExportScenario.model("ecommerce")
        #expect(ContractV2Exporter.numericKeys(model) == ["Products.price", "OrderItems.line_number"])
    }

    @Test(arguments: ExportScenario.names) func deterministic(name: String) throws {
        let (_, _, first) = try exported(name)
        let (_, _, second) = try exported(name)
        #expect(first == second)
    }

    @Test func goldenTenants() throws {
        let (_, _, file) = try exported("tenants")
        let url = ExportScenario.fixtures.appendingPathComponent("contract-v2-tenants.json.golden")
        let golden = try #require(try GoldenFile.check(file.text, against: url), "no golden file: run with UPDATE_GOLDEN=1")
        #expect(file.text == golden, "migrationContract.v2.json differs from \(url.lastPathComponent): rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
