import ContractExport
import DesignEngine
import Foundation
import JSONCore
import MigrationContract
import Requirements
import TestSupport
import Testing

/// TTL, streams and sparse keys in every export of the telemetry scenario (docs/export.md):
/// CloudFormation read back by PyYAML and checked by cfn-lint, the boto3 module's table setup,
/// the contracts, Workbench and DMS.
@Suite struct LifecycleExportTests {
    static func model() throws -> (Requirements, DataModel) {
        try WorkedScenarios.provenModel("telemetry")
    }

    static func resource(_ template: [String: Any], table: String) throws -> [String: Any] {
        let resources = try #require(template["Resources"] as? [String: Any])
        let found = resources.values.compactMap { $0 as? [String: Any] }.first { resource in
            guard let properties = resource["Properties"] as? [String: Any], let name = properties["TableName"] as? [String: Any] else { return false }
            return (name["!Sub"] as? String)?.contains("}\(table)-") == true
        }
        return try #require(found?["Properties"] as? [String: Any], "no table resource \(table)")
    }

    @Test func cloudFormationEnablesTTLAndStreamsWhereTheModelNeedsThem() throws {
        let (requirements, model) = try Self.model()
        let text = CloudFormationExporter.export(model, requirements: requirements, stackDescription: "ddbmodel telemetry tables").text
        let template = try TemplateTools.parse(text)
        let readings = try Self.resource(template, table: "Readings")
        let readingsTTL = readings["TimeToLiveSpecification"] as? [String: Any]
        #expect(readingsTTL?["AttributeName"] as? String == "expires_at" && readingsTTL?["Enabled"] as? Bool == true)
        #expect(readings["StreamSpecification"] == nil)
        let alerts = try Self.resource(template, table: "Alerts")
        let alertsTTL = alerts["TimeToLiveSpecification"] as? [String: Any]
        #expect(alertsTTL?["AttributeName"] as? String == "expires_at" && alertsTTL?["Enabled"] as? Bool == true)
        #expect(alerts["StreamSpecification"] as? [String: AnyHashable] == ["StreamViewType": "OLD_IMAGE"])
        let devices = try Self.resource(template, table: "Devices")
        #expect(devices["TimeToLiveSpecification"] == nil)
        #expect(devices["StreamSpecification"] as? [String: AnyHashable] == ["StreamViewType": "NEW_IMAGE"])
        let fleets = try Self.resource(template, table: "Fleets")
        #expect(fleets["TimeToLiveSpecification"] == nil && fleets["StreamSpecification"] == nil)
        #expect(text.contains("# TTL on expires_at (epoch seconds): Reading kept 30 days from recorded_at."))
        let lint = try TemplateTools.cfnLint(text, name: "telemetry")
        #expect(lint.status != 127, "cfn-lint is not installed: run `python3 -m pip install cfn-lint` (make test does)")
        #expect(lint.status == 0, "cfn-lint findings:\n\(lint.output)")
    }

    @Test func boto3CreatesStreamsAndSetsTTLAndWritesTheDerivedAttributes() throws {
        let (requirements, model) = try Self.model()
        let text = Boto3Exporter.export(model, requirements: requirements).text
        #expect(text.contains("\"StreamSpecification\": {\"StreamEnabled\": True, \"StreamViewType\": \"NEW_IMAGE\"},"))
        #expect(text.contains("TIME_TO_LIVE = {\n    \"Reading\": \"expires_at\",\n    \"Alert\": \"expires_at\",\n}"))
        #expect(text.contains("client.update_time_to_live("))
        #expect(text.contains("_expiry(item.get(\"recorded_at\"), 2592000)"))
        #expect(text.contains("_when_selected(item.get(\"status\"), \"offline\", \"offline\")"))
        #expect(text.contains("if not _present("), "the update chooses REMOVE when the device is not offline")
        #expect(text.contains("Done by DynamoDB's TTL on expires_at, without a request"))
    }

    @Test func contractsListTheTTLAndSparseAttributes() throws {
        let (requirements, model) = try Self.model()
        let bytes = ContractBuilder.bytes(model, requirements: requirements)
        #expect(ContractValidator.validate(bytes, context: ContractContext(requirements: requirements)) == [])
        let v1 = try OrderedJSON.parse(bytes).arrayItems
        let readings = try #require(v1.first { $0.member("table")?.stringText == "Readings" })
        let expiry = readings.member("attributes")?.member("expires_at")
        #expect(expiry?.member("type")?.stringText == "N")
        #expect(expiry?.member("source_column")?.stringText == "recorded_at")
        let v2 = ContractV2Exporter.export(model, requirements: requirements).text
        #expect(v2.contains("\"transformation\": {\n            \"type\": \"ttl-expiry\",\n            \"from\": \"recorded_at\",\n            \"add_seconds\": 2592000\n          }"), "\(v2)")
        let dms = try DMSExporter.export(model, requirements: requirements).text
        #expect(!dms.contains("expires_at"), "DMS cannot compute an expiry: the attribute is not mapped from a column")
        #expect(!dms.contains("status_offline"))
    }

    @Test func workbenchCarriesTheTTLAttributeAsANumberWithItsExampleExpiry() throws {
        let (requirements, model) = try Self.model()
        let text = WorkbenchExporter.export(model, requirements: requirements, modelName: "telemetry", exportedAt: "2026-01-01T00:00:00Z").text
        #expect(text.contains("{\n          \"AttributeName\": \"expires_at\",\n          \"AttributeType\": \"N\"\n        }"), "\(text.prefix(3000))")
        let readings = try #require(model.tables.first { $0.entities == ["Reading"] })
        let example = try #require(readings.exampleItems.first?.values.first { $0.attribute == "expires_at" })
        let start = try #require(readings.exampleItems.first?.values.first { $0.attribute == "recorded_at" })
        let startSeconds = try #require(EpochTime.seconds(of: String(start.text.dropFirst().dropLast())))
        #expect(example.text == String(startSeconds + 30 * 86_400))
        #expect(text.contains("\"expires_at\": {\n                \"N\": \"\(example.text)\""), "the example item carries its expiry")
    }
}
