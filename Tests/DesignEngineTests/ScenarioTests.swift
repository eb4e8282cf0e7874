import DataModelDocument
import DesignEngine
import Foundation
import ModelExecution
import Requirements
import Testing
import TestSupport

/// The worked scenarios of issue 4, designed by the whole engine and checked against the model an
/// expert would sign (docs/design-engine.md): which tables and keys, which indexes with which
/// projections, which operation serves each pattern, the lookup tables of unique attributes, and
/// the warnings the numbers call for. The rendered documents are golden files (`Golden/`).
enum ScenarioExpectations {
    static func choices(_ name: String) -> DesignChoices { WorkedScenarios.choices(name) }

    static func model(_ name: String) throws -> DataModel { try WorkedScenarios.model(name).1 }

    static func table(_ model: DataModel, _ id: String) throws -> TableDesign {
        try #require(model.table(id: id), "no table \(id); tables: \(model.tables.map(\.id))")
    }

    static func mapping(_ model: DataModel, _ id: Int) throws -> PatternMapping {
        try #require(model.mapping(for: id), "no mapping for pattern \(id)")
    }

    /// `name:type` of each key attribute, for compact comparisons.
    static func keys(_ attributes: [KeyAttribute]) -> [String] {
        attributes.map { "\($0.name):\($0.dynamoDBType.rawValue)" }
    }

    static func key(_ attribute: KeyAttribute?) -> String? {
        attribute.map { "\($0.name):\($0.dynamoDBType.rawValue)" }
    }

    /// Index names of the warnings of one kind (the reasons name the index first: `Index X on T`).
    static func indexesNamed(by kind: WarningKind, in model: DataModel) -> Set<String> {
        var names = Set<String>()
        for warning in model.warnings where warning.kind == kind {
            for table in model.tables {
                for index in table.indexes where warning.reason.contains("Index \(index.name) on \(table.name)") {
                    names.insert(index.name)
                }
            }
        }
        return names
    }

    static func unservedReason(_ mapping: PatternMapping) -> String? {
        if case .unserved(let reason) = mapping.status { return reason }
        return nil
    }
}

// MARK: - E-commerce: users, orders, order items, products

@Suite struct EcommerceScenarioTests {
    typealias E = ScenarioExpectations

    @Test func oneTablePerEntityWithNaturalKeysAndALookupTablePerUniqueAttribute() throws {
        let model = try E.model("ecommerce")
        #expect(model.tables.map(\.id) == ["User", "Product", "Order", "OrderItem", "User.username", "User.email"])
        #expect(model.tables.map(\.name) == ["Users", "Products", "Orders", "OrderItems", "UserUsernames", "UserEmails"])
        let users = try E.table(model, "User")
        #expect(E.key(users.partitionKey) == "user_id:S")
        #expect(users.sortKey == nil)
        #expect(users.indexes.isEmpty)
        #expect(E.key(try E.table(model, "Product").partitionKey) == "product_id:S")
        #expect(E.key(try E.table(model, "Order").partitionKey) == "order_id:S")
        // An order line cannot exist without its order and is always read through it: keyed by the order.
        let lines = try E.table(model, "OrderItem")
        #expect(E.key(lines.partitionKey) == "order_id:S")
        #expect(E.key(lines.sortKey) == "line_number:N")
        #expect(lines.indexes.isEmpty)
        #expect(model.decisions.contains { $0.id == "child-key:OrderItem" })
    }

    @Test func readsByNonKeyAttributesGetNaturallyNamedGSIsWithMinimalProjections() throws {
        let model = try E.model("ecommerce")
        let categories = try #require(try E.table(model, "Product").index(named: "ProductsByCategory"))
        #expect(categories.kind == .global)
        #expect(E.keys(categories.partitionKey) == ["category:S"])
        #expect(E.keys(categories.sortKey) == ["price:N"])
        #expect(categories.projection == .include(["title"]))
        let byUser = try #require(try E.table(model, "Order").index(named: "OrdersByUser"))
        #expect(E.keys(byUser.partitionKey) == ["user_id:S"])
        #expect(E.keys(byUser.sortKey) == ["created_at:S"])
        #expect(byUser.projection == .include(["status", "total"]))
        #expect(model.tables.flatMap(\.indexes).count == 2)
    }

