import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Query and Scan: key conditions, direction, Limit and paging, filters, Select, the 1 MB page,
/// index queries (ties, LastEvaluatedKey), multi-attribute keys, and what is refused.
struct QueryTests {
    /// Orders with pk "P" and sk "s00"…"s19"; even ones have customer "c1" (placed = n), odd
    /// ones orderState "OPEN".
    static func fixture() throws -> InMemoryDynamoDB {
        let memory = try Fixtures.orders()
        for n in 0..<20 {
            var item: Item = ["pk": .s("P"), "sk": .s(String(format: "s%02d", n)), "n": .n(String(n))]
            if n % 2 == 0 {
                item["customer"] = .s("c1")
                item["placed"] = .n(String(n % 6))
            } else {
                item["orderState"] = .s("OPEN")
            }
            try Fixtures.put(memory, item)
        }
        try Fixtures.put(memory, ["pk": .s("Q"), "sk": .s("s00")])
        return memory
    }

    static func query(
        _ memory: InMemoryDynamoDB, _ condition: String, _ values: [String: AttributeValue], index: String? = nil, forward: Bool? = nil,
        limit: Int? = nil, filter: String? = nil, start: Item? = nil, select: Select? = nil
    ) throws -> QueryOutput {
        try memory.query(QueryInput(
            tableName: "Orders", indexName: index, keyConditionExpression: condition, filterExpression: filter,
            expressionAttributeValues: values, scanIndexForward: forward, limit: limit, exclusiveStartKey: start, select: select))
    }

    static func sortKeys(_ output: QueryOutput) -> [String] { (output.items ?? []).compactMap { $0["sk"]?.stringValue } }

    @Test(arguments: [
        ("sk = :a", ["s03"]), ("sk < :a", ["s00", "s01", "s02"]), ("sk <= :a", ["s00", "s01", "s02", "s03"]),
        ("sk > :b", ["s18", "s19"]), ("sk >= :b", ["s17", "s18", "s19"]), ("sk BETWEEN :a AND :c", ["s03", "s04", "s05"]),
        ("begins_with(sk, :p)", ["s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19"]),
        (":a > sk", ["s00", "s01", "s02"]),
    ])
    func sortKeyOperators(condition: String, expected: [String]) throws {
        let memory = try Self.fixture()
        var values: [String: AttributeValue] = [":pk": .s("P")]
        for (name, value) in [(":a", "s03"), (":b", "s17"), (":c", "s05"), (":p", "s1")] where condition.contains(name) { values[name] = .s(value) }
        let output = try Self.query(memory, "pk = :pk AND \(condition)", values)
        #expect(Self.sortKeys(output) == expected)
        #expect(output.count == expected.count)
        #expect(output.lastEvaluatedKey == nil)
        let backward = try Self.query(memory, "pk = :pk AND \(condition)", values, forward: false)
        #expect(Self.sortKeys(backward) == expected.reversed())
    }

