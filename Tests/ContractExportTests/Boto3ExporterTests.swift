import ContractExport
import DesignEngine
import Foundation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The worked scenarios, designed and proven, with the exporter tests' fixtures.
enum ExportScenario {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var names: [String] { WorkedScenarios.names }

    static func model(_ name: String) throws -> (Requirements, DataModel) {
        try WorkedScenarios.provenModel(name)
    }
}

@Suite struct Boto3ExporterTests {
    @Test(arguments: ExportScenario.names) func onePythonFunctionPerPattern(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let file = Boto3Exporter.export(model, requirements: requirements)
        #expect(file.name == "access_patterns.py")
        let text = file.text
        var names = Set<String>()
        for mapping in model.mappings {
            let function = text.components(separatedBy: "\ndef pattern_\(mapping.patternID)_").dropFirst()
            #expect(function.count == 1, "pattern #\(mapping.patternID) has \(function.count) functions")
            let body = function.first ?? ""
            #expect(body.contains("Pattern #\(mapping.patternID): \(mapping.description)"))
            #expect(body.contains("RPS"))
            if let plan = mapping.plan, mapping.isServedByDynamoDB {
                // The docstring lists the plan, and the body has one commented block per step.
                #expect(body.contains("    Plan:\n"), "pattern #\(mapping.patternID)")
                for index in plan.steps.indices {
                    #expect(body.contains("# Step \(index + 1): \(plan.steps[index].request.operation.rawValue)"), "pattern #\(mapping.patternID) step \(index + 1)")
                }
            } else {
                #expect(body.contains("raise NotImplementedError"), "pattern #\(mapping.patternID)")
            }
            names.insert(String(body.prefix { $0 != "(" }))
        }
        #expect(names.count == model.mappings.count)
        #expect(text.contains("def create_tables(client, table_names=None):"))
        #expect(text.contains("TABLES = {"))
    }

    @Test func searchPatternsRaiseAndNameOpenSearch() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let search = try #require(text.components(separatedBy: "\ndef pattern_11_").dropFirst().first)
        #expect(search.contains("OpenSearch"))
        #expect(search.contains("raise NotImplementedError"))
    }

    @Test func queriesUseTheirIndexOrderAndPagination() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let newestFirst = try #require(text.components(separatedBy: "\ndef pattern_7_").dropFirst().first?.components(separatedBy: "\ndef ").first)
        #expect(newestFirst.contains("\"IndexName\": \"OrdersByUser\""))
        #expect(newestFirst.contains("\"ScanIndexForward\": False"))
        #expect(newestFirst.contains("step_1 = _pages(dynamodb.query, {"))
        #expect(newestFirst.contains("\"KeyConditionExpression\": \"#n0 = :v0\""))
        #expect(newestFirst.contains("\"ExpressionAttributeValues\": _serialize({\":v0\": _typed(user_id, \"S\")})"))
        #expect(text.contains("ExclusiveStartKey=last"))
        // The email change reads the item, then moves the lookup item in one transaction, unless the value is unchanged.
        let change = try #require(text.components(separatedBy: "\ndef pattern_4_").dropFirst().first?.components(separatedBy: "\ndef ").first)
        #expect(change.contains("step_1 = _get_item(dynamodb, {\"TableName\": _table_name(\"User\", table_names), \"Key\": _serialize({\"user_id\": _typed(item.get(\"user_id\"), \"S\")}), \"ConsistentRead\": True})"))
        #expect(change.contains("if not _unchanged(step_1, {\"email\": _typed(item.get(\"email\"), \"S\")}):"))
        #expect(change.contains("dynamodb.transact_write_items(TransactItems=actions)"))
    }

    @Test(arguments: ExportScenario.names) func deterministic(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let (_, again) = try ExportScenario.model(name)
        #expect(Boto3Exporter.export(model, requirements: requirements) == Boto3Exporter.export(again, requirements: requirements))
    }

    @Test func goldenEcommerce() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = Boto3Exporter.export(model, requirements: requirements).text
        let url = ExportScenario.fixtures.appendingPathComponent("boto3-ecommerce.py.golden")
        let golden = try #require(try GoldenFile.check(text, against: url), "no golden file: run with UPDATE_GOLDEN=1")
        #expect(text == golden, "access_patterns.py differs from \(url.lastPathComponent): rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