    @Test func everyPatternUsesTheExpectedOperation() throws {
        let model = try E.model("ecommerce")
        let expected: [(Int, DynamoDBOperation?, String?, String?)] = [
            (1, .getItem, "User", nil),
            (2, .getItem, "User", nil),  // strongly consistent: the lookup table first (below), not a GSI
            (3, .transactWriteItems, "User", nil),
            (4, .transactWriteItems, "User", nil),  // changes the unique email
            (5, .getItem, "Product", nil),
            (6, .query, "Product", "ProductsByCategory"),
            (7, .query, "Order", "OrdersByUser"),
            (8, .getItem, "Order", nil),
            (9, .transactWriteItems, "Order", nil),
            (10, .updateItem, "Order", nil),
            (11, nil, nil, nil),
        ]
        for (id, operation, table, index) in expected {
            let mapping = try E.mapping(model, id)
            #expect(mapping.operation == operation, "pattern \(id)")
            #expect(mapping.tableID == table, "pattern \(id)")
            #expect(mapping.indexID == index, "pattern \(id)")
        }
        #expect(try E.mapping(model, 2).plan?.steps.first?.request.tableID == "User.email")
        #expect(model.brokenPatterns.isEmpty)
        #expect(model.mappings.allSatisfy { $0.operation != .scan })
    }

    @Test func usernameAndEmailAreEnforcedInTheRegistrationTransaction() throws {
        let model = try E.model("ecommerce")
        for attribute in ["username", "email"] {
            let lookup = try #require(try E.table(model, "User.\(attribute)").lookup)
            #expect(lookup.attributes == [attribute])
            #expect(lookup.ownerTableID == "User")
            #expect(lookup.ownerKeyAttributes == ["user_id"])
            #expect(lookup.createTransaction.map(\.action) == [.put, .put])
            #expect(lookup.createTransaction.last?.condition == "attribute_not_exists(\(attribute))")
            #expect(lookup.changeTransaction.map(\.action) == [.update, .delete, .put])
        }
        // Register: the user item and both lookup items, transactional (2 write units per KB each).
        let register = try E.mapping(model, 3)
        #expect(register.writeUnitsPerRequest == 2)
        #expect(register.indexWriteUnits == [
            IndexWriteUnits(tableID: "User.username", indexID: nil, writeUnits: 2),
            IndexWriteUnits(tableID: "User.email", indexID: nil, writeUnits: 2),
        ])
        // Changing the email touches only the email lookup: delete the old item, put the new one.
        let change = try E.mapping(model, 4)
        #expect(change.indexWriteUnits == [IndexWriteUnits(tableID: "User.email", indexID: nil, writeUnits: 4)])
        // Get by email, strongly consistent: the lookup item, then the user item (1 + 1 strong read units).
        #expect(try E.mapping(model, 2).readUnitsPerRequest == 2)
    }

    @Test func placingAnOrderWritesItsLinesInTheSameTransaction() throws {
        let model = try E.model("ecommerce")
        let place = try E.mapping(model, 9)
        // Order: 151 B → 1 unit, doubled; 3 lines on average of 236 B → 3 × 2; OrdersByUser entry 1.
        #expect(place.writeUnitsPerRequest == 2)
        #expect(place.indexWriteUnits.contains(IndexWriteUnits(tableID: "OrderItem", indexID: nil, writeUnits: 6)))
        #expect(place.indexWriteUnits.contains(IndexWriteUnits(tableID: "Order", indexID: "OrdersByUser", writeUnits: 1)))
        // Get order with its items: GetItem (0.5) plus a Query of 3 × 236 B (0.5).
        #expect(try E.mapping(model, 8).readUnitsPerRequest == 1)
    }

    @Test func keywordSearchNeedsOpenSearch() throws {
        let model = try E.model("ecommerce")
        guard case .searchService = try E.mapping(model, 11).status else {
            Issue.record("pattern 11 should need a search service")
            return
        }
        #expect(model.openSearch.isRequired)
        #expect(model.openSearch.patterns.map(\.patternID) == [11])
    }

    @Test func noProductionWarningIsRaised() throws {
        // Every partition key has one value per item or per parent; no copies, no composite keys.
        let model = try E.model("ecommerce")
        #expect(model.warnings.isEmpty, "\(model.warnings.map(\.reason))")
    }
}

