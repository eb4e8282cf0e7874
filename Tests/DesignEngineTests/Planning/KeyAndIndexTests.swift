import DesignEngine
import Requirements
import Testing

/// Base keys, GSIs, LSIs and projections (docs/design-engine.md, "Base keys" and "Plan every access pattern").
@Suite struct KeyAndIndexTests {
    @Test func entityIdentifierIsThePartitionKeyAndGetByIDIsAGetItem() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Get user", "User", equality: "user_id")))
        let users = try #require(model.table(id: "User"))
        #expect(users.name == "Users")
        #expect(users.partitionKey.name == "user_id")
        #expect(users.partitionKey.dynamoDBType.rawValue == "S")
        #expect(users.sortKey == nil)
        let mapping = try #require(model.mapping(for: 1))
        #expect(mapping.operation == .getItem)
        #expect(mapping.tableID == "User")
        #expect(mapping.keyConditionText == "user_id = :user_id")
        // 3 attributes of 36+40+30 bytes plus names: one 4 KB unit, halved for eventual consistency.
        #expect(mapping.readUnitsPerRequest == 0.5)
    }

    @Test func readByANonKeyAttributeGetsANaturallyNamedGSISortedAsAsked() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", sort: "created_at desc", items: 10,
                                            attributes: "[order_id, total, created_at]")
                + YAMLRequirements.read("Get order", "Order", equality: "order_id")))
        let orders = try #require(model.table(id: "Order"))
        #expect(orders.partitionKey.name == "order_id")
        let index = try #require(orders.indexes.first)
        #expect(orders.indexes.count == 1)
        #expect(index.name == "OrdersByUser")
        #expect(index.kind == .global)
        #expect(index.partitionKey.map(\.name) == ["user_id"])
        #expect(index.sortKey.map(\.name) == ["created_at"])
        // order_id is the table key and created_at the index sort key: only total is copied.
        #expect(index.projection == .include(["total"]))
        let mapping = try #require(model.mapping(for: 1))
        #expect(mapping.operation == .query)
        #expect(mapping.indexID == "OrdersByUser")
        #expect(mapping.notes.contains { $0.contains("ScanIndexForward = false") })
    }

    @Test func patternsWithTheSameIndexKeyShareOneGSI() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", items: 5, attributes: "[order_id]")
                + YAMLRequirements.read("Order totals of a user", "Order", equality: "user_id", items: 5, attributes: "[total]")))
        let orders = try #require(model.table(id: "Order"))
        #expect(orders.indexes.count == 1)
        #expect(orders.indexes[0].patternIDs == [1, 2])
        #expect(orders.indexes[0].projection == .include(["total"]))
    }

    @Test(arguments: [
        ("[order_id]", "KEYS_ONLY"),
        ("[order_id, status]", "INCLUDE"),
        ("all", "ALL"),
    ])
    func projectionFollowsWhatThePatternNeedsBack(attributes: String, expected: String) throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", items: 5, attributes: attributes)))
        let index = try #require(model.table(id: "Order")?.indexes.first)
        #expect(index.projection.awsName == expected)
        if expected == "ALL" { #expect(index.projectionReason.contains("doubling storage and write cost")) }
    }

    @Test func aStronglyConsistentReadIsNeverPlannedOnAGSI() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", consistency: "strong")))
        let mapping = try #require(model.mapping(for: 1))
        guard case .unserved(let reason) = mapping.status else {
            Issue.record("expected unserved, got \(mapping.status)")
            return
        }
        #expect(reason.contains("GSIs are eventually consistent"))
        #expect(model.table(id: "Order")?.indexes.isEmpty == true)
        #expect(model.brokenPatterns.map(\.patternID) == [1])
    }

    @Test func strongReadsInAnotherOrderWithinAPartitionGetAnLSI() throws {
        let yaml = """
        entities:
          - name: Message
            identifier: [room_id, message_id]
            attributes: [room_id:string:36, message_id:string:36, sent_at:datetime, body:string:200]
        access_patterns:
        \(YAMLRequirements.read("Messages of a room by time", "Message", equality: "room_id", sort: "sent_at desc", items: 20, consistency: "strong"))\(YAMLRequirements.read("One message", "Message", equality: "room_id, message_id"))
        """
        // "One message" needs the sort key message_id as it is: the order comes from an LSI.
        let model = try YAMLRequirements.design(yaml)
        let table = try #require(model.table(id: "Message"))
        #expect(table.partitionKey.name == "room_id")
        #expect(table.sortKey?.name == "message_id")
        let index = try #require(table.indexes.first)
        #expect(index.kind == .local)
        #expect(index.partitionKey.map(\.name) == ["room_id"])
        #expect(index.sortKey.map(\.name) == ["sent_at"])
        #expect(model.mapping(for: 1)?.status == .served)
    }

    @Test func aReadWithoutEqualityIsUnservedUntilTheScanIsAccepted() throws {
        let yaml = YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("All users", "User", equality: "", items: 50))
        let refused = try YAMLRequirements.design(yaml)
        #expect(refused.mapping(for: 1)?.operation == nil)
        guard case .unserved(let reason)? = refused.mapping(for: 1)?.status else {
            Issue.record("expected unserved")
            return
        }
        #expect(reason.contains("/accept-scan 1"))

        var choices = DesignChoices()
        choices.acceptedScans["1"] = "nightly export"
        let accepted = try YAMLRequirements.design(yaml, choices: choices)
        #expect(accepted.mapping(for: 1)?.operation == .scan)
        #expect(accepted.mapping(for: 1)?.status == .acceptedScan)
        #expect(accepted.brokenPatterns.isEmpty)
    }

    @Test func compositeIdentifierBecomesPartitionAndSortKeyWhenEveryReadKnowsTheFirstPart() throws {
        let yaml = """
        entities:
          - name: Line
            identifier: [invoice_id, line_no]
            attributes: [invoice_id:string:36, line_no:number, amount:number]
        access_patterns:
        \(YAMLRequirements.read("Lines of an invoice", "Line", equality: "invoice_id", items: 5))\(YAMLRequirements.read("One line", "Line", equality: "invoice_id, line_no"))
        """
        let model = try YAMLRequirements.design(yaml)
        let table = try #require(model.table(id: "Line"))
        #expect(table.partitionKey.name == "invoice_id")
        #expect(table.sortKey?.name == "line_no")
        #expect(table.sortKey?.dynamoDBType.rawValue == "N")
        #expect(model.mapping(for: 1)?.operation == .query)
        #expect(model.mapping(for: 2)?.operation == .getItem)
        #expect(table.indexes.isEmpty)
    }

    @Test func compositeIdentifierIsConcatenatedWhenNoPartIsKnownByEveryRead() throws {
        let yaml = """
        entities:
          - name: Membership
            identifier: [team_id, user_id, day]
            attributes: [team_id:string:36, user_id:string:36, day:date, role:string:10]
        access_patterns:
        \(YAMLRequirements.read("One membership", "Membership", equality: "team_id, user_id, day"))\(YAMLRequirements.read("Memberships by role", "Membership", equality: "role", items: 4))
        """
        let model = try YAMLRequirements.design(yaml)
        let table = try #require(model.table(id: "Membership"))
        #expect(table.partitionKey.name == "team_id#user_id#day")
        #expect(table.partitionKey.composedOf == ["team_id", "user_id", "day"])
        #expect(table.partitionKey.dynamoDBType.rawValue == "S")
        #expect(table.attribute(named: "team_id#user_id#day")?.composedOf == ["team_id", "user_id", "day"])
        #expect(model.mapping(for: 1)?.operation == .getItem)
        #expect(table.indexes.map(\.name) == ["MembershipsByRole"])
    }

    @Test func multiAttributeEqualityBecomesAMultiAttributeGSIKey() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("A user's orders in a status", "Order", equality: "user_id, status", sort: "created_at desc", items: 5)))
        let index = try #require(model.table(id: "Order")?.indexes.first)
        #expect(index.partitionKey.map(\.name) == ["user_id", "status"])
        #expect(index.name == "OrdersByUserAndStatus")
        #expect(model.mapping(for: 1)?.keyConditionText == "user_id = :user_id AND status = :status")
    }
}

