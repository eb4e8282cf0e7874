import Requirements
import Testing

@Suite struct RequirementsTests {
    static func shop() throws -> Requirements {
        var requirements = Requirements()
        try requirements.addEntity(Entity(name: "User", attributes: [
            Attribute(name: "user_id", type: .string, typicalSizeBytes: 36), Attribute(name: "email", type: .string),
        ], identifier: ["user_id"], uniqueGroups: [["email"]]))
        try requirements.addEntity(Entity(name: "Order", attributes: [
            Attribute(name: "order_id", type: .string), Attribute(name: "user_id", type: .string),
            Attribute(name: "status", type: .string), Attribute(name: "created_at", type: .datetime),
        ], identifier: ["order_id"]))
        return requirements
    }

    @Test func duplicateEntitiesAreRefusedWhateverTheCase() throws {
        var requirements = try Self.shop()
        #expect(throws: RequirementsError("An entity named User already exists: use /edit entity User.")) {
            try requirements.addEntity(Entity(name: "user"))
        }
    }

    @Test func identifiersAndUniquesMustBeAttributes() throws {
        var requirements = try Self.shop()
        #expect(throws: RequirementsError("The identifier sku is not an attribute of Product; its attributes are name.")) {
            try requirements.addEntity(Entity(name: "Product", attributes: [Attribute(name: "name", type: .string)], identifier: ["sku"]))
        }
    }

    @Test func patternsMayOnlyUseAttributesOfTheirEntities() throws {
        var requirements = try Self.shop()
        let pattern = AccessPattern(id: 0, description: "Orders by colour", entities: ["order"], type: .read, equalityAttributes: ["colour"])
        #expect(throws: RequirementsError("colour is not an attribute of Order; an equality attribute must be one of: order_id, user_id, status, created_at.")) {
            try requirements.addPattern(pattern)
        }
        let valid = AccessPattern(id: 0, description: "Orders by status", entities: ["order"], type: .read, equalityAttributes: ["status"])
        let id = try requirements.addPattern(valid)
        #expect(requirements.pattern(id)?.entities == ["Order"])
    }

    @Test func patternNumbersAreNeverReused() throws {
        var requirements = try Self.shop()
        let first = try requirements.addPattern(AccessPattern(id: 0, description: "one"))
        let second = try requirements.addPattern(AccessPattern(id: 0, description: "two"))
        try requirements.deletePattern(second)
        let third = try requirements.addPattern(AccessPattern(id: 0, description: "three"))
        #expect([first, second, third] == [1, 2, 3])
    }

    @Test func deletingAnEntityInUseIsRefusedAndRelationshipsGoWithIt() throws {
        var requirements = try Self.shop()
        try requirements.addRelationship(Relationship(parent: "User", child: "Order"))
        try requirements.addPattern(AccessPattern(id: 0, description: "Get order", entities: ["Order"]))
        #expect(throws: RequirementsError("Order is used by pattern 1: edit or delete it first.")) {
            try requirements.deleteEntity(named: "Order")
        }
        let removed = try requirements.deleteEntity(named: "User")
        #expect(removed.map(\.label) == ["User -> Order"])
        #expect(requirements.relationships.isEmpty)
    }

    @Test func renamingAnEntityFollowsItsReferences() throws {
        var requirements = try Self.shop()
        try requirements.addRelationship(Relationship(parent: "User", child: "Order"))
        try requirements.addPattern(AccessPattern(id: 0, description: "Get user", entities: ["User"]))
        var user = requirements.entity(named: "User")!
        user.name = "Customer"
        try requirements.updateEntity(named: "User", to: user)
        #expect(requirements.relationships[0].parent == "Customer")
        #expect(requirements.pattern(1)?.entities == ["Customer"])
    }
}
