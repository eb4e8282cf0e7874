import ContractExport
import DesignEngine
import Requirements
import RequirementsYAML
import Testing

/// Aggregating reads replayed through the generated boto3 module on moto: counters kept by the
/// creates' transactions (ADD on the day's totals item) and by a consumer (applied as setup),
/// and a client-side aggregation's Query (docs/design-engine.md, "Aggregations").
@Suite(.serialized) struct AggregationRoundTripTests {
    static let yaml = """
        entities:
          - name: User
            identifier: user_id
            item_count: 1000
            attributes: [user_id:string:36, name:string:30]
          - name: Order
            identifier: order_id
            item_count: 5000
            attributes: [order_id:string:36, user_id:string:36, amount:number, created_at:datetime]
          - name: Visit
            identifier: visit_id
            attributes: [visit_id:string:36, user_id:string:36, seconds:number, created_at:datetime]
        relationships:
          - {parent: User, child: Order, cardinality: avg 5 max 100, child_exists_without_parent: false}
          - {parent: User, child: Visit, cardinality: avg 5 max 100, child_exists_without_parent: false}
        access_patterns:
          - {description: Get user, entities: [User], type: read, equality: [user_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Create user, entities: [User], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Create order, entities: [Order], type: write, equality: [], items: 1, peak_rps: 20, average_rps: 5, attributes: all}
          - {description: Record visit, entities: [Visit], type: write, equality: [], items: 1, peak_rps: 900, average_rps: 100, attributes: all}
          - {description: Orders per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count per day}
          - {description: Average order of a user, entities: [Order], type: read, equality: [user_id], items: avg 20000 max 50000, peak_rps: 10, average_rps: 5, aggregate: avg amount}
          - {description: Total spent by user, entities: [Order], type: read, equality: [user_id], items: avg 5 max 100, peak_rps: 10, average_rps: 5, aggregate: sum amount}
          - {description: Visit seconds per hour, entities: [Visit], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: sum seconds per hour}
        """

    @Test func aggregationsReplayOnMoto() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.yaml, fileName: "aggregations.yaml")
        let model = DesignEngine.design(requirements)
        let methods = model.mappings.compactMap(\.aggregation?.method)
        #expect(methods.contains(.counter(.transaction)))
        #expect(methods.contains(.counter(.stream)))
        #expect(methods.contains(.clientSide))
        try Boto3Replay.replay(model: model, requirements: requirements, label: "aggregations")
    }
}
