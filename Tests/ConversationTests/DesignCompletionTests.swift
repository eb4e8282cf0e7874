import Conversation
import Testing
import TestSupport

/// Tab completion of the design commands: table, index and attribute names from the model.
@Suite struct DesignCompletionTests {
    @Test(arguments: [
        ("/ren", ["/rename"]),
        ("/index", ["/index-keys"]),
        ("/rename ", ["table", "index", "attribute"]),
        ("/rename table User", ["Users", "UserUsernames", "UserEmails"]),
        ("/rename index Products P", ["ProductsByCategory"]),
        ("/rename attribute Users d", ["display_name"]),
        ("/keys Orders user_id,cr", ["user_id,created_at"]),
        ("/keys Orders re", ["reset"]),
        ("/projection Products ProductsByCategory in", ["include"]),
        ("/projection Products ProductsByCategory include ti", ["title"]),
        ("/capacity Orders p", ["provisioned"]),
        ("/class Orders standard-", ["standard-ia"]),
        ("/naming k", ["kebab"]),
        ("/reject ch", ["child-key:OrderItem"]),
        ("/merge Order O", ["Order", "OrderItem"]),
        ("/accept-scan 1", ["1", "10", "11"]),
        ("/show table Order", ["Orders", "OrderItems"]),
        ("/show m", ["model"]),
    ])
    func completesModelNames(line: String, expected: [String]) throws {
        let conversation = try DesignStageFixture.start()
        #expect(conversation.completions(for: line) == expected)
    }

    @Test func designCommandsAreOfferedOnlyAtTheDesignStage() throws {
        let before = try DesignStageFixture.loaded()
        #expect(before.completions(for: "/ren").isEmpty)
        #expect(before.completions(for: "/show m").isEmpty)
    }
}
