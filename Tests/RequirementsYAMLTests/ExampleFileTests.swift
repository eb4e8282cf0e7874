import Foundation
import Requirements
import RequirementsYAML
import Testing

/// `docs/examples/shop.requirements.yaml`, the example the documentation points to, loads with
/// exactly these values.
@Suite struct ExampleFileTests {
    let loaded: Requirements

    init() throws {
        let example = try exampleFile("shop.requirements.yaml")
        loaded = try RequirementsYAMLLoader.load(yaml: example.text, fileName: example.path)
    }

    @Test func overview() {
        #expect(
            loaded.overview
                == ApplicationOverview(
                    domain: "e-commerce",
                    businessContext: "Customers browse a catalogue, place orders and follow their status. "
                        + "Orders must never be lost; a user's email is unique; an order's lines "
                        + "and prices are fixed once it is placed.",
                    expectedUsers: .known(100_000),
                    peakRequestsPerSecond: .known(2000)))
    }

    @Test func entities() {
        #expect(
            loaded.entities == [
                Entity(
                    name: "User",
                    attributes: [
                        Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "email", type: .string, typicalSizeBytes: 40),
                        Attribute(name: "display_name", type: .string, typicalSizeBytes: 30),
                        Attribute(name: "created_at", type: .datetime),
                    ],
                    identifier: ["user_id"], uniqueGroups: [["email"]], owner: "accounts-team"),
                Entity(
                    name: "Product",
                    attributes: [
                        Attribute(name: "product_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "sku", type: .string, typicalSizeBytes: 12),
                        Attribute(name: "title", type: .string, typicalSizeBytes: 80),
                        Attribute(name: "category", type: .string, typicalSizeBytes: 20),
                        Attribute(name: "price", type: .number),
                        Attribute(name: "description", type: .string, typicalSizeBytes: 2000),
                    ],
                    identifier: ["product_id"], uniqueGroups: [["sku"]], owner: "catalog-team"),
                Entity(
                    name: "Order",
                    attributes: [
                        Attribute(name: "order_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "status", type: .string, typicalSizeBytes: 10),
                        Attribute(name: "total", type: .number),
                        Attribute(name: "created_at", type: .datetime),
                    ],
                    identifier: ["order_id"]),
                Entity(
                    name: "OrderItem",
                    attributes: [
                        Attribute(name: "order_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "line_number", type: .number),
                        Attribute(name: "product_id", type: .string, typicalSizeBytes: 36),
                        Attribute(name: "quantity", type: .number),
                        Attribute(name: "unit_price", type: .number),
                    ],
                    identifier: ["order_id", "line_number"], uniqueGroups: [["order_id", "product_id"]]),
            ])
    }

    @Test func relationships() {
        #expect(
            loaded.relationships == [
                Relationship(
                    parent: "User", child: "Order", kind: .oneToMany,
                    cardinality: .known(Cardinality(average: 5, maximum: 1000)), childExistsWithoutParent: false),
                Relationship(
                    parent: "Order", child: "OrderItem", kind: .oneToMany,
                    cardinality: .known(Cardinality(average: 3, maximum: 100)), childExistsWithoutParent: false),
                Relationship(
                    parent: "Product", child: "OrderItem", kind: .oneToMany,
                    cardinality: .known(Cardinality(average: 200, maximum: nil)), childExistsWithoutParent: true),
            ])
    }

    @Test func accessPatterns() {
        let expected = [
            AccessPattern(
                id: 1, description: "Get user by ID", entities: ["User"], type: .read, equalityAttributes: ["user_id"],
                sort: SortAnswer.none, filterAttributes: [], expectedItems: .known(ItemCount(average: 1, maximum: 1)),
                peakRPS: .known(500), averageRPS: .known(200), consistency: .eventual, latency: "<50ms", attributes: .all),
            AccessPattern(
                id: 2, description: "Get user by email at sign-in", entities: ["User"], type: .read, equalityAttributes: ["email"],
                sort: SortAnswer.none, filterAttributes: [], expectedItems: .known(ItemCount(average: 1, maximum: 1)),
                peakRPS: .known(300), averageRPS: .known(100), consistency: .strong, latency: "<50ms",
                attributes: .only(["user_id", "email", "display_name"])),
            AccessPattern(
                id: 3, description: "Place an order with its items", entities: ["Order", "OrderItem"], type: .write,
                equalityAttributes: ["order_id"], sort: SortAnswer.none, filterAttributes: [],
                expectedItems: .known(ItemCount(average: 4, maximum: 101)), peakRPS: .known(100), averageRPS: .known(20),
                consistency: .strong, latency: "<100ms", attributes: .all),
            AccessPattern(
                id: 4, description: "List a user's orders, newest first", entities: ["Order"], type: .read,
                equalityAttributes: ["user_id"], sort: .attribute(SortRequirement(attribute: "created_at", direction: .descending)),
                filterAttributes: ["status"], expectedItems: .known(ItemCount(average: 20, maximum: 100)),
                peakRPS: .known(400), averageRPS: .known(150), consistency: .eventual, latency: "<100ms",
                attributes: .only(["order_id", "status", "total", "created_at"])),
            AccessPattern(
                id: 5, description: "Get an order with its items", entities: ["Order", "OrderItem"], type: .read,
                equalityAttributes: ["order_id"], sort: .attribute(SortRequirement(attribute: "line_number", direction: .ascending)),
                filterAttributes: [], expectedItems: .known(ItemCount(average: 4, maximum: 101)),
                peakRPS: .known(200), averageRPS: .known(80), consistency: .strong, latency: "<50ms", attributes: .all),
            AccessPattern(
                id: 6, description: "Update an order's status", entities: ["Order"], type: .update, equalityAttributes: ["order_id"],
                sort: SortAnswer.none, filterAttributes: [], expectedItems: .known(ItemCount(average: 1, maximum: 1)),
                peakRPS: .known(50), averageRPS: .known(10), consistency: .strong, latency: "<100ms", attributes: .only(["status"])),
            AccessPattern(
                id: 7, description: "Search products by words in the title", entities: ["Product"], type: .search,
                equalityAttributes: [], sort: SortAnswer.none, filterAttributes: ["title", "category"],
                expectedItems: .known(ItemCount(average: 20, maximum: 50)), peakRPS: .known(150), averageRPS: .known(60),
                consistency: .eventual, latency: "<200ms", attributes: .only(["product_id", "title", "price"])),
            AccessPattern(
                id: 8, description: "List products within a category, cheapest first", entities: ["Product"], type: .read,
                equalityAttributes: ["category"], sort: .attribute(SortRequirement(attribute: "price", direction: .ascending)),
                filterAttributes: [], expectedItems: .known(ItemCount(average: 50, maximum: 500)),
                peakRPS: .unknown, averageRPS: .unknown, consistency: .eventual, latency: "none",
                attributes: .only(["product_id", "title", "price"]), confirmedNotSearch: true),
        ]
        #expect(loaded.accessPatterns.count == expected.count)
        for (pattern, expectedPattern) in zip(loaded.accessPatterns, expected) {
            #expect(pattern == expectedPattern)
        }
        #expect(loaded.nextPatternID == 9)
        #expect(loaded.accessPatterns.map(\.status) == [.complete, .complete, .complete, .complete, .complete, .complete, .needsSearchService, .pending])
    }

    @Test func acceptedGaps() {
        #expect(
            loaded.acceptedGaps == [
                AcceptedGap(gapID: "no-create:Product", reason: "created by the catalog import job"),
                AcceptedGap(gapID: "no-create:User", reason: "accounts are created by the identity service"),
            ])
    }

    /// The example accepts gaps the gate really reports, and leaves open only the one it means to:
    /// the pattern whose RPS is unknown.
    @Test func gapsAreTheIntendedOnes() throws {
        #expect(GapFinder.gaps(in: loaded).map(\.id) == ["pattern-8:rps"])
        let text = try exampleFile("shop.requirements.yaml").text
        let withoutAcceptedGaps = try loadYAML(try #require(text.components(separatedBy: "accepted_gaps:").first))
        let openGaps = GapFinder.gaps(in: withoutAcceptedGaps).map(\.id)
        for gap in loaded.acceptedGaps {
            #expect(openGaps.contains(gap.gapID))
        }
        let unconfirmed = try loadYAML(text.replacingOccurrences(of: "not_search: true", with: "not_search: false"))
        #expect(GapFinder.gaps(in: unconfirmed).map(\.id).contains("pattern-8:search"))
    }

    /// The same model built through the domain API, as the guided session would build it.
    @Test func equalsTheModelBuiltThroughTheDomain() throws {
        var expected = Requirements(overview: loaded.overview)
        for entity in loaded.entities { try expected.addEntity(entity) }
        for relationship in loaded.relationships { try expected.addRelationship(relationship) }
        for pattern in loaded.accessPatterns { try expected.addPattern(pattern) }
        for gap in loaded.acceptedGaps { try expected.acceptGap(gap.gapID, reason: gap.reason) }
        #expect(loaded == expected)
    }
}
