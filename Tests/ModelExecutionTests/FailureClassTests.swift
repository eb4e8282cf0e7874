import DataModelDocument
import DesignEngine
import Foundation
import InMemoryDynamoDB
import ModelExecution
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The failure classes found when models marked ✅ were run on moto (issue 10): each one is
/// built here on purpose and must not come back. The over-limit gate goes through the real
/// binary in `EndToEndTests/FailureClassGateTests`.
@Suite struct FailureClassTests {
    // MARK: A shop whose patterns walk into each class

    static let shopYAML = """
    overview:
      domain: shop
      business_context: Customers place orders of order lines; members of a tenant sign in by email.
      expected_users: 10k
      peak_rps: 500
    entities:
      - name: Customer
        owner: shop
        identifier: customer_id
        item_count: 10k
        attributes:
          - customer_id:string:36
          - {name: tier, type: string, size: 6, distinct_values: 3}
          - name:string:40
      - name: Order
        owner: shop
        identifier: order_id
        item_count: 100k
        attributes:
          - order_id:string:36
          - customer_id:string:36
          - {name: status, type: string, size: 8, distinct_values: 4}
          - total:number
      - name: OrderLine
        owner: shop
        identifier: [order_id, line_no]
        attributes:
          - order_id:string:36
          - line_no:number
          - sku:string:20
      - name: Membership
        owner: shop
        identifier: member_id
        unique: [[tenant_id, email]]
        item_count: 5k
        attributes:
          - member_id:string:36
          - tenant_id:string:36
          - email:string:40
    relationships:
      - parent: Customer
        child: Order
        cardinality: avg 10 max 100
        child_exists_without_parent: false
      - parent: Order
        child: OrderLine
        cardinality: unknown
        child_exists_without_parent: false
    access_patterns:
    \(pattern("Get customer", ["Customer"], "read", equality: ["customer_id"]))
    \(pattern("List orders by their customer's tier", ["Order", "Customer"], "read", equality: ["tier"], items: "avg 20 max 100"))
    \(pattern("List a customer's orders of one tier", ["Order", "Customer"], "read", equality: ["customer_id"], filter: ["tier"], items: "avg 5 max 100"))
    \(pattern("Create order", ["Order"], "write"))
    \(pattern("Change a customer's tier", ["Customer"], "update", equality: ["customer_id"], attributes: "[tier]"))
    \(pattern("Add member", ["Membership"], "write"))
    \(pattern("Change a member's email", ["Membership"], "update", equality: ["member_id"], attributes: "[email]"))
    \(pattern("Remove member", ["Membership"], "delete", equality: ["member_id"]))
    \(pattern("Delete an order's lines", ["OrderLine"], "delete", equality: ["order_id"], items: "unknown"))
    \(pattern("List an order's lines", ["OrderLine"], "read", equality: ["order_id"], items: "unknown"))
    \(pattern("Add order line", ["OrderLine"], "write"))
    \(pattern("Get member", ["Membership"], "read", equality: ["member_id"]))
    \(pattern("List a customer's orders, largest first", ["Order"], "read", equality: ["customer_id"], sort: "total desc", items: "avg 10 max 100"))
    """

    static func pattern(_ description: String, _ entities: [String], _ type: String, equality: [String] = [], sort: String = "none", filter: [String] = [],
                        items: String = "1", attributes: String = "all", peak: Int = 20, average: Int = 5) -> String {
        """
          - description: \(description)
            entities: [\(entities.joined(separator: ", "))]
            type: \(type)
            equality: [\(equality.joined(separator: ", "))]
            sort: \(sort)
            filter: [\(filter.joined(separator: ", "))]
            items: \(items)
            peak_rps: \(peak)
            average_rps: \(average)
            consistency: \(type == "read" ? "eventual" : "strong")
            latency: none
            attributes: \(attributes)
        """
    }

    static func shop() throws -> Requirements {
        try RequirementsYAMLLoader.load(yaml: shopYAML, fileName: "shop.yaml")
    }

    static func id(_ requirements: Requirements, _ description: String) throws -> Int {
        try #require(requirements.accessPatterns.first { $0.description == description }?.id)
    }

    static var copyAccepted: DesignChoices {
        var choices = DesignChoices()
        choices.proposals["denormalize:Order.tier"] = true
        return choices
    }

