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

    static let trackerYAML = """
    entities:
      - name: Issue
        identifier: issue_id
        attributes:
          - issue_id:string:36
          - project_id:string:36
          - {name: status, type: string, size: 8, value_shares: {open: 5%}}
    access_patterns:
      - {description: List a project's open issues, entities: [Issue], type: read, equality: [project_id, status], selects: {status: open}, sort: none, filter: [], items: avg 5 max 50, peak_rps: 50, average_rps: 20, consistency: eventual, latency: none, attributes: all}
      - {description: Open an issue, entities: [Issue], type: write, peak_rps: 10, average_rps: 5, consistency: strong, latency: none, attributes: all}
      - {description: Change an issue's status, entities: [Issue], type: update, equality: [issue_id], sort: none, filter: [], items: 1, peak_rps: 10, average_rps: 5, consistency: strong, latency: none, attributes: [status]}
    """

    /// The status update without its sparse-key action: an issue leaving the open state stays
    /// in the sparse index (and one entering it never appears).
    @Test func anUpdateThatForgetsTheSparseKeyIsCaught() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.trackerYAML, fileName: "tracker.yaml")
        let model = DesignEngine.design(requirements)
        let id = try FailureClassTests.id(requirements, "Change an issue's status")
        let clean = try FailureClassTests.exercise(model, requirements)
        #expect(clean[id]?.outcome == .pass, "\(clean[id]?.reason ?? "")")
        let broken = try BrokenPlanTests.breaking(model, id) { plan in
            for index in plan.steps.indices {
                guard case .updateItem(var update) = plan.steps[index].request else { continue }
                update.actions.removeAll { if case .setOrRemove = $0 { return true } else { return false } }
                plan.steps[index].request = .updateItem(update)
            }
        }
        let finding = try BrokenPlanTests.finding(broken, requirements, "Change an issue's status")
        #expect(finding.contains("entered the state of OpenIssuesByProject but is not in the index"), "\(finding)")
    }
}
