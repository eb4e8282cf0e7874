import DesignEngine
import Requirements

/// A small model built by hand, independent of the engine: two entity tables (orders with a GSI
/// projecting INCLUDE), one unique-constraint lookup table, a search pattern, an unserved pattern,
/// cost lines with one unknown storage figure, hot-partition findings, two warnings, two decisions.
enum DataModelFixture {
    static let month = 2_628_000.0

    static func requirements() throws -> Requirements {
        var requirements = Requirements(overview: ApplicationOverview(domain: "e-commerce", businessContext: "Online shop"))
        try requirements.addEntity(Entity(
            name: "User",
            attributes: [
                Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
                Attribute(name: "email", type: .string, typicalSizeBytes: 30),
                Attribute(name: "name", type: .string, typicalSizeBytes: 20),
            ],
            identifier: ["user_id"], uniqueGroups: [["email"]], sourceTable: "users"))
        try requirements.addEntity(Entity(
            name: "Order",
            attributes: [
                Attribute(name: "order_id", type: .string, typicalSizeBytes: 36),
                Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
                Attribute(name: "status", type: .string, typicalSizeBytes: 8),
                Attribute(name: "total", type: .number, typicalSizeBytes: 8),
                Attribute(name: "created_at", type: .datetime, typicalSizeBytes: 25),
            ],
            identifier: ["order_id"], sourceTable: "orders"))
        let patterns: [AccessPattern] = [
            AccessPattern(id: 0, description: "Get user by ID", entities: ["User"], type: .read, equalityAttributes: ["user_id"],
                          peakRPS: .known(500), averageRPS: .known(200)),
            AccessPattern(id: 0, description: "List a user's orders | newest first", entities: ["Order"], type: .read,
                          equalityAttributes: ["user_id"], peakRPS: .known(300), averageRPS: .known(100)),
            AccessPattern(id: 0, description: "Create user", entities: ["User"], type: .write, peakRPS: .known(20), averageRPS: .known(5)),
            AccessPattern(id: 0, description: "List orders by status", entities: ["Order"], type: .read, equalityAttributes: ["status"],
                          peakRPS: .known(2_000), averageRPS: .known(800)),
            AccessPattern(id: 0, description: "Search orders by free text", entities: ["Order"], type: .search,
                          peakRPS: .known(10), averageRPS: .known(2)),
            AccessPattern(id: 0, description: "Count orders by status, strongly consistent", entities: ["Order"], type: .read,
                          equalityAttributes: ["status"], peakRPS: .known(5), averageRPS: .known(1), consistency: .strong),
            AccessPattern(id: 0, description: "Get user by email", entities: ["User"], type: .read, equalityAttributes: ["email"],
                          peakRPS: .known(50), averageRPS: .known(10)),
        ]
        for pattern in patterns { try requirements.addPattern(pattern) }
        return requirements
    }

    static func model() -> DataModel {
        DataModel(
            tables: [users, orders, userEmails], mappings: mappings, decisions: decisions, hotPartitions: hotPartitions,
            cost: cost, warnings: warnings,
            openSearch: OpenSearchRequirement(patterns: [
                SearchPatternNote(patternID: 5, description: "Search orders by free text", reason: "full-text search over order notes"),
            ]),
            tradeOffs: [
                "Orders are keyed by user: listing one user's orders is one Query, finding an order without its user needs the user_id.",
                "The unique email costs a transaction on every user creation (4 write units instead of 1).",
            ],
            naming: NamingConvention(style: .kebab, prefix: "shop"))
    }

