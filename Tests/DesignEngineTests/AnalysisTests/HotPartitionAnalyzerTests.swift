@testable import DesignEngine
import Requirements
import Testing

/// Load on the hottest partition-key value (docs/design-engine.md, "Hot partitions").
@Suite struct HotPartitionAnalyzerTests {
    typealias F = AnalysisFixture

    static let active = F.key("active", "N", .fewValues(count: 2, source: "active is a boolean"))

    static func users(sparse: SparseMarker? = nil, indexKey: KeyAttribute = active) -> TableDesign {
        F.table("User", partitionKey: F.key("user_id", "S", .perItem(entity: "User")),
                attributes: [F.attribute("user_id", of: "User"), F.attribute("active", of: "User", "BOOL", size: 1)],
                indexes: [F.index("UsersByActive", partitionKey: [indexKey], sortKey: [F.key("created_at")], sparse: sparse)])
    }

    static func requirements(peak: Double) throws -> Requirements {
        try F.requirements(entities: [F.entity("User", ["user_id", "active", "created_at"], types: ["active": .boolean])],
                           patterns: [F.write("User", peak: peak, average: peak / 2), F.read("User", peak: peak, average: peak / 2)])
    }

    static func writeFinding(peak: Double, table: TableDesign = users()) throws -> HotPartitionFinding {
        let mapping = F.mapping(1, .putItem, table: "User", writes: 1,
                                indexWrites: [IndexWriteUnits(tableID: "User", indexID: "UsersByActive", writeUnits: 1)])
        let findings = HotPartitionAnalyzer.analyze(tables: [table], mappings: [mapping], requirements: try requirements(peak: peak))
        return try #require(findings.first { $0.indexName == "UsersByActive" })
    }

    @Test func booleanIndexKeyAtTwoThousandWritesIsOverTheLimitAndNeedsTwoShards() throws {
        let finding = try Self.writeFinding(peak: 2_000)
        // 2,000 peak RPS × 1 WCU × 1/2 (boolean) = 1,000 WCU on the hottest value: the whole 1,000 limit.
        #expect(finding.isWrite)
        #expect(finding.partitionKey == "active")
        #expect(finding.hottestShare == 0.5)
        #expect(finding.hottestUnitsPerSecond == 1_000)
        #expect(finding.limit == 1_000)
        #expect(finding.level == .overLimit)
        // N = ceil(1,000 / 500) = 2 shards, suffixes #0..#1.
        let mitigation = try #require(finding.mitigation)
        #expect(mitigation.contains("N = ⌈1000 / 500⌉ = 2 shards"))
        #expect(mitigation.contains("#0..#1"))
        #expect(mitigation.contains("readers then query 2 shards and merge"))
        // A low-cardinality index key also gets the composite-key and sparse-index alternatives.
        #expect(mitigation.contains("active#created_at"))
        #expect(mitigation.contains("sparse index"))
    }

    @Test func aboveHalfTheLimitIsAWarningAndBelowIsFine() throws {
        // 1,200 × 1 × 0.5 = 600 WCU > 500 (50% of 1,000): warning, N = ceil(600 / 500) = 2.
        let warning = try Self.writeFinding(peak: 1_200)
        #expect(warning.level == .warning)
        #expect(warning.mitigation?.contains("N = ⌈600 / 500⌉ = 2 shards") == true)
        // 800 × 1 × 0.5 = 400 WCU ≤ 500: ok, nothing to mitigate.
        let fine = try Self.writeFinding(peak: 800)
        #expect(fine.level == .ok)
        #expect(fine.hottestUnitsPerSecond == 400)
        #expect(fine.mitigation == nil)
    }

    @Test func shardCountGrowsWithTheHottestLoad() throws {
        let table = Self.users(indexKey: F.key("status", "S", .fewValues(count: 3, source: "stated")))
        // 9,000 × 1 × 1/3 = 3,000 WCU → N = ceil(3,000 / 500) = 6.
        let finding = try Self.writeFinding(peak: 9_000, table: table)
        #expect(finding.level == .overLimit)
        #expect(finding.mitigation?.contains("= 6 shards") == true)
        #expect(finding.mitigation?.contains("#0..#5") == true)
    }

    @Test func shardCountsRoundUpButNotOnBinaryNoise() {
        #expect(HotPartitionAnalyzer.shardCount(2) == 2)
        #expect(HotPartitionAnalyzer.shardCount(1_000.0 / 3 / 500 * 3) == 2)
        #expect(HotPartitionAnalyzer.shardCount(2.01) == 3)
        #expect(HotPartitionAnalyzer.shardCount(.infinity) == 1_000_000_000)
    }

