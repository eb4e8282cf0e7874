import DataModelDocument
import DesignEngine
import Foundation
import InMemoryDynamoDB
import ModelExecution
import Requirements
import RequirementsYAML
import Testing

/// Aggregating reads (docs/design-engine.md, "Aggregations"): client-side over a bounded Query,
/// pre-aggregated counter items kept by ADD in the creates or by a Streams consumer, exports for
/// analytics-only reports; designed, then executed on the in-memory DynamoDB.
@Suite struct AggregationProofTests {
    /// Users and their orders; `aggregate` is the aggregating read's line, `writes` more patterns.
    static func shop(aggregate: String, orderItems: String = "avg 5 max 100", createPeak: Int = 20, writes: String = "", extraAttributes: String = "") -> String {
        """
        entities:
          - name: User
            identifier: user_id
            item_count: 1000
            attributes: [user_id:string:36, name:string:30]
          - name: Order
            identifier: order_id
            item_count: 5000
            attributes: [order_id:string:36, user_id:string:36, amount:number, created_at:datetime\(extraAttributes)]
        relationships:
          - {parent: User, child: Order, cardinality: \(orderItems), child_exists_without_parent: false}
        access_patterns:
          - {description: Get user, entities: [User], type: read, equality: [user_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Create user, entities: [User], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Create order, entities: [Order], type: write, equality: [], items: 1, peak_rps: \(createPeak), average_rps: 5, attributes: all}
          - \(aggregate)
        \(writes)
        """
    }