// MARK: - Tenants, products, campaigns

@Suite struct TenantsScenarioTests {
    typealias E = ScenarioExpectations

    @Test func naturalKeysInsteadOfTheSeedsPKAndSKStrings() throws {
        let model = try E.model("tenants")
        #expect(model.tables.map(\.id) == ["Tenant", "Product", "Campaign", "Tenant.email"])
        #expect(model.tables.map(\.name) == ["Tenants", "Products", "Campaigns", "TenantEmails"])
        for (id, key) in [("Tenant", "tenantId:S"), ("Product", "productId:S"), ("Campaign", "code:S"), ("Tenant.email", "email:S")] {
            let table = try E.table(model, id)
            #expect(E.key(table.partitionKey) == key)
            #expect(table.sortKey == nil, "\(id) needs no sort key")
        }
        #expect(model.tables.allSatisfy { $0.capacityMode == .onDemand && $0.tableClass == .standard })
        // A campaign's reads do not all know its product: it keeps its own table and key.
        #expect(model.decisions.contains { $0.id == "separate:Product.Campaign" })
    }

    @Test func statusActiveAndProductListingsGetOneGSIEach() throws {
        let model = try E.model("tenants")
        struct Expected {
            var table: String, name: String, partition: [String], sort: [String], projection: Projection, sparse: String?
        }
        let expected = [
            Expected(table: "Tenant", name: "TenantsByStatus", partition: ["status:S"], sort: ["dateCreated:S"],
                     projection: .include(["email", "organisationName"]), sparse: nil),
            // A boolean key attribute is stored as a number (docs/design-engine.md, "Types"); only active items carry it.
            Expected(table: "Tenant", name: "TenantsByActive", partition: ["active:N"], sort: ["dateCreated:S"],
                     projection: .include(["email", "organisationName", "status"]), sparse: "active"),
            // The pricing page needs whole products back.
            Expected(table: "Product", name: "ProductsByActive", partition: ["active:N"], sort: ["price:N"], projection: .all, sparse: "active"),
            Expected(table: "Campaign", name: "CampaignsByActive", partition: ["active:N"], sort: [],
                     projection: .include(["productId", "name", "discountPercent", "startDate", "endDate"]), sparse: "active"),
            Expected(table: "Campaign", name: "CampaignsByProduct", partition: ["productId:S"], sort: ["startDate:S"],
                     projection: .include(["name", "discountPercent", "endDate", "active"]), sparse: nil),
        ]
        for item in expected {
            let index = try #require(try E.table(model, item.table).index(named: item.name), "\(item.name)")
            #expect(index.kind == .global)
            #expect(E.keys(index.partitionKey) == item.partition, "\(item.name)")
            #expect(E.keys(index.sortKey) == item.sort, "\(item.name)")
            #expect(index.projection == item.projection, "\(item.name)")
            #expect(index.sparse?.attribute == item.sparse, "\(item.name)")
        }
        #expect(model.tables.flatMap(\.indexes).map(\.name).sorted() == expected.map(\.name).sorted())
        #expect(try E.table(model, "Tenant.email").indexes.isEmpty)
    }