    /// The exercise's verdict on every served pattern of a model, by pattern id.
    static func exercise(_ model: DataModel, _ requirements: Requirements) throws -> [Int: ExecutionReport.PatternResult] {
        let memory = InMemoryDynamoDB()
        var names: [String: String] = [:]
        for table in model.tables {
            names[table.id] = table.name
            _ = try memory.createTable(TableCreation.input(for: table, named: table.name))
        }
        let results = ModelExercise(model: model, requirements: requirements, service: memory, tableNames: names).run()
        return Dictionary(results.map { ($0.patternID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: 1 and 2: another entity's attribute as a key or a filter

    /// An index keyed on an attribute the table's items do not carry (the customer's tier in
    /// Orders) is never planned while the copy is only proposed: the pattern is ⚠️ with the
    /// command that applies the copy.
    @Test func aKeyOnAnotherEntitysAttributeWaitsForTheCopy() throws {
        let requirements = try Self.shop()
        let byTier = try Self.id(requirements, "List orders by their customer's tier")
        let model = ProvenDesign.design(requirements)
        let mapping = try #require(model.mapping(for: byTier))
        guard case .unserved(let reason) = mapping.status else {
            Issue.record("#\(byTier) is \(mapping.status) without the copy")
            return
        }
        #expect(reason.contains("`/accept denormalize:Order.tier`"), "\(reason)")
        let orders = try #require(model.entityTable(of: "Order"))
        #expect(!orders.indexes.contains { index in (index.partitionKey + index.sortKey).contains { $0.name == "tier" } })
    }

    /// A filter on an attribute the table does not have is refused the same way.
    @Test func aFilterOnAnotherEntitysAttributeWaitsForTheCopy() throws {
        let requirements = try Self.shop()
        let filtered = try Self.id(requirements, "List a customer's orders of one tier")
        let mapping = try #require(ProvenDesign.design(requirements).mapping(for: filtered))
        guard case .unserved(let reason) = mapping.status else {
            Issue.record("#\(filtered) is \(mapping.status) without the copy")
            return
        }
        #expect(reason.contains("tier is an attribute of Customer, which Order items do not carry"), "\(reason)")
    }

    /// Once the copy is accepted its write path is planned (the create reads the customer's
    /// tier, a tier change rewrites every copy) and both reads run: the whole model passes.
    @Test func anAcceptedCopyIsWrittenKeptFreshAndRead() throws {
        let requirements = try Self.shop()
        let model = ProvenDesign.design(requirements, choices: Self.copyAccepted)
        for description in ["List orders by their customer's tier", "List a customer's orders of one tier"] {
            let mapping = try #require(model.mapping(for: try Self.id(requirements, description)))
            #expect(mapping.status == .served, "\(description): \(mapping.status)")
        }
        let create = try #require(model.mapping(for: try Self.id(requirements, "Create order"))?.plan)
        #expect(create.steps.contains { $0.purpose == .readCopySource && $0.entity == "Customer" })
        let change = try #require(model.mapping(for: try Self.id(requirements, "Change a customer's tier"))?.plan)
        #expect(change.steps.contains { $0.purpose == .refreshCopies })
        let proof = try #require(model.proof)
        #expect(proof.failures.isEmpty, "\(proof.failures)")
        #expect(proof.passed == proof.executed)
        #expect(proof.executed == model.mappings.filter(\.isServedByDynamoDB).count)
    }

    // MARK: 3: unique groups of two attributes

    /// The duplicate of a two-attribute unique group is refused by its condition, a changed
    /// email releases the old pair, and removing a member passes its own conditions: all three
    /// are executed, not inferred.
    @Test func aTwoAttributeUniqueGroupIsEnforcedChangedAndReleased() throws {
        let requirements = try Self.shop()
        let model = DesignEngine.design(requirements)
        let lookup = try #require(model.tables.first { $0.lookup?.entity == "Membership" })
        #expect(lookup.lookup?.attributes == ["tenant_id", "email"])
        #expect(lookup.partitionKey.composedOf == ["tenant_id", "email"])
        let results = try Self.exercise(model, requirements)
        for description in ["Add member", "Change a member's email", "Remove member"] {
            let id = try Self.id(requirements, description)
            let result = try #require(results[id], "\(description) was not executed")
            #expect(result.outcome == .pass, "\(description): \(result.reason ?? "")")
        }
    }

    // MARK: 4: a delete by the table's own partition key

    /// Deleting an order's lines knows only the partition key of OrderLines: a Query for the
    /// keys, then batched deletes, executed until the lines are gone.
    @Test func aDeleteByThePartitionKeyIsPlannedAndRuns() throws {
        let requirements = try Self.shop()
        let id = try Self.id(requirements, "Delete an order's lines")
        let model = DesignEngine.design(requirements)
        let mapping = try #require(model.mapping(for: id))
        #expect(mapping.status == .served, "\(mapping.status)")
        let plan = try #require(mapping.plan)
        #expect(plan.steps.map(\.request.operation) == [.query, .batchWriteItem])
        let result = try #require(try Self.exercise(model, requirements)[id])
        #expect(result.outcome == .pass, "\(result.reason ?? "")")
    }

    // MARK: 5: an unknown item count

    /// Lines per order are unknown: the read returns an unknown number of items, its units are
    /// unknown, the document says so and marks the totals that depend on it incomplete.
    @Test func anUnknownItemCountStaysUnknownInTheFiguresAndTheDocument() throws {
        let requirements = try Self.shop()
        let id = try Self.id(requirements, "List an order's lines")
        let model = ProvenDesign.design(requirements)
        let mapping = try #require(model.mapping(for: id))
        #expect(mapping.itemsPerRequest.value == nil)
        #expect(mapping.readUnitsPerRequest == nil)
        #expect(mapping.incomplete.contains { $0.contains("#\(id)") }, "\(mapping.incomplete)")
        let document = DataModelDocument.render(model, requirements: requirements)
        let row = try #require(document.split(separator: "\n").first { $0.hasPrefix("| \(id) |") })
        #expect(row.contains("unknown"), "\(row)")
        #expect(!row.contains("| 1 |"), "\(row)")
        #expect(document.contains("at least"), "cost shown as complete")
    }

    // MARK: 6: a partition over its limit

    /// A pattern putting more than a partition's limit on its hottest key value: the model
    /// carries it as a blocker with its mitigation, and the document lists it.
    @Test func aPartitionOverItsLimitIsABlocker() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: SampleRequirements.hotPartitionYAML, fileName: "hot.yaml")
        let model = ProvenDesign.design(requirements)
        let blocker = try #require(model.blockers.first { $0.kind == .partitionOverLimit })
        #expect(blocker.reason.contains("3000 read-unit partition limit"), "\(blocker.reason)")
        #expect(!blocker.mitigation.isEmpty)
        let document = DataModelDocument.render(model, requirements: requirements)
        #expect(document.contains("**Limits this model breaks** (the design gate refuses it until each one is fixed):\n\n- ⛔ "))
    }

    // MARK: 7: decision ids

    /// A child both of whose parents would key it (every read knows both: `child-key:Shipment`
    /// twice, one silently winning, before) gets one key decision and a separate-table decision
    /// that says why, never two decisions under one id.
    @Test func aChildOfTwoIdentifyingParentsHasOneKeyDecision() throws {
        let yaml = """
        overview:
          domain: logistics
          business_context: Shipments belong to an order and leave from a warehouse.
          expected_users: 1k
          peak_rps: 100
        entities:
          - {name: Order, owner: shop, identifier: order_id, attributes: [order_id:string:36]}
          - {name: Warehouse, owner: shop, identifier: warehouse_id, attributes: [warehouse_id:string:36]}
          - name: Shipment
            owner: shop
            identifier: shipment_id
            attributes: [shipment_id:string:36, order_id:string:36, warehouse_id:string:36]
        relationships:
          - {parent: Order, child: Shipment, cardinality: avg 2 max 10, child_exists_without_parent: false}
          - {parent: Warehouse, child: Shipment, cardinality: avg 2 max 10, child_exists_without_parent: false}
        access_patterns:
        \(Self.pattern("List an order's shipments from one warehouse", ["Shipment"], "read", equality: ["order_id", "warehouse_id"], items: "avg 2 max 10"))
        \(Self.pattern("Create shipment", ["Shipment"], "write"))
        """
        let requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "logistics.yaml")
        let model = ProvenDesign.design(requirements)
        let ids = model.decisions.map(\.id)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.filter { $0 == "child-key:Shipment" }.count == 1)
        #expect(model.decisions.contains { $0.id == "child-key:Shipment" && $0.justification.contains("Shipment also belongs to Warehouse; it is placed by Order") }, "\(model.decisions.map(\.justification))")
        #expect(model.proof?.failures.isEmpty == true)
    }
}
