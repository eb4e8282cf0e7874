import Foundation
import MySQLSchema
import Requirements
import SchemaImport
import Testing

@Suite struct SchemaImporterTests {
    static let shop = """
        CREATE TABLE `users` (
          `id` bigint unsigned NOT NULL AUTO_INCREMENT,
          `email` varchar(255) NOT NULL,
          `name` varchar(100) DEFAULT NULL,
          `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
          PRIMARY KEY (`id`),
          UNIQUE KEY `uq_email` (`email`)
        ) ENGINE=InnoDB;
        CREATE TABLE `orders` (
          `id` bigint unsigned NOT NULL AUTO_INCREMENT,
          `user_id` bigint unsigned NOT NULL,
          `status` enum('new','paid','shipped') NOT NULL,
          `total` decimal(10,2) NOT NULL,
          `created_at` datetime(3) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `idx_user_created` (`user_id`,`created_at`),
          CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
        );
        CREATE TABLE `order_items` (
          `order_id` bigint unsigned NOT NULL,
          `line_no` int NOT NULL,
          `product_sku` char(12) DEFAULT NULL,
          PRIMARY KEY (`order_id`,`line_no`),
          FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`),
          FOREIGN KEY (`product_sku`) REFERENCES `products` (`sku`) ON DELETE SET NULL
        );
        CREATE TABLE `products` (
          `sku` char(12) NOT NULL PRIMARY KEY,
          `title` varchar(200) NOT NULL,
          `description` text,
          FULLTEXT KEY `ft_products` (`title`,`description`)
        );
        INSERT INTO products VALUES ('a','b','c');
        """

    static func imported(_ sql: String = shop) -> (Requirements, SchemaImportReport, [String]) {
        var requirements = Requirements()
        let (report, review) = SchemaImporter.apply(SchemaParser.parse([SchemaSource(name: "shop.sql", text: sql)]), previous: nil, to: &requirements)
        return (requirements, report, review)
    }

    @Test func tablesBecomeEntitiesWithKeysTypesAndSources() throws {
        let (requirements, report, review) = Self.imported()
        #expect(requirements.entities.map(\.name) == ["User", "Order", "OrderItem", "Product"])
        #expect(review == ["User", "Order", "OrderItem", "Product"])
        let user = try #require(requirements.entity(named: "User"))
        #expect(user.identifier == ["id"])
        #expect(user.uniqueGroups == [["email"]])
        #expect(user.sourceTable == "users")
        #expect(user.attribute(named: "id")?.type == .number)
        #expect(user.attribute(named: "created_at")?.type == .datetime)
        #expect(user.attribute(named: "email")?.source == SourceColumn(table: "users", column: "email", mysqlType: "varchar(255)", dynamoDBType: .string, nullable: false))
        let item = try #require(requirements.entity(named: "OrderItem"))
        #expect(item.identifier == ["order_id", "line_no"], "composite keys are kept as such")
        let order = try #require(requirements.entity(named: "Order"))
        #expect(order.sourceIndexes == [SourceIndex(name: "idx_user_created", kind: .secondary, attributes: ["user_id", "created_at"])])
        #expect(requirements.entity(named: "Product")?.sourceIndexes == [SourceIndex(name: "ft_products", kind: .fulltext, attributes: ["title", "description"])])
        #expect(report.tables == 4)
        #expect(report.foreignKeys == 3)
        #expect(report.skipped.first?.hasPrefix("1 insert statement") == true)
    }

    @Test func foreignKeysBecomeRelationshipsWithoutGuessedCardinalities() throws {
        let (requirements, _, _) = Self.imported()
        let labels = requirements.relationships.map(\.label)
        #expect(labels == ["User -> Order", "Order -> OrderItem", "Product -> OrderItem"])
        let userOrders = try #require(requirements.relationship(parent: "User", child: "Order"))
        #expect(userOrders.cardinality == nil)
        #expect(userOrders.childExistsWithoutParent == false, "a NOT NULL foreign key: an order needs its user")
        #expect(userOrders.sourceForeignKey == SourceForeignKey(name: "fk_orders_user", columns: ["user_id"], referencedColumns: ["id"], onDelete: "CASCADE"))
        #expect(requirements.relationship(parent: "Product", child: "OrderItem")?.childExistsWithoutParent == true)
    }