    @Test func everyPatternUsesTheExpectedOperation() throws {
        let model = try E.model("tenants")
        let expected: [(Int, DynamoDBOperation, String, String?)] = [
            (1, .getItem, "Tenant", nil),
            (2, .getItem, "Tenant", nil),  // after a strongly consistent GetItem on TenantEmails
            (3, .scan, "Tenant", nil),
            (4, .query, "Tenant", "TenantsByStatus"),
            (5, .transactWriteItems, "Tenant", nil),
            (6, .updateItem, "Tenant", nil),
            (7, .updateItem, "Tenant", nil),
            (8, .query, "Tenant", "TenantsByActive"),
            (9, .getItem, "Product", nil),
            (10, .query, "Product", "ProductsByActive"),
            (11, .putItem, "Product", nil),
            (12, .updateItem, "Product", nil),
            (13, .updateItem, "Product", nil),
            (14, .getItem, "Campaign", nil),
            (15, .query, "Campaign", "CampaignsByActive"),
            (16, .query, "Campaign", "CampaignsByProduct"),
            (17, .putItem, "Campaign", nil),
            (18, .updateItem, "Campaign", nil),
            (19, .updateItem, "Campaign", nil),
        ]
        #expect(model.mappings.map(\.patternID) == expected.map(\.0))
        for (id, operation, table, index) in expected {
            let mapping = try E.mapping(model, id)
            #expect(mapping.operation == operation, "pattern \(id)")
            #expect(mapping.tableID == table, "pattern \(id)")
            #expect(mapping.indexID == index, "pattern \(id)")
            #expect(mapping.status == (id == 3 ? .acceptedScan : .served), "pattern \(id)")
        }
        #expect(try E.mapping(model, 2).plan?.steps.first?.request.tableID == "Tenant.email")
        #expect(try E.mapping(model, 16).filterText == "active = :active")
        #expect(model.openSearch.isRequired == false)
    }

    @Test func listingAllTenantsIsUnservedUntilTheScanIsAccepted() throws {
        let model = try WorkedScenarios.model("tenants", choices: DesignChoices()).1
        let mapping = try E.mapping(model, 3)
        #expect(mapping.operation == nil)
        let reason = try #require(E.unservedReason(mapping))
        #expect(reason.contains("no equality attribute"))
        #expect(reason.contains("/accept-scan 3"))
        #expect(model.brokenPatterns.map(\.patternID) == [3])
        let accepted = try E.mapping(try E.model("tenants"), 3)
        #expect(accepted.notes.contains { $0.contains("back-office listing") })
    }

