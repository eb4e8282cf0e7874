@testable import DataModelDocument
import DesignEngine
import Foundation
import Requirements
import Testing
import TestSupport

@Suite struct DataModelDocumentTests {
    static func render(_ model: DataModel = DataModelFixture.model()) throws -> String {
        DataModelDocument.render(model, requirements: try DataModelFixture.requirements())
    }

    static let headings = [
        "# DynamoDB Data Model", "## Design Philosophy & Approach", "## Table Designs", "## Design Decisions",
        "## Access Pattern Mapping", "## Cost Estimates", "## Hot Partition Analysis", "## Warnings",
        "## OpenSearch Requirement", "## Trade-offs", "## Diagram",
    ]

    @Test func fixtureMatchesGolden() throws {
        let rendered = try Self.render()
        let golden = try GoldenFile.check(rendered, against: GoldenFile.url("fixture.md", besides: #filePath))
        #expect(golden != nil, "missing golden file fixture.md: run with UPDATE_GOLDEN=1 and review it")
        #expect(rendered == golden)
    }

    @Test func sectionHeadingsAppearOnceInOrder() throws {
        let lines = try Self.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let found = lines.filter { $0.hasPrefix("# ") || $0.hasPrefix("## ") }
        #expect(found == Self.headings)
    }

    @Test func tableAndIndexSubsectionsFollowTheTemplate() throws {
        let document = try Self.render()
        for heading in ["### shop-users Table", "### shop-orders Table", "### shop-user-emails Table", "#### OrdersByStatus GSI"] {
            #expect(document.contains("\n" + heading + "\n"))
        }
        #expect(document.contains("- **Projection**: `INCLUDE` (`total`, `user_id`) — Pattern #4 returns total and user_id"))
        #expect(document.contains("- **Access Patterns Served**: #2, #4, #6"))
        #expect(document.contains("- **Partition Key**: `user_id` (S) — Pattern #2 lists one user's orders; order_id keeps them apart. "
            + "Distribution: one value per User, shared by its items (avg 5, max 1,000 per value)."))
        #expect(document.contains("- **Sort Key**: none: every item is found by its partition key alone"))
    }

