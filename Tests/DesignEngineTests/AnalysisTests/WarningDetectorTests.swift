@testable import DesignEngine
import Requirements
import Testing

/// The five critical production warnings on their triggers (docs/design-engine.md, "Cost, limits and warnings"), low-cardinality keys and limits:
/// each raised when its trigger holds and not otherwise.
@Suite struct WarningDetectorTests {
    typealias F = AnalysisFixture

    static let status = F.key("status", "S", .fewValues(count: 3, source: "status is a MySQL ENUM of 3 values"))

    static func tenants(indexKey: KeyAttribute = status, kind: IndexKind = .global) -> TableDesign {
        F.table("Tenant", partitionKey: F.key("tenant_id", "S", .perItem(entity: "Tenant")),
                attributes: [F.attribute("tenant_id", of: "Tenant"), F.attribute("status", of: "Tenant"), F.attribute("name", of: "Tenant")],
                indexes: [F.index("TenantsByStatus", kind: kind, partitionKey: [indexKey], sortKey: [F.key("created_at")])])
    }

    static func requirements(writePeak: Double = 50, readPeak: Double = 20, entities: [Entity]? = nil,
                             updates: AttributeSelection? = nil) throws -> Requirements {
        var patterns = [F.write("Tenant", peak: writePeak, average: writePeak / 2), F.read("Tenant", peak: readPeak, average: readPeak / 2)]
        if let updates { patterns.append(F.write("Tenant", peak: 5, average: 1, type: .update, attributes: updates)) }
        return try F.requirements(entities: entities ?? [F.entity("Tenant", ["tenant_id", "status", "name", "created_at"])], patterns: patterns)
    }