    @Test func aSparseBooleanIndexPutsEveryEntryOnOneValue() throws {
        let sparse = SparseMarker(attribute: "active", reason: "only true")
        let finding = try Self.writeFinding(peak: 600, table: Self.users(sparse: sparse))
        // Only items with active = true are indexed: share 1, 600 × 1 × 1 = 600 WCU > 500.
        #expect(finding.hottestShare == 1)
        #expect(finding.hottestUnitsPerSecond == 600)
        #expect(finding.level == .warning)
    }

    @Test func readsUseTheReadLimit() throws {
        let table = Self.users(indexKey: F.key("status", "S", .fewValues(count: 3, source: "stated")))
        let mapping = F.mapping(2, .query, table: "User", index: "UsersByActive", reads: 1)
        let findings = HotPartitionAnalyzer.analyze(tables: [table], mappings: [mapping], requirements: try Self.requirements(peak: 10_000))
        let finding = try #require(findings.first)
        // 10,000 × 1 RRU × 1/3 = 3,333.3 RRU ≥ 3,000: over the read limit.
        #expect(!finding.isWrite)
        #expect(finding.limit == 3_000)
        #expect(finding.level == .overLimit)
        #expect(F.expectClose(finding.hottestUnitsPerSecond, 10_000.0 / 3))
    }

    @Test func unknownSharesReportTheSafeShareInstead() throws {
        let mapping = F.mapping(2, .getItem, table: "User", reads: 1)
        let findings = HotPartitionAnalyzer.analyze(tables: [Self.users()], mappings: [mapping], requirements: try Self.requirements(peak: 6_000))
        let finding = try #require(findings.first)
        // Per-item key: one value rarely takes everything; 50% of 3,000 / (6,000 × 1) = 25% is the safe share.
        #expect(finding.hottestShare == nil)
        #expect(finding.hottestUnitsPerSecond == nil)
        #expect(finding.safeShare == 0.25)
        #expect(finding.level == .ok)
        #expect(finding.mitigation == nil)
    }

    @Test func anUnknownIndexKeyWithWritesIsAWarningAskingForTheCount() throws {
        let finding = try Self.writeFinding(peak: 2_000, table: Self.users(indexKey: F.key("region")))
        // 50% of 1,000 / (2,000 × 1) = 25%.
        #expect(finding.level == .warning)
        #expect(finding.safeShare == 0.25)
        #expect(finding.mitigation?.contains("State the number of distinct values of region") == true)
        #expect(finding.mitigation?.contains("at most 25%") == true)
    }

    @Test func anUnknownIndexKeyWhoseWholeWriteLoadStaysUnderHalfTheLimitIsNoRisk() throws {
        // 400 × 1 = 400 WCU in all: even one value taking every write stays under 500 (50% of 1,000).
        let finding = try Self.writeFinding(peak: 400, table: Self.users(indexKey: F.key("region")))
        #expect(finding.safeShare == 1)
        #expect(finding.level == .ok)
        #expect(finding.mitigation == nil)
        // 600 WCU in all: one value taking more than 83% of them would pass 500.
        let risky = try Self.writeFinding(peak: 600, table: Self.users(indexKey: F.key("region")))
        #expect(risky.level == .warning)
    }

    @Test func scansUnservedPatternsAndMissingTablesGiveNoFindings() throws {
        let mappings = [
            F.mapping(1, .scan, table: "User", reads: 10, status: .acceptedScan),
            F.mapping(2, nil, table: nil, status: .unserved(reason: "no key")),
            F.mapping(3, .getItem, table: "Nowhere", reads: 1),
        ]
        #expect(HotPartitionAnalyzer.analyze(tables: [Self.users()], mappings: mappings, requirements: try Self.requirements(peak: 100)).isEmpty)
    }

    @Test func findingsAreOrderedByPatternThenTableThenIndex() throws {
        let lookup = F.table("User.email", name: "UserEmails", partitionKey: F.key("email", "S", .perItem(entity: "User")))
        let mappings = [
            F.mapping(2, .getItem, table: "User", reads: 0.5),
            F.mapping(1, .putItem, table: "User", writes: 1, indexWrites: [
                IndexWriteUnits(tableID: "User.email", indexID: nil, writeUnits: 2),
                IndexWriteUnits(tableID: "User", indexID: "UsersByActive", writeUnits: 1),
            ]),
        ]
        let findings = HotPartitionAnalyzer.analyze(tables: [Self.users(), lookup], mappings: mappings, requirements: try Self.requirements(peak: 100))
        #expect(findings.map { "#\($0.patternID) \($0.tableID)/\($0.indexName ?? "-") \($0.isWrite ? "W" : "R")" } == [
            "#1 User/- W", "#1 User/UsersByActive W", "#1 User.email/- W", "#2 User/- R",
        ])
        #expect(findings[2].unitsPerRequest == 2)
    }
}
