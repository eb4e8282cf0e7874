import DataModelDocument
import DesignEngine
import ModelExecution
import Requirements
import Testing

/// A read of a minority state gets a sparse index on an attribute only the items in that state
/// carry, with the writes that set and remove it (docs/design-engine.md, "Sparse indexes").
@Suite struct SparseIndexTests {
    /// A tracker: issues of projects; a few are open.
    static func tracker(openShare: String = "5%", selects: Bool = true, equality: String = "project_id, status", sort: String = "{attribute: opened_at, direction: desc}") -> String {
        """
        entities:
          - name: Project
            identifier: project_id
            attributes: [project_id:string:36, name:string:30]
          - name: Issue
            identifier: issue_id
            attributes:
              - issue_id:string:36
              - project_id:string:36
              - title:string:60
              - {name: status, type: string, size: 8, distinct_values: 4, value_shares: {open: \(openShare)}}
              - opened_at:datetime
        relationships:
          - parent: Project
            child: Issue
            cardinality: avg 200 max 5000
            child_exists_without_parent: false
        access_patterns:
          - description: List a project's open issues, newest first
            entities: [Issue]
            type: read
            equality: [\(equality)]
            sort: \(sort)
            filter: []
            \(selects ? "selects: {status: open}" : "")
            items: avg 10 max 100
            peak_rps: 50
            average_rps: 20
            consistency: eventual
            latency: none
            attributes: all
        \(YAMLRequirements.write("Open an issue", "Issue"))
        \(YAMLRequirements.write("Change an issue's status", "Issue", type: "update", equality: "issue_id", attributes: "[status]"))
        \(YAMLRequirements.read("Get an issue", "Issue", equality: "issue_id"))
        \(YAMLRequirements.write("Create a project", "Project"))
        """
    }

    @Test func aMinorityStateGetsASparseIndexOnAnAttributeOnlyItsItemsCarry() throws {
        let model = try YAMLRequirements.design(Self.tracker())
        let issues = try #require(model.tables.first { $0.entities == ["Issue"] })
        let index = try #require(issues.indexes.first { $0.sparse?.attribute == "status_open" })
        #expect(index.name == "OpenIssuesByProject")
        #expect(index.partitionKey.map(\.name) == ["project_id"])
        #expect(index.sortKey.map(\.name) == ["status_open", "opened_at"])
        #expect(index.sparse?.reason.contains("5%") == true)
        // Creates write it only while the status is open.
        let stored = try #require(issues.itemLayout(of: "Issue")?.attributes.first { $0.attribute == "status_open" })
        #expect(stored.value == .whenSelected(selector: .input(entity: "Issue", attribute: "status"), equals: "open", then: .literal("open")))
        // The read queries the sparse index by project with the literal state.
        let read = try #require(model.mappings.first { $0.description.hasPrefix("List a project's open issues") })
        guard case .query(let query)? = read.plan?.mainStep?.request else {
            Issue.record("expected a Query")
            return
        }
        #expect(query.indexID == index.id)
        #expect(query.sortPrefix == [KeyValue(attribute: "status_open", type: .string, value: .literal("open"))])
        #expect(!query.scanForward)
    }

    @Test func anUpdateOfTheStateSetsOrRemovesTheSparseKey() throws {
        let model = try YAMLRequirements.design(Self.tracker())
        let update = try #require(model.mappings.first { $0.description == "Change an issue's status" })
        let actions: [UpdateAction] = update.plan?.steps.compactMap { step -> [UpdateAction]? in
            if case .updateItem(let request) = step.request { return request.actions }
            return nil
        }.flatMap { $0 } ?? []
        #expect(actions.contains(.setOrRemove("status_open", .whenSelected(selector: .input(entity: "Issue", attribute: "status"), equals: "open", then: .literal("open")))))
    }

