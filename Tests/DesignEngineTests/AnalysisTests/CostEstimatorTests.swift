@testable import DesignEngine
import Requirements
import Testing

/// Monthly cost figures (docs/design-engine.md, "Cost, limits and warnings"), each checked against a hand calculation.
@Suite struct CostEstimatorTests {
    typealias F = AnalysisFixture

    static let users = F.table("User", partitionKey: F.key("user_id", "S", .perItem(entity: "User")),
                               attributes: [F.attribute("user_id", of: "User", size: 36), F.attribute("status", of: "User")],
                               indexes: [F.index("UsersByStatus", partitionKey: [F.key("status", "S", .fewValues(count: 3, source: "stated"))], entrySize: 156)],
                               itemSize: 924)
    static let emailLookup = F.table("User.email", name: "UserEmails", role: .entity, entities: ["User"],
                                     partitionKey: F.key("email", "S", .perItem(entity: "User")), itemSize: 60)

    /// Pattern 1 reads users (peak 300, average 100 RPS); pattern 2 creates one (peak 20, average 4 RPS).
    static func requirements(userCount: Double? = 1_048_576) throws -> Requirements {
        try F.requirements(entities: [F.entity("User", ["user_id", "status", "email"], itemCount: userCount)],
                           patterns: [F.read("User", peak: 300, average: 100), F.write("User", peak: 20, average: 4)])
    }

    static let mappings = [
        F.mapping(1, .getItem, table: "User", reads: 1),
        // A transactional create: 2 write units on Users (1 KB item, doubled), 2 on the lookup table, 1 GSI entry.
        F.mapping(2, .transactWriteItems, table: "User", writes: 2, indexWrites: [
            IndexWriteUnits(tableID: "User", indexID: "UsersByStatus", writeUnits: 1),
            IndexWriteUnits(tableID: "User.email", indexID: nil, writeUnits: 2),
        ]),
    ]

    static func estimate(_ tables: [TableDesign] = [users, emailLookup], mappings: [PatternMapping] = mappings,
                         requirements: Requirements) -> CostEstimate {
        CostEstimator.estimate(tables: tables, mappings: mappings, requirements: requirements, prices: .usEast1)
    }

    @Test func onDemandReadsAndWritesFollowAverageRPS() throws {
        let cost = Self.estimate(requirements: try Self.requirements())
        #expect(cost.lines.map { "\($0.tableID)/\($0.indexName ?? "-")" } == ["User/-", "User/UsersByStatus", "User.email/-"])
        let base = cost.lines[0]
        // 100 avg RPS × 1 RRU × 2,628,000 s = 262.8 M units × $0.125/M = $32.85
        #expect(F.expectClose(base.readUnitsPerMonth, 262_800_000))
        #expect(F.expectClose(base.readCost, 32.85))
        // 4 avg RPS × 2 WRU (transactional, already doubled in the mapping) × 2,628,000 s = 21.024 M × $0.625/M = $13.14
        #expect(F.expectClose(base.writeUnitsPerMonth, 21_024_000))
        #expect(F.expectClose(base.writeCost, 13.14))
        // GSI entry: 4 × 1 WRU × 2,628,000 = 10.512 M × $0.625/M = $6.57
        #expect(F.expectClose(cost.lines[1].writeUnitsPerMonth, 10_512_000))
        #expect(F.expectClose(cost.lines[1].writeCost, 6.57))
        #expect(cost.lines[1].readCost == 0)
        // Lookup item: 4 × 2 WRU × 2,628,000 = 21.024 M × $0.625/M = $13.14
        #expect(F.expectClose(cost.lines[2].writeCost, 13.14))
    }

    @Test func storageCountsItemSizePlusHundredBytesInBinaryGigabytes() throws {
        let cost = Self.estimate(requirements: try Self.requirements())
        // 1,048,576 users × (924 + 100) bytes = 2^30 bytes = 1 GB × $0.25 = $0.25
        #expect(F.expectClose(cost.lines[0].storageGB, 1))
        #expect(F.expectClose(cost.lines[0].storageCost, 0.25))
        // Index: 1,048,576 × (156 + 100) = 2^28 bytes = 0.25 GB × $0.25 = $0.0625
        #expect(F.expectClose(cost.lines[1].storageGB, 0.25))
        #expect(F.expectClose(cost.lines[1].storageCost, 0.0625))
        // Lookup: one item per user, 1,048,576 × (60 + 100) = 167,772,160 bytes = 0.15625 GB × $0.25 = $0.0390625
        #expect(F.expectClose(cost.lines[2].storageGB, 0.15625))
        #expect(F.expectClose(cost.lines[2].storageCost, 0.0390625))
        #expect(cost.assumedItemCounts == ["User": 1_048_576])
        // Requests plus storage: 32.85 + 13.14 + 0.25 = $46.24 on the base line.
        #expect(F.expectClose(cost.lines[0].onDemandTotal, 46.24))
    }

    @Test func storageIsUnknownWithoutAnItemCount() throws {
        let cost = Self.estimate(requirements: try Self.requirements(userCount: nil))
        #expect(cost.lines.allSatisfy { $0.storageGB == nil && $0.storageCost == nil })
        #expect(cost.assumedItemCounts.isEmpty)
    }