    @Test func emailIsUniqueThroughALookupTableWrittenInTheCreateTransaction() throws {
        let model = try E.model("tenants")
        let lookup = try #require(try E.table(model, "Tenant.email").lookup)
        #expect(lookup.attributes == ["email"])
        #expect(lookup.ownerKeyAttributes == ["tenantId"])
        #expect(lookup.createTransaction == [
            TransactionStep(action: .put, tableID: "Tenant", condition: "attribute_not_exists(tenantId)"),
            TransactionStep(action: .put, tableID: "Tenant.email", condition: "attribute_not_exists(email)"),
        ])
        // Create tenant: 245 B item → 1 unit doubled; lookup item doubled; both GSIs get an entry.
        let create = try E.mapping(model, 5)
        #expect(create.writeUnitsPerRequest == 2)
        #expect(create.indexWriteUnits == [
            IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByStatus", writeUnits: 1),
            IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByActive", writeUnits: 1),
            IndexWriteUnits(tableID: "Tenant.email", indexID: nil, writeUnits: 2),
        ])
        // The checkout's get by email is strongly consistent: lookup item, then tenant item.
        let byEmail = try E.mapping(model, 2)
        #expect(byEmail.consistency == .strong)
        #expect(byEmail.readUnitsPerRequest == 2)
        // Status and soft-delete updates do not touch the email: plain UpdateItems.
        #expect(try E.mapping(model, 6).indexWriteUnits.allSatisfy { $0.tableID == "Tenant" })
    }

    @Test func statusAndActiveUpdatesMoveIndexEntries() throws {
        let model = try E.model("tenants")
        // Changing an index key deletes and re-puts the entry (2 writes); a projected attribute rewrites it (1).
        #expect(try E.mapping(model, 6).indexWriteUnits == [
            IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByStatus", writeUnits: 2),
            IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByActive", writeUnits: 1),
        ])
        #expect(try E.mapping(model, 7).indexWriteUnits == [IndexWriteUnits(tableID: "Tenant", indexID: "TenantsByActive", writeUnits: 2)])
        // The price is ProductsByActive's sort key.
        #expect(try E.mapping(model, 12).indexWriteUnits == [IndexWriteUnits(tableID: "Product", indexID: "ProductsByActive", writeUnits: 2)])
        // 25 entries of 198 B = 4,950 B → 2 strong units → 1 eventually consistent.
        #expect(try E.mapping(model, 4).readUnitsPerRequest == 1)
    }

    @Test func lowCardinalityStatusAndActiveKeysAreFlagged() throws {
        let model = try E.model("tenants")
        let flagged: Set = ["TenantsByStatus", "TenantsByActive", "ProductsByActive", "CampaignsByActive"]
        #expect(E.indexesNamed(by: .lowCardinalityKey, in: model) == flagged)
        #expect(model.warnings.filter { $0.kind == .lowCardinalityKey }.count == 4)
        // Every one of them is on a table with writes, so each can throttle its table's writes.
        #expect(E.indexesNamed(by: .gsiThrottlingCascade, in: model) == flagged)
        // Under 100 values serving 100+ RPS at peak: status (120 + 20 + 30), active products (500 + 3),
        // active campaigns (150 + 6); active tenants see only 20 + 52.
        #expect(E.indexesNamed(by: .hotPartitionRisk, in: model) == ["TenantsByStatus", "ProductsByActive", "CampaignsByActive"])
        let status = try #require(model.warnings.first { $0.kind == .hotPartitionRisk && $0.reason.contains("TenantsByStatus") })
        #expect(status.reason.contains("170 RPS"))
        #expect(status.tableID == "Tenant")
        // The product's campaigns spread over one value per product: no warning for CampaignsByProduct.
        #expect(!model.warnings.contains { $0.reason.contains("CampaignsByProduct") })
        // Nothing else applies: no copies, no composite keys, one owner, limits respected.
        let kinds = Set(model.warnings.map(\.kind))
        #expect(kinds == [.lowCardinalityKey, .gsiThrottlingCascade, .hotPartitionRisk])
    }
}

// MARK: - Multi-agent tables

@Suite struct AgentsScenarioTests {
    typealias E = ScenarioExpectations

