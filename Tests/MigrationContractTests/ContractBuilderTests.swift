import JSONCore
import DesignEngine
import Foundation
import MigrationContract
import Requirements
import Testing
import TestSupport

@Suite struct ContractBuilderTests {
    @Test(arguments: ContractScenarios.names)
    func matchesGoldenFile(_ scenario: String) throws {
        let text = String(decoding: try ContractScenarios.contract(scenario).bytes, as: UTF8.self)
        let url = ContractScenarios.fixtures.appendingPathComponent("\(scenario).contract.json")
        let golden = try GoldenFile.check(text, against: url)
        #expect(golden != nil, "missing golden file \(url.lastPathComponent): run with UPDATE_GOLDEN=1 and review it")
        #expect(text == golden, "the contract of \(scenario) differs from \(url.lastPathComponent); if intended, rerun with UPDATE_GOLDEN=1 and review the diff")
    }

    @Test(arguments: ContractScenarios.names)
    func generatedContractHasNoProblems(_ scenario: String) throws {
        let (bytes, requirements, _) = try ContractScenarios.contract(scenario)
        #expect(ContractValidator.validate(bytes, context: nil) == [])
        #expect(ContractValidator.validate(bytes, context: ContractContext(requirements: requirements)) == [])
    }

    @Test(arguments: ContractScenarios.names)
    func keysAreInSeedOrder(_ scenario: String) throws {
        let bytes = try ContractScenarios.contract(scenario).bytes
        guard case .array(let entries) = try OrderedJSON.parse(bytes) else {
            Issue.record("the contract is not an array")
            return
        }
        let order = ["table", "type", "source_table", "pk", "sk", "gsis", "attributes", "satisfies", "estimated_item_size_bytes"]
        for entry in entries {
            guard case .object(let members) = entry else {
                Issue.record("an entry is not an object")
                continue
            }
            let keys = members.map(\.0)
            #expect(keys == order.filter(keys.contains), "entry keys out of seed order: \(keys)")
            for (key, value) in members where key == "attributes" {
                guard case .object(let attributes) = value else { continue }
                for (_, attribute) in attributes {
                    guard case .object(let fields) = attribute else { continue }
                    let attributeOrder = ["type", "source_table", "source_column", "denormalized", "justification", "join"]
                    let names = fields.map(\.0)
                    #expect(names == attributeOrder.filter(names.contains))
                }
            }
        }
        // On the bytes themselves: the first entry starts with the seed's first three keys.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("[\n  {\n    \"table\": "))
        #expect(text.hasSuffix("}\n]\n"))
    }

    @Test func sameModelGivesSameBytes() throws {
        let first = try ContractScenarios.contract("ecommerce").bytes
        let second = try ContractScenarios.contract("ecommerce").bytes
        #expect(first == second)
    }

    @Test func oneEntryPerTableAndGSI() throws {
        for scenario in ContractScenarios.names {
            let (bytes, _, model) = try ContractScenarios.contract(scenario)
            guard case .array(let entries) = try OrderedJSON.parse(bytes) else { return }
            let gsis = model.tables.reduce(0) { $0 + $1.indexes.filter { $0.kind == .global }.count }
            #expect(entries.count == model.tables.count + gsis, "\(scenario)")
        }
    }

    @Test func handEnteredEntitiesUseSnakeCaseSourceTables() throws {
        let (bytes, _, _) = try ContractScenarios.contract("ecommerce")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"source_table\": \"order_item\""))
        #expect(!text.contains("null"))
    }

    @Test func lookupTablesAreTablesOfTheirOwn() throws {
        let (bytes, _, model) = try ContractScenarios.contract("ecommerce")
        guard case .array(let entries) = try OrderedJSON.parse(bytes) else { return }
        let tableNames = entries.compactMap { entry -> String? in
            guard case .object(let members) = entry, members.contains(where: { $0.0 == "type" && $0.1 == .string("Table") }) else { return nil }
            return members.first { $0.0 == "table" }?.1.stringValueForTest
        }
        for lookup in model.tables where lookup.lookup != nil {
            #expect(tableNames.contains(lookup.name))
        }
        #expect(model.tables.contains { $0.lookup != nil })
    }

    @Test func mapsTypesOutsideSNBAndCompositeKeys() {
        #expect(ContractTypeMapping.contractType(of: .boolean) == "N")
        #expect(ContractTypeMapping.contractType(of: .map) == "S")
        #expect(ContractTypeMapping.contractType(of: .list) == "S")
        #expect(ContractTypeMapping.contractType(of: .stringSet) == "S")
        #expect(ContractTypeMapping.contractType(of: .number) == "N")
        #expect(ContractTypeMapping.snakeCase("OrderItem") == "order_item")
    }

    @Test func compositeKeyAttributeNamesItsColumns() throws {
        let (bytes, _, model) = try ContractScenarios.contract("agents")
        let text = String(decoding: bytes, as: UTF8.self)
        for table in model.tables {
            for attribute in table.attributes {
                guard let parts = attribute.composedOf, !parts.contains("entity type") else { continue }
                #expect(text.contains("\"source_column\": \"\(parts.joined(separator: "#"))\""), "\(attribute.name)")
            }
        }
    }
}

extension OrderedJSON {
    var stringValueForTest: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