    static let users = TableDesign(
        id: "User", name: "shop-users", role: .entity, purpose: "Stores users, read by id at 500 RPS peak.", entities: ["User"],
        sourceTables: ["users"], partitionKey: KeyAttribute(name: "user_id", dynamoDBType: .string, distribution: .perItem(entity: "User")),
        sortKey: nil, keyJustification: "Pattern #1 reads one user by id.",
        attributes: [
            ModelAttribute(name: "user_id", dynamoDBType: .string, entity: "User", sourceAttribute: "user_id", sourceTable: "users",
                           sourceColumn: "id", typicalSizeBytes: 36),
            ModelAttribute(name: "email", dynamoDBType: .string, entity: "User", sourceAttribute: "email", sourceTable: "users",
                           sourceColumn: "email", typicalSizeBytes: 30),
            ModelAttribute(name: "name", dynamoDBType: .string, entity: "User", sourceAttribute: "name", sourceTable: "users",
                           sourceColumn: "name", typicalSizeBytes: 20),
        ],
        indexes: [], capacityMode: .onDemand, tableClass: .standard, estimatedItemSizeBytes: 103,
        exampleItems: [
            ExampleItem(entity: "User", values: [
                ExampleValue(attribute: "user_id", text: "\"u-1001\""), ExampleValue(attribute: "email", text: "\"ana@example.com\""),
                ExampleValue(attribute: "name", text: "\"Ana | Admin\""),
            ]),
            ExampleItem(entity: "User", values: [
                ExampleValue(attribute: "user_id", text: "\"u-1002\""), ExampleValue(attribute: "email", text: "\"bo@example.com\""),
            ]),
        ],
        patternIDs: [1, 3])

    static let ordersByStatus = IndexDesign(
        id: "OrdersByStatus", name: "OrdersByStatus", kind: .global,
        partitionKey: [KeyAttribute(name: "status", dynamoDBType: .string,
                                    distribution: .fewValues(count: 5, source: "status enum: PENDING, PAID, SHIPPED, DELIVERED, CANCELLED"))],
        sortKey: [KeyAttribute(name: "created_at", dynamoDBType: .string, distribution: .unknown)],
        projection: .include(["total", "user_id"]),
        projectionReason: "Pattern #4 returns total and user_id; INCLUDE avoids copying the whole order.",
        sparse: nil, patternIDs: [4], purpose: "Lists orders of one status, newest first (pattern #4).", estimatedEntrySizeBytes: 96)

    static let orders = TableDesign(
        id: "Order", name: "shop-orders", role: .entity, purpose: "Stores orders under their user, so a user's orders are one Query.",
        entities: ["Order"], sourceTables: ["orders"],
        partitionKey: KeyAttribute(name: "user_id", dynamoDBType: .string,
                                   distribution: .perParent(parent: "User", childrenAverage: 5, childrenMaximum: 1_000)),
        sortKey: KeyAttribute(name: "order_id", dynamoDBType: .string, distribution: .perItem(entity: "Order")),
        keyJustification: "Pattern #2 lists one user's orders; order_id keeps them apart.",
        attributes: [
            ModelAttribute(name: "user_id", dynamoDBType: .string, entity: "Order", sourceAttribute: "user_id", sourceTable: "orders",
                           sourceColumn: "user_id", typicalSizeBytes: 36),
            ModelAttribute(name: "order_id", dynamoDBType: .string, entity: "Order", sourceAttribute: "order_id", sourceTable: "orders",
                           sourceColumn: "id", typicalSizeBytes: 36),
            ModelAttribute(name: "status", dynamoDBType: .string, entity: "Order", sourceAttribute: "status", sourceTable: "orders",
                           sourceColumn: "status", typicalSizeBytes: 8),
            ModelAttribute(name: "total", dynamoDBType: .number, entity: "Order", sourceAttribute: "total", sourceTable: "orders",
                           sourceColumn: "total", typicalSizeBytes: 8),
            ModelAttribute(name: "created_at", dynamoDBType: .string, entity: "Order", sourceAttribute: "created_at", sourceTable: "orders",
                           sourceColumn: "created_at", typicalSizeBytes: 25),
            {
                // Carried by Order items, copied from User.
                var copy = ModelAttribute(name: "user_name", dynamoDBType: .string, entity: "Order", sourceAttribute: "name", sourceTable: "users",
                                          sourceColumn: "name", typicalSizeBytes: 20,
                                          denormalization: Denormalization(justification: "shown with every order; names change rarely",
                                                                           localAttribute: "user_id", sourceJoinAttribute: "user_id"))
                copy.sourceEntity = "User"
                return copy
            }(),
        ],
        indexes: [ordersByStatus], capacityMode: .onDemand, tableClass: .standard, estimatedItemSizeBytes: 196,
        exampleItems: [
            ExampleItem(entity: "Order", values: [
                ExampleValue(attribute: "user_id", text: "\"u-1001\""), ExampleValue(attribute: "order_id", text: "\"o-5001\""),
                ExampleValue(attribute: "status", text: "\"PAID\""), ExampleValue(attribute: "total", text: "42.5"),
            ]),
        ],
        patternIDs: [2, 4, 6])

