import DataModelDocument
import DesignEngine
import ModelExecution
import Requirements
import Testing

/// Retention becomes a TTL attribute (docs/design-engine.md, "Lifecycle"): items carry their
/// expiry, a purge by age is done by TTL, reads leave out expired items, and the proof checks it.
@Suite struct RetentionTests {
    /// IoT telemetry: devices and their readings, kept 30 days; a purge pattern deletes old ones.
    static func telemetry(retention: String = "retention: 30 days from recorded_at", purge: Bool = true, search: Bool = false) -> String {
        var patterns = YAMLRequirements.write("Record a reading", "Reading")
            + YAMLRequirements.read("Get a device's readings, newest first", "Reading", equality: "device_id", sort: "{attribute: recorded_at, direction: desc}", items: 50)
            + YAMLRequirements.write("Create a device", "Device")
            + YAMLRequirements.read("Get a device", "Device", equality: "device_id")
            + YAMLRequirements.write("Correct a reading's time", "Reading", type: "update", equality: "reading_id", attributes: "[recorded_at]")
            + YAMLRequirements.read("Get a reading", "Reading", equality: "reading_id")
        if purge {
            patterns += YAMLRequirements.write("Delete readings older than 30 days", "Reading", type: "delete", equality: "", peak: 1, average: 1)
        }
        if search {
            patterns += """
              - description: Search devices by name
                entities: [Device]
                type: search
                peak_rps: 5
                average_rps: 1

            """
        }
        return """
        entities:
          - name: Device
            identifier: device_id
            attributes: [device_id:string:36, name:string:30]
          - name: Reading
            identifier: reading_id
            \(retention)
            attributes: [reading_id:string:36, device_id:string:36, value:number, recorded_at:datetime]
        relationships:
          - parent: Device
            child: Reading
            cardinality: avg 1000 max 100000
            child_exists_without_parent: false
        access_patterns:
        \(patterns)
        """
    }

    @Test func retentionGivesTheTableATTLAttributeThatCreatesCompute() throws {
        let model = try YAMLRequirements.design(Self.telemetry())
        let readings = try #require(model.tables.first { $0.entities.contains("Reading") })
        let ttl = try #require(readings.timeToLive)
        #expect(ttl.attribute == "expires_at")
        #expect(ttl.retentions == [EntityRetention(entity: "Reading", period: RetentionPeriod(days: 30, from: "recorded_at"), storedFrom: "recorded_at")])
        #expect(readings.attribute(named: "expires_at")?.dynamoDBType == .number)
        #expect(readings.definition.timeToLiveAttribute == "expires_at")
        let stored = try #require(readings.itemLayout(of: "Reading")?.attributes.first { $0.attribute == "expires_at" })
        #expect(stored.type == .number)
        #expect(stored.value == .expiry(from: .input(entity: "Reading", attribute: "recorded_at"), seconds: 30 * 86_400))
        // Devices are kept for ever: no TTL.
        #expect(model.tables.first { $0.entities == ["Device"] }?.timeToLive == nil)
        #expect(model.decisions.contains { $0.id == "ttl:\(readings.id)" && $0.type == .lifecycle })
    }

    @Test func aPurgeByAgeIsDoneByTTLWithoutARequest() throws {
        let model = try YAMLRequirements.design(Self.telemetry())
        let purge = try #require(model.mappings.first { $0.description.hasPrefix("Delete readings") })
        #expect(purge.status == .expiresByTTL(attribute: "expires_at"))
        #expect(purge.plan == nil)
        #expect(purge.operation == nil)
        #expect(purge.notes.contains { $0.contains("no write units") && $0.contains("no Scan") })
        // Without a retention the same pattern is planned as a delete (here a Scan it cannot use: not served).
        let kept = try YAMLRequirements.design(Self.telemetry(retention: "retention: forever"))
        let planned = try #require(kept.mappings.first { $0.description.hasPrefix("Delete readings") })
        #expect(planned.status != .expiresByTTL(attribute: "expires_at"))
    }

    @Test func readsOfExpiringItemsFilterOnTheTTLAttribute() throws {
        let model = try YAMLRequirements.design(Self.telemetry())
        let query = try #require(model.mappings.first { $0.description.hasPrefix("Get a device's readings") })
        guard case .query(let request)? = query.plan?.mainStep?.request else {
            Issue.record("expected a Query, got \(String(describing: query.operation))")
            return
        }
        #expect(request.filter == .compare("expires_at", .greater, .currentTime))
        #expect(query.notes.contains { $0.contains("expired") && $0.contains("within days") })
        let get = try #require(model.mappings.first { $0.description == "Get a reading" })
        #expect(get.notes.contains { $0.contains("has passed") })
        // Devices do not expire: their reads have no such filter.
        let device = try #require(model.mappings.first { $0.description == "Get a device" })
        #expect(!device.notes.contains { $0.contains("expired") || $0.contains("has passed") })
    }

    @Test func anUpdateOfTheStartDateMovesTheExpiry() throws {
        let model = try YAMLRequirements.design(Self.telemetry())
        let update = try #require(model.mappings.first { $0.description == "Correct a reading's time" })
        let actions: [UpdateAction] = update.plan?.steps.compactMap { step -> [UpdateAction]? in
            if case .updateItem(let request) = step.request { return request.actions }
            return nil
        }.flatMap { $0 } ?? []
        #expect(actions.contains(.set("expires_at", .expiry(from: .input(entity: "Reading", attribute: "recorded_at"), seconds: 30 * 86_400))))
    }

    @Test func theProofExecutesTheTTLAndEveryServedPatternPasses() throws {
        let requirements = try YAMLRequirements.load(Self.telemetry())
        let model = ProvenDesign.design(requirements)
        let proof = try #require(model.proof)
        #expect(proof.failures.isEmpty, "\(proof.failures)")
        // The purge done by TTL is executed too: counted among the patterns the proof ran.
        #expect(proof.executed == model.mappings.filter { $0.isServedByDynamoDB || $0.isDoneByTTL }.count)
        #expect(model.mappings.contains { $0.isDoneByTTL })
    }

    @Test func theDocumentShowsTheTTLAndTheStream() throws {
        let model = try YAMLRequirements.design(Self.telemetry(search: true))
        let document = DataModelDocument.render(model, requirements: try YAMLRequirements.load(Self.telemetry(search: true)))
        #expect(document.contains("- **TTL**: `expires_at` (N, epoch seconds): Reading items expire 30 days after `recorded_at`"))
        #expect(document.contains("TTL on `expires_at`"))
        #expect(document.contains("- **Stream**: `NEW_IMAGE` for OpenSearch feeding"))
    }
}


