import DataModelDocument
import Foundation
import DesignEngine
import ModelExecution
import Requirements
import TestSupport
import Testing

/// The IoT telemetry worked scenario (`Scenarios/telemetry.requirements.yaml`): retention as
/// TTL, a purge done by TTL, streams for OpenSearch and archiving, sparse indexes for offline
/// devices and open alerts, and a stated busiest fleet.
@Suite struct TelemetryScenarioTests {
    static func model() throws -> (Requirements, DataModel) {
        let requirements = try WorkedScenarios.requirements("telemetry")
        return (requirements, ProvenDesign.design(requirements))
    }

    @Test func everyPatternIsServedAndProven() throws {
        let (_, model) = try Self.model()
        #expect(model.proof?.failures.isEmpty == true, "\(model.proof?.failures ?? [])")
        let statuses = Dictionary(uniqueKeysWithValues: model.mappings.map { ($0.description, $0.status) })
        #expect(statuses["Delete readings older than 30 days"] == .expiresByTTL(attribute: "expires_at"))
        #expect(model.mappings.allSatisfy { $0.isServedByDynamoDB || $0.isDoneByTTL || $0.status.mark == "❌" }, "\(statuses)")
        #expect(model.blockers.isEmpty)
    }

    @Test func readingsAndAlertsExpireAndAlertsAreArchivedFromTheStream() throws {
        let (_, model) = try Self.model()
        let readings = try #require(model.tables.first { $0.entities == ["Reading"] })
        #expect(readings.timeToLive?.retentions.map(\.period) == [RetentionPeriod(days: 30, from: "recorded_at")])
        #expect(readings.streamViewType == nil)
        let alerts = try #require(model.tables.first { $0.entities == ["Alert"] })
        #expect(alerts.timeToLive?.attribute == "expires_at")
        #expect(alerts.streamReasons.map(\.consumer) == [.ttlArchive])
        #expect(alerts.streamViewType == .oldImage)
        let devices = try #require(model.tables.first { $0.entities == ["Device"] })
        #expect(devices.timeToLive == nil, "devices are kept for ever")
        #expect(devices.streamReasons.map(\.consumer) == [.openSearch])
        #expect(devices.streamViewType == .newImage)
    }

    @Test func offlineDevicesAndOpenAlertsHaveSparseIndexes() throws {
        let (_, model) = try Self.model()
        let sparse = model.tables.flatMap(\.indexes).compactMap { index in index.sparse.map { (index.name, $0.attribute) } }
        #expect(sparse.map(\.0) == ["OfflineDevicesByFleet", "OpenAlertsByDevice"])
        #expect(sparse.map(\.1) == ["status_offline", "state_open"])
    }

    @Test func theBusiestFleetsShareIsTheHottestShareOfItsIndexes() throws {
        let (_, model) = try Self.model()
        let fleet = model.hotPartitions.filter { $0.partitionKey == "fleet_id" && $0.indexName != nil }
        #expect(!fleet.isEmpty)
        #expect(fleet.allSatisfy { $0.hottestShare == 0.2 && $0.hottestShareSource == "the busiest fleet_id value takes 20% (stated)" })
    }

    @Test func renderedDocumentMatchesTheReviewedGoldenFile() throws {
        let (requirements, model) = try Self.model()
        let rendered = DataModelDocument.render(model, requirements: requirements)
        // Beside the other worked scenarios' goldens.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent("telemetry.data_model.md")
        let golden = try #require(try GoldenFile.check(rendered, against: url), "no golden file: run with UPDATE_GOLDEN=1 and review it")
        #expect(rendered == golden, "the rendered document differs from \(url.lastPathComponent); review and rerun with UPDATE_GOLDEN=1")
    }
}
