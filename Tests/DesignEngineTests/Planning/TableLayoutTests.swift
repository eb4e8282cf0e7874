import DesignEngine
import Requirements
import Testing

/// Where entities are placed (docs/design-engine.md, "Place entities in tables") and the decisions recorded for it.
@Suite struct TableLayoutTests {
    /// Order reads: 80% "order with items", 20% "order alone"; items always read through the order.
    static let ordersWithItems = """
    entities:
      - name: Order
        identifier: order_id
        attributes: [order_id:string:36, total:number]
      - name: OrderItem
        identifier: [order_id, line_no]
        attributes: [order_id:string:36, line_no:number, sku:string:12, quantity:number]
    relationships:
      - parent: Order
        child: OrderItem
        cardinality: avg 3 max 50
        child_exists_without_parent: false
    access_patterns:
    \(YAMLRequirements.read("Order with items", "Order, OrderItem", equality: "order_id", average: 80))\(YAMLRequirements.read("Order alone", "Order", equality: "order_id", average: 20))\(YAMLRequirements.read("Items of an order", "OrderItem", equality: "order_id", items: 3, average: 10))
    """

    @Test func readCorrelationBetweenHalfAndNinetyPercentMakesAnItemCollection() throws {
        let model = try YAMLRequirements.design(Self.ordersWithItems)
        #expect(model.tables.map(\.id) == ["Order"])
        let table = try #require(model.table(id: "Order"))
        #expect(table.role == .itemCollection(parent: "Order", children: ["OrderItem"]))
        #expect(table.partitionKey.name == "order_id")
        #expect(table.sortKey?.name == "collection_key")
        #expect(table.entities == ["Order", "OrderItem"])
        let decision = try #require(model.decisions.first { $0.id == "collection:OrderItem" })
        #expect(decision.type == .itemCollection)
        #expect(decision.justification.contains("80% of Order reads also need OrderItem (80 of 100 average RPS)"))
        // Order with items: one Query over the partition; order alone: GetItem on the fixed sort key.
        #expect(model.mapping(for: 1)?.operation == .query)
        #expect(model.mapping(for: 1)?.keyConditionText == "order_id = :order_id")
        #expect(model.mapping(for: 2)?.operation == .getItem)
        #expect(model.mapping(for: 2)?.keyConditionText == "order_id = :order_id AND collection_key = \"ORDER\"")
        #expect(model.mapping(for: 3)?.keyConditionText == "order_id = :order_id AND begins_with(collection_key, \"ORDER_ITEM#\")")
    }

    @Test func rejectingTheItemCollectionKeysTheChildByItsParentInstead() throws {
        var choices = DesignChoices()
        choices.proposals["collection:OrderItem"] = false
        let model = try YAMLRequirements.design(Self.ordersWithItems, choices: choices)
        #expect(model.tables.map(\.id) == ["Order", "OrderItem"])
        let items = try #require(model.table(id: "OrderItem"))
        #expect(items.partitionKey.name == "order_id")
        #expect(items.sortKey?.name == "line_no")
        #expect(model.decisions.first { $0.id == "collection:OrderItem" }?.userChoice == "rejected")
        #expect(model.decisions.contains { $0.id == "child-key:OrderItem" })
        #expect(model.mapping(for: 3)?.operation == .query)
        #expect(model.mapping(for: 3)?.tableID == "OrderItem")
        #expect(model.mapping(for: 1)?.notes.contains { $0.contains("Then Query OrderItems by order_id") } == true)
    }

    @Test func ninetyPercentTogetherProposesAnAggregateAppliedOnlyWhenAccepted() throws {
        let yaml = Self.ordersWithItems.replacingOccurrences(of: "average_rps: 20", with: "average_rps: 5")
        let proposed = try YAMLRequirements.design(yaml)
        let decision = try #require(proposed.decisions.first { $0.id == "aggregate:OrderItem" })
        #expect(decision.chosenApproach.contains("Proposed, not applied"))
        #expect(decision.justification.contains("94.1% of Order reads also need OrderItem"))

        var choices = DesignChoices()
        choices.proposals["aggregate:OrderItem"] = true
        let embedded = try YAMLRequirements.design(yaml, choices: choices)
        #expect(embedded.tables.map(\.id) == ["Order"])
        let order = try #require(embedded.table(id: "Order"))
        #expect(order.attribute(named: "order_items")?.dynamoDBType.rawValue == "L")
        #expect(embedded.mapping(for: 3)?.operation == .getItem)
        #expect(embedded.mapping(for: 3)?.tableID == "Order")
    }

