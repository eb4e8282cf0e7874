@testable import DesignEngine
import Requirements
import Testing

/// Sample items: two per entity, values from names and types, consistent across tables.
@Suite struct ExampleItemBuilderTests {
    typealias F = AnalysisFixture

    static func user() -> Entity {
        F.entity("User", ["user_id", "email", "full_name", "created_at", "active", "balance", "prefs", "tags"],
                 types: ["created_at": .datetime, "active": .boolean, "balance": .number, "prefs": .json, "tags": .set])
    }

    static let users = F.table("User", partitionKey: F.key("user_id", "S", .perItem(entity: "User")), attributes: [
        F.attribute("user_id", of: "User"), F.attribute("email", of: "User"), F.attribute("full_name", of: "User"),
        F.attribute("created_at", of: "User"), F.attribute("active", of: "User", "BOOL"), F.attribute("balance", of: "User", "N"),
        F.attribute("prefs", of: "User", "M"), F.attribute("tags", of: "User", "SS"),
    ])

    static func rows(_ items: [ExampleItem]) -> [String] {
        items.map { item in "\(item.entity): " + item.values.map { "\($0.attribute)=\($0.text)" }.joined(separator: " ") }
    }

    @Test func twoItemsPerEntityWithValuesFromNamesAndTypes() throws {
        let requirements = try F.requirements(entities: [Self.user()])
        #expect(Self.rows(ExampleItemBuilder.examples(for: Self.users, requirements: requirements)) == [
            #"User: user_id="usr-0001" email="user1@example.com" full_name="Alice Smith" created_at="2026-01-15T09:30:00Z" active=true balance=19.99 prefs={…} tags=["tag1", "tag2"]"#,
            #"User: user_id="usr-0002" email="user2@example.com" full_name="Bob Jones" created_at="2026-01-16T09:30:00Z" active=false balance=42.5 prefs={…} tags=["tag2", "tag3"]"#,
        ])
    }

    @Test func childItemsPointAtTheParentsExampleItems() throws {
        let orders = F.table("Order", partitionKey: F.key("id", "S", .perItem(entity: "Order")), attributes: [
            F.attribute("id", of: "Order"), F.attribute("user_id", of: "Order"), F.attribute("placed_on", of: "Order"),
        ])
        let requirements = try F.requirements(entities: [Self.user(), F.entity("Order", ["id", "user_id", "placed_on"], types: ["placed_on": .date])])
        let userItems = ExampleItemBuilder.examples(for: Self.users, requirements: requirements)
        let orderItems = ExampleItemBuilder.examples(for: orders, requirements: requirements)
        #expect(Self.rows(orderItems) == [
            #"Order: id="ord-0001" user_id="usr-0001" placed_on="2026-01-15""#,
            #"Order: id="ord-0002" user_id="usr-0002" placed_on="2026-01-16""#,
        ])
        #expect(orderItems[0].values[1].text == userItems[0].values[0].text)
    }

    @Test func itemCollectionMembersShareTheFirstParentsPartitionAndPrefixTheirSortKey() throws {
        let table = F.table(
            "Order", role: .itemCollection(parent: "Order", children: ["OrderItem"]), entities: ["Order", "OrderItem"],
            partitionKey: F.key("order_id", "S", .perItem(entity: "Order")),
            sortKey: F.key("collection_key", "S", composedOf: ["entity type", "member id"]),
            attributes: [
                F.attribute("collection_key", of: "Order", size: 48, composedOf: ["entity type", "member id"]),
                F.attribute("order_id", of: "Order"), F.attribute("total", of: "Order", "N"),
                F.attribute("line_no", of: "OrderItem", "N"), F.attribute("sku", of: "OrderItem"), F.attribute("quantity", of: "OrderItem", "N"),
            ])
        var item = F.entity("OrderItem", ["order_id", "line_no", "sku", "quantity"], types: ["line_no": .number, "quantity": .number])
        item.identifier = ["order_id", "line_no"]
        let requirements = try F.requirements(
            entities: [F.entity("Order", ["order_id", "total"], types: ["total": .number]), item],
            relationships: [Relationship(parent: "Order", child: "OrderItem", cardinality: .known(Cardinality(average: 3, maximum: 50)))])
        #expect(Self.rows(ExampleItemBuilder.examples(for: table, requirements: requirements)) == [
            #"Order: collection_key="ORDER" order_id="ord-0001" total=19.99"#,
            #"Order: collection_key="ORDER" order_id="ord-0002" total=42.5"#,
            #"OrderItem: collection_key="ORDER_ITEM#1" order_id="ord-0001" line_no=1 sku="SKU-0001" quantity=2"#,
            #"OrderItem: collection_key="ORDER_ITEM#2" order_id="ord-0001" line_no=2 sku="SKU-0002" quantity=3"#,
        ])
    }

    @Test func lookupItemsCarryTheOwnersValues() throws {
        let lookup = UniqueLookup(entity: "User", attributes: ["email"], ownerTableID: "User", ownerKeyAttributes: ["user_id"],
                                  createTransaction: [], changeTransaction: [])
        let table = F.table("User.email", name: "UserEmails", role: .uniqueLookup(lookup), entities: ["User"],
                            partitionKey: F.key("email", "S", .perItem(entity: "User")),
                            attributes: [F.attribute("email", of: "User"), F.attribute("user_id", of: "User")])
        let requirements = try F.requirements(entities: [Self.user()])
        #expect(Self.rows(ExampleItemBuilder.examples(for: table, requirements: requirements)) == [
            #"User: email="user1@example.com" user_id="usr-0001""#,
            #"User: email="user2@example.com" user_id="usr-0002""#,
        ])
    }

    @Test func compositeKeysJoinTheirPartsAndEnumsUseTheirValues() throws {
        let key = F.key("tenant_id#user_id", "S", .perItem(entity: "Member"), composedOf: ["tenant_id", "user_id"])
        let table = F.table("Member", partitionKey: key, attributes: [
            F.attribute("tenant_id#user_id", of: "Member", composedOf: ["tenant_id", "user_id"]),
            F.attribute("tenant_id", of: "Member"), F.attribute("user_id", of: "Member"), F.attribute("status", of: "Member"),
        ])
        var member = F.entity("Member", ["tenant_id", "user_id", "status"])
        member.attributes[2].source = SourceColumn(table: "members", column: "status", mysqlType: "enum('UNVALIDATED','VALIDATED','REGISTERED')",
                                                   dynamoDBType: .string, nullable: false)
        let requirements = try F.requirements(entities: [member])
        #expect(Self.rows(ExampleItemBuilder.examples(for: table, requirements: requirements)) == [
            #"Member: tenant_id#user_id="tnt-0001#usr-0001" tenant_id="tnt-0001" user_id="usr-0001" status="UNVALIDATED""#,
            #"Member: tenant_id#user_id="tnt-0002#usr-0002" tenant_id="tnt-0002" user_id="usr-0002" status="VALIDATED""#,
        ])
    }

    @Test func booleanKeysAreNumbersAndCopiesMatchTheirSource() throws {
        let copy = Denormalization(justification: "", localAttribute: "tenant_id", sourceJoinAttribute: "tenant_id")
        let table = F.table("Order", partitionKey: F.key("order_id", "S", .perItem(entity: "Order")), attributes: [
            F.attribute("order_id", of: "Order"), F.attribute("tenant_id", of: "Order"), F.attribute("active", of: "Order", "BOOL"),
            F.attribute("tenant_name", of: "Order", from: "Tenant", denormalization: copy, source: "name"),
        ], indexes: [F.index("OrdersByActive", partitionKey: [F.key("active", "N", .fewValues(count: 2, source: "boolean"))])])
        let tenants = F.table("Tenant", partitionKey: F.key("tenant_id"), attributes: [F.attribute("tenant_id", of: "Tenant"), F.attribute("name", of: "Tenant")])
        let requirements = try F.requirements(entities: [
            F.entity("Order", ["order_id", "tenant_id", "active"], types: ["active": .boolean]), F.entity("Tenant", ["tenant_id", "name"]),
        ])
        let orderItems = ExampleItemBuilder.examples(for: table, requirements: requirements)
        #expect(Self.rows(orderItems) == [
            #"Order: order_id="ord-0001" tenant_id="tnt-0001" active=1 tenant_name="Tenant 1""#,
            #"Order: order_id="ord-0002" tenant_id="tnt-0002" active=0 tenant_name="Tenant 2""#,
        ])
        let tenantItems = ExampleItemBuilder.examples(for: tenants, requirements: requirements)
        #expect(tenantItems[0].values[1].text == orderItems[0].values[3].text)
    }

    @Test(arguments: [
        ("user", "usr"), ("order", "ord"), ("tenant", "tnt"), ("order_item", "ori"), ("tag", "tag"), ("OrderItem", "ori"),
    ])
    func identifierPrefixesAbbreviateTheName(name: String, prefix: String) {
        #expect(ExampleValueWriter.prefix(NameWords.split(name).map { $0.lowercased() }) == prefix)
    }

    @Test(arguments: [
        ("agent_ids", "L", AttributeType.list, #"["agn-0001", "agn-0002"]"#),
        ("end_date", "S", .date, #""2026-02-15""#),
        ("start_date", "S", .date, #""2026-01-15""#),
        ("discount_percent", "N", .number, "10"),
        ("api_key", "S", .string, #""api_key-1""#),
        ("expires_at", "N", .number, "1768469400"),
        ("payload", "B", .binary, #""AQID""#),
    ])
    func valuesFollowTheNameAndType(name: String, type: String, attributeType: AttributeType, expected: String) {
        let attribute = Attribute(name: name, type: attributeType)
        #expect(ExampleValueWriter.text(name: name, entity: "Project", attribute: attribute, type: DynamoDBType(rawValue: type) ?? .string, ordinal: 1) == expected)
    }

    @Test func mysqlEnumAndSetValuesAreParsedWithEscapes() {
        #expect(ExampleValueWriter.quotedValues("enum('a','it''s','b\\'c')", prefix: "enum(") == ["a", "it's", "b'c"])
        #expect(ExampleValueWriter.quotedValues("set('red','blue')", prefix: "set(") == ["red", "blue"])
        #expect(ExampleValueWriter.quotedValues("varchar(10)", prefix: "enum(") == nil)
    }
}