    static let userEmails = TableDesign(
        id: "User.email", name: "shop-user-emails",
        role: .uniqueLookup(UniqueLookup(
            entity: "User", attributes: ["email"], ownerTableID: "User", ownerKeyAttributes: ["user_id"],
            createTransaction: [
                TransactionStep(action: .put, tableID: "User", condition: "attribute_not_exists(user_id)"),
                TransactionStep(action: .put, tableID: "User.email", condition: "attribute_not_exists(email)"),
            ],
            changeTransaction: [
                TransactionStep(action: .delete, tableID: "User.email", condition: "user_id = :user_id"),
                TransactionStep(action: .put, tableID: "User.email", condition: "attribute_not_exists(email)"),
                TransactionStep(action: .update, tableID: "User", condition: nil),
            ])),
        purpose: "Makes User.email unique and serves pattern #7 with a strongly consistent GetItem.", entities: ["User"],
        sourceTables: ["users"], partitionKey: KeyAttribute(name: "email", dynamoDBType: .string, distribution: .perItem(entity: "User")),
        sortKey: nil, keyJustification: "One item per email value; the conditional put rejects a second user with it.",
        attributes: [
            ModelAttribute(name: "email", dynamoDBType: .string, entity: "User", sourceAttribute: "email", sourceTable: "users",
                           sourceColumn: "email", typicalSizeBytes: 30),
            ModelAttribute(name: "user_id", dynamoDBType: .string, entity: "User", sourceAttribute: "user_id", sourceTable: "users",
                           sourceColumn: "id", typicalSizeBytes: 36),
        ],
        indexes: [], capacityMode: .onDemand, tableClass: .standard, estimatedItemSizeBytes: 78,
        exampleItems: [
            ExampleItem(entity: "User", values: [
                ExampleValue(attribute: "email", text: "\"ana@example.com\""), ExampleValue(attribute: "user_id", text: "\"u-1001\""),
            ]),
        ],
        patternIDs: [3, 7])

    /// A mapping as the engine builds it: its plan, units and notes.
    static func mapping(_ id: Int, _ description: String, status: MappingStatus = .served, steps: [PlanStep], items: Double, reads: Double?,
                        writes: Double?, consistency: Consistency = .eventual, notes: [String] = [], indexWrites: [IndexWriteUnits] = [],
                        readsElsewhere: [ReadUnitsElsewhere] = []) -> PatternMapping {
        var mapping = PatternMapping(patternID: id, description: description, status: status, plan: steps.isEmpty ? nil : PatternPlan(steps: steps),
                                     itemsPerRequest: .known(items), consistency: consistency, notes: notes)
        mapping.readUnitsPerRequest = reads
        mapping.writeUnitsPerRequest = writes
        mapping.indexWriteUnits = indexWrites
        mapping.readUnitsElsewhere = readsElsewhere
        return mapping
    }

    static func key(_ attribute: String, _ entity: String, _ input: String? = nil) -> KeyValue {
        KeyValue(attribute: attribute, type: .string, value: .input(entity: entity, attribute: input ?? attribute))
    }