    @Test func lowCorrelationKeepsTablesApartAndSaysWhy() throws {
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100\n    child_exists_without_parent: true",
            patterns: YAMLRequirements.read("Get user", "User", equality: "user_id", average: 90)
                + YAMLRequirements.read("Get user with orders", "User, Order", equality: "user_id", average: 10)))
        #expect(model.tables.filter { $0.lookup == nil }.map(\.id) == ["User", "Order"])
        let decision = try #require(model.decisions.first { $0.id == "separate:User.Order" })
        #expect(decision.justification.contains("10% of User reads also need Order"))
        #expect(decision.justification.contains("under the 50%"))
        #expect(decision.justification.contains("can exist without its User"))
    }

    @Test func differentOwnersAreNeverCombined() throws {
        let yaml = Self.ordersWithItems.replacingOccurrences(
            of: "  - name: OrderItem\n", with: "  - name: OrderItem\n    owner: fulfilment\n")
        let model = try YAMLRequirements.design(yaml)
        #expect(model.tables.map(\.id) == ["Order", "OrderItem"])
        #expect(model.decisions.contains { $0.id == "child-key:OrderItem" })
    }

    @Test func mergingTablesAtTheGatePutsEntitiesInOneTable() throws {
        var choices = DesignChoices()
        choices.proposals["collection:OrderItem"] = false
        choices.merges = [["Order", "OrderItem"]]
        let model = try YAMLRequirements.design(Self.ordersWithItems, choices: choices)
        #expect(model.tables.map(\.id) == ["Order"])
        #expect(model.decisions.contains { $0.id == "merge:Order+OrderItem" && $0.userChoice == "merge" })
    }
}

/// Unique constraints (docs/design-engine.md, "Lookup tables for unique constraints").
@Suite struct UniqueConstraintTests {
    static let users = YAMLRequirements.usersAndOrders(
        relationship: "cardinality: avg 5 max 100",
        patterns: YAMLRequirements.read("By email", "User", equality: "email", consistency: "strong")
            + YAMLRequirements.write("Sign up", "User")
            + YAMLRequirements.write("Rename", "User", type: "update", equality: "user_id", attributes: "[name]")
            + YAMLRequirements.write("Change email", "User", type: "update", equality: "user_id", attributes: "[email]")
            + YAMLRequirements.write("Close account", "User", type: "delete", equality: "user_id"))

    @Test func everyUniqueAttributeGetsALookupTable() throws {
        let model = try YAMLRequirements.design(Self.users)
        let lookup = try #require(model.table(id: "User.email"))
        #expect(lookup.name == "UserEmails")
        #expect(lookup.partitionKey.name == "email")
        #expect(lookup.lookup?.ownerTableID == "User")
        #expect(lookup.attributes.map(\.name) == ["email", "user_id"])
        #expect(lookup.lookup?.createTransaction.map(\.action) == [.put, .put])
        #expect(lookup.lookup?.createTransaction.last?.condition == "attribute_not_exists(email)")
        #expect(model.decisions.contains { $0.id == "unique:User.email" && $0.type == .uniqueConstraint })
    }

    @Test func getByUniqueAttributeReadsTheLookupTableStronglyConsistent() throws {
        let mapping = try #require(try YAMLRequirements.design(Self.users).mapping(for: 1))
        #expect(mapping.status == .served)
        #expect(mapping.operation == .getItem)
        #expect(mapping.plan?.steps.map(\.request.tableID) == ["User.email", "User"])
        #expect(mapping.plan?.steps.allSatisfy { if case .getItem(let get) = $0.request { return get.consistent } else { return false } } == true)
        // Two strongly consistent GetItems of items under 4 KB.
        #expect(mapping.readUnitsPerRequest == 2)
    }

