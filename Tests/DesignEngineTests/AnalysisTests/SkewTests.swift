import DesignEngine
import Requirements
import Testing

/// The hottest share of a partition key (docs/design-engine.md, "Skew"): stated, else derived
/// from what is known, else 1/n only as an assumption of even use; over the limit blocks the gate.
@Suite struct SkewTests {
    /// Issues of a multi-tenant tracker, read and written by tenant through an index.
    static func tracker(tenantAttribute: String = "tenant_id:string:36", tenantShare: String? = nil, distinct: Int? = nil,
                        cardinality: String = "avg 5000 max 5000", issueCount: String? = "50k", writePeak: Int = 2_000) -> String {
        var tenant = "{name: tenant_id, type: string, size: 36"
        if let tenantShare { tenant += ", busiest_share: \(tenantShare)" }
        if let distinct { tenant += ", distinct_values: \(distinct)" }
        tenant += "}"
        _ = tenantAttribute
        return """
        entities:
          - name: Tenant
            identifier: tenant_id
            attributes: [tenant_id:string:36, name:string:30]
          - name: Issue
            identifier: issue_id
            \(issueCount.map { "item_count: \($0)" } ?? "")
            attributes: [issue_id:string:36, \(tenant), title:string:60, status:string:10]
        relationships:
          - parent: Tenant
            child: Issue
            cardinality: \(cardinality)
            child_exists_without_parent: false
        access_patterns:
        \(YAMLRequirements.read("List a tenant's issues", "Issue", equality: "tenant_id", items: 20, peak: 100, average: 50))
        \(YAMLRequirements.write("Open an issue", "Issue", peak: Double(writePeak), average: Double(writePeak / 2)))
        \(YAMLRequirements.read("Get an issue", "Issue", equality: "issue_id"))
        \(YAMLRequirements.write("Create a tenant", "Tenant"))
        """
    }

    static func indexWrite(_ model: DataModel) throws -> HotPartitionFinding {
        try #require(model.hotPartitions.first { $0.isWrite && $0.indexName != nil && $0.partitionKey == "tenant_id" })
    }

    @Test func aStatedBusiestShareIsTheHottestShare() throws {
        let model = try YAMLRequirements.design(Self.tracker(tenantShare: "30%"))
        let finding = try Self.indexWrite(model)
        #expect(finding.hottestShare == 0.3)
        #expect(finding.hottestShareSource == "the busiest tenant_id value takes 30% (stated)")
        // 2,000 writes/s × 30% = 600 write units/s: a warning, not over the limit.
        #expect(finding.level == .warning)
    }

    @Test func withoutAStatedShareTheLargestParentBoundsIt() throws {
        let model = try YAMLRequirements.design(Self.tracker(cardinality: "avg 10 max 5000"))
        let finding = try Self.indexWrite(model)
        #expect(finding.hottestShare == 0.1)
        #expect(finding.hottestShareSource == "a Tenant holds at most 5000 of 50000 Issue items (cardinality maximum ÷ item count)")
    }

    @Test func aStatedDistinctCountCountsForAForeignKey() throws {
        let model = try YAMLRequirements.design(Self.tracker(distinct: 200, cardinality: "avg 250 max unbounded", issueCount: nil))
        let finding = try Self.indexWrite(model)
        #expect(finding.hottestShare == 1.0 / 200)
        #expect(finding.hottestShareSource?.contains("tenant_id has 200 distinct values (stated), assumed used evenly") == true)
    }

    @Test func nothingKnownLeavesTheShareUnknown() throws {
        let model = try YAMLRequirements.design(Self.tracker(cardinality: "avg 250 max unbounded", issueCount: nil))
        let finding = try Self.indexWrite(model)
        #expect(finding.hottestShare == nil)
        #expect(finding.hottestShareSource == nil)
    }

    @Test func aHotPartitionOverItsLimitBlocksTheDesignGate() throws {
        // 2,000 writes/s × 60% = 1,200 write units/s on one tenant's index partition.
        let model = try YAMLRequirements.design(Self.tracker(tenantShare: "60%"))
        let finding = try Self.indexWrite(model)
        #expect(finding.level == .overLimit)
        #expect(model.blockers.contains { $0.kind == .partitionOverLimit && $0.reason.contains("tenant_id") })
        let calm = try YAMLRequirements.design(Self.tracker(tenantShare: "10%"))
        #expect(!calm.blockers.contains { $0.kind == .partitionOverLimit })
    }
}