    static let mappings: [PatternMapping] = [
        mapping(1, "Get user by ID", steps: [PlanStep(purpose: .main, entity: "User", request: .getItem(GetRequest(tableID: "User", key: ItemKey([key("user_id", "User")]), consistent: false)))],
                items: 1, reads: 0.5, writes: 0),
        mapping(2, "List a user's orders | newest first",
                steps: [PlanStep(purpose: .main, entity: "Order", request: .query(QueryRequest(tableID: "Order", indexID: nil, partition: [key("user_id", "Order")], sort: nil,
                                                                                           filter: nil, scanForward: false, consistent: false)), items: .known(5))],
                items: 5, reads: 0.5, writes: 0, notes: ["ScanIndexForward=false on order_id (time-ordered ids)"]),
        mapping(3, "Create user", steps: [PlanStep(purpose: .main, entity: "User", request: .transactWriteItems([
            TransactAction(.put(PutRequest(tableID: "User", item: [StoredValue(attribute: "user_id", type: .string, value: .input(entity: "User", attribute: "user_id"))],
                                           condition: .attributeNotExists("user_id"))), entity: "User"),
            TransactAction(.put(PutRequest(tableID: "User.email", item: [StoredValue(attribute: "email", type: .string, value: .input(entity: "User", attribute: "email"))],
                                           condition: .attributeNotExists("email"))), entity: "User"),
        ]), items: .known(2))], items: 2, reads: 0, writes: 2, consistency: .strong,
                indexWrites: [IndexWriteUnits(tableID: "User.email", indexID: nil, writeUnits: 2)]),
        mapping(4, "List orders by status", steps: [PlanStep(purpose: .main, entity: "Order", request: .query(QueryRequest(
            tableID: "Order", indexID: "OrdersByStatus", partition: [key("status", "Order")], sort: nil, filter: nil, scanForward: true, consistent: false)), items: .known(50))],
                items: 50, reads: 5, writes: 0),
        mapping(5, "Search orders by free text", status: .searchService(reason: "full-text search over order notes"), steps: [], items: 0, reads: nil, writes: nil),
        mapping(6, "Count orders by status, strongly consistent",
                status: .unserved(reason: "needs a strongly consistent read, but only the OrdersByStatus GSI has status as a key"), steps: [],
                items: 50, reads: nil, writes: nil, consistency: .strong),
        mapping(7, "Get user by email", steps: [
            PlanStep(purpose: .findKey, entity: "User", request: .getItem(GetRequest(tableID: "User.email", key: ItemKey([key("email", "User")]), consistent: true))),
            PlanStep(purpose: .main, entity: "User", request: .getItem(GetRequest(tableID: "User", key: ItemKey([KeyValue(attribute: "user_id", type: .string, value: .stepResult(step: 0, attribute: "user_id"))]), consistent: true))),
        ], items: 1, reads: 1, writes: 0, consistency: .strong, notes: ["then GetItem on shop-users by user_id"],
                readsElsewhere: [ReadUnitsElsewhere(tableID: "User.email", indexID: nil, readUnits: 0.5)]),
    ]

    static let decisions: [DesignDecision] = [
        DesignDecision(
            id: "table:Order", type: .tableStructure, subject: "shop-orders keyed by user_id + order_id",
            alternativesConsidered: ["Partition key order_id with a GSI on user_id", "Orders embedded in the user item"],
            chosenApproach: "Partition key user_id, sort key order_id",
            justification: "Pattern #2 (300 RPS peak) always knows the user; orders per user average 5, max 1,000.",
            tradeOffs: ["Finding an order without its user needs a GSI"],
            rollbackStrategy: "Add an OrdersById GSI on order_id; no data migration needed.",
            monitoring: ["ThrottledRequests on shop-orders", "ConsumedReadCapacityUnits per partition (Contributor Insights)"]),
        DesignDecision(
            id: "denormalize:Order.user_name", type: .denormalization, subject: "user_name copied into shop-orders",
            alternativesConsidered: ["BatchGetItem on shop-users after each order list"],
            chosenApproach: "Copy User.name into each order as user_name",
            justification: "Pattern #2 shows the name with every order; a name changes rarely.",
            tradeOffs: ["A name change rewrites up to 1,000 orders"], rollbackStrategy: "Stop writing user_name and read names from shop-users.",
            monitoring: [], userChoice: "accepted at the design gate"),
    ]

