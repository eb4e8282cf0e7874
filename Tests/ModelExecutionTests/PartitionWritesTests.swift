import DesignEngine
import DynamoDBAPI
import InMemoryDynamoDB
import ModelExecution
import Requirements
import RequirementsYAML
import Testing

/// An update or delete by a partition key that holds several items (docs/design-engine.md,
/// "Writes"): a Query finds them, deletes go out in BatchWriteItem requests of 25, updates as
/// one UpdateItem per item found; executed on the in-memory DynamoDB with more than 25 items.
@Suite struct PartitionWritesTests {
    static let yaml = """
        entities:
          - name: User
            identifier: user_id
            attributes: [user_id:string:36, name:string:30]
          - name: Notification
            identifier: [user_id, notification_id]
            attributes: [user_id:string:36, notification_id:string:36, text:string:80, seen:boolean]
        relationships:
          - {parent: User, child: Notification, cardinality: avg 30 max 200, child_exists_without_parent: false}
        access_patterns:
          - {description: Get user, entities: [User], type: read, equality: [user_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Create user, entities: [User], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Notifications of user, entities: [Notification], type: read, equality: [user_id], sort: none, filter: [], items: avg 30 max 200, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Notify, entities: [Notification], type: write, equality: [], items: 1, peak_rps: 20, average_rps: 5, attributes: all}
          - {description: Clear notifications of user, entities: [Notification], type: delete, equality: [user_id], items: avg 30 max 200, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Mark notifications of user seen, entities: [Notification], type: update, equality: [user_id], items: avg 30 max 200, peak_rps: 5, average_rps: 1, attributes: [seen]}
        """

    static func design() throws -> (Requirements, DataModel) {
        let requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "notifications.yaml")
        return (requirements, DesignEngine.design(requirements))
    }

    static func mapping(_ model: DataModel, _ description: String) throws -> PatternMapping {
        try #require(model.mappings.first { $0.description == description })
    }

    @Test func aDeleteByPartitionIsAQueryThenBatchWritesOf25() throws {
        let (_, model) = try Self.design()
        let plan = try #require(try Self.mapping(model, "Clear notifications of user").plan)
        #expect(plan.steps.count == 2)
        guard case .query(let query) = plan.steps[0].request else {
            Issue.record("the first step is not a Query: \(plan.steps[0].request.operation)")
            return
        }
        #expect(query.indexID == nil)
        guard case .batchWriteItem(let entries) = plan.steps[1].request, case .delete? = entries.first else {
            Issue.record("the second step is not a batch delete: \(plan.steps[1].request.operation)")
            return
        }
        #expect(plan.steps[1].repetition == .perResultOf(step: 0))
    }

    @Test func anUpdateByPartitionIsAQueryThenOneUpdatePerItem() throws {
        let (_, model) = try Self.design()
        let plan = try #require(try Self.mapping(model, "Mark notifications of user seen").plan)
        #expect(plan.steps.map(\.request.operation) == [.query, .updateItem])
        #expect(plan.steps[1].repetition == .perResultOf(step: 0))
    }

    /// 30 notifications of one user and 2 of another, written through the planned create.
    static func seeded() throws -> (DataModel, InMemoryDynamoDB, PlanRunner, String) {
        let (_, model) = try design()
        let memory = InMemoryDynamoDB()
        var names: [String: String] = [:]
        for table in model.tables {
            names[table.id] = table.name
            _ = try memory.createTable(TableCreation.input(for: table, named: table.name))
        }
        let runner = PlanRunner(model: model, service: memory, tableNames: names)
        let create = try #require(try mapping(model, "Notify").plan)
        for (user, count) in [("u-1", 30), ("u-2", 2)] {
            for number in 1...count {
                let values: EntityValues = ["user_id": .s(user), "notification_id": .s("n-\(number)"), "text": .s("hello \(number)"), "seen": .bool(false)]
                let run = runner.run(create, inputs: PlanInputs(values: ["Notification": values]))
                #expect(run.failure == nil, "\(run.failure?.message ?? "")")
            }
        }
        let table = try #require(model.tables.first { $0.entities.contains("Notification") })
        return (model, memory, runner, table.name)
    }

    static func items(_ memory: InMemoryDynamoDB, _ table: String) throws -> [Item] {
        try memory.scan(ScanInput(tableName: table)).items ?? []
    }

    @Test func moreThan25ItemsAreDeletedInSeveralBatches() throws {
        let (model, memory, runner, table) = try Self.seeded()
        #expect(try Self.items(memory, table).count == 32)
        let plan = try #require(try Self.mapping(model, "Clear notifications of user").plan)
        let run = runner.run(plan, inputs: PlanInputs(values: ["Notification": ["user_id": .s("u-1")]]))
        #expect(run.failure == nil, "\(run.failure?.message ?? "")")
        let left = try Self.items(memory, table)
        #expect(left.count == 2)
        #expect(left.allSatisfy { $0["user_id"] == .s("u-2") })
    }

    @Test func moreThan25ItemsAreEachUpdated() throws {
        let (model, memory, runner, table) = try Self.seeded()
        let plan = try #require(try Self.mapping(model, "Mark notifications of user seen").plan)
        let run = runner.run(plan, inputs: PlanInputs(values: ["Notification": ["user_id": .s("u-1"), "seen": .bool(true)]]))
        #expect(run.failure == nil, "\(run.failure?.message ?? "")")
        let all = try Self.items(memory, table)
        #expect(all.filter { $0["user_id"] == .s("u-1") && $0["seen"] == .bool(true) }.count == 30)
        #expect(all.filter { $0["user_id"] == .s("u-2") && $0["seen"] == .bool(false) }.count == 2)
    }

    @Test func theProofRunsBothWrites() throws {
        let (requirements, model) = try Self.design()
        let results = try WriteEffectsProofTests.exercise(model, requirements)
        for description in ["Clear notifications of user", "Mark notifications of user seen"] {
            let mapping = try Self.mapping(model, description)
            #expect(results[mapping.patternID]?.outcome == .pass, "\(description): \(results[mapping.patternID]?.reason ?? "")")
        }
    }
}