    @Test func aReimportShowsChangesAndKeepsTheAnswersThatStillApply() throws {
        var requirements = Requirements()
        let first = SchemaParser.parse([SchemaSource(name: "v1.sql", text: Self.shop)])
        _ = SchemaImporter.apply(first, previous: nil, to: &requirements)
        // The user's answers: a rename, a size, an exclusion, a cardinality, a pattern on orders.status.
        var user = requirements.entity(named: "User")!
        user.name = "Customer"
        user.attributes[2].typicalSizeBytes = 24
        user.attributes[2].excludedReason = "legacy display name"
        try requirements.updateEntity(named: "User", to: user)
        var relationship = requirements.relationship(parent: "Customer", child: "Order")!
        relationship.cardinality = .known(Cardinality(average: 5, maximum: 1000))
        try requirements.updateRelationship(parent: "Customer", child: "Order", to: relationship)
        try requirements.addPattern(AccessPattern(id: 0, description: "Orders by status", entities: ["Order"], type: .read, equalityAttributes: ["status"]))

        let changed = Self.shop
            .replacingOccurrences(of: "`status` enum('new','paid','shipped') NOT NULL,", with: "")
            .replacingOccurrences(of: "`total` decimal(10,2) NOT NULL,", with: "`total` decimal(12,2) NOT NULL, `currency` char(3) NOT NULL,")
            .replacingOccurrences(of: "`name` varchar(100) DEFAULT NULL,", with: "`name` varchar(100) DEFAULT NULL, `phone` varchar(20),")
            + "\nCREATE TABLE coupons (code varchar(20) PRIMARY KEY);"
        let second = SchemaParser.parse([SchemaSource(name: "v2.sql", text: changed)])
        let (report, review) = SchemaImporter.apply(second, previous: first, to: &requirements)

        let customer = try #require(requirements.entity(named: "Customer"))
        #expect(customer.attribute(named: "name")?.typicalSizeBytes == 24)
        #expect(customer.attribute(named: "name")?.excludedReason == "legacy display name")
        #expect(customer.attribute(named: "phone") != nil)
        #expect(requirements.relationship(parent: "Customer", child: "Order")?.cardinality == .known(Cardinality(average: 5, maximum: 1000)))
        let order = try #require(requirements.entity(named: "Order"))
        #expect(order.attribute(named: "status")?.excludedReason == SchemaImporter.removedColumnReason, "kept: pattern 1 uses it")
        #expect(order.attribute(named: "currency")?.type == .string)
        #expect(requirements.entity(named: "Coupon") != nil)
        #expect(report.changes.contains("added column users.phone"))
        #expect(report.changes.contains("removed column orders.status"))
        #expect(report.changes.contains("orders.total: type decimal(10,2) → decimal(12,2)"))
        #expect(report.changes.contains("added table coupons (entity Coupon)"))
        #expect(report.warnings.contains { $0.contains("Order.status is gone from the schema but still used by pattern 1") })
        #expect(review.contains("Coupon") && review.contains("Order") && review.contains("Customer"))
        #expect(!review.contains("Product"), "unchanged tables need no second review")
    }

    @Test func aDroppedTableRemovesItsUnusedEntity() {
        var requirements = Requirements()
        let first = SchemaParser.parse([SchemaSource(name: "v1.sql", text: Self.shop)])
        _ = SchemaImporter.apply(first, previous: nil, to: &requirements)
        let withoutProducts = SchemaParser.parse([SchemaSource(name: "v2.sql", text: Self.shop + "\nDROP TABLE order_items; DROP TABLE products;")])
        let (report, _) = SchemaImporter.apply(withoutProducts, previous: first, to: &requirements)
        #expect(requirements.entity(named: "Product") == nil)
        #expect(report.changes.contains("removed table products (entity Product deleted)"))
    }

    @Test(arguments: [
        ("users", "User"), ("order_items", "OrderItem"), ("categories", "Category"), ("addresses", "Address"),
        ("statuses", "Status"), ("boxes", "Box"), ("status", "Status"), ("news", "News"), ("tbl-2", "Tbl2"), ("2fa_codes", "T2faCode"),
    ])
    func tableNamesBecomeEntityNames(table: String, entity: String) {
        var requirements = Requirements()
        _ = SchemaImporter.apply(SchemaParser.parse([SchemaSource(name: "t.sql", text: "CREATE TABLE `\(table)` (id int PRIMARY KEY);")]), previous: nil, to: &requirements)
        #expect(requirements.entities.map(\.name) == [entity])
    }
}

@Suite struct SourceIndexGapTests {
    @Test func secondaryAndFullTextIndexesAreAskedAboutUntilAPatternUsesThem() throws {
        var (requirements, _, _) = SchemaImporterTests.imported()
        let gaps = GapFinder.gaps(in: requirements)
        let byDate = try #require(gaps.first { $0.id == "index:Order:idx_user_created" })
        #expect(byDate.message == "orders has an index on (user_id, created_at): is there a pattern that looks up Order by user_id (sorted by created_at)?")
        let search = try #require(gaps.first { $0.id == "index:Product:ft_products" })
        #expect(search.message == "products has a FULLTEXT index on (title, description): is there a search pattern for Product? It would need a search service.")
        try requirements.addPattern(AccessPattern(id: 0, description: "A user's orders by date", entities: ["Order"], type: .read,
                                                  equalityAttributes: ["user_id"], sort: .attribute(SortRequirement(attribute: "created_at", direction: .descending))))
        try requirements.acceptGap("index:Product:ft_products", reason: "search moves to the catalogue service")
        let after = GapFinder.gaps(in: requirements).map(\.id)
        #expect(!after.contains("index:Order:idx_user_created"))
        #expect(!after.contains("index:Product:ft_products"))
    }

