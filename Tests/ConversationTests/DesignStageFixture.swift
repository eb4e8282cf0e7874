import Conversation
import Requirements
import TestSupport

/// The e-commerce requirements taken through the requirements gate, for the design-stage tests.
enum DesignStageFixture {
    /// The one gap of the scenario (nothing creates a Product) accepted, then the gate passed.
    static let openingLines = ["accept the catalog service creates products", "yes"]
    /// The tables the engine designs for the scenario, in model order.
    static let tableIDs = ["User", "Product", "Order", "OrderItem", "User.username", "User.email"]
    static let tableNames = ["Users", "Products", "Orders", "OrderItems", "UserUsernames", "UserEmails"]

    static func requirements() throws -> Requirements {
        try WorkedScenarios.requirements("ecommerce")
    }

    /// A session as `ddbmodel new --requirements` opens it: at the review before the gate.
    static func loaded() throws -> Conversation {
        var state = SessionState(name: "shop")
        state.requirements = try requirements()
        var conversation = Conversation(state: state, clock: FixedClock.now)
        conversation.beginReview()
        return conversation
    }

    /// At the first table of the design review.
    static func start() throws -> Conversation {
        var conversation = try loaded()
        for line in openingLines { _ = conversation.handle(line) }
        return conversation
    }

    /// Every table confirmed: at the design gate.
    static func atGate() throws -> Conversation {
        var conversation = try start()
        for _ in tableIDs { _ = conversation.handle("yes") }
        return conversation
    }

    /// The design gate passed.
    static func approved() throws -> Conversation {
        var conversation = try atGate()
        _ = conversation.handle("yes")
        return conversation
    }

    /// The requirements changed so that pattern 1 reads strongly consistently, then the gate passed
    /// again: keying Users by anything but user_id now breaks it.
    static func withStrongReadByID() throws -> Conversation {
        var conversation = try start()
        _ = conversation.handle("/edit pattern 1 consistency=strong")
        _ = conversation.handle("yes")
        return conversation
    }
}