    @Test func writesThatTouchAUniqueValueAreTransactions() throws {
        let model = try YAMLRequirements.design(Self.users)
        let create = try #require(model.mapping(for: 2))
        #expect(create.operation == .transactWriteItems)
        // Transactional writes cost double: 2 units for the user, 2 for the lookup item.
        #expect(create.writeUnitsPerRequest == 2)
        #expect(create.totalWriteUnitsPerRequest == 4)
        #expect(model.mapping(for: 3)?.operation == .updateItem)
        let change = try #require(model.mapping(for: 4))
        #expect(change.operation == .transactWriteItems)
        #expect(change.totalWriteUnitsPerRequest == 6)
        #expect(model.mapping(for: 5)?.operation == .transactWriteItems)
    }

    @Test func creatingAParentWithItsChildrenIsOneTransaction() throws {
        let yaml = YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100\n    child_exists_without_parent: true",
            patterns: YAMLRequirements.write("Create user with first orders", "User, Order"))
        let mapping = try #require(try YAMLRequirements.design(yaml).mapping(for: 1))
        #expect(mapping.operation == .transactWriteItems)
        #expect(mapping.notes.first?.contains("Put 5 Order items on average in Orders") == true)
        #expect(mapping.notes.contains { $0.contains("at most 100 actions") })
    }
}

/// Names, renames and the user's key choices.
@Suite struct NamingTests {
    @Test(arguments: [
        (NamingConvention.Style.pascal, nil as String?, "OrderItems", "OrderItemsBySku"),
        (.snake, nil, "order_items", "order_items_by_sku"),
        (.kebab, "shop", "shop-order-items", "order-items-by-sku"),
    ])
    func namingConventionShapesTableAndIndexNames(style: NamingConvention.Style, prefix: String?, table: String, index: String) throws {
        let yaml = """
        entities:
          - name: OrderItem
            identifier: item_id
            attributes: [item_id:string:36, sku:string:12]
        access_patterns:
        \(YAMLRequirements.read("Items by SKU", "OrderItem", equality: "sku", items: 3))
        """
        var choices = DesignChoices()
        choices.naming = NamingConvention(style: style, prefix: prefix)
        let model = try YAMLRequirements.design(yaml, choices: choices)
        #expect(model.tables.first?.name == table)
        #expect(model.tables.first?.indexes.first?.name == index)
    }

    @Test func renamesApplyToTablesIndexesAttributesAndKeyConditions() throws {
        var choices = DesignChoices()
        choices.tableNames["Order"] = "CustomerOrders"
        choices.indexNames["Order"] = ["OrdersByUser": "ByCustomer"]
        choices.attributeNames["Order"] = ["user_id": "customer_id"]
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", items: 5)), choices: choices)
        let table = try #require(model.table(id: "Order"))
        #expect(table.name == "CustomerOrders")
        #expect(table.indexes.first?.name == "ByCustomer")
        #expect(table.indexes.first?.partitionKey.first?.name == "customer_id")
        #expect(table.attribute(named: "customer_id")?.sourceAttribute == "user_id")
        #expect(model.mapping(for: 1).flatMap { model.indexName(tableID: "Order", indexID: $0.indexID) } == "ByCustomer")
        #expect(model.mapping(for: 1)?.keyConditionText == "customer_id = :user_id")
    }

    /// Keys chosen at the gate replace the engine's; an identifier the new key does not cover
    /// keeps its uniqueness through a lookup table, which also serves strong reads by it.
    @Test func keysChosenAtTheGateReplaceTheEnginesAndKeepTheIdentifierUnique() throws {
        var choices = DesignChoices()
        choices.tableKeys["User"] = KeyChoice(partition: ["email"], sort: [])
        let model = try YAMLRequirements.design(YAMLRequirements.usersAndOrders(
            relationship: "cardinality: avg 5 max 100",
            patterns: YAMLRequirements.read("Get user", "User", equality: "user_id", consistency: "strong")), choices: choices)
        #expect(model.table(id: "User")?.partitionKey.name == "email")
        #expect(model.table(id: "User.user_id")?.lookup?.attributes == ["user_id"])
        #expect(model.brokenPatterns.isEmpty)
        #expect(model.mapping(for: 1)?.plan?.steps.map(\.request.tableID) == ["User.user_id", "User"])
    }
}