    // MARK: - Work proportional to the schema

    /// `count` small tables, every other one with a foreign key to an earlier table.
    static func manyTables(_ count: Int) -> (sql: String, foreignKeys: Int) {
        var sql = ""
        var foreignKeys = 0
        for index in 0..<count {
            if index > 0 && index % 2 == 0 {
                foreignKeys += 1
                sql += "CREATE TABLE t\(index) (id int PRIMARY KEY, name varchar(40), p_id int, UNIQUE KEY (name), FOREIGN KEY (p_id) REFERENCES t\((index * 7) % index) (id));\n"
            } else {
                sql += "CREATE TABLE t\(index) (id int PRIMARY KEY, name varchar(40), KEY (name));\n"
            }
        }
        return (sql, foreignKeys)
    }

    /// Importing (and importing again) examines a bounded number of entities per table and per
    /// foreign key: look-ups by name go through an index instead of scanning every entity, which
    /// made a 40,000-table import quadratic. Counted, not timed.
    @Test func importWorkIsLinearInTheNumberOfTables() {
        let (sql, foreignKeys) = Self.manyTables(3_000)
        let schema = SchemaParser.parse([SchemaSource(name: "many.sql", text: sql)])
        #expect(schema.tables.count == 3_000)
        var requirements = Requirements()
        let first = LookupWork()
        LookupWork.$current.withValue(first) {
            _ = SchemaImporter.apply(schema, previous: nil, to: &requirements)
        }
        #expect(requirements.entities.count == 3_000)
        #expect(requirements.relationships.count == foreignKeys)
        #expect(first.examined <= 2 * (3_000 + foreignKeys), "examined \(first.examined)")

        let again = LookupWork()
        LookupWork.$current.withValue(again) {
            _ = SchemaImporter.apply(schema, previous: schema, to: &requirements)
        }
        #expect(requirements.entities.count == 3_000)
        #expect(again.examined <= 4 * (3_000 + foreignKeys), "examined \(again.examined)")
    }
}

/// A live server's table statistics: item counts and the sizes of attributes whose type gives none.
@Suite struct TableStatisticsImportTests {
    static func parsed(rows: Int, rowLength: Int?) -> ParsedSchema {
        var schema = SchemaParser.parse([SchemaSource(name: "s.sql", text: """
            CREATE TABLE posts (id BIGINT PRIMARY KEY, author_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL, body TEXT, meta JSON);
            """)])
        schema.tables[0].statistics = TableStatistics(rows: rows, averageRowLength: rowLength)
        return schema
    }

    @Test func rowsBecomeTheItemCountAndTheRowLengthSizesTheUnsizedAttributes() throws {
        var requirements = Requirements()
        _ = SchemaImporter.apply(Self.parsed(rows: 12_500, rowLength: 1_240), previous: nil, to: &requirements)
        let post = try #require(requirements.entity(named: "Post"))
        #expect(post.itemCount == .known(12_500))
        // id 8 + author_id 8 + title 100 are known; 1,240 − 116 − 20 (row header) = 1,104 for body and meta.
        #expect(post.attribute(named: "body")?.typicalSizeBytes == 552)
        #expect(post.attribute(named: "meta")?.typicalSizeBytes == 552)
        #expect(post.attribute(named: "title")?.typicalSizeBytes == 100)
    }

    @Test func answersAlreadyGivenAreKeptOnAReimport() throws {
        var requirements = Requirements()
        _ = SchemaImporter.apply(Self.parsed(rows: 0, rowLength: nil), previous: nil, to: &requirements)
        var post = try #require(requirements.entity(named: "Post"))
        #expect(post.itemCount == nil)
        #expect(post.attribute(named: "body")?.typicalSizeBytes == nil)
        post.itemCount = .known(99)
        post.attributes[3].typicalSizeBytes = 4_000
        try requirements.updateEntity(named: "Post", to: post)
        _ = SchemaImporter.apply(Self.parsed(rows: 12_500, rowLength: 1_240), previous: Self.parsed(rows: 0, rowLength: nil), to: &requirements)
        let again = try #require(requirements.entity(named: "Post"))
        #expect(again.itemCount == .known(99))
        #expect(again.attribute(named: "body")?.typicalSizeBytes == 4_000)
        #expect(again.attribute(named: "meta")?.typicalSizeBytes == nil, "a body of 4,000 bytes leaves nothing to share")
    }
}