/// Index keys chosen at the design gate.
@Suite struct IndexKeyChoiceTests {
    static let yaml = YAMLRequirements.usersAndOrders(
        relationship: "cardinality: avg 5 max 100",
        patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", sort: "created_at desc", items: 5))

    @Test func indexKeysThatStillServeThePatternAreUsed() throws {
        var choices = DesignChoices()
        choices.indexKeys["Order"] = ["OrdersByUser": KeyChoice(partition: ["user_id"], sort: ["created_at", "order_id"])]
        let model = try YAMLRequirements.design(Self.yaml, choices: choices)
        let index = try #require(model.table(id: "Order")?.indexes.first)
        #expect(index.sortKey.map(\.name) == ["created_at", "order_id"])
        #expect(model.mapping(for: 1)?.status == .served)
    }

    @Test func indexKeysThatNoLongerServeThePatternBreakItWithTheReason() throws {
        var choices = DesignChoices()
        choices.indexKeys["Order"] = ["OrdersByUser": KeyChoice(partition: ["status"], sort: [])]
        let model = try YAMLRequirements.design(Self.yaml, choices: choices)
        guard case .unserved(let reason)? = model.mapping(for: 1)?.status else {
            Issue.record("expected the pattern to be unserved")
            return
        }
        #expect(reason.contains("OrdersByUser was keyed by status at the design gate"))
        #expect(model.brokenPatterns.map(\.patternID) == [1])
    }

    @Test func separateDecisionsAreNamedPerRelationship() throws {
        let yaml = YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100\n    child_exists_without_parent: true",
            patterns: YAMLRequirements.read("Get order", "Order", equality: "order_id"))
        let model = try YAMLRequirements.design(yaml)
        #expect(model.decisions.contains { $0.id == "separate:User.Order" })
        #expect(Set(model.decisions.map(\.id)).count == model.decisions.count)
    }
}