    @Test func everyUserOwnedTableIsKeyedByUserThenItsOwnID() throws {
        let model = try E.model("agents")
        #expect(model.tables.map(\.id) == [
            "Project", "Agent", "Tool", "MainConfig", "EnvironmentVariable", "Deployment", "BuiltinTool", "Tool.userId+name",
        ])
        #expect(model.tables.map(\.name) == [
            "Projects", "Agents", "Tools", "MainConfigs", "EnvironmentVariables", "Deployments", "BuiltinTools", "ToolUserIdNames",
        ])
        let keys: [(String, String, String?)] = [
            ("Project", "userId:S", "projectId:S"),
            ("Agent", "userId:S", "agentId:S"),
            ("Tool", "userId:S", "toolId:S"),
            ("MainConfig", "userId:S", "configId:S"),
            ("EnvironmentVariable", "userId:S", "envId:S"),
            ("Deployment", "userId:S", "deploymentId:S"),
            ("BuiltinTool", "toolName:S", nil),
        ]
        for (id, partition, sort) in keys {
            let table = try E.table(model, id)
            #expect(E.key(table.partitionKey) == partition, "\(id)")
            #expect(E.key(table.sortKey) == sort, "\(id)")
        }
        // The children are read by user, not always by project: none is keyed by or collected under its project.
        for child in ["Agent", "Tool", "MainConfig", "EnvironmentVariable", "Deployment"] {
            #expect(model.decisions.contains { $0.id == "separate:Project.\(child)" }, "\(child)")
        }
    }

    @Test func onlyTheUnboundedDeploymentHistoryGetsAnIndex() throws {
        let model = try E.model("agents")
        let deployments = try E.table(model, "Deployment")
        #expect(deployments.indexes.map(\.name) == ["DeploymentsByUserAndProject"])
        let index = deployments.indexes[0]
        #expect(index.kind == .global)
        // A multi-attribute GSI partition key, newest first by createdAt.
        #expect(E.keys(index.partitionKey) == ["userId:S", "projectId:S"])
        #expect(E.keys(index.sortKey) == ["createdAt:S"])
        #expect(index.projection == .include(["status"]))
        #expect(index.partitionKey.allSatisfy { $0.composedOf == nil })
        // Like the seed: every other table is served by its primary key alone.
        #expect(model.tables.filter { $0.id != "Deployment" }.allSatisfy { $0.indexes.isEmpty })
    }

    @Test func everyPatternUsesTheExpectedOperation() throws {
        let model = try E.model("agents")
        let expected: [(Int, DynamoDBOperation, String, String?)] = [
            (1, .query, "Project", nil), (2, .getItem, "Project", nil), (3, .putItem, "Project", nil),
            (4, .updateItem, "Project", nil), (5, .deleteItem, "Project", nil),
            (6, .query, "Agent", nil), (7, .getItem, "Agent", nil), (8, .putItem, "Agent", nil),
            (9, .updateItem, "Agent", nil), (10, .deleteItem, "Agent", nil),
            (11, .query, "Tool", nil), (12, .getItem, "Tool", nil), (13, .getItem, "Tool.userId+name", nil),
            (14, .transactWriteItems, "Tool", nil), (15, .transactWriteItems, "Tool", nil), (16, .transactWriteItems, "Tool", nil),
            (17, .getItem, "MainConfig", nil), (18, .updateItem, "MainConfig", nil),
            (19, .query, "EnvironmentVariable", nil), (20, .getItem, "EnvironmentVariable", nil),
            (21, .putItem, "EnvironmentVariable", nil), (22, .deleteItem, "EnvironmentVariable", nil),
            (23, .query, "Deployment", "DeploymentsByUserAndProject"), (24, .getItem, "Deployment", nil),
            (25, .query, "Deployment", nil), (26, .putItem, "Deployment", nil), (27, .updateItem, "Deployment", nil),
            (28, .scan, "BuiltinTool", nil), (29, .getItem, "BuiltinTool", nil),
        ]
        #expect(model.mappings.map(\.patternID) == expected.map(\.0))
        for (id, operation, table, index) in expected {
            let mapping = try E.mapping(model, id)
            #expect(mapping.operation == operation, "pattern \(id)")
            #expect(mapping.tableID == table, "pattern \(id)")
            #expect(mapping.indexID == index, "pattern \(id)")
            #expect(mapping.status == (id == 28 ? .acceptedScan : .served), "pattern \(id)")
        }
        // The seed's "query by userId, filter by projectId/status": the filter is kept, and said not to save reads.
        for (id, filter) in [(6, "projectId = :projectId"), (11, "projectId = :projectId"), (19, "projectId = :projectId"), (25, "status = :status")] {
            let mapping = try E.mapping(model, id)
            #expect(mapping.filterText == filter, "pattern \(id)")
            #expect(mapping.keyConditionText == "userId = :userId", "pattern \(id)")
            #expect(mapping.notes.contains { $0.contains("does not reduce read units") }, "pattern \(id)")
        }
    }

    @Test func listingBuiltInToolsIsAScanOnlyOnceAccepted() throws {
        let unaccepted = try E.mapping(try WorkedScenarios.model("agents", choices: DesignChoices()).1, 28)
        let reason = try #require(E.unservedReason(unaccepted))
        #expect(reason.contains("only a Scan of every BuiltinTool item"))
        let accepted = try E.mapping(try E.model("agents"), 28)
        #expect(accepted.notes.contains { $0.contains("reference table of about 40 built-in tools") })
        // 40 items returned through a filter on a boolean (2 values) → 80 items examined per page:
        // 80 × 917 B = 73,360 B → 18 strong units → 9 eventually consistent (a filter reduces nothing).
        #expect(accepted.itemsExamined == .known(80))
        #expect(accepted.readUnitsPerRequest == 9)
    }

    @Test func toolNamesAreUniquePerUserThroughALookupTable() throws {
        let model = try E.model("agents")
        let table = try E.table(model, "Tool.userId+name")
        let lookup = try #require(table.lookup)
        #expect(lookup.attributes == ["userId", "name"])
        #expect(lookup.ownerKeyAttributes == ["userId", "toolId"])
        // A base table key takes one attribute: the pair is one concatenated string.
        #expect(table.partitionKey.name == "userId#name")
        #expect(table.partitionKey.composedOf == ["userId", "name"])
        #expect(table.partitionKey.dynamoDBType.rawValue == "S")
        #expect(lookup.createTransaction.last?.condition == "attribute_not_exists(userId#name)")
        // "Is this name free?" reads the lookup item only (it needs just toolId), strongly consistent.
        let check = try E.mapping(model, 13)
        #expect(check.readUnitsPerRequest == 1)
        // Create, rename and delete all keep the lookup item in step, in one transaction.
        // Tool items are 3,247 B → 4 units, doubled; the lookup item 1 unit, doubled (twice on a rename).
        for (id, lookupUnits) in [(14, 2.0), (15, 4.0), (16, 2.0)] {
            let mapping = try E.mapping(model, id)
            #expect(mapping.writeUnitsPerRequest == 8, "pattern \(id)")
            #expect(mapping.indexWriteUnits == [IndexWriteUnits(tableID: "Tool.userId+name", indexID: nil, writeUnits: lookupUnits)], "pattern \(id)")
        }
    }

    @Test func theConcatenatedLookupKeyIsTheOnlyWarning() throws {
        let model = try E.model("agents")
        #expect(model.warnings.map(\.kind) == [.debuggingComplexity])
        #expect(model.warnings.first?.tableID == "Tool.userId+name")
        #expect(model.hotPartitions.allSatisfy { $0.level == .ok })
    }
}

