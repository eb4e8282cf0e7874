import DesignEngine
import ModelExecution
import Requirements
import RequirementsYAML
import Testing

/// The retention checks of the model exercise catch the plans they exist for (named so
/// `scripts/mutation-check.sh`, which runs `BrokenPlanTests`, runs these too).
@Suite struct BrokenPlanTestsLifecycle {
    static let yaml = """
    entities:
      - name: Session
        identifier: session_id
        retention: 7 days from started_at
        attributes: [session_id:string:36, user_id:string:36, started_at:datetime]
    access_patterns:
      - description: Start a session
        entities: [Session]
        type: write
        peak_rps: 10
        average_rps: 5
        consistency: strong
        latency: none
        attributes: all
      - description: Get a session
        entities: [Session]
        type: read
        equality: [session_id]
        sort: none
        items: 1
        peak_rps: 100
        average_rps: 50
        consistency: eventual
        latency: none
        attributes: all
      - description: Purge expired sessions
        entities: [Session]
        type: delete
        peak_rps: 1
        average_rps: 1
        consistency: eventual
        latency: none
        attributes: all
    """

    static func model() throws -> (Requirements, DataModel) {
        let requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "sessions.yaml")
        return (requirements, DesignEngine.design(requirements))
    }

    /// The same wrong expiry in the layout and in the create's Put: the stored values agree
    /// with the layout, and only the retention check sees the TTL is not started_at + 7 days.
    static func withWrongExpiry(_ model: DataModel) throws -> DataModel {
        var broken = model
        let wrong = PlanValue.expiry(from: .input(entity: "Session", attribute: "started_at"), seconds: 86_400)
        func fix(_ values: [StoredValue]) -> [StoredValue] {
            values.map { value in
                guard case .expiry = value.value else { return value }
                return StoredValue(attribute: value.attribute, type: value.type, value: wrong)
            }
        }
        for table in broken.tables.indices {
            for layout in broken.tables[table].itemLayouts.indices {
                broken.tables[table].itemLayouts[layout].attributes = fix(broken.tables[table].itemLayouts[layout].attributes)
            }
        }
        for mapping in broken.mappings.indices {
            guard var plan = broken.mappings[mapping].plan else { continue }
            for step in plan.steps.indices {
                if case .putItem(var put) = plan.steps[step].request {
                    put.item = fix(put.item)
                    plan.steps[step].request = .putItem(put)
                }
            }
            broken.mappings[mapping].plan = plan
        }
        return broken
    }

    @Test func theUnbrokenModelPassesAndThePurgeIsExecuted() throws {
        let (requirements, model) = try Self.model()
        let purge = try FailureClassTests.id(requirements, "Purge expired sessions")
        #expect(model.mapping(for: purge)?.isDoneByTTL == true)
        let results = try FailureClassTests.exercise(model, requirements)
        for mapping in model.mappings where mapping.isServedByDynamoDB || mapping.isDoneByTTL {
            #expect(results[mapping.patternID]?.outcome == .pass, "#\(mapping.patternID): \(results[mapping.patternID]?.reason ?? "")")
        }
    }

    @Test func aWrongExpiryIsCaught() throws {
        let (requirements, model) = try Self.model()
        let results = try FailureClassTests.exercise(try Self.withWrongExpiry(model), requirements)
        for description in ["Start a session", "Purge expired sessions"] {
            let result = try #require(results[try FailureClassTests.id(requirements, description)])
            #expect(result.outcome == .fail, "\(description) passed with a wrong expiry")
            #expect((result.reason ?? "").contains("the TTL attribute expires_at is"), "\(result.reason ?? "")")
        }
    }
}
