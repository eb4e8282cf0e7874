import DataModelDocument
import DesignEngine
import Requirements
import RequirementsYAML
import Testing

/// Cost figures through the whole engine (requirements → model → document) against hand
/// calculations, cents included (docs/design-engine.md, "Cost, limits and warnings": us-east-1 prices after the November 2024 cut,
/// a 2,628,000-second month, storage in binary GB with 100 bytes of overhead per item, the
/// provisioned alternative sized from peak at 70% for 730 hours).
@Suite struct CostHandCalculationTests {
    /// One entity `Doc` whose item is exactly `itemBytes` bytes: `id` (2 + 36 bytes) and `body`
    /// (4 + the rest), so every figure below can be worked out on paper.
    static func docs(itemBytes: Int, itemCount: String = "1m", patterns: String) -> String {
        """
        entities:
          - name: Doc
            identifier: id
            item_count: \(itemCount)
            attributes: [id:string:36, body:string:\(itemBytes - 42)]
        access_patterns:
        \(patterns)
        """
    }

    static func design(_ yaml: String, choices: DesignChoices = DesignChoices()) throws -> (DataModel, String) {
        let requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "cost.yaml")
        let model = DesignEngine.design(requirements, choices: choices)
        return (model, DataModelDocument.render(model, requirements: requirements))
    }

    static func line(_ model: DataModel, _ tableID: String, index: String? = nil) throws -> CostLine {
        try #require(model.cost.lines.first { $0.tableID == tableID && $0.indexName == index }, "no cost line \(tableID)/\(index ?? "-")")
    }

    static func expectDollars(_ actual: Double?, _ expected: Double, cents: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("no figure", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) < 1e-9, "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
        #expect(String(format: "%.2f", actual) == cents, sourceLocation: sourceLocation)
    }

    static func read(_ description: String, equality: String, items: Int = 1, peak: Int, average: Int, consistency: String = "eventual",
                     attributes: String = "all", entity: String = "Doc") -> String {
        """
          - {description: \(description), entities: [\(entity)], type: read, equality: [\(equality)], sort: none, filter: [], items: \(items), peak_rps: \(peak), average_rps: \(average), consistency: \(consistency), latency: none, attributes: \(attributes)}

        """
    }

    static func write(_ description: String, peak: Int, average: Int, entity: String = "Doc") -> String {
        """
          - {description: \(description), entities: [\(entity)], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: \(peak), average_rps: \(average), consistency: strong, latency: none, attributes: all}

        """
    }

    @Test func getItemOfAOneKilobyteItemEventuallyConsistent() throws {
        // 1,024 B ≤ 4 KB → 1 read unit strongly consistent, 0.5 eventually consistent.
        // Reads: 0.5 × 100 RPS × 2,628,000 s = 131,400,000 RRU × $0.125 / M = $16.425 → $16.43.
        // Storage: 1,000,000 × (1,024 + 100) B = 1,124,000,000 B / 2^30 = 1.04681 GB × $0.25 = $0.2617 → $0.26.
        // Provisioned: peak 200 × 0.5 = 100 RCU / 0.7 = 142.9 → 143 RCU × $0.00013 × 730 h = $13.5707;
        // no writes → the minimum 1 WCU × $0.00065 × 730 h = $0.4745; together $14.0452 → $14.05.
        let (model, document) = try Self.design(Self.docs(itemBytes: 1_024, patterns: Self.read("Get doc", equality: "id", peak: 200, average: 100)))
        #expect(try #require(model.table(id: "Doc")).estimatedItemSizeBytes == 1_024)
        #expect(try #require(model.mapping(for: 1)).operation == .getItem)
        #expect(try #require(model.mapping(for: 1)).readUnitsPerRequest == 0.5)
        let line = try Self.line(model, "Doc")
        #expect(line.readUnitsPerMonth == 131_400_000)
        Self.expectDollars(line.readCost, 16.425, cents: "16.43")
        #expect(line.writeCost == 0)
        Self.expectDollars(line.storageCost, 1_124_000_000 / 1_073_741_824 * 0.25, cents: "0.26")
        #expect(line.provisionedReadCapacity == 143)
        #expect(line.provisionedWriteCapacity == 1)
        Self.expectDollars(line.provisionedCost, 143 * 0.00013 * 730 + 0.00065 * 730, cents: "14.05")
        #expect(document.contains("$16.43"))
        #expect(document.contains("131,400,000"))
    }

    @Test func strongConsistencyAndTheInfrequentAccessClass() throws {
        // Strongly consistent: 1 unit × 100 RPS × 2,628,000 = 262,800,000 RRU; Standard-IA at $0.155 / M = $40.734 → $40.73.
        // Storage on Standard-IA: 1.04681 GB × $0.10 = $0.1047 → $0.10.
        var choices = DesignChoices()
        choices.tableClasses["Doc"] = .standardInfrequentAccess
        let (model, document) = try Self.design(
            Self.docs(itemBytes: 1_024, patterns: Self.read("Get doc", equality: "id", peak: 200, average: 100, consistency: "strong")), choices: choices)
        let line = try Self.line(model, "Doc")
        #expect(line.tableClass == .standardInfrequentAccess)
        #expect(line.readUnitsPerMonth == 262_800_000)
        Self.expectDollars(line.readCost, 40.734, cents: "40.73")
        Self.expectDollars(line.storageCost, 1_124_000_000 / 1_073_741_824 * 0.10, cents: "0.10")
        #expect(document.contains("$40.73"))
    }

    @Test func writesRoundUpToWholeKilobytes() throws {
        // 1,024 B → 1 write unit: 1 × 10 RPS × 2,628,000 = 26,280,000 WRU × $0.625 / M = $16.425 → $16.43.
        let (exact, _) = try Self.design(Self.docs(itemBytes: 1_024, patterns: Self.write("Create doc", peak: 20, average: 10)))
        #expect(try #require(exact.mapping(for: 1)).operation == .putItem)
        #expect(try #require(exact.mapping(for: 1)).writeUnitsPerRequest == 1)
        Self.expectDollars(try Self.line(exact, "Doc").writeCost, 16.425, cents: "16.43")
        // 1,025 B → 2 write units: 52,560,000 WRU → $32.85. Provisioned: 20 × 2 = 40 WCU / 0.7 = 57.1 → 58 WCU
        // × $0.00065 × 730 = $27.521, plus 1 RCU × $0.00013 × 730 = $0.0949: $27.6159 → $27.62.
        let (over, document) = try Self.design(Self.docs(itemBytes: 1_025, patterns: Self.write("Create doc", peak: 20, average: 10)))
        let line = try Self.line(over, "Doc")
        #expect(try #require(over.mapping(for: 1)).writeUnitsPerRequest == 2)
        #expect(line.writeUnitsPerMonth == 52_560_000)
        Self.expectDollars(line.writeCost, 32.85, cents: "32.85")
        #expect(line.provisionedWriteCapacity == 58)
        Self.expectDollars(line.provisionedCost, 58 * 0.00065 * 730 + 0.00013 * 730, cents: "27.62")
        #expect(document.contains("$32.85"))
    }

    @Test func queryRoundsTheSumOfTheItemsOnce() throws {
        // Entry items are 1,024 B: account_id (10 + 36), seq (3 + 8), body (4 + 963).
        // 25 items × 1,024 B = 25,600 B → ⌈6.25⌉ = 7 strong units → 3.5 eventually consistent
        // (GetItem would have rounded each item: 12.5). 3.5 × 8 RPS × 2,628,000 = 73,584,000 RRU × $0.125 / M = $9.198 → $9.20.
        let yaml = """
        entities:
          - name: Entry
            identifier: [account_id, seq]
            attributes: [account_id:string:36, seq:number, body:string:963]
        access_patterns:
        \(Self.read("Entries of an account", equality: "account_id", items: 25, peak: 10, average: 8, entity: "Entry"))
        """
        let (model, document) = try Self.design(yaml)
        #expect(try #require(model.table(id: "Entry")).estimatedItemSizeBytes == 1_024)
        let mapping = try #require(model.mapping(for: 1))
        #expect(mapping.operation == .query)
        #expect(mapping.indexID == nil)
        #expect(mapping.readUnitsPerRequest == 3.5)
        Self.expectDollars(try Self.line(model, "Entry").readCost, 9.198, cents: "9.20")
        #expect(document.contains("$9.20"))
    }

    @Test func gsiWritesAndUniqueLookupsAreBilledOnTheirOwnLines() throws {
        // Order items are 1,024 B: order_id (8 + 36), user_id (7 + 36), body (4 + 933).
        // "Orders of a user" needs every attribute: GSI OrdersByUser projects ALL, entries of 1,024 B.
        //   Query 4 × 1,024 B = 4,096 B → 1 strong unit → 0.5; × 40 RPS × 2,628,000 = 52,560,000 RRU → $6.57.
        // Place order at 10 RPS: 1 unit on the table and 1 on the GSI entry, each 26,280,000 WRU → $16.425 → $16.43.
        // Users have a unique email: user_id (7 + 36) + email (5 + 40) = 88 B → 1 unit, doubled in the transaction;
        //   the lookup item email (45) + user_id (43) = 88 B, doubled: 2 + 2 = 4 units per create.
        //   5 RPS × 2 × 2,628,000 = 26,280,000 WRU per table → $16.43 each.
        let yaml = """
        entities:
          - name: User
            identifier: user_id
            unique: [email]
            attributes: [user_id:string:36, email:string:40]
          - name: Order
            identifier: order_id
            attributes: [order_id:string:36, user_id:string:36, body:string:933]
        access_patterns:
        \(Self.read("Orders of a user", equality: "user_id", items: 4, peak: 80, average: 40, entity: "Order"))\
        \(Self.write("Place order", peak: 20, average: 10, entity: "Order"))\
        \(Self.write("Register", peak: 10, average: 5, entity: "User"))
        """
        let (model, _) = try Self.design(yaml)
        let index = try #require(model.table(id: "Order")?.index(named: "OrdersByUser"))
        #expect(index.projection == .all)
        #expect(index.estimatedEntrySizeBytes == 1_024)
        #expect(try #require(model.mapping(for: 1)).readUnitsPerRequest == 0.5)
        Self.expectDollars(try Self.line(model, "Order", index: "OrdersByUser").readCost, 6.57, cents: "6.57")
        Self.expectDollars(try Self.line(model, "Order").writeCost, 16.425, cents: "16.43")
        Self.expectDollars(try Self.line(model, "Order", index: "OrdersByUser").writeCost, 16.425, cents: "16.43")
        let register = try #require(model.mapping(for: 3))
        #expect(register.operation == .transactWriteItems)
        #expect(register.totalWriteUnitsPerRequest == 4)
        Self.expectDollars(try Self.line(model, "User").writeCost, 16.425, cents: "16.43")
        Self.expectDollars(try Self.line(model, "User.email").writeCost, 16.425, cents: "16.43")
        // Total on demand (no storage without item counts): $6.57 + 4 × $16.425 = $72.27.
        Self.expectDollars(model.cost.onDemandTotal, 6.57 + 4 * 16.425, cents: "72.27")
    }
}
