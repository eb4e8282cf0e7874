import DesignEngine
import Requirements
import Testing

/// Short-circuit copies of parent attributes (docs/design-engine.md, "Place entities in tables"): proposed with numbers,
/// applied only when adopted.
@Suite struct DenormalizationTests {
    static let yaml = YAMLRequirements.usersAndOrders(
        relationship: "cardinality: avg 5 max 100\n    child_exists_without_parent: true",
        patterns: YAMLRequirements.read("Get order with buyer name", "Order, User", equality: "order_id", peak: 200, attributes: "[order_id, total, name]")
            + YAMLRequirements.write("Rename user", "User", type: "update", equality: "user_id", peak: 3, average: 1, attributes: "[name]"))

    @Test func aParentAttributeReadWithTheChildIsProposedWithTheNumbers() throws {
        let model = try YAMLRequirements.design(Self.yaml)
        let decision = try #require(model.decisions.first { $0.id == "denormalize:Order.name" })
        #expect(decision.type == .denormalization)
        #expect(decision.chosenApproach.contains("Proposed, not applied"))
        #expect(decision.justification.contains("up to 200 extra User reads per second at peak"))
        #expect(decision.justification.contains("#2 changes it at 3 RPS peak × 5 Order items each"))
        #expect(model.table(id: "Order")?.attribute(named: "name") == nil)
        #expect(model.mapping(for: 1)?.notes.contains { $0.contains("Then GetItem on Users by user_id") } == true)
    }

    @Test func adoptingTheCopyStoresItWithItsJoinAndDropsTheExtraRead() throws {
        var choices = DesignChoices()
        choices.proposals["denormalize:Order.name"] = true
        let model = try YAMLRequirements.design(Self.yaml, choices: choices)
        let copy = try #require(model.table(id: "Order")?.attribute(named: "name"))
        #expect(copy.sourceTable == nil)
        #expect(copy.denormalization?.localAttribute == "user_id")
        #expect(copy.denormalization?.sourceJoinAttribute == "user_id")
        #expect(copy.entity == "Order")
        #expect(copy.sourceAttribute == "name")
        let mapping = try #require(model.mapping(for: 1))
        #expect(!mapping.notes.contains { $0.contains("GetItem on Users") })
        #expect(mapping.readUnitsPerRequest == 0.5)
        #expect(model.decisions.first { $0.id == "denormalize:Order.name" }?.userChoice == "accepted")
    }
}