    @Test func limitPagesWithLastEvaluatedKey() throws {
        let memory = try Self.fixture()
        var start: Item?
        var seen: [String] = []
        var pages = 0
        repeat {
            let page = try Self.query(memory, "pk = :pk", [":pk": .s("P")], forward: false, limit: 7, start: start)
            seen += Self.sortKeys(page)
            start = page.lastEvaluatedKey
            pages += 1
            if let start { #expect(Set(start.keys) == ["pk", "sk"]) }
        } while start != nil
        #expect(seen == (0..<20).reversed().map { String(format: "s%02d", $0) })
        #expect(pages == 3)
        // A page that reaches Limit exactly at the end still has a LastEvaluatedKey; the next is empty.
        let exact = try Self.query(memory, "pk = :pk AND begins_with(sk, :p)", [":pk": .s("P"), ":p": .s("s1")], limit: 10)
        #expect(exact.count == 10)
        let last = try #require(exact.lastEvaluatedKey)
        #expect(last == ["pk": .s("P"), "sk": .s("s19")])
        let after = try Self.query(memory, "pk = :pk AND begins_with(sk, :p)", [":pk": .s("P"), ":p": .s("s1")], limit: 10, start: last)
        #expect(after.count == 0 && after.scannedCount == 0 && after.lastEvaluatedKey == nil)
    }

    @Test func filtersApplyAfterLimitAndCountsDiffer() throws {
        let memory = try Self.fixture()
        let output = try Self.query(memory, "pk = :pk", [":pk": .s("P"), ":min": .n("3")], limit: 5, filter: "n >= :min")
        #expect(output.scannedCount == 5)
        #expect(output.count == 2)
        #expect(Self.sortKeys(output) == ["s03", "s04"])
        #expect(output.lastEvaluatedKey?["sk"] == .s("s04"))
        let counted = try Self.query(memory, "pk = :pk", [":pk": .s("P"), ":min": .n("3")], filter: "n >= :min", select: .count)
        #expect(counted.items == nil)
        #expect(counted.count == 17)
        #expect(counted.scannedCount == 20)
        expectError("ValidationException", "Filter Expression can only contain non-primary key attributes") {
            _ = try Self.query(memory, "pk = :pk", [":pk": .s("P"), ":s": .s("s1")], filter: "sk > :s")
        }
    }

    @Test func invalidKeyConditions() throws {
        let memory = try Self.fixture()
        expectError("ValidationException", "OR") { _ = try Self.query(memory, "pk = :pk OR pk = :q", [":pk": .s("P"), ":q": .s("Q")]) }
        expectError("ValidationException", "<>") { _ = try Self.query(memory, "pk = :pk AND sk <> :s", [":pk": .s("P"), ":s": .s("s1")]) }
        expectError("ValidationException", "missed key schema element") { _ = try Self.query(memory, "sk = :s", [":s": .s("s1")]) }
        expectError("ValidationException", "missed key schema element") { _ = try Self.query(memory, "pk = :pk AND n = :n", [":pk": .s("P"), ":n": .n("1")]) }
        expectError("ValidationException", "not supported") { _ = try Self.query(memory, "pk > :pk", [":pk": .s("P")]) }
        expectError("ValidationException", "Condition parameter type does not match schema type") { _ = try Self.query(memory, "pk = :pk", [":pk": .n("1")]) }
        expectError("ValidationException", "cannot contain an empty string value") { _ = try Self.query(memory, "pk = :pk", [":pk": .s("")]) }
        expectError("ValidationException", "only contain one condition per key") {
            _ = try Self.query(memory, "pk = :pk AND sk > :a AND sk < :b", [":pk": .s("P"), ":a": .s("a"), ":b": .s("b")])
        }
        expectError("ValidationException", "KeyConditionExpression parameter must be specified") {
            _ = try memory.query(QueryInput(tableName: "Orders"))
        }
        expectError("ValidationException", "greater than or equal to 1") { _ = try Self.query(memory, "pk = :pk", [":pk": .s("P")], limit: 0) }
    }

    @Test func indexQueries() throws {
        let memory = try Self.fixture()
        // placed = n % 6 for even n: 0,2,4,0,2,4,0,2,4,0 → ties ordered by the table key.
        let output = try Self.query(memory, "customer = :c AND placed <= :p", [":c": .s("c1"), ":p": .n("2")], index: "byCustomer")
        #expect(Self.sortKeys(output) == ["s00", "s06", "s12", "s18", "s02", "s08", "s14"])
        let page = try Self.query(memory, "customer = :c", [":c": .s("c1")], index: "byCustomer", limit: 2)
        #expect(page.lastEvaluatedKey == ["pk": .s("P"), "sk": .s("s06"), "customer": .s("c1"), "placed": .n("0")])
        let next = try Self.query(memory, "customer = :c", [":c": .s("c1")], index: "byCustomer", limit: 2, start: page.lastEvaluatedKey)
        #expect(Self.sortKeys(next) == ["s12", "s18"])
        // KEYS_ONLY returns the index and table keys only.
        let keysOnly = try Self.query(memory, "orderState = :s", [":s": .s("OPEN")], index: "byState", limit: 1)
        #expect(keysOnly.items?.first == ["pk": .s("P"), "sk": .s("s01"), "orderState": .s("OPEN")])
        expectError("ValidationException", "Consistent reads are not supported on global secondary indexes") {
            _ = try memory.query(QueryInput(tableName: "Orders", indexName: "byState", keyConditionExpression: "orderState = :s", expressionAttributeValues: [":s": .s("OPEN")], consistentRead: true))
        }
        _ = try memory.query(QueryInput(tableName: "Orders", indexName: "byPrice", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": .s("P")], consistentRead: true))
        expectError("ValidationException", "does not have the specified index") {
            _ = try Self.query(memory, "pk = :p", [":p": .s("P")], index: "nope")
        }
        expectError("ValidationException", "ALL_ATTRIBUTES is not supported for global secondary index byState") {
            _ = try Self.query(memory, "orderState = :s", [":s": .s("OPEN")], index: "byState", select: .allAttributes)
        }
    }

    @Test func selectAndStartKeyRules() throws {
        let memory = try Self.fixture()
        expectError("ValidationException", "SPECIFIC_ATTRIBUTES requires a ProjectionExpression") {
            _ = try Self.query(memory, "pk = :pk", [":pk": .s("P")], select: .specificAttributes)
        }
        expectError("ValidationException", "ALL_PROJECTED_ATTRIBUTES is only supported when querying an index") {
            _ = try Self.query(memory, "pk = :pk", [":pk": .s("P")], select: .allProjectedAttributes)
        }
        expectError("ValidationException", "Cannot specify the ProjectionExpression when choosing to get only the Count") {
            _ = try memory.query(QueryInput(tableName: "Orders", keyConditionExpression: "pk = :pk", projectionExpression: "n", expressionAttributeValues: [":pk": .s("P")], select: .count))
        }
        let specific = try memory.query(QueryInput(
            tableName: "Orders", keyConditionExpression: "pk = :pk", projectionExpression: "n", expressionAttributeValues: [":pk": .s("P")], limit: 1,
            select: .specificAttributes))
        #expect(specific.items == [["n": .n("0")]])
        expectError("ValidationException", "outside query boundaries") {
            _ = try Self.query(memory, "pk = :pk", [":pk": .s("P")], start: ["pk": .s("Q"), "sk": .s("s00")])
        }
        expectError("ValidationException", "The provided starting key is invalid") {
            _ = try Self.query(memory, "pk = :pk", [":pk": .s("P")], start: ["pk": .s("P")])
        }
        expectError("ValidationException", "The provided starting key is invalid") {
            _ = try Self.query(memory, "customer = :c", [":c": .s("c1")], index: "byCustomer", start: ["pk": .s("P"), "sk": .s("s00")])
        }
        expectError("ValidationException", "Member must have value between 1 and 100") {
            _ = try memory.listTables(ListTablesInput(limit: 101))
        }
    }

    @Test func pagesStopAtOneMegabyteOfItemsRead() throws {
        let memory = try Fixtures.simple()
        _ = try memory.createTable(CreateTableInput(tableName: "Big", keySchema: [.hash("pk"), .range("sk")], attributeDefinitions: [.init(attributeName: "pk", attributeType: .s), .init(attributeName: "sk", attributeType: .n)]))
        // Each item: "pk"+"P" (3) + "sk" and a 1–2 digit number (2+2) + "payload" (7) + 99,986 bytes = 100,000 bytes.
        for n in 0..<25 {
            _ = try memory.putItem(PutItemInput(tableName: "Big", item: ["pk": .s("P"), "sk": .n(String(n)), "payload": .b([UInt8](repeating: 7, count: 99_986))]))
        }
        let first = try memory.query(QueryInput(tableName: "Big", keyConditionExpression: "pk = :p", filterExpression: "attribute_not_exists(payload)", expressionAttributeValues: [":p": .s("P")]))
        // 10 items of 100,000 bytes fit in 1,048,576; the 11th would not.
        #expect(first.scannedCount == 10)
        #expect(first.count == 0)
        #expect(first.lastEvaluatedKey == ["pk": .s("P"), "sk": .n("9")])
        let scan = try memory.scan(ScanInput(tableName: "Big"))
        #expect(scan.scannedCount == 10)
        let rest = try memory.scan(ScanInput(tableName: "Big", exclusiveStartKey: scan.lastEvaluatedKey))
        #expect(rest.scannedCount == 10)
        let last = try memory.scan(ScanInput(tableName: "Big", exclusiveStartKey: rest.lastEvaluatedKey))
        #expect(last.scannedCount == 5)
        #expect(last.lastEvaluatedKey == nil)
    }

    @Test func scansInKeyOrderWithPaging() throws {
        let memory = try Fixtures.simple()
        for key in ["b", "a", "d", "c", "e"] { try Fixtures.put(memory, ["pk": .s(key)], table: "Simple") }
        let first = try memory.scan(ScanInput(tableName: "Simple", limit: 2))
        #expect(first.items?.compactMap { $0["pk"]?.stringValue } == ["a", "b"])
        let second = try memory.scan(ScanInput(tableName: "Simple", limit: 2, exclusiveStartKey: first.lastEvaluatedKey))
        #expect(second.items?.compactMap { $0["pk"]?.stringValue } == ["c", "d"])
        let third = try memory.scan(ScanInput(tableName: "Simple", limit: 2, exclusiveStartKey: second.lastEvaluatedKey))
        #expect(third.items?.compactMap { $0["pk"]?.stringValue } == ["e"])
        #expect(third.lastEvaluatedKey == nil)
        expectError("ValidationException", "The provided starting key is invalid") {
            _ = try memory.scan(ScanInput(tableName: "Simple", exclusiveStartKey: ["other": .s("x")]))
        }
        let filtered = try memory.scan(ScanInput(tableName: "Simple", filterExpression: "pk > :c", expressionAttributeValues: [":c": .s("c")]))
        #expect(filtered.count == 2 && filtered.scannedCount == 5)
    }

    /// A table whose global index has a two-attribute partition key and a two-attribute sort key.
    static func multiAttribute() throws -> InMemoryDynamoDB {
        let memory = InMemoryDynamoDB()
        _ = try memory.createTable(CreateTableInput(
            tableName: "Matches", keySchema: [.hash("id")],
            attributeDefinitions: ["id", "tournament", "realm", "round", "bracket"].map { .init(attributeName: $0, attributeType: $0 == "round" ? .n : .s) },
            globalSecondaryIndexes: [.init(indexName: "byTournament", keySchema: [.hash("tournament"), .hash("realm"), .range("round"), .range("bracket")], projection: .all)]))
        let rows: [(String, String, String, Int, String?)] = [
            ("m1", "WINTER", "EU", 1, "A"), ("m2", "WINTER", "EU", 1, "B"), ("m3", "WINTER", "EU", 2, "A"),
            ("m4", "WINTER", "US", 1, "A"), ("m5", "WINTER", "EU", 3, nil), ("m6", "SUMMER", "EU", 1, "A"),
        ]
        for (id, tournament, region, round, bracket) in rows {
            var item: Item = ["id": .s(id), "tournament": .s(tournament), "realm": .s(region), "round": .n(String(round))]
            item["bracket"] = bracket.map(AttributeValue.s)
            _ = try memory.putItem(PutItemInput(tableName: "Matches", item: item))
        }
        return memory
    }

    static func matches(_ memory: InMemoryDynamoDB, _ condition: String, _ values: [String: AttributeValue]) throws -> [String] {
        try memory.query(QueryInput(tableName: "Matches", indexName: "byTournament", keyConditionExpression: condition, expressionAttributeValues: values))
            .items?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test func multiAttributeKeys() throws {
        let memory = try Self.multiAttribute()
        let values: [String: AttributeValue] = [":t": .s("WINTER"), ":r": .s("EU")]
        // m5 lacks bracket, so the index leaves it out.
        #expect(try Self.matches(memory, "tournament = :t AND realm = :r", values) == ["m1", "m2", "m3"])
        #expect(try Self.matches(memory, "tournament = :t AND realm = :r AND round = :one", values.merging([":one": .n("1")]) { a, _ in a }) == ["m1", "m2"])
        #expect(try Self.matches(memory, "tournament = :t AND realm = :r AND round >= :two", values.merging([":two": .n("2")]) { a, _ in a }) == ["m3"])
        #expect(try Self.matches(memory, "tournament = :t AND realm = :r AND round = :one AND bracket > :a",
                                 values.merging([":one": .n("1"), ":a": .s("A")]) { a, _ in a }) == ["m2"])
        expectError("ValidationException", "operator or function: begins_with, operand type: N") {
            _ = try Self.matches(memory, "tournament = :t AND realm = :r AND begins_with(round, :x)", values.merging([":x": .n("1")]) { a, _ in a })
        }
        expectError("ValidationException", "missed key schema element: realm") {
            _ = try Self.matches(memory, "tournament = :t", [":t": .s("WINTER")])
        }
        expectError("ValidationException", "left to right") {
            _ = try Self.matches(memory, "tournament = :t AND realm = :r AND bracket = :a", values.merging([":a": .s("A")]) { a, _ in a })
        }
        expectError("ValidationException", "left to right") {
            _ = try Self.matches(memory, "tournament = :t AND realm = :r AND round > :one AND bracket = :a", values.merging([":one": .n("1"), ":a": .s("A")]) { a, _ in a })
        }
        _ = try memory.updateItem(UpdateItemInput(tableName: "Matches", key: ["id": .s("m5")], updateExpression: "SET bracket = :b", expressionAttributeValues: [":b": .s("C")]))
        #expect(try Self.matches(memory, "tournament = :t AND realm = :r", values) == ["m1", "m2", "m3", "m5"])
    }
}