    @Test func childCountsDeriveFromTheParentAndTheAverageCardinality() throws {
        let orders = F.table("Order", partitionKey: F.key("order_id", "S", .perItem(entity: "Order")),
                             attributes: [F.attribute("order_id", of: "Order", size: 36)], itemSize: 412)
        let lines = F.table("OrderLine", partitionKey: F.key("line_id"), itemSize: 100)
        let requirements = try F.requirements(
            entities: [F.entity("User", ["user_id"], itemCount: 1_048_576), F.entity("Order", ["order_id", "user_id"]),
                       F.entity("OrderLine", ["line_id", "order_id"])],
            relationships: [Relationship(parent: "User", child: "Order", cardinality: .known(Cardinality(average: 5, maximum: 100))),
                            Relationship(parent: "Order", child: "OrderLine", cardinality: .unknown)])
        let cost = Self.estimate([orders, lines], mappings: [], requirements: requirements)
        // 1,048,576 users × 5 orders = 5,242,880 orders × (412 + 100) bytes = 2.5 × 2^30 = 2.5 GB × $0.25 = $0.625
        #expect(cost.assumedItemCounts == ["Order": 5_242_880])
        #expect(F.expectClose(cost.lines[0].storageGB, 2.5))
        #expect(F.expectClose(cost.lines[0].storageCost, 0.625))
        // OrderLine's cardinality is unknown: no count, no storage figure.
        #expect(cost.lines[1].storageGB == nil)
    }

    @Test func provisionedCapacityComesFromPeakAtSeventyPercent() throws {
        let cost = Self.estimate(requirements: try Self.requirements())
        let base = cost.lines[0]
        // Reads: 300 peak RPS × 1 RRU / 0.7 = 428.57 → 429 RCU; writes: 20 × 2 WRU / 0.7 = 57.14 → 58 WCU.
        #expect(base.provisionedReadCapacity == 429)
        #expect(base.provisionedWriteCapacity == 58)
        // 429 × $0.00013 × 730 h = $40.7121; 58 × $0.00065 × 730 h = $27.521; total $68.2331
        #expect(F.expectClose(base.provisionedCost, 68.2331))
        // GSI: no reads → the minimum 1 RCU; writes 20 × 1 / 0.7 = 28.57 → 29 WCU.
        // 1 × 0.00013 × 730 = $0.0949; 29 × 0.00065 × 730 = $13.7605; total $13.8554
        #expect(cost.lines[1].provisionedReadCapacity == 1)
        #expect(cost.lines[1].provisionedWriteCapacity == 29)
        #expect(F.expectClose(cost.lines[1].provisionedCost, 13.8554))
    }

    @Test func exactMultiplesOfSeventyPercentDoNotRoundUpAnExtraUnit() throws {
        let requirements = try F.requirements(entities: [F.entity("User", ["user_id"])], patterns: [F.read("User", peak: 70, average: 7)])
        let cost = Self.estimate([Self.users], mappings: [F.mapping(1, .getItem, table: "User", reads: 1)], requirements: requirements)
        // 70 / 0.7 = 100 exactly (not 101 from binary rounding).
        #expect(cost.lines[0].provisionedReadCapacity == 100)
        #expect(CostEstimator.capacity(forPeakUnits: 70.01) == 101)
    }

    @Test func infrequentAccessTablesUseTheirClassPrices() throws {
        var users = Self.users
        users.tableClass = .standardInfrequentAccess
        let cost = Self.estimate([users], mappings: [F.mapping(1, .getItem, table: "User", reads: 1)], requirements: try Self.requirements())
        // 262.8 M RRU × $0.155/M = $40.734 on the table; its index uses the table's class as well.
        #expect(F.expectClose(cost.lines[0].readCost, 40.734))
        #expect(cost.lines[1].tableClass == .standardInfrequentAccess)
        // 1 GB × $0.10 = $0.10
        #expect(F.expectClose(cost.lines[0].storageCost, 0.10))
    }

    @Test func unservedPatternsCostNothingAndIndexReadsLandOnTheIndex() throws {
        let mappings = [
            F.mapping(1, .query, table: "User", index: "UsersByStatus", reads: 0.5),
            F.mapping(2, nil, table: nil, status: .unserved(reason: "no key")),
        ]
        let cost = Self.estimate([Self.users], mappings: mappings, requirements: try Self.requirements())
        #expect(cost.lines[0].readCost == 0)
        #expect(cost.lines[0].writeCost == 0)
        // 100 avg RPS × 0.5 RRU × 2,628,000 = 131.4 M × $0.125/M = $16.425
        #expect(F.expectClose(cost.lines[1].readCost, 16.425))
    }

    @Test func localIndexesConsumeTheBaseTablesProvisionedCapacity() throws {
        var users = Self.users
        users.indexes = [F.index("UsersByCreated", kind: .local, partitionKey: [users.partitionKey], sortKey: [F.key("created_at")])]
        let mappings = [F.mapping(1, .query, table: "User", index: "UsersByCreated", reads: 1)]
        let cost = Self.estimate([users], mappings: mappings, requirements: try Self.requirements())
        // The LSI's 300 peak RRU/s are provisioned on the table: 300 / 0.7 = 428.57 → 429 RCU.
        #expect(cost.lines[0].provisionedReadCapacity == 429)
        #expect(cost.lines[1].provisionedReadCapacity == 0)
        #expect(cost.lines[1].provisionedCost == 0)
        // The on-demand reads stay on the LSI's line: $32.85.
        #expect(F.expectClose(cost.lines[1].readCost, 32.85))
        #expect(cost.lines[0].readCost == 0)
    }
}