    static let hotPartitions: [HotPartitionFinding] = [
        HotPartitionFinding(
            patternID: 1, tableID: "User", indexName: nil, partitionKey: "user_id", distribution: .perItem(entity: "User"),
            isWrite: false, peakRPS: 500, unitsPerRequest: 0.5, hottestShare: nil, hottestUnitsPerSecond: nil, limit: 3_000,
            level: .ok, safeShare: 1, mitigation: nil),
        HotPartitionFinding(
            patternID: 4, tableID: "Order", indexName: "OrdersByStatus", partitionKey: "status",
            distribution: .fewValues(count: 5, source: "status enum"), isWrite: false, peakRPS: 2_000, unitsPerRequest: 5,
            hottestShare: 0.2, hottestUnitsPerSecond: 2_000, limit: 3_000, level: .warning, safeShare: nil,
            mitigation: "Write the index key as status#shard with shard 0..1 (N = ceil(2,000 / 1,500) = 2); pattern #4 queries both shards and merges by created_at."),
    ]

    static let cost: CostEstimate = {
        let prices = PriceTable.usEast1
        func line(_ tableID: String, _ index: String?, readRPS: Double, readUnits: Double, writeRPS: Double, writeUnits: Double,
                  gigabytes: Double?, rcu: Int, wcu: Int) -> CostLine {
            let reads = readRPS * readUnits * month
            let writes = writeRPS * writeUnits * month
            let capacity = (Double(rcu) * prices.standard.provisionedRCUHour + Double(wcu) * prices.standard.provisionedWCUHour) * 730
            return CostLine(
                tableID: tableID, indexName: index, tableClass: .standard, readUnitsPerMonth: reads, writeUnitsPerMonth: writes,
                storageGB: gigabytes, readCost: reads / 1_000_000 * prices.standard.readRequestPerMillion,
                writeCost: writes / 1_000_000 * prices.standard.writeRequestPerMillion,
                storageCost: gigabytes.map { $0 * prices.standard.storagePerGBMonth }, provisionedReadCapacity: rcu,
                provisionedWriteCapacity: wcu, provisionedCost: capacity)
        }
        return CostEstimate(
            prices: prices,
            lines: [
                line("User", nil, readRPS: 200, readUnits: 0.5, writeRPS: 5, writeUnits: 2, gigabytes: 0.0378, rcu: 358, wcu: 58),
                line("Order", nil, readRPS: 100, readUnits: 0.5, writeRPS: 0, writeUnits: 0, gigabytes: nil, rcu: 215, wcu: 1),
                line("Order", "OrdersByStatus", readRPS: 800, readUnits: 5, writeRPS: 0, writeUnits: 0, gigabytes: nil, rcu: 14_286, wcu: 1),
                line("User.email", nil, readRPS: 10, readUnits: 1, writeRPS: 5, writeUnits: 2, gigabytes: 0.0331, rcu: 72, wcu: 58),
            ],
            assumedItemCounts: ["User": 200_000])
    }()

    static let warnings: [ModelWarning] = [
        ModelWarning(kind: .hotPartitionRisk, tableID: "Order",
                     reason: "shop-orders / OrdersByStatus: status has 5 values; pattern #4 puts 2,000 read units/s on the hottest (67% of 3,000)."),
        ModelWarning(kind: .limitViolation, tableID: "Order",
                     reason: "shop-orders: up to 1,000 orders per user in one item collection is fine, but a 450 KB notes value would exceed the 400 KB item limit."),
    ]
}