    @Test func aStateHeldByManyItemsOrOfUnknownShareGetsNoSparseIndex() throws {
        for yaml in [Self.tracker(openShare: "40%"), Self.tracker(selects: false)] {
            let model = try YAMLRequirements.design(yaml)
            #expect(!model.tables.flatMap(\.indexes).contains { $0.sparse?.attribute == "status_open" })
            #expect(!model.tables.flatMap(\.attributes).contains { $0.name == "status_open" })
        }
    }

    @Test func theProofShowsItemsEnterAndLeaveTheSparseIndex() throws {
        let requirements = try YAMLRequirements.load(Self.tracker())
        let model = ProvenDesign.design(requirements)
        let proof = try #require(model.proof)
        #expect(proof.failures.isEmpty, "\(proof.failures)")
        #expect(model.mappings.allSatisfy { $0.isServedByDynamoDB }, "\(model.mappings.map(\.status))")
    }

    @Test func aStateWithNoOtherEqualityIsThePartitionOfItsIndex() throws {
        let model = try YAMLRequirements.design(Self.tracker(equality: "status", sort: "none"))
        let index = try #require(model.tables.flatMap(\.indexes).first { $0.sparse?.attribute == "status_open" })
        #expect(index.name == "OpenIssues")
        #expect(index.partitionKey.map(\.name) == ["status_open"])
        #expect(index.sortKey.isEmpty)
        let proven = ProvenDesign.design(try YAMLRequirements.load(Self.tracker(equality: "status", sort: "none")))
        #expect(proven.proof?.failures.isEmpty == true, "\(proven.proof?.failures ?? [])")
    }
}

/// `IS NULL`: the rentals not returned yet, selected by the missing return date.
@Suite struct SparseNullSelectionTests {
    static let yaml = """
    entities:
      - name: Customer
        identifier: customer_id
        attributes: [customer_id:string:36, name:string:30]
      - name: Rental
        identifier: rental_id
        attributes:
          - rental_id:string:36
          - customer_id:string:36
          - rented_at:datetime
          - {name: returned_at, type: datetime, null_share: 3%}
    relationships:
      - parent: Customer
        child: Rental
        cardinality: avg 30 max 2000
        child_exists_without_parent: false
    access_patterns:
      - description: List unreturned rentals, oldest first
        entities: [Rental]
        type: read
        equality: []
        sort: {attribute: rented_at, direction: asc}
        filter: [returned_at]
        selects: {returned_at: null}
        items: avg 50 max 500
        peak_rps: 5
        average_rps: 1
        consistency: eventual
        latency: none
        attributes: all
      - {description: Rent a film, entities: [Rental], type: write, peak_rps: 20, average_rps: 5, consistency: strong, latency: none, attributes: all}
      - {description: Return a rental, entities: [Rental], type: update, equality: [rental_id], sort: none, filter: [], items: 1, peak_rps: 20, average_rps: 5, consistency: strong, latency: none, attributes: [returned_at]}
      - {description: Create a customer, entities: [Customer], type: write, peak_rps: 1, average_rps: 1, consistency: strong, latency: none, attributes: all}
    """

    @Test func itemsWithoutTheAttributeCarryTheSparseKeyAndTheProofMovesOneOut() throws {
        let requirements = try YAMLRequirements.load(Self.yaml)
        let model = ProvenDesign.design(requirements)
        let index = try #require(model.tables.flatMap(\.indexes).first { $0.sparse != nil })
        #expect(index.name == "RentalsWithoutReturnedAt")
        #expect(index.partitionKey.map(\.name) == ["returned_at_none"])
        #expect(index.sortKey.map(\.name) == ["rented_at"])
        let read = try #require(model.mappings.first { $0.description.hasPrefix("List unreturned rentals") })
        guard case .query(let query)? = read.plan?.mainStep?.request else {
            Issue.record("expected a Query on the sparse index, got \(String(describing: read.operation)) \(read.status)")
            return
        }
        #expect(query.filter == nil, "the index holds only unreturned rentals: no filter on returned_at")
        #expect(model.proof?.failures.isEmpty == true, "\(model.proof?.failures ?? [])")
    }
}