    @Test func lookupTableListsBothTransactionsWithConditions() throws {
        let document = try Self.render()
        #expect(document.contains("""
            **Create** (one `TransactWriteItems`):
            1. `Put` on shop-users — condition `attribute_not_exists(user_id)`
            2. `Put` on shop-user-emails — condition `attribute_not_exists(email)`
            """))
        #expect(document.contains("3. `Update` on shop-users\n"))
    }

    @Test func exampleItemsLeaveMissingAttributesEmpty() throws {
        let document = try Self.render()
        #expect(document.contains("| user_id | email | name |\n|---|---|---|\n"))
        #expect(document.contains("| \"u-1002\" | \"bo@example.com\" |  |\n"))
    }

    @Test func seedWarningSentencesAppearVerbatimFollowedByTheReason() throws {
        let document = try Self.render()
        let sentence = try #require(WarningKind.hotPartitionRisk.fixedSentence)
        #expect(document.contains("- **Hot Partition Risk** — " + sentence + "\n  - shop-orders / OrdersByStatus: status has 5 values"))
        // Kinds without a seed sentence show their name, then each reason below it.
        #expect(document.contains("- **Limit Violation**\n  - shop-orders: up to 1,000 orders"))
    }

    @Test func moneyAlwaysHasCents() throws {
        let document = try Self.render()
        #expect(document.contains("| $32.85 |"))
        #expect(document.contains("| unknown (no item count) |"))
        #expect(document.contains("- **Month**: 730 hours = 2,628,000 seconds"))
        #expect(document.contains("us-east-1, AWS Price List of 2024-11-01"))
        #expect(document.contains("the first 25 GB of Standard storage per account are free; not subtracted here"))
        #expect(document.contains("| shop-orders / OrdersByStatus (GSI) | STANDARD | 10,512,000,000 |"))
    }

    @Test func tableCellsEscapePipes() throws {
        let document = try Self.render()
        #expect(document.contains("| 2 | List a user's orders \\| newest first | ✅ | Query | shop-orders |"))
        #expect(document.contains("| \"Ana \\| Admin\" |"))
    }

    @Test func mappingShowsTableNamesAndFlagsSearchAndUnservedPatterns() throws {
        let document = try Self.render()
        #expect(document.contains("| 7 | Get user by email | ✅ | GetItem | shop-user-emails → shop-users | `email = :email` |"))
        #expect(document.contains("  2. GetItem shop-users: user_id = step 1 → user_id (strongly consistent)"))
        #expect(!document.contains("| User.email |"))
        #expect(document.contains("| 5 | Search orders by free text | ❌ | – | OpenSearch |"))
        #expect(document.contains("served by OpenSearch: full-text search over order notes"))
        #expect(document.contains("- ⚠️ Pattern #6 (Count orders by status, strongly consistent): needs a strongly consistent read"))
        #expect(document.contains("also writes shop-user-emails 2 WCU"))
    }

    @Test func hotPartitionsShowFindingsAndMitigations() throws {
        let document = try Self.render()
        #expect(document.contains("| #4 | shop-orders / OrdersByStatus | `status` | 5 distinct values (status enum) | read | 2,000 | 5 | 20% | 2,000 | 3,000 | ⚠️ above 50% |"))
        #expect(document.contains("| unknown (safe up to 100%) |"))
        #expect(document.contains("- Pattern #4 on shop-orders / OrdersByStatus (`status`): Write the index key as status#shard"))
        #expect(!document.contains("No partition-key value reaches 50%"))
    }

    @Test func quietModelsSayNothingIsHotOrWarned() throws {
        var model = DataModelFixture.model()
        model.hotPartitions = model.hotPartitions.filter { $0.level == .ok }
        model.warnings = []
        model.openSearch = OpenSearchRequirement(patterns: [])
        let document = try Self.render(model)
        #expect(document.contains("No partition-key value reaches 50% of a partition limit at peak."))
        #expect(document.contains("## Warnings\n\nNo warnings.\n"))
        #expect(document.contains("- **Flag**: Not required"))
        #expect(document.contains("**OpenSearch required**: no"))
    }

    @Test func mermaidIdentifiersAreSanitizedAndUnique() throws {
        var model = DataModelFixture.model()
        model.tables[0].name = "shop.users-v2"
        model.tables[1].name = "shop-users.v2"
        model.tables[2].name = "2nd \"emails\""
        let document = try Self.render(model)
        let diagram = try #require(document.components(separatedBy: "```mermaid\n").last?.components(separatedBy: "```").first)
        #expect(diagram.contains("    t_shop_users_v2[\"shop.users-v2\"] {\n"))
        #expect(diagram.contains("    t_shop_users_v2_2[\"shop-users.v2\"] {\n"))
        #expect(diagram.contains("    t_2nd__emails_[\"2nd 'emails'\"] {\n"))
        #expect(diagram.contains("    t_shop_users_v2_2 ||--o| i_shop_users_v2_OrdersByStatus : \"GSI INCLUDE\"\n"))
        #expect(diagram.contains("    t_shop_users_v2 ||--o| t_2nd__emails_ : \"unique email\"\n"))
        // Every entity and relationship line starts with a safe identifier.
        let safe = try Regex("^[A-Za-z_][A-Za-z0-9_]*$")
        for line in diagram.split(separator: "\n") where line.hasPrefix("    ") && !line.hasPrefix("        ") && !line.hasPrefix("    }") {
            let identifier = line.dropFirst(4).prefix { $0 != "[" && $0 != " " }
            #expect(String(identifier).wholeMatch(of: safe) != nil, "unsafe Mermaid identifier in: \(line)")
        }
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let requirements = try DataModelFixture.requirements()
        let model = DataModelFixture.model()
        #expect(DataModelDocument.renderUTF8(model, requirements: requirements) == DataModelDocument.renderUTF8(model, requirements: requirements))
        #expect(DataModelDocument.render(model, requirements: requirements) == String(decoding: DataModelDocument.renderUTF8(model, requirements: requirements), as: UTF8.self))
    }

    @Test func anEmptyModelStillRendersEverySection() throws {
        let model = DataModel(
            tables: [], mappings: [], decisions: [], hotPartitions: [],
            cost: CostEstimate(prices: .usEast1, lines: [], assumedItemCounts: [:]), warnings: [],
            openSearch: OpenSearchRequirement(patterns: []), tradeOffs: [], naming: NamingConvention())
        let document = DataModelDocument.render(model, requirements: Requirements())
        let found = document.split(separator: "\n").filter { $0.hasPrefix("# ") || $0.hasPrefix("## ") }.map(String.init)
        #expect(found == Self.headings)
        #expect(document.contains("**Domain**: not captured"))
    }
}

/// The largest sessions the tool supports render whole (their speed is measured by the design
/// benchmark, `make bench-design`, not by a timed test).
@Suite struct DataModelDocumentLargeModelTests {
    @Test func aLargeModelRendersEveryPattern() throws {
        let requirements = try LargeModelFixture.requirements()
        let model = LargeModelFixture.model()
        let document = DataModelDocument.render(model, requirements: requirements)
        #expect(document.utf8.count > 1_000_000)
        for mapping in model.mappings.prefix(50) { #expect(document.contains("| \(mapping.patternID) | "), "pattern #\(mapping.patternID)") }
    }
}

/// Parts of the document the main fixture does not reach: item collections, `ALL` projections,
/// sparse and multi-attribute index keys, concatenated base keys.
@Suite struct DataModelDocumentVariantTests {
    static func variantModel() -> DataModel {
        var model = DataModelFixture.model()
        model.tables[1].role = .itemCollection(parent: "Order", children: ["OrderItem"])
        model.tables[1].entities = ["Order", "OrderItem"]
        model.tables[1].exampleItems.append(ExampleItem(entity: "OrderItem", values: [
            ExampleValue(attribute: "user_id", text: "\"u-1001\""), ExampleValue(attribute: "order_id", text: "\"o-5001#item-1\""),
        ]))
        model.tables[0].partitionKey = KeyAttribute(
            name: "tenant_id#user_id", dynamoDBType: .string, composedOf: ["tenant_id", "user_id"], distribution: .unknown)
        var index = model.tables[1].indexes[0]
        index.projection = .all
        index.projectionReason = "Pattern #4 needs every attribute."
        index.sparse = SparseMarker(attribute: "open_flag", reason: "only open orders carry it (about 3% of orders)")
        index.partitionKey = [
            KeyAttribute(name: "tenant_id", dynamoDBType: .string, distribution: .fewValues(count: 40, source: "tenants")),
            KeyAttribute(name: "status", dynamoDBType: .string, distribution: .fewValues(count: 5, source: "status enum")),
        ]
        model.tables[1].indexes = [index]
        model.decisions.append(DesignDecision(
            id: "collection:OrderItem", type: .itemCollection, subject: "OrderItem stored with Order",
            alternativesConsidered: ["OrderItems table with a GSI on order_id"], chosenApproach: "Same partition key as the order",
            justification: "95% of order reads need the items.", tradeOffs: [], rollbackStrategy: "Split into a table.", monitoring: []))
        return model
    }

    @Test func variantsRenderTheirNotes() throws {
        let document = DataModelDocument.render(Self.variantModel(), requirements: try DataModelFixture.requirements())
        #expect(document.contains("1 item collection: shop-orders holds Order with OrderItem under Order's partition key (decision “OrderItem stored with Order”)"))
        #expect(document.contains("- **Projection**: `ALL` — Pattern #4 needs every attribute. `ALL` copies every attribute: it doubles this index's storage and write cost."))
        #expect(document.contains("- **Sparse**: `open_flag` — only open orders carry it (about 3% of orders)"))
        #expect(document.contains("- **Partition Key**: `tenant_id` (S): 40 distinct values (tenants) + `status` (S): 5 distinct values (status enum) — multi-attribute key"))
        #expect(document.contains("- **Partition Key**: `tenant_id#user_id` (S, composed of `tenant_id` # `user_id`)"))
        #expect(document.contains("1 concatenated key where a base table needs several attributes in one: `tenant_id#user_id` in shop-users"))
        #expect(document.contains("| (entity) | user_id | order_id | status | total |\n|---|---|---|---|---|\n| Order |"))
        #expect(document.contains("| OrderItem | \"u-1001\" | \"o-5001#item-1\" |  |  |\n"))
        #expect(document.contains("t_shop_orders[\"shop-orders (Order, OrderItem)\"]"))
        #expect(document.contains("        S tenant_id_user_id PK \"partition key: tenant_id#user_id\"\n"))
        #expect(document.contains("        S tenant_id PK \"partition key 1 of 2\"\n"))
    }
}