    static func design(_ yaml: String) throws -> (Requirements, DataModel) {
        let requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "shop.yaml")
        return (requirements, DesignEngine.design(requirements))
    }

    static func aggregateMapping(_ model: DataModel, _ requirements: Requirements) throws -> PatternMapping {
        let id = try #require(requirements.accessPatterns.first { $0.aggregate?.aggregation != nil }?.id)
        return try #require(model.mapping(for: id))
    }

    static func proven(_ requirements: Requirements, _ model: DataModel) throws -> [Int: ExecutionReport.PatternResult] {
        try WriteEffectsProofTests.exercise(model, requirements)
    }

    @Test func aBoundedSmallAggregationIsAQueryTheClientAggregates() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Total spent by user, entities: [Order], type: read, equality: [user_id], items: avg 5 max 100, peak_rps: 10, average_rps: 5, aggregate: sum amount}"))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.isServedByDynamoDB)
        #expect(mapping.operation == .query)
        #expect(mapping.aggregation?.method == .clientSide)
        #expect(mapping.notes.contains { $0.contains("The client computes SUM(amount)") })
        #expect(!model.tables.contains { $0.totals != nil })
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .pass, "\(results[mapping.patternID]?.reason ?? "")")
    }

    @Test func anUnboundedAggregationGetsACounterKeptByTheCreates() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Orders per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count per day}"))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.operation == .getItem)
        #expect(mapping.aggregation?.method == .counter(.transaction))
        #expect(mapping.aggregation?.periodAttribute == "created_at")
        let totals = try #require(model.tables.first { $0.totals != nil })
        #expect(totals.name == "OrderTotals")
        #expect(model.decisions.contains { $0.id == "totals:\(mapping.patternID)" })
        // The create's transaction adds 1 to the day's counter.
        let create = try #require(model.mappings.first { $0.description == "Create order" })
        guard case .transactWriteItems(let actions)? = create.plan?.mainStep?.request else {
            Issue.record("the create is not a transaction: \(String(describing: create.plan))")
            return
        }
        #expect(actions.contains { $0.tableID == totals.id && $0.name == "Update" })
        // Its write units count the counter update (a transactional write on the totals table).
        #expect(create.indexWriteUnits.contains { $0.tableID == totals.id && ($0.writeUnits ?? 0) >= 2 })
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .pass, "\(results[mapping.patternID]?.reason ?? "")")
        #expect(results[create.patternID]?.outcome == .pass, "\(results[create.patternID]?.reason ?? "")")
    }

    @Test func aLargeAggregationPerKeyIsACounterReadByKey() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Revenue of user, entities: [Order], type: read, equality: [user_id], items: avg 20000 max 50000, peak_rps: 10, average_rps: 5, aggregate: avg amount}",
                                                             orderItems: "avg 20000 max 50000"))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.aggregation?.method == .counter(.transaction))
        #expect(mapping.aggregation?.counterAttributes == ["sum_amount", "item_count"])
        #expect(mapping.notes.contains { $0.contains("divided by the reader") })
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .pass, "\(results[mapping.patternID]?.reason ?? "")")
    }

    @Test func aHighWriteRateMovesTheCounterToAStreamConsumer() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Orders in total, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count}", createPeak: 400))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.aggregation?.method == .counter(.stream))
        let orders = try #require(model.tables.first { $0.entities.contains("Order") })
        #expect(orders.streamReasons.count == 1)
        #expect(orders.streamReasons.first?.consumer == .aggregateConsumer)
        #expect(orders.streamReasons.first?.detail.contains("OrderTotals") == true)
        let create = try #require(model.mappings.first { $0.description == "Create order" })
        #expect(create.operation == .putItem)
        // The consumer's writes are costed on the totals table: one small UpdateItem per create (an upper bound).
        let totals = try #require(model.tables.first { $0.totals != nil })
        let line = try #require(model.cost.lines.first { $0.tableID == totals.id && $0.indexName == nil })
        #expect(line.writeUnitsPerMonth == 5 * model.cost.prices.secondsPerMonth)
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .pass, "\(results[mapping.patternID]?.reason ?? "")")
    }

    @Test func deletesMoveTheCounterToAStreamConsumer() throws {
        let (_, model) = try Self.design(Self.shop(aggregate: "{description: Orders in total, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count}",
                                                   writes: "  - {description: Delete order, entities: [Order], type: delete, equality: [order_id], items: 1, peak_rps: 5, average_rps: 1, attributes: all}"))
        #expect(model.mappings.contains { $0.aggregation?.method == .counter(.stream) })
    }

    /// Why the mapping is not served (a failed expectation when it is).
    static func unservedReason(_ mapping: PatternMapping) throws -> String {
        guard case .unserved(let reason) = mapping.status else { throw UnexpectedStatus(status: "\(mapping.status)") }
        return reason
    }

    struct UnexpectedStatus: Error, CustomStringConvertible {
        var status: String
        var description: String { "served: \(status)" }
    }

    @Test func aLargeMinimumIsNotServedWithTheReason() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Cheapest order, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: min amount}"))
        let reason = try Self.unservedReason(try Self.aggregateMapping(model, requirements))
        #expect(reason.contains("cannot be kept by ADD"))
    }

    @Test func aSmallMaximumIsClientSide() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Largest order of user, entities: [Order], type: read, equality: [user_id], items: avg 5 max 100, peak_rps: 10, average_rps: 5, aggregate: max amount}"))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.aggregation?.method == .clientSide)
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .pass, "\(results[mapping.patternID]?.reason ?? "")")
    }

    @Test func anUnknownSizeIsNotAssumedSmall() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Order count of user, entities: [Order], type: read, equality: [user_id], items: avg 5 max 100, peak_rps: 10, average_rps: 5, aggregate: count}",
                                                             extraAttributes: ", notes:string"))
        let mapping = try Self.aggregateMapping(model, requirements)
        #expect(mapping.aggregation?.method == .counter(.transaction))
        let decision = try #require(model.decisions.first { $0.id == "totals:\(mapping.patternID)" })
        #expect(decision.justification.contains("unknown"))
    }

    @Test func aPeriodWithoutADatetimeIsNotServed() throws {
        let yaml = Self.shop(aggregate: "{description: Orders per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count per day}")
            .replacingOccurrences(of: ", created_at:datetime", with: "")
        let (requirements, model) = try Self.design(yaml)
        let reason = try Self.unservedReason(try Self.aggregateMapping(model, requirements))
        #expect(reason.contains("no date or datetime attribute"))
    }

    @Test func anAnalyticsOnlyAggregationGoesToAnExport() throws {
        let (requirements, model) = try Self.design(Self.shop(aggregate: "{description: Revenue per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 1, average_rps: 1, aggregate: sum amount per day, analytics_only: true}"))
        let mapping = try Self.aggregateMapping(model, requirements)
        guard case .analyticsExport = mapping.status else {
            Issue.record("not an export: \(mapping.status)")
            return
        }
        #expect(mapping.status.mark == "❌")
        #expect(model.analyticsExport.map(\.patternID) == [mapping.patternID])
        #expect(model.brokenPatterns.isEmpty)
    }

    @Test func aCounterKeyedByTheWrongPeriodIsCaught() throws {
        let (requirements, original) = try Self.design(Self.shop(aggregate: "{description: Orders per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count per day}"))
        var model = original
        // The create buckets by month while the read asks for a day: the day's counter is not the day's count.
        let position = try #require(model.mappings.firstIndex { $0.description == "Create order" })
        guard case .transactWriteItems(var actions)? = model.mappings[position].plan?.mainStep?.request else {
            Issue.record("the create carries no counter")
            return
        }
        for index in actions.indices {
            if case .update(var update) = actions[index].operation, model.table(id: update.tableID)?.totals != nil {
                update.key.parts[1].value = .prefix(.input(entity: "Order", attribute: "created_at"), length: 7)
                actions[index].operation = .update(update)
            }
        }
        model.mappings[position].plan?.steps[0].request = .transactWriteItems(actions)
        let mapping = try Self.aggregateMapping(model, requirements)
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .fail)
    }

    @Test func aBrokenCounterMaintenanceIsCaught() throws {
        let (requirements, original) = try Self.design(Self.shop(aggregate: "{description: Orders per user, entities: [Order], type: read, equality: [user_id], items: avg 20000 max 50000, peak_rps: 10, average_rps: 5, aggregate: count}",
                                                                orderItems: "avg 20000 max 50000"))
        var model = original
        // The create adds 2 per order instead of 1.
        let position = try #require(model.mappings.firstIndex { $0.description == "Create order" })
        guard case .transactWriteItems(var actions)? = model.mappings[position].plan?.mainStep?.request else {
            Issue.record("the create carries no counter")
            return
        }
        for index in actions.indices {
            if case .update(var update) = actions[index].operation, model.table(id: update.tableID)?.totals != nil {
                update.actions = [.add(AggregationPlan.countAttribute, .literal("2"))]
                actions[index].operation = .update(update)
            }
        }
        model.mappings[position].plan?.steps[0].request = .transactWriteItems(actions)
        let mapping = try Self.aggregateMapping(model, requirements)
        let results = try Self.proven(requirements, model)
        #expect(results[mapping.patternID]?.outcome == .fail)
        #expect(results[mapping.patternID]?.reason?.contains("item_count") == true)
    }
}

/// The document shows the totals table, the stream a consumer needs and the analytics export.
@Suite struct AggregationDocumentTests {
    @Test func theDocumentShowsCountersStreamsAndExports() throws {
        let yaml = AggregationProofTests.shop(
            aggregate: "{description: Orders in total, entities: [Order], type: read, equality: [], items: 1, peak_rps: 10, average_rps: 5, aggregate: count}",
            createPeak: 400,
            writes: "  - {description: Revenue per day, entities: [Order], type: read, equality: [], items: 1, peak_rps: 1, average_rps: 1, aggregate: sum amount per day, analytics_only: true}")
        let (requirements, model) = try AggregationProofTests.design(yaml)
        let document = DataModelDocument.render(model, requirements: requirements)
        #expect(document.contains("### OrderTotals Table"))
        #expect(document.contains("ADD item_count \"1\""))
        #expect(document.contains("by a Streams consumer"))
        #expect(document.contains("- **Stream**: `NEW_AND_OLD_IMAGES` for aggregate consumer: keeps OrderTotals current"))
        #expect(document.contains("## Analytics Export"))
        #expect(document.contains("S3 export + Athena"))
    }
}
