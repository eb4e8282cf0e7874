import Conversation
import DesignEngine
import Requirements
import Testing
import TestSupport

/// Each design command: what it changes in the choices and the model, what it says, and the
/// message for bad input (which changes nothing).
@Suite struct DesignCommandTests {
    /// Runs `line` at the first table of the review; returns the reply and the conversation.
    static func run(_ line: String, after setup: [String] = []) throws -> (ConversationReply, Conversation) {
        var conversation = try DesignStageFixture.start()
        for earlier in setup { _ = conversation.handle(earlier) }
        let reply = conversation.handle(line)
        return (reply, conversation)
    }

    // MARK: Happy paths

    @Test func renameTable() throws {
        let (reply, conversation) = try Self.run("/rename table Users Customers")
        #expect(conversation.state.designChoices.tableNames == ["User": "Customers"])
        #expect(reply.messages.prefix(2) == ["Renamed table Users to Customers.", "Table Users: renamed to Customers."])
        #expect(conversation.question.text.hasPrefix("Table 1 of 6: Customers ("))
    }

    @Test func renameIndex() throws {
        let (reply, conversation) = try Self.run("/rename index Products ProductsByCategory ProductsInCategory")
        #expect(conversation.state.designChoices.indexNames == ["Product": ["ProductsByCategory": "ProductsInCategory"]])
        #expect(reply.messages == [
            "Renamed index ProductsByCategory of Products to ProductsInCategory.",
            "Table Products: index ProductsByCategory renamed to ProductsInCategory.",
            "Patterns affected:",
            "  #6 List products in a category by price: Query on Products (index ProductsByCategory) → Query on Products (index ProductsInCategory)",
        ])
    }

    @Test func renameAttributeAndBackAgain() throws {
        var (reply, conversation) = try Self.run("/rename attribute Users display_name full_name")
        #expect(conversation.state.designChoices.attributeNames == ["User": ["display_name": "full_name"]])
        #expect(reply.messages.prefix(2) == ["Renamed attribute display_name of Users to full_name.", "Table Users: attribute display_name renamed to full_name."])
        #expect(conversation.dataModel.table(id: "User")?.attribute(named: "full_name") != nil)
        reply = conversation.handle("/rename attribute Users full_name display_name")
        #expect(conversation.state.designChoices.attributeNames.isEmpty, "renaming back to the original drops the choice")
    }

    @Test func keysOfOneAttributeEach() throws {
        let (reply, conversation) = try Self.run("/keys Orders user_id order_id")
        #expect(conversation.state.designChoices.tableKeys == ["Order": KeyChoice(partition: ["user_id"], sort: ["order_id"])])
        #expect(reply.messages.first == "Keys of Orders set: partition user_id, sort order_id.")
        // The newest-first read now knows the table's partition key: an LSI replaces the GSI on user_id.
        #expect(reply.messages.contains("Table Orders: keys now user_id / order_id (were order_id); LSI OrdersByCreatedAt added (user_id / created_at); GSI OrdersByOrder added (order_id); GSI OrdersByUser removed."))
        #expect(reply.messages.contains("  #8 Get order with its items: GetItem on Orders → Query on Orders (index OrdersByOrder)"))
    }

    @Test func keysOfSeveralAttributesAreConcatenated() throws {
        let (reply, conversation) = try Self.run("/keys OrderItems order_id,line_number")
        #expect(conversation.state.designChoices.tableKeys["OrderItem"] == KeyChoice(partition: ["order_id", "line_number"], sort: []))
        #expect(reply.messages.first == "Keys of OrderItems set: partition order_id#line_number, no sort key. A base table's key takes one attribute, so order_id, line_number become one concatenated attribute order_id#line_number (values joined with #).")
        #expect(conversation.dataModel.table(id: "OrderItem")?.partitionKey.composedOf == ["order_id", "line_number"])
    }

    @Test func keysReset() throws {
        let (reply, conversation) = try Self.run("/keys Orders reset", after: ["/keys Orders user_id order_id"])
        #expect(conversation.state.designChoices.tableKeys.isEmpty)
        #expect(reply.messages.first == "Orders is back to the engine's keys.")
    }

    @Test func indexKeys() throws {
        let (reply, conversation) = try Self.run("/index-keys Orders OrdersByUser user_id created_at,order_id")
        #expect(conversation.state.designChoices.indexKeys == ["Order": ["OrdersByUser": KeyChoice(partition: ["user_id"], sort: ["created_at", "order_id"])]])
        #expect(reply.messages.first == "Keys of index OrdersByUser on Orders set: partition user_id, sort created_at + order_id. Each attribute stays its own attribute (a multi-attribute key); queries give the partition attributes all and the sort attributes left to right.")
    }

    @Test func projection() throws {
        let (reply, conversation) = try Self.run("/projection Products ProductsByCategory all")
        #expect(conversation.state.designChoices.projections == ["Product": ["ProductsByCategory": ProjectionChoice(.all)]])
        #expect(reply.messages.first == "Projection of ProductsByCategory on Products set to ALL.")
        #expect(reply.messages.contains { $0.contains("index ProductsByCategory projection now ALL (was INCLUDE title)") })
    }

    /// A projection that leaves out what a pattern returns breaks it: the change waits for yes.
    @Test func aProjectionThatDropsWhatAPatternReturnsBreaksIt() throws {
        let (reply, conversation) = try Self.run("/projection Products ProductsByCategory keys_only")
        #expect(conversation.state.designChoices.projections.isEmpty)
        let pending = try #require(conversation.state.pendingDesignChange)
        #expect(pending.brokenPatterns.contains { $0.contains("#6") && $0.contains("leaves out title") }, "\(pending.brokenPatterns)")
        #expect(reply.messages.isEmpty, "the question shows the change and what it breaks")
        #expect(conversation.question.text.contains("KEYS_ONLY projection leaves out title"))
    }

    @Test func projectionIncludeNamesAttributes() throws {
        let (reply, conversation) = try Self.run("/projection Products ProductsByCategory include title,description")
        #expect(conversation.state.designChoices.projections["Product"]?["ProductsByCategory"] == ProjectionChoice(.include(["title", "description"])))
        #expect(reply.messages.first == "Projection of ProductsByCategory on Products set to INCLUDE title, description.")
    }

    @Test func rejectAndAcceptAProposal() throws {
        var (reply, conversation) = try Self.run("/reject child-key:OrderItem")
        #expect(conversation.state.designChoices.proposals == ["child-key:OrderItem": false])
        #expect(reply.messages.first == "Rejected child-key:OrderItem (OrderItem table keyed by its Order).")
        reply = conversation.handle("/accept child-key:OrderItem")
        #expect(conversation.state.designChoices.proposals == ["child-key:OrderItem": true])
        #expect(reply.messages.first == "Accepted child-key:OrderItem (OrderItem table keyed by its Order).")
    }

    @Test func mergeAndSplit() throws {
        var (reply, conversation) = try Self.run("/merge Orders OrderItem")
        #expect(conversation.state.designChoices.merges == [["Order", "OrderItem"]])
        #expect(reply.messages.first == "Merged OrderItem into Order's table.")
        #expect(reply.messages.contains("Table OrderItems removed: its items now live in Orders."))
        #expect(conversation.dataModel.tables.map(\.name) == ["Users", "Products", "Orders", "UserUsernames", "UserEmails"])
        reply = conversation.handle("/split OrderItem")
        #expect(conversation.state.designChoices.merges.isEmpty)
        #expect(reply.messages.first == "OrderItem leaves the table merged under Order.")
        #expect(reply.messages.contains { $0.hasPrefix("Table OrderItems added: keys order_id / line_number") })
    }

    @Test func splittingTheMainEntityUndoesTheMerge() throws {
        let (reply, conversation) = try Self.run("/split Order", after: ["/merge Order OrderItem"])
        #expect(conversation.state.designChoices.merges.isEmpty)
        #expect(reply.messages.first == "The merge of Order, OrderItem is undone (Order was its main entity).")
    }

    @Test func capacityAndTableClass() throws {
        var (reply, conversation) = try Self.run("/capacity Orders provisioned")
        #expect(conversation.state.designChoices.capacityModes == ["Order": .provisioned])
        #expect(reply.messages.prefix(2) == ["Orders switched to provisioned capacity.", "Table Orders: capacity provisioned (was on-demand)."])
        reply = conversation.handle("/class Products standard-ia")
        #expect(conversation.state.designChoices.tableClasses == ["Product": .standardInfrequentAccess])
        #expect(reply.messages.prefix(2) == ["Products switched to the standard-ia table class.", "Table Products: table class standard-ia (was standard)."])
        reply = conversation.handle("/capacity Orders on-demand")
        #expect(conversation.state.designChoices.capacityModes.isEmpty, "the default is not stored")
    }

    @Test func naming() throws {
        let (reply, conversation) = try Self.run("/naming kebab shop", after: ["/rename table Users Customers"])
        #expect(conversation.state.designChoices.naming == NamingConvention(style: .kebab, prefix: "shop"))
        #expect(reply.messages.first == "Tables are now named kebab style with the prefix shop. Tables you renamed keep their names (Customers).")
        #expect(conversation.dataModel.tables.map(\.name) == ["Customers", "shop-products", "shop-orders", "shop-order-items", "shop-user-usernames", "shop-user-emails"])
        let (_, plain) = try Self.run("/naming snake none")
        #expect(plain.dataModel.tables.map(\.name).first == "users")
    }

    @Test func showModelTableAndDecisions() throws {
        var conversation = try DesignStageFixture.start()
        let model = conversation.handle("/show model").messages.first ?? ""
        #expect(model.hasPrefix("Data model: 6 tables (4 for entities, 2 lookup tables), 2 GSIs, 0 LSIs.\n  Users: user_id; on-demand\n"))
        #expect(model.contains("  ❌ #11 Search products by keyword: ❌ needs a search service"))
        let table = conversation.handle("/show table orders").messages.first ?? ""
        #expect(table.hasPrefix("Table 3 of 6: Orders (entity table for Order)"))
        #expect(conversation.handle("/show table").messages.first?.hasPrefix("Table 1 of 6: Users") == true, "the table under review")
        let decisions = conversation.handle("/show decisions").messages.first ?? ""
        #expect(decisions.contains("  child-key:OrderItem [TABLE_STRUCTURE] OrderItem table keyed by its Order\n    chosen: Partition key order_id, sort key OrderItem's identifier\n    /reject child-key:OrderItem keys OrderItem by its own identifier instead."))
    }

    // MARK: Bad input

    @Test(arguments: [
        ("/rename", "Usage: /rename table OLD NEW, /rename index TABLE OLD NEW or /rename attribute TABLE OLD NEW."),
        ("/rename table Users", "Usage: /rename table OLD NEW, /rename index TABLE OLD NEW or /rename attribute TABLE OLD NEW."),
        ("/rename table Customers People", "There is no table named Customers (tables: Users, Products, Orders, OrderItems, UserUsernames, UserEmails)."),
        ("/rename table Users ab", "Table names take 3 to 255 characters; \"ab\" has 2."),
        ("/rename table Users My/Users", "Table names use only letters, digits, _ . and - (\"My/Users\" contains \"/\")."),
        ("/rename table Users products", "Products is already a table of the model; choose another name."),
        ("/rename index Products ByTitle Titles", "Products has no index named ByTitle (its indexes: ProductsByCategory)."),
        ("/rename index Users ByEmail Emails", "Users has no indexes."),
        ("/rename attribute Users nickname alias", "Users has no attribute named nickname (its attributes: user_id, username, email, display_name, created_at)."),
        ("/rename attribute Users email username", "Users already has an attribute named username; choose another name."),
        ("/keys Products category", "The keys must identify one Product: include product_id in the partition or sort key (such as /keys Products category product_id), or items with the same key overwrite each other."),
        ("/keys Users nickname", "nickname is not an attribute of User in Users (attributes: user_id, username, email, display_name, created_at)."),
        ("/keys UserEmails user_id", "UserEmails is the lookup table of User's unique email: it is keyed by the unique value, which is what enforces uniqueness."),
        ("/keys Orders order_id order_id", "order_id cannot be in both the partition key and the sort key."),
        ("/keys Orders", "Usage: /keys TABLE PARTITION[,PART2] [SORT[,SORT2]], or /keys TABLE reset."),
        ("/keys Orders reset", "Orders already has the engine's keys."),
        ("/index-keys Orders OrdersByUser a,b,c,d,e", "user_id"),
        ("/index-keys Orders OrdersByUser user_id,status,total,created_at,order_id", "A GSI key takes at most 4 partition-key and 4 sort-key attributes."),
        ("/index-keys Orders ByStatus status", "Orders has no index named ByStatus (its indexes: OrdersByUser)."),
        ("/projection Products ProductsByCategory some", "Usage: /projection TABLE INDEX keys_only|all|include a,b, or /projection TABLE INDEX reset."),
        ("/projection Products ProductsByCategory include", "Name the attributes to include: /projection Products ProductsByCategory include a,b."),
        ("/projection Products ProductsByCategory include price", "price is a key attribute: every projection holds it already. Name only other attributes."),
        ("/reject unique:User.email", "unique:User.email is not a proposal you can reject (proposals: child-key:OrderItem)."),
        ("/accept collection:Order", "There is no proposal collection:Order (proposals: child-key:OrderItem); /show decisions lists every decision."),
        ("/accept child-key:OrderItem extra words", "Usage: /accept DECISION-ID (no reason needed for a proposal)."),
        ("/reject", "Usage: /reject DECISION-ID (/show decisions lists them)."),
        ("/merge Order", "Usage: /merge MAIN OTHER... (entities, or the tables they live in)."),
        ("/merge Order Invoice", "There is no entity or table named Invoice (entities: User, Product, Order, OrderItem)."),
        ("/merge Order Order", "Order is named twice."),
        ("/split User", "User already has its own table (Users); there is nothing to split."),
        ("/capacity Orders sometimes", "Usage: /capacity TABLE on-demand|provisioned."),
        ("/capacity Orders on-demand", "Orders is already on-demand."),
        ("/class Orders glacier", "Usage: /class TABLE standard|standard-ia."),
        ("/naming camel", "Usage: /naming pascal|snake|kebab [PREFIX|none] (Users, users / order_items, shop-users)."),
        ("/naming pascal", "Tables are already named that way."),
        ("/naming snake 'my shop'", "A prefix uses only letters, digits, _ . and - (\"my shop\" contains \" \")."),
        ("/accept-scan 1 it is small", "Pattern 1 is served by GetItem on Users; it needs no Scan."),
        ("/accept-scan 11 offline", "Pattern 11 needs a search service: a Scan per search would read the whole table each time, so it stays ❌ for OpenSearch."),
        ("/accept-scan 99 whatever", "There is no pattern 99 (patterns: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)."),
        ("/accept-scan 6", "Usage: /accept-scan N REASON (why reading every item is acceptable: a small table, an offline job)."),
        ("/reject-scan 3", "No Scan is accepted for pattern 3."),
        ("/show table Nope", "There is no table named Nope (tables: Users, Products, Orders, OrderItems, UserUsernames, UserEmails)."),
    ])
    func badInputGetsAMessageAndChangesNothing(line: String, message: String) throws {
        var conversation = try DesignStageFixture.start()
        let before = conversation.state
        let reply = conversation.handle(line)
        #expect(reply.messages.count == 1)
        if message.hasSuffix(".") {
            #expect(reply.messages.first == message)
        } else {
            #expect(reply.messages.first?.contains(message) == true)
        }
        #expect(!reply.changed)
        #expect(conversation.state == before)
    }

    @Test func designCommandsWaitForTheRequirementsGate() throws {
        var conversation = try DesignStageFixture.loaded()
        for line in ["/rename table Users People", "/keys Users email", "/merge User Order", "/show model", "/accept-scan 1 x", "/naming snake"] {
            #expect(conversation.handle(line).messages == ["The data model is designed once the requirements gate is passed; /gate shows what it still needs."])
        }
    }

    @Test func garbageNeverCrashesOrChangesTheSession() throws {
        var conversation = try DesignStageFixture.start()
        let before = conversation.state
        let commands = Conversation.designCommands.map(\.name) + ["/show", "/accept", "/gate"]
        let arguments = ["", "table", "index", "attribute", "Users", "x", "\"\"", ",", ",,,", "reset", "include", "#", "-1", "99999999999999999999", "Orders OrdersByUser", "é", "table Users Users", "Users 'unclosed"]
        for command in commands {
            for argument in arguments {
                var copy = conversation
                let reply = copy.handle("\(command) \(argument)")
                #expect(!reply.messages.isEmpty || copy.state.step == .designGate, "\(command) \(argument) says something")
            }
        }
        #expect(conversation.handle("/rename attribute Users email \(String(repeating: "a", count: 256))").messages == ["Attribute names take 1 to 255 bytes; \"\(String(repeating: "a", count: 256))\" has 256."])
        #expect(conversation.state == before)
    }
}