    static let tenantWrite = F.mapping(1, .putItem, table: "Tenant", writes: 1,
                                       indexWrites: [IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByStatus", writeUnits: 1)])
    static let statusRead = F.mapping(2, .query, table: "Tenant", index: "TenantsByStatus", reads: 1)

    static func warnings(_ tables: [TableDesign], mappings: [PatternMapping] = [tenantWrite, statusRead],
                         requirements: Requirements) -> [ModelWarning] {
        let hot = HotPartitionAnalyzer.analyze(tables: tables, mappings: mappings, requirements: requirements)
        return WarningDetector.warnings(tables: tables, mappings: mappings, hotPartitions: hot, requirements: requirements)
    }

    static func reasons(_ warnings: [ModelWarning], _ kind: WarningKind) -> [String] {
        warnings.filter { $0.kind == kind }.map(\.reason)
    }

    // MARK: GSI Throttling Cascade

    @Test func gsiWithFewKeyValuesOnAWrittenTableIsACascadeRisk() throws {
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements())
        #expect(Self.reasons(warnings, .gsiThrottlingCascade) == [
            "Index TenantsByStatus on Tenants: partition key status has 3 distinct values (status is a MySQL ENUM of 3 values); pattern #1 at 50 RPS peak writes into it, so each value takes at least 33.333% of the index's writes, and throttling on the index throttles writes to Tenants.",
        ])
    }

    @Test func gsiHottestPartitionOverHalfTheWriteLimitIsACascadeRisk() throws {
        // 1,800 peak × 1 WCU × 1/3 = 600 WCU > 500 (50% of 1,000), even with a key of 3 values.
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements(writePeak: 1_800))
        let reasons = Self.reasons(warnings, .gsiThrottlingCascade)
        #expect(reasons.count == 1)
        #expect(reasons.first?.contains("the hottest status value takes 600 write units/s, over 50% of the 1000 limit") == true)
    }

    @Test func noCascadeWithoutWritesOrWithManyKeyValuesOrOnAnLSI() throws {
        let readsOnly = Self.warnings([Self.tenants()], mappings: [Self.statusRead], requirements: try Self.requirements())
        #expect(Self.reasons(readsOnly, .gsiThrottlingCascade).isEmpty)
        let manyValues = Self.warnings([Self.tenants(indexKey: F.key("status", "S", .fewValues(count: 100, source: "stated")))],
                                       requirements: try Self.requirements())
        #expect(Self.reasons(manyValues, .gsiThrottlingCascade).isEmpty)
        let local = Self.warnings([Self.tenants(kind: .local)], requirements: try Self.requirements())
        #expect(Self.reasons(local, .gsiThrottlingCascade).isEmpty)
    }

    // MARK: Hot Partition Risk

    @Test func findingAboveHalfALimitIsAHotPartitionRisk() throws {
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements(writePeak: 1_800))
        #expect(Self.reasons(warnings, .hotPartitionRisk) == [
            "Index TenantsByStatus on Tenants: pattern #1 at 1800 RPS peak × 1 write units × 33.333% on the hottest status value = 600 write units/s, over 50% of the 1000 write-unit partition limit.",
        ])
    }

    @Test func lowCardinalityKeyServingHundredRPSIsAHotPartitionRisk() throws {
        // 50 RPS writes + 60 RPS reads at peak on a 3-value key: 110 RPS ≥ 100, though no value nears a limit.
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements(writePeak: 50, readPeak: 60))
        #expect(Self.reasons(warnings, .hotPartitionRisk) == [
            "Index TenantsByStatus on Tenants: partition key status has 3 distinct values (status is a MySQL ENUM of 3 values) and serves 110 RPS at peak (patterns #1 at 50, #2 at 60); under 100 values cannot spread that load.",
        ])
    }

    @Test func noHotPartitionRiskBelowHundredRPSAndHalfTheLimits() throws {
        // 50 + 20 = 70 RPS at peak; hottest value 50 × 1/3 = 16.7 WCU.
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements())
        #expect(Self.reasons(warnings, .hotPartitionRisk).isEmpty)
    }

    // MARK: Entity Boundary Violation

    @Test func oneTableHoldingEntitiesOfDifferentOwnersIsABoundaryViolation() throws {
        let orders = F.table("Order", role: .itemCollection(parent: "Order", children: ["Payment"]), entities: ["Order", "Payment"],
                             partitionKey: F.key("order_id", "S", .perItem(entity: "Order")))
        let entities = [F.entity("Order", ["order_id"], owner: "orders"), F.entity("Payment", ["payment_id"], owner: "payments"),
                        F.entity("Tenant", ["tenant_id", "status", "name", "created_at"])]
        let warnings = Self.warnings([orders], mappings: [], requirements: try Self.requirements(entities: entities))
        #expect(Self.reasons(warnings, .entityBoundaryViolation) == [
            "Orders keeps Order (owner orders), Payment (owner payments) in one item collection: 2 owners share its capacity, backups and schema changes.",
        ])
    }

    @Test func sameOwnerOrNoOwnerIsNoBoundaryViolation() throws {
        let orders = F.table("Order", role: .itemCollection(parent: "Order", children: ["Payment", "Refund"]), entities: ["Order", "Payment", "Refund"],
                             partitionKey: F.key("order_id", "S", .perItem(entity: "Order")))
        let entities = [F.entity("Order", ["order_id"], owner: "orders"), F.entity("Payment", ["payment_id"], owner: "orders"),
                        F.entity("Refund", ["refund_id"]), F.entity("Tenant", ["tenant_id", "status", "name", "created_at"])]
        let warnings = Self.warnings([orders], mappings: [], requirements: try Self.requirements(entities: entities))
        #expect(Self.reasons(warnings, .entityBoundaryViolation).isEmpty)
    }

    // MARK: Schema Evolution Trap

    static func ordersWithTenantName() -> TableDesign {
        let copy = Denormalization(justification: "Avoids a Tenants read per order", localAttribute: "tenant_id", sourceJoinAttribute: "tenant_id")
        return F.table("Order", partitionKey: F.key("order_id", "S", .perItem(entity: "Order")),
                       attributes: [F.attribute("order_id", of: "Order"), F.attribute("tenant_name", of: "Order", from: "Tenant", denormalization: copy, source: "name")])
    }

    static func orderEntities() -> [Entity] {
        [F.entity("Tenant", ["tenant_id", "status", "name", "created_at"]), F.entity("Order", ["order_id", "tenant_id"])]
    }

    @Test func denormalizedCopyOfAnUpdatedAttributeIsASchemaEvolutionTrap() throws {
        let requirements = try Self.requirements(entities: Self.orderEntities(), updates: .only(["name"]))
        let warnings = Self.warnings([Self.ordersWithTenantName()], mappings: [], requirements: requirements)
        #expect(Self.reasons(warnings, .schemaEvolutionTrap) == [
            "Orders.tenant_name copies Tenant.name (join tenant_id = tenant_id); pattern #3 (5 RPS at peak) updates it, so every change must also rewrite the copies, and changing its shape means migrating both tables.",
        ])
    }

    @Test func copyOfAnAttributeNoPatternUpdatesIsNoSchemaEvolutionTrap() throws {
        let requirements = try Self.requirements(entities: Self.orderEntities(), updates: .only(["status"]))
        let warnings = Self.warnings([Self.ordersWithTenantName()], mappings: [], requirements: requirements)
        #expect(Self.reasons(warnings, .schemaEvolutionTrap).isEmpty)
    }

    @Test func itemCollectionsAndEmbeddedAggregatesAreSchemaEvolutionTraps() throws {
        let orders = F.table("Order", role: .itemCollection(parent: "Order", children: ["Payment"]), entities: ["Order", "Payment"],
                             partitionKey: F.key("order_id", "S", .perItem(entity: "Order")),
                             attributes: [F.attribute("order_id", of: "Order"), F.attribute("lines", of: "Order", from: "OrderLine", "L", size: 300)])
        let entities = [F.entity("Order", ["order_id"]), F.entity("Payment", ["payment_id", "order_id"]), F.entity("OrderLine", ["line_id", "order_id"]),
                        F.entity("Tenant", ["tenant_id", "status", "name", "created_at"])]
        let relationships = [Relationship(parent: "Order", child: "OrderLine", cardinality: .known(Cardinality(average: 3, maximum: 20)))]
        let requirements = try F.requirements(entities: entities, relationships: relationships)
        let warnings = Self.warnings([orders], mappings: [], requirements: requirements)
        #expect(Self.reasons(warnings, .schemaEvolutionTrap) == [
            "Orders embeds OrderLine items in the lines list of each Order item: changing OrderLine's attributes means rewriting every Order item that holds them.",
            "Orders is an item collection holding Order with Payment under one partition key: changing one entity's key or attributes means migrating items that share partitions with the others.",
        ])
    }

    // MARK: Debugging Complexity

    @Test func compositeKeysAndDenormalizedAttributesAddDebuggingComplexity() throws {
        var orders = Self.ordersWithTenantName()
        orders.sortKey = F.key("collection_key", "S", composedOf: ["entity type", "member id"])
        let warnings = Self.warnings([orders], mappings: [], requirements: try Self.requirements(entities: Self.orderEntities()))
        #expect(Self.reasons(warnings, .debuggingComplexity) == [
            "Orders.tenant_name is a denormalized copy of Tenant.name (join tenant_id = tenant_id): a stale copy looks like a bug in Orders, so log both values when they differ.",
            "Orders: sort key collection_key concatenates entity type + member id into one string; finding an item by hand means rebuilding that string, so log the parts next to it.",
        ])
    }

    @Test func plainKeysAndNoCopiesAddNoDebuggingComplexity() throws {
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements())
        #expect(Self.reasons(warnings, .debuggingComplexity).isEmpty)
    }

    // MARK: Low-cardinality keys

    @Test func lowCardinalityIndexAndTableKeysAreFlagged() throws {
        var tenants = Self.tenants()
        tenants.indexes.append(F.index("TenantsByActive", partitionKey: [F.key("active", "N", .fewValues(count: 2, source: "active is a boolean"))]))
        tenants.indexes.append(F.index("TenantsByName", partitionKey: [F.key("name", "S", .fewValues(count: 100, source: "stated"))]))
        let warnings = Self.warnings([tenants], requirements: try Self.requirements())
        #expect(Self.reasons(warnings, .lowCardinalityKey) == [
            "Index TenantsByActive on Tenants: partition key active has 2 distinct values (active is a boolean), so each value's items share one partition. Spread them over 100+ values with write sharding (active#0 … active#N-1, readers query the N shards and merge), or a sparse index holding only the items that are listed.",
            "Index TenantsByStatus on Tenants: partition key status has 3 distinct values (status is a MySQL ENUM of 3 values), so each value's items share one partition. Spread them over 100+ values with write sharding (status#0 … status#N-1, readers query the N shards and merge), or a sparse index holding only the items that are listed.",
        ])
        let region = F.table("Region", partitionKey: F.key("region", "S", .fewValues(count: 12, source: "stated")))
        let regionWarnings = Self.warnings([region], mappings: [], requirements: try Self.requirements())
        #expect(Self.reasons(regionWarnings, .lowCardinalityKey).count == 1)
    }

    @Test func aSparseBooleanIndexKeyHasOneValueAndNeedsNoSparseAdvice() throws {
        let active = F.key("active", "N", .fewValues(count: 2, source: "active is a boolean"))
        var tenants = Self.tenants(indexKey: active)
        tenants.indexes[0].sparse = SparseMarker(attribute: "active", reason: "only true")
        tenants.attributes.append(F.attribute("active", of: "Tenant", "BOOL", size: 1))
        let entities = [F.entity("Tenant", ["tenant_id", "status", "name", "created_at", "active"], types: ["active": .boolean])]
        let warnings = Self.warnings([tenants], requirements: try Self.requirements(entities: entities))
        #expect(Self.reasons(warnings, .lowCardinalityKey) == [
            "Index TenantsByStatus on Tenants: partition key active has 1 distinct value (only items where active is true are written to the sparse index), so each value's items share one partition. Spread them over 100+ values with write sharding (active#0 … active#N-1, readers query the N shards and merge).",
        ])
        #expect(Self.reasons(warnings, .gsiThrottlingCascade).first?.contains("each value takes at least 100% of the index's writes") == true)
    }

    @Test func valueCountsAreNotRepeatedWhenTheSourceStatesThem() {
        #expect(WarningDetector.valuesText("status", 3, "status has 3 distinct values (stated)") == "partition key status has 3 distinct values (stated)")
        #expect(WarningDetector.valuesText("active", 2, "active is a boolean") == "partition key active has 2 distinct values (active is a boolean)")
    }

    // MARK: Limits

    @Test func limitsWithinBoundsRaiseNothing() throws {
        let warnings = Self.warnings([Self.tenants()], requirements: try Self.requirements())
        #expect(Self.reasons(warnings, .limitViolation).isEmpty)
    }

    @Test func tooManyIndexesAreLimitViolations() throws {
        var table = Self.tenants()
        table.indexes = (1...21).map { F.index("Global\($0)", partitionKey: [F.key("a\($0)")]) }
            + (1...6).map { F.index("Local\($0)", kind: .local, partitionKey: [table.partitionKey], sortKey: [F.key("s\($0)")]) }
        let reasons = Self.reasons(Self.warnings([table], mappings: [], requirements: try Self.requirements()), .limitViolation)
        #expect(reasons.contains("Tenants has 21 GSIs; the default quota is 20 per table."))
        #expect(reasons.contains("Tenants has 6 LSIs; a table can have at most 5."))
    }

    @Test func oversizedItemsAndProjectionsAreLimitViolations() throws {
        var table = Self.tenants()
        table.estimatedItemSizeBytes = 409_601
        let wide = (1...21).map { "attr\($0)" }
        table.indexes = [F.index("Wide", partitionKey: [F.key("a")], projection: .include(wide + ["tenant_id"]))]
            + (1...5).map { number in F.index("Include\(number)", partitionKey: [F.key("b\(number)")], projection: .include((1...17).map { "x\(number)_\($0)" })) }
        let reasons = Self.reasons(Self.warnings([table], mappings: [], requirements: try Self.requirements()), .limitViolation)
        #expect(reasons.contains("Tenants: the estimated item size is 409601 bytes, over the 400 KB (409600 bytes) item limit."))
        // The table key tenant_id is not counted: 21 non-key attributes.
        #expect(reasons.contains("Index Wide on Tenants projects 21 non-key attributes (INCLUDE); an index may project at most 20."))
        // 21 + 5 × 17 = 106 across the table's indexes.
        #expect(reasons.contains("The indexes of Tenants project 106 non-key attributes in all; the limit is 100 across a table's indexes."))
        #expect(reasons.count == 3)
    }

    @Test func badNamesKeyTypesAndKeySizesAreLimitViolations() throws {
        let longName = String(repeating: "k", count: 256)
        var table = F.table("T", name: "my table", partitionKey: F.key("flag", "BOOL"), sortKey: F.key(longName),
                            attributes: [F.attribute("flag", of: "T", "BOOL", size: 1), F.attribute(longName, of: "T", size: 2_000)])
        table.indexes = [F.index("ab", partitionKey: [F.key("big")])]
        table.attributes.append(F.attribute("big", of: "T", size: 3_000))
        let reasons = Self.reasons(Self.warnings([table], mappings: [], requirements: try Self.requirements()), .limitViolation)
        #expect(reasons.contains("The table name my table breaks the naming rule: 3–255 characters of A–Z, a–z, 0–9, _, . and -."))
        #expect(reasons.contains("The index name ab on my table breaks the naming rule: 3–255 characters of A–Z, a–z, 0–9, _, . and -."))
        #expect(reasons.contains("my table: partition key flag has type BOOL; key attributes must be S, N or B."))
        #expect(reasons.contains("my table: the sort key name is 256 bytes; key attribute names must be 1–255 bytes."))
        #expect(reasons.contains("my table: sort key \(longName) values are about 2000 bytes; a sort key value may be at most 1024 bytes."))
        #expect(reasons.contains("Index ab on my table: partition key big values are about 3000 bytes; a partition key value may be at most 2048 bytes."))
        #expect(reasons.count == 6)
        #expect(WarningDetector.isValidName("Orders.v2-archive_1"))
        #expect(!WarningDetector.isValidName("Ördere"))
    }

    // MARK: Order

    @Test func warningsAreOrderedByKindThenTableThenText() throws {
        var tenants = Self.tenants()
        tenants.name = "Tenants"
        let orders = Self.ordersWithTenantName()
        let requirements = try Self.requirements(writePeak: 1_800, entities: Self.orderEntities(), updates: .only(["name"]))
        let warnings = Self.warnings([tenants, orders], requirements: requirements)
        let order = WarningKind.allCases
        let positions = warnings.map { order.firstIndex(of: $0.kind) ?? -1 }
        #expect(positions == positions.sorted())
        #expect(warnings.map(\.kind) == [
            .gsiThrottlingCascade, .hotPartitionRisk, .schemaEvolutionTrap, .debuggingComplexity, .lowCardinalityKey,
        ])
        #expect(warnings.map(\.tableID) == ["Tenant", "Tenant", "Order", "Order", "Tenant"])
    }
}

/// A low-cardinality index sorted by a timestamp also gets the time-bucket remedy.
@Suite struct LowCardinalityRemedyTests {
    @Test func aTimestampSortKeySuggestsATimeBucket() throws {
        let yaml = """
        entities:
          - name: Ticket
            identifier: ticket_id
            attributes: [ticket_id:string:36, {name: status, type: string, size: 10, distinct_values: 4}, opened_at:datetime]
        access_patterns:
        \(YAMLRequirements.read("Tickets in a status, oldest first", "Ticket", equality: "status", sort: "opened_at asc", items: 20))
        """
        let model = try YAMLRequirements.design(yaml)
        let reason = try #require(model.warnings.first { $0.kind == .lowCardinalityKey }?.reason)
        #expect(reason.contains("a time bucket (status#<month of opened_at>"))
        #expect(reason.contains("write sharding (status#0 … status#N-1"))
    }
}
