import Requirements
import Testing

@Suite struct GapFinderTests {
    static func read(_ description: String, _ entity: String, eq: [String], peak: Estimate? = .known(100), average: Estimate? = .known(50)) -> AccessPattern {
        AccessPattern(id: 0, description: description, entities: [entity], type: .read, equalityAttributes: eq,
                      sort: SortAnswer.none, peakRPS: peak, averageRPS: average, attributes: .all)
    }

    @Test func anEntityReadButNeverCreatedIsReportedWithItsReaders() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addPattern(Self.read("Get user by ID", "User", eq: ["user_id"]))
        try requirements.addPattern(Self.read("Get order", "Order", eq: ["order_id"]))
        try requirements.addPattern(Self.read("Get user by email", "User", eq: ["email"]))
        let gap = GapFinder.gaps(in: requirements).first { $0.id == "no-create:User" }
        #expect(gap?.message == "User is read by patterns 1 and 3 but no pattern creates a User.")
        #expect(gap?.acceptable == true)
    }

    @Test func entitiesWithoutPatternsAndRelationshipsWithoutCardinalityAreReported() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addRelationship(Relationship(parent: "User", child: "Order"))
        let ids = GapFinder.gaps(in: requirements).map(\.id)
        #expect(ids == ["no-patterns:User", "no-patterns:Order", "cardinality:User->Order"])
    }

    @Test func aLookupNoWriteMaintainsIsReported() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addPattern(AccessPattern(id: 0, description: "Place order", entities: ["Order"], type: .write,
                                                  peakRPS: .known(10), averageRPS: .known(5), attributes: .only(["order_id", "user_id", "created_at"])))
        try requirements.addPattern(Self.read("Orders by status", "Order", eq: ["status"]))
        let gap = GapFinder.gaps(in: requirements).first { $0.kind == .lookupNotMaintained }
        #expect(gap?.message == "Pattern 2 looks up Order by status, but no write or update pattern sets status.")
    }

    @Test func unknownRPSIsAGapThatCannotBeAccepted() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addPattern(Self.read("Get user", "User", eq: ["user_id"], peak: .unknown))
        let gap = GapFinder.gaps(in: requirements).first { $0.kind == .patternMissingRPS }
        #expect(gap?.acceptable == false)
        #expect(requirements.pattern(1)?.status == .pending)
    }

    /// An aggregation has a question of its own instead of the search one, answered by what it
    /// computes (or none).
    @Test func aggregationLikeDescriptionsAskWhatTheyCompute() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addPattern(Self.read("Count of orders per day", "Order", eq: []))
        let gaps = GapFinder.gaps(in: requirements)
        #expect(gaps.contains { $0.kind == .aggregationNotStated && $0.acceptable == false })
        #expect(!gaps.contains { $0.kind == .searchNotMarked })
        var pattern = requirements.pattern(1)!
        pattern.aggregate = .aggregate(Aggregation(function: .count, period: .day))
        try requirements.updatePattern(pattern)
        #expect(!GapFinder.gaps(in: requirements).contains { $0.kind == .aggregationNotStated || $0.kind == .searchNotMarked })
    }

    @Test(arguments: ["Search products by keyword", "Find stores near me", "Top 10 sellers"])
    func searchLikeDescriptionsNeedADecision(description: String) throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addPattern(Self.read(description, "Order", eq: []))
        #expect(GapFinder.gaps(in: requirements).contains { $0.kind == .searchNotMarked })
        var pattern = requirements.pattern(1)!
        pattern.type = .search
        try requirements.updatePattern(pattern)
        #expect(!GapFinder.gaps(in: requirements).contains { $0.kind == .searchNotMarked })
        #expect(requirements.pattern(1)?.status == .needsSearchService)
    }

    @Test func acceptedGapsNoLongerBlockTheChecklist() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.setOverview(ApplicationOverview(domain: "shop"))
        try requirements.addPattern(AccessPattern(id: 0, description: "Create user", entities: ["User"], type: .write,
                                                  peakRPS: .known(5), averageRPS: .known(1), attributes: .all))
        try requirements.addPattern(Self.read("Get user", "User", eq: ["user_id"]))
        try requirements.addPattern(Self.read("Get order", "Order", eq: ["order_id"]))
        #expect(!RequirementsChecklist(requirements).passes)
        try requirements.acceptGap("no-create:Order", reason: "created by the legacy checkout service")
        #expect(RequirementsChecklist(requirements).passes)
    }
}