// MARK: - Golden documents

@Suite struct ScenarioDocumentTests {
    @Test(arguments: WorkedScenarios.names)
    func renderedDocumentMatchesTheReviewedGoldenFile(name: String) throws {
        let (requirements, model) = try WorkedScenarios.provenModel(name)
        #expect(model.proof?.failures.isEmpty == true, "\(name): \(model.proof?.failures ?? [])")
        let rendered = DataModelDocument.render(model, requirements: requirements)
        let url = GoldenFile.url("\(name).data_model.md", besides: #filePath)
        #expect(rendered.contains("served patterns were executed against an in-memory DynamoDB with sample items"), "\(name): no proof line")
        let golden = try #require(try GoldenFile.check(rendered, against: url), "no golden file: run with UPDATE_GOLDEN=1 and review it")
        #expect(rendered == golden, "\(name): the rendered document differs from \(url.lastPathComponent); review and rerun with UPDATE_GOLDEN=1")
    }
}

// MARK: - What a reviewer checks first, on every scenario

@Suite struct ScenarioExpertReviewTests {
    @Test(arguments: WorkedScenarios.names)
    func noFindingOfTheFirstReview(name: String) throws {
        let (requirements, model) = try WorkedScenarios.provenModel(name)
        let findings = ExpertReview.findings(model, requirements)
        #expect(findings.isEmpty, "\(name):\n\(findings.joined(separator: "\n"))")
    }
}
