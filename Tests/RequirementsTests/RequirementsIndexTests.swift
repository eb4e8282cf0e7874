import Foundation
import Requirements
import Testing

/// Look-ups by name go through an index kept beside the arrays; it must answer as a scan would.
@Suite struct RequirementsIndexTests {
    /// The name index answers exactly as a scan of the arrays would, through renames, deletions,
    /// many-to-many relationships and a decode from JSON.
    @Test func lookUpsFollowRenamesDeletionsAndDecoding() throws {
        var requirements = try RequirementsTests.shop()
        try requirements.addEntity(Entity(name: "Tag"))
        try requirements.addRelationship(Relationship(parent: "User", child: "Order"))
        try requirements.addRelationship(Relationship(parent: "Order", child: "Tag", kind: .manyToMany))
        #expect(requirements.entity(named: "user")?.name == "User")
        #expect(requirements.relationship(parent: "Tag", child: "Order")?.label == requirements.relationship(parent: "Order", child: "Tag")?.label)
        #expect(requirements.relationship(parent: "Order", child: "User") == nil, "one-to-many is found from its parent only")

        var user = try #require(requirements.entity(named: "User"))
        user.name = "Customer"
        try requirements.updateEntity(named: "user", to: user)
        #expect(requirements.entity(named: "User") == nil)
        #expect(requirements.entity(named: "CUSTOMER")?.name == "Customer")
        #expect(requirements.relationship(parent: "Customer", child: "Order") != nil)
        #expect(requirements.relationship(parent: "User", child: "Order") == nil)

        _ = try requirements.deleteEntity(named: "Customer")
        #expect(requirements.entity(named: "Order")?.name == "Order", "positions after a deletion")
        #expect(requirements.entity(named: "tag")?.name == "Tag")
        try requirements.deleteRelationship(parent: "Tag", child: "Order")
        #expect(requirements.relationship(parent: "Order", child: "Tag") == nil)

        let decoded = try JSONDecoder().decode(Requirements.self, from: JSONEncoder().encode(requirements))
        #expect(decoded == requirements)
        #expect(decoded.entity(named: "TAG")?.name == "Tag")
        try requirements.addEntity(Entity(name: "Product"))
        #expect(requirements.entity(named: "product")?.name == "Product")
    }
}
