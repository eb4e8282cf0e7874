// Differential test: the same seeded request sequences sent to moto (moto_server on loopback,
// through DynamoDBConnection over HTTPTransport) and to InMemoryDynamoDB, compared after every
// request: items and their order, Count and ScannedCount, LastEvaluatedKey, error codes (not
// messages), cancellation reason codes in order, and each table's whole contents at the end.
//
// Where moto deviates from DynamoDB's documented behaviour, InMemoryDynamoDB follows DynamoDB
// and the case is kept out of the generator (or, for the first, tolerated precisely):
//
// 1. A Query or Scan page that ends because it reached Limit carries a LastEvaluatedKey in
//    DynamoDB even when no item is left ("If LastEvaluatedKey is present in the response ... the
//    only way to know when you have reached the end of the result set is when LastEvaluatedKey
//    is empty", Query API reference and developer guide "Paginating table query results");
//    moto leaves it out when exactly Limit items remained. The comparison accepts that one
//    difference and checks that InMemoryDynamoDB's next page from that key is empty.
// 2. Consumed capacity: moto does not compute DynamoDB's figures (developer guide, "Read/write
//    capacity mode"); capacity is never compared here and is tested with hand calculations in
//    CapacityTests.
// 3. The 1 MB page limit: moto cuts pages at 1,000,000 bytes of its own size estimate, DynamoDB
//    at 1 MB of items read (developer guide, "Item sizes and formats"); generated items stay
//    small and QueryTests checks the 1 MB page by hand.
// 4. Scan order is not specified by DynamoDB; both order by partition key value, then sort
//    position, so paged scans can be compared.
// 5. Sparse global indexes with a key attribute of the wrong type: DynamoDB rejects the write
//    ("Type mismatch for Index Key"), moto only rejects NULL; items here always use the declared
//    types.
// 6. A filter on a local secondary index that does not project the filtered attribute: DynamoDB
//    fetches the attribute from the table (developer guide, "Local secondary indexes", attribute
//    projections), moto filters the projected entry only; such queries are not generated.
// 7. Unused ExpressionAttributeValues on PutItem: DynamoDB refuses them ("Value provided in
//    ExpressionAttributeValues unused in expressions"), moto accepts the request.
// 8. GetItem with a key attribute of the wrong type: DynamoDB answers ValidationException ("The
//    provided key element does not match the schema"), moto answers with no item.
// 9. Not generated, only unit-tested: ReturnValues UPDATED_OLD / UPDATED_NEW on nested paths and
//    ReturnValuesOnConditionCheckFailure. Multi-attribute GSIs are queried but not scanned: moto
//    orders their scans by the first partition and sort attribute only (scan order is not
//    specified by DynamoDB).
// 10. Order inside a partition of a global index without a sort key: DynamoDB does not define
//    it (developer guide, "Global secondary indexes": items with the same partition key value
//    are stored together in no particular order unless the index has a sort key); InMemoryDynamoDB
//    orders them by the table's key, moto by the table's sort key first. Such queries are
//    generated without Limit and their items compared as sets.
// 11. ProjectionExpression in TransactGetItems: DynamoDB applies it (TransactGetItems API
//    reference, Get.ProjectionExpression), moto returns whole items; generated TransactGetItems
//    have none (TransportTests and BatchAndTransactionTests cover it).
import DynamoDBAPI
import DynamoDBClient
import Foundation
import InMemoryDynamoDB
import JSONCore
import SeededRandom
import Testing
import TestSupport

@Suite(.serialized) struct DifferentialTests {
    static let sequences = Int(ProcessInfo.processInfo.environment["DIFF_SEQUENCES"] ?? "") ?? 2000

    @Test func inMemoryMatchesMotoRequestByRequest() throws {
        // One moto server per worker: moto is not safe for concurrent requests that create and
        // delete tables (it answered InternalServerError under two workers per server), and one
        // process answers one request at a time anyway. Every sequence has its own table.
        let workers = 3
        try LoopbackMoto.withServers(workers) { ports in
            func connection(_ port: Int) throws -> DynamoDBConnection {
                let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
                return DynamoDBConnection(transport: HTTPTransport(
                    endpoint: endpoint, credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"),
                    region: "us-east-1", timeout: 30))
            }
            var connections: [DynamoDBConnection] = []
            for port in ports { connections.append(try connection(port)) }
            let motos = connections
            let memory = InMemoryDynamoDB()
            let overWire = DynamoDBConnection(transport: memory.transport)
            let started = Date()
            let results = ResultBox()
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for sequence in stride(from: worker, to: Self.sequences, by: workers) {
                    if results.mismatchCount > 20 { return }
                    var generator = SequenceGenerator(seed: 0xD1FF_0000 &+ UInt64(sequence), name: "diff\(sequence)")
                    // Every fourth sequence goes through the JSON protocol on the in-memory side too.
                    let local: any DynamoDBService = sequence % 4 == 3 ? overWire : memory
                    var runner = DifferentialRunner(moto: motos[worker], memory: local, sequence: sequence)
                    runner.run(generator.requests())
                    results.add(requests: runner.requests, mismatches: runner.mismatches)
                }
            }
            let (requests, mismatchList) = results.totals
            for mismatch in mismatchList.prefix(5) {
                print(mismatch)
                Issue.record(Comment(rawValue: mismatch))
            }
            let mismatches = mismatchList.count
            let seconds = Date().timeIntervalSince(started)
            print("Differential test: \(Self.sequences) sequences, \(requests) requests each to moto and InMemoryDynamoDB, \(String(format: "%.1f", seconds)) s, \(mismatches) mismatches")
            #expect(mismatches == 0)
        }
    }
}

/// What the workers found, gathered under a lock.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var requests = 0
    private var mismatches: [String] = []

    func add(requests count: Int, mismatches found: [String]) {
        lock.lock()
        defer { lock.unlock() }
        requests += count
        mismatches += found
    }

    var mismatchCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return mismatches.count
    }

    var totals: (Int, [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (requests, mismatches)
    }
}

/// One generated request, typed.
enum GeneratedRequest {
    case createTable(CreateTableInput)
    case put(PutItemInput)
    case update(UpdateItemInput)
    case delete(DeleteItemInput)
    case get(GetItemInput)
    /// `ordered` is false for a global index without a sort key (see case 10 above).
    case query(QueryInput, ordered: Bool)
    case scan(ScanInput)
    case batchWrite(BatchWriteItemInput)
    case batchGet(BatchGetItemInput)
    case transactWrite(TransactWriteItemsInput)
    case transactGet(TransactGetItemsInput)
    case deleteTable(DeleteTableInput)
}

/// Builds one sequence: a table of a random shape, requests over a small key space (so writes
/// collide and conditions fail), then nothing: the runner scans and deletes the table.
struct SequenceGenerator {
    /// Seeded from the sequence's number, so every sequence can be replayed from it.
    var random: SeededGenerator
    let name: String
    var hashType: ScalarAttributeType = .s
    var sortType: ScalarAttributeType?
    var globalIndexes: [(name: String, hash: String, range: String?)] = []
    var localIndex: String?
    var localIndexProjectsAll = false
    /// A global index with a two-attribute partition key (m1 S, m2 N) and a two-attribute sort
    /// key (m3 S, m4 N).
    var multiIndex = false
    var types: [String: ScalarAttributeType] = [:]

    init(seed: UInt64, name: String) {
        self.random = SeededGenerator(seed: seed)
        self.name = name
    }

    mutating func value(_ type: ScalarAttributeType, _ range: Int) -> AttributeValue {
        let n = random.below(range)
        switch type {
        case .s: return .s(random.pick(["a", "b", "ab"]) + String(n))
        case .n: return .n(String(n - range / 3))
        case .b: return .b([UInt8(n)])
        }
    }

    mutating func key() -> Item {
        var key: Item = ["pk": value(hashType, 3)]
        if let sortType { key["sk"] = value(sortType, 6) }
        return key
    }

    mutating func item() -> Item {
        var item = key()
        if random.chance(80) { item["a1"] = .n(String(random.below(10))) }
        if random.chance(70) { item["a2"] = .s(random.pick(["x", "y", "z", "xy"])) }
        for attribute in ["g1", "g2", "g3", "l1"] {
            if let type = types[attribute], random.chance(65) { item[attribute] = value(type, 4) }
        }
        if multiIndex {
            // A small partition key space, so queries find several items to order and page.
            if random.chance(90) { item["m1"] = .s("a") }
            if random.chance(90) { item["m2"] = .n(String(random.below(2))) }
            if random.chance(80) { item["m3"] = value(.s, 3) }
            if random.chance(80) { item["m4"] = value(.n, 4) }
        }
        if random.chance(20) { item["tags"] = .ss(Array(Set([random.pick(["r", "s"]), random.pick(["s", "t"])]))) }
        if random.chance(15) { item["doc"] = .m(["k": .n(String(random.below(5))), "l": .l([.s("e"), .n("1")])]) }
        return item
    }

    /// A condition that sometimes holds, with the placeholders it uses.
    mutating func condition() -> (String, [String: String], [String: AttributeValue]) {
        switch random.below(8) {
        case 0: return ("attribute_not_exists(pk)", [:], [:])
        case 1: return ("attribute_exists(#k)", ["#k": "pk"], [:])
        case 2: return ("a1 < :v", [:], [":v": .n(String(random.below(10)))])
        case 3: return ("a2 = :v OR attribute_not_exists(a2)", [:], [":v": .s(random.pick(["x", "y"]))])
        case 4: return ("NOT (a1 >= :lo AND a1 <= :hi)", [:], [":lo": .n("2"), ":hi": .n("6")])
        case 5: return ("a1 BETWEEN :lo AND :hi", [:], [":lo": .n("1"), ":hi": .n(String(3 + random.below(6)))])
        case 6: return ("begins_with(a2, :p) AND size(a2) > :one", [:], [":p": .s("x"), ":one": .n("1")])
        default: return ("a2 IN (:x, :y) AND a1 <> :z", [:], [":x": .s("x"), ":y": .s("z"), ":z": .n("3")])
        }
    }

    mutating func filter() -> (String, [String: String], [String: AttributeValue]) {
        switch random.below(5) {
        case 0: return ("a1 >= :f", [:], [":f": .n(String(random.below(8)))])
        case 1: return ("attribute_exists(a2)", [:], [:])
        case 2: return ("#a IN (:f1, :f2)", ["#a": "a2"], [":f1": .s("x"), ":f2": .s("y")])
        case 3: return ("contains(tags, :t) OR contains(a2, :c)", [:], [":t": .s("s"), ":c": .s("y")])
        default: return ("attribute_not_exists(a1) OR a1 < :f", [:], [":f": .n("5")])
        }
    }

    mutating func update() -> (String, [String: String], [String: AttributeValue]) {
        var parts: [String] = []
        var values: [String: AttributeValue] = [:]
        var names: [String: String] = [:]
        switch random.below(6) {
        case 0:
            parts.append("SET a1 = :a1")
            values[":a1"] = .n(String(random.below(10)))
        case 1:
            parts.append("SET a1 = if_not_exists(a1, :zero) + :d")
            values[":zero"] = .n("0")
            values[":d"] = .n(String(random.below(4) - 1))
        case 2:
            parts.append("ADD a1 :d")
            values[":d"] = .n(String(random.below(3) + 1))
        case 3:
            parts.append("SET #a = :s")
            names["#a"] = "a2"
            values[":s"] = .s(random.pick(["x", "y", "z"]))
        case 4:
            parts.append("ADD tags :t")
            values[":t"] = .ss([random.pick(["r", "s", "u"])])
        default:
            parts.append("REMOVE a2")
        }
        if let gsi = globalIndexes.first, let type = types[gsi.hash], random.chance(50) {
            if random.chance(60) {
                parts.append("SET \(gsi.hash) = :g")
                values[":g"] = value(type, 4)
            } else if !parts[0].hasPrefix("REMOVE") {
                parts.append("REMOVE \(gsi.hash)")
            }
        }
        // SET clauses merge into one section.
        let sets = parts.filter { $0.hasPrefix("SET ") }.map { String($0.dropFirst(4)) }
        let others = parts.filter { !$0.hasPrefix("SET ") }
        var text = sets.isEmpty ? "" : "SET " + sets.joined(separator: ", ")
        let removes = others.filter { $0.hasPrefix("REMOVE ") }.map { String($0.dropFirst(7)) }
        if !removes.isEmpty { text += (text.isEmpty ? "" : " ") + "REMOVE " + removes.joined(separator: ", ") }
        for add in others where add.hasPrefix("ADD ") { text += (text.isEmpty ? "" : " ") + add }
        return (text, names, values)
    }

    mutating func createTable() -> CreateTableInput {
        hashType = random.pick([.s, .n])
        sortType = random.chance(70) ? random.pick([.s, .n]) : nil
        var definitions = [AttributeDefinition(attributeName: "pk", attributeType: hashType)]
        var keySchema = [KeySchemaElement.hash("pk")]
        if let sortType {
            keySchema.append(.range("sk"))
            definitions.append(.init(attributeName: "sk", attributeType: sortType))
        }
        var gsis: [GlobalSecondaryIndex] = []
        for (position, attribute) in ["g1", "g2"].enumerated() where random.chance(45) {
            let type: ScalarAttributeType = position == 0 ? .s : .n
            types[attribute] = type
            definitions.append(.init(attributeName: attribute, attributeType: type))
            var schema = [KeySchemaElement.hash(attribute)]
            var range: String?
            if random.chance(50) {
                if types["g3"] == nil {
                    let rangeType: ScalarAttributeType = random.pick([.s, .n])
                    types["g3"] = rangeType
                    definitions.append(.init(attributeName: "g3", attributeType: rangeType))
                }
                schema.append(.range("g3"))
                range = "g3"
            }
            let projection: Projection = random.pick([.all, .keysOnly, .include(["a1"])])
            let indexName = "gsi_\(attribute)"
            gsis.append(.init(indexName: indexName, keySchema: schema, projection: projection))
            globalIndexes.append((indexName, attribute, range))
        }
        if random.chance(25) {
            multiIndex = true
            let multi: [(String, ScalarAttributeType)] = [("m1", .s), ("m2", .n), ("m3", .s), ("m4", .n)]
            definitions += multi.map { AttributeDefinition(attributeName: $0.0, attributeType: $0.1) }
            gsis.append(.init(indexName: "gsi_multi", keySchema: [.hash("m1"), .hash("m2"), .range("m3"), .range("m4")], projection: random.pick([.all, .keysOnly])))
        }
        var lsis: [LocalSecondaryIndex] = []
        if sortType != nil, random.chance(35) {
            let type: ScalarAttributeType = random.pick([.s, .n])
            types["l1"] = type
            definitions.append(.init(attributeName: "l1", attributeType: type))
            let projection: Projection = random.pick([.all, .keysOnly])
            lsis.append(.init(indexName: "lsi_l1", keySchema: [.hash("pk"), .range("l1")], projection: projection))
            localIndex = "lsi_l1"
            localIndexProjectsAll = projection == .all
        }
        return CreateTableInput(
            tableName: name, keySchema: keySchema, attributeDefinitions: definitions,
            globalSecondaryIndexes: gsis.isEmpty ? nil : gsis, localSecondaryIndexes: lsis.isEmpty ? nil : lsis)
    }

    /// A query on the multi-attribute index: equality on both partition attributes, then
    /// nothing, an m3 condition, or m3 equality and an m4 condition.
    mutating func multiQuery() -> GeneratedRequest {
        var text = "m1 = :a AND m2 = :b"
        var values: [String: AttributeValue] = [":a": .s("a"), ":b": .n(String(random.below(2)))]
        switch random.below(3) {
        case 0: break
        case 1:
            let op = random.pick(["=", "<", ">=", "begins_with"])
            text += op == "begins_with" ? " AND begins_with(m3, :c)" : " AND m3 \(op) :c"
            values[":c"] = op == "begins_with" ? .s(random.pick(["a", "b"])) : value(.s, 3)
        default:
            text += " AND m3 = :c AND m4 \(random.pick(["=", "<", "<=", ">", ">="])) :d"
            values[":c"] = value(.s, 3)
            values[":d"] = value(.n, 4)
        }
        return .query(QueryInput(
            tableName: name, indexName: "gsi_multi", keyConditionExpression: text, expressionAttributeValues: values,
            scanIndexForward: random.chance(50), limit: random.chance(40) ? random.below(3) + 1 : nil), ordered: true)
    }

    mutating func query() -> GeneratedRequest {
        if multiIndex, random.chance(40) { return multiQuery() }
        var names: [String: String] = [:]
        var values: [String: AttributeValue] = [:]
        var index: String?
        var partitionName = "pk"
        var partitionType = hashType
        var sortName: String? = sortType == nil ? nil : "sk"
        var sortKeyType = sortType
        let choice = random.below(4)
        if choice == 1, let gsi = globalIndexes.first.map({ $0 }) ?? nil {
            index = gsi.name
            partitionName = gsi.hash
            partitionType = types[gsi.hash] ?? .s
            sortName = gsi.range
            sortKeyType = gsi.range.flatMap { types[$0] }
        } else if choice == 2, let lsi = localIndex {
            index = lsi
            sortName = "l1"
            sortKeyType = types["l1"]
        }
        var text = random.chance(30) ? "#p = :p" : "\(partitionName) = :p"
        if text.hasPrefix("#p") { names["#p"] = partitionName }
        values[":p"] = value(partitionType, partitionName == "pk" ? 3 : 4)
        if let sortName, let sortKeyType, random.chance(70) {
            let operators = sortKeyType == .s ? ["=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"] : ["=", "<", "<=", ">", ">=", "BETWEEN"]
            switch random.pick(operators) {
            case "BETWEEN":
                var low = value(sortKeyType, 6)
                var high = value(sortKeyType, 6)
                if AttributeValue.compareKeys(low, high) > 0 { swap(&low, &high) }
                text += " AND \(sortName) BETWEEN :lo AND :hi"
                values[":lo"] = low
                values[":hi"] = high
            case "begins_with":
                text += " AND begins_with(\(sortName), :pre)"
                values[":pre"] = .s(random.pick(["a", "b", "ab", "a1"]))
            case let op:
                text += " AND \(sortName) \(op) :s"
                values[":s"] = value(sortKeyType, 6)
            }
        }
        var filterText: String?
        // A filter on a local index that does not project everything reads the table (case 7).
        let filterable = index != localIndex || localIndexProjectsAll
        if filterable, random.chance(35) {
            let (f, n, v) = filter()
            filterText = f
            names.merge(n) { a, _ in a }
            values.merge(v) { a, _ in a }
        }
        // A global index without a sort key has no defined order within a partition (case 10).
        let ordered = index == nil || index == localIndex || sortName != nil
        let limit: Int? = ordered && random.chance(40) ? random.below(4) + 1 : nil
        let select: Select? = random.chance(10) ? .count : nil
        return .query(QueryInput(
            tableName: name, indexName: index, keyConditionExpression: text, filterExpression: filterText,
            expressionAttributeNames: names, expressionAttributeValues: values,
            scanIndexForward: random.chance(50) ? nil : random.chance(50), limit: limit, select: select), ordered: ordered)
    }

    /// A request both services must refuse with a ValidationException.
    mutating func invalidRequest() -> GeneratedRequest {
        switch random.below(7) {
        case 0:
            guard let gsi = globalIndexes.first, let type = types[gsi.hash] else { fallthrough }
            return .query(QueryInput(
                tableName: name, indexName: gsi.name, keyConditionExpression: "\(gsi.hash) = :v", expressionAttributeValues: [":v": value(type, 4)],
                consistentRead: true), ordered: true)
        case 1:
            return .update(UpdateItemInput(tableName: name, key: key(), updateExpression: "SET pk = :v", expressionAttributeValues: [":v": value(hashType, 3)]))
        case 2:
            return .update(UpdateItemInput(tableName: name, key: key(), updateExpression: "SET #a = :v", expressionAttributeNames: ["#b": "a1"], expressionAttributeValues: [":v": .n("1")]))
        case 3:
            return .query(QueryInput(tableName: name, keyConditionExpression: "a1 = :v", expressionAttributeValues: [":v": .n("1")]), ordered: true)
        case 4:
            return .update(UpdateItemInput(tableName: name, key: key(), updateExpression: "SET a1 = :v REMOVE a1", expressionAttributeValues: [":v": .n("1")]))
        case 5:
            var item = item()
            if hashType == .s { item["pk"] = .s("") } else { item.removeValue(forKey: "pk") }
            return .put(PutItemInput(tableName: name, item: item))
        default:
            return .update(UpdateItemInput(tableName: name, key: key(), updateExpression: "SET a1 = :v, a1 = :w", expressionAttributeValues: [":v": .n("1"), ":w": .n("2")]))
        }
    }

    mutating func requests() -> [GeneratedRequest] {
        var requests: [GeneratedRequest] = [.createTable(createTable())]
        // A starting population, so queries find several items to order, filter and page.
        var seeded: [WriteRequest] = []
        var seededKeys: Set<Item> = []
        for _ in 0..<(8 + random.below(6)) {
            let item = item()
            var key: Item = ["pk": item["pk"] ?? .null]
            key["sk"] = item["sk"]
            if seededKeys.insert(key).inserted { seeded.append(.put(item: item)) }
        }
        requests.append(.batchWrite(BatchWriteItemInput(requestItems: [name: seeded])))
        for _ in 0..<(4 + random.below(6)) {
            switch random.below(21) {
            case 20:
                requests.append(invalidRequest())
            case 0...4:
                var put = PutItemInput(tableName: name, item: item())
                if random.chance(40) {
                    let (c, n, v) = condition()
                    put.conditionExpression = c
                    put.expressionAttributeNames = n
                    put.expressionAttributeValues = v
                }
                if random.chance(30) { put.returnValues = .allOld }
                requests.append(.put(put))
            case 5, 6:
                let (u, un, uv) = update()
                var update = UpdateItemInput(tableName: name, key: key(), updateExpression: u, expressionAttributeNames: un, expressionAttributeValues: uv)
                if random.chance(40) {
                    let (c, n, v) = condition()
                    update.conditionExpression = c
                    update.expressionAttributeNames.merge(n) { a, _ in a }
                    update.expressionAttributeValues.merge(v) { a, _ in a }
                }
                update.returnValues = random.pick([nil, ReturnValue.none, .allOld, .allNew])
                requests.append(.update(update))
            case 7:
                var delete = DeleteItemInput(tableName: name, key: key())
                if random.chance(40) {
                    let (c, n, v) = condition()
                    delete.conditionExpression = c
                    delete.expressionAttributeNames = n
                    delete.expressionAttributeValues = v
                }
                if random.chance(50) { delete.returnValues = .allOld }
                requests.append(.delete(delete))
            case 8:
                var get = GetItemInput(tableName: name, key: key(), consistentRead: random.chance(50))
                if random.chance(30) {
                    get.projectionExpression = "#a, a2, doc.k"
                    get.expressionAttributeNames = ["#a": "a1"]
                }
                requests.append(.get(get))
            case 9...12:
                requests.append(query())
            case 13:
                var scan = ScanInput(tableName: name, limit: random.chance(50) ? random.below(5) + 1 : nil)
                if random.chance(30), let gsi = globalIndexes.first { scan.indexName = gsi.name }
                if random.chance(40) {
                    let (f, n, v) = filter()
                    scan.filterExpression = f
                    scan.expressionAttributeNames = n
                    scan.expressionAttributeValues = v
                }
                requests.append(.scan(scan))
            case 14, 15:
                var writes: [WriteRequest] = []
                var keys: Set<Item> = []
                for _ in 0..<(1 + random.below(4)) {
                    if random.chance(70) {
                        let item = item()
                        var k: Item = ["pk": item["pk"]!]
                        k["sk"] = item["sk"]
                        if keys.insert(k).inserted { writes.append(.put(item: item)) }
                    } else {
                        let k = key()
                        if keys.insert(k).inserted { writes.append(.delete(key: k)) }
                    }
                }
                requests.append(.batchWrite(BatchWriteItemInput(requestItems: [name: writes])))
            case 16:
                var keys: [Item] = []
                for _ in 0..<(1 + random.below(4)) {
                    let k = key()
                    if !keys.contains(k) { keys.append(k) }
                }
                requests.append(.batchGet(BatchGetItemInput(requestItems: [name: KeysAndAttributes(keys: keys, consistentRead: random.chance(50))])))
            case 17, 18:
                var actions: [TransactWriteItem] = []
                var keys: [Item] = []
                for _ in 0..<(1 + random.below(3)) {
                    var k = key()
                    // Now and then two actions on one item: a ValidationException in both.
                    if random.chance(8), let first = keys.first { k = first }
                    keys.append(k)
                    let (c, n, v) = condition()
                    let conditioned = random.chance(60)
                    switch random.below(4) {
                    case 0:
                        var item = item()
                        item["pk"] = k["pk"]
                        item["sk"] = k["sk"]
                        actions.append(.put(TransactPut(tableName: name, item: item, conditionExpression: conditioned ? c : nil,
                                                        expressionAttributeNames: conditioned ? n : [:], expressionAttributeValues: conditioned ? v : [:])))
                    case 1:
                        var values = conditioned ? v : [:]
                        values[":inc"] = .n("1")
                        actions.append(.update(TransactUpdate(tableName: name, key: k, updateExpression: "ADD a1 :inc", conditionExpression: conditioned ? c : nil,
                                                              expressionAttributeNames: conditioned ? n : [:], expressionAttributeValues: values)))
                    case 2:
                        actions.append(.delete(TransactDelete(tableName: name, key: k, conditionExpression: conditioned ? c : nil,
                                                              expressionAttributeNames: conditioned ? n : [:], expressionAttributeValues: conditioned ? v : [:])))
                    default:
                        actions.append(.conditionCheck(ConditionCheck(tableName: name, key: k, conditionExpression: c, expressionAttributeNames: n, expressionAttributeValues: v)))
                    }
                }
                requests.append(.transactWrite(TransactWriteItemsInput(transactItems: actions)))
            default:
                var gets: [TransactGetItem] = []
                var keys: Set<Item> = []
                for _ in 0..<(1 + random.below(3)) {
                    let k = key()
                    if keys.insert(k).inserted { gets.append(TransactGetItem(tableName: name, key: k)) }
                }
                requests.append(.transactGet(TransactGetItemsInput(transactItems: gets)))
            }
        }
        requests.append(.deleteTable(DeleteTableInput(tableName: name)))
        return requests
    }
}

/// Sends each request to both services and records every difference.
struct DifferentialRunner {
    let moto: any DynamoDBService
    let memory: any DynamoDBService
    let sequence: Int
    var requests = 0
    var mismatches: [String] = []

    init(moto: any DynamoDBService, memory: any DynamoDBService, sequence: Int) {
        self.moto = moto
        self.memory = memory
        self.sequence = sequence
    }

    /// The outcome of one call in comparable form: a value, or an error code with reason codes.
    enum Result: Equatable {
        case value(String)
        case error(String)
    }

    static func call<T>(_ body: () throws(DynamoDBError) -> T, _ render: (T) -> String) -> Result {
        do {
            return .value(render(try body()))
        } catch {
            if case .transactionCanceled(_, let reasons) = error {
                return .error("TransactionCanceledException[" + reasons.map(\.code.rawValue).joined(separator: ",") + "]")
            }
            return .error(DynamoDBWire.code(of: error))
        }
    }

    static func render(_ item: Item?) -> String {
        guard let item else { return "none" }
        return String(decoding: DynamoDBWire.encode(item: normalized(item)).compact(), as: UTF8.self)
    }

    /// Sets sorted, so two services' set orders compare equal.
    static func normalized(_ item: Item) -> Item { item.mapValues(normalized) }

    static func normalized(_ value: AttributeValue) -> AttributeValue {
        switch value {
        case .ss(let set): return .ss(set.sorted())
        case .ns(let set): return .ns(set.sorted())
        case .bs(let set): return .bs(set.sorted { $0.lexicographicallyPrecedes($1) })
        case .m(let members): return .m(normalized(members))
        case .l(let list): return .l(list.map(normalized))
        default: return value
        }
    }

    static func render(_ output: QueryOutput, ordered: Bool = true) -> String {
        let items = output.items.map { page in
            let rendered = page.map { render($0) }
            return (ordered ? rendered : rendered.sorted()).joined(separator: ";")
        } ?? "count-only"
        return "items=[\(items)] count=\(output.count) scanned=\(output.scannedCount) lek=\(render(output.lastEvaluatedKey))"
    }

    mutating func record(_ what: String, _ motoResult: Result, _ memoryResult: Result) {
        requests += 1
        if motoResult != memoryResult {
            mismatches.append("sequence \(sequence), \(what):\n  moto:   \(motoResult)\n  memory: \(memoryResult)")
        }
    }

    /// A paged read: pages followed while both services return the same LastEvaluatedKey; the
    /// one accepted difference is DynamoDB's key after a page that exactly reached Limit.
    mutating func paged(_ what: String, limit: Int?, ordered: Bool = true, _ page: (any DynamoDBService, Item?) throws(DynamoDBError) -> QueryOutput) {
        var start: Item?
        for pageNumber in 0..<4 {
            var motoOutput: QueryOutput?
            var memoryOutput: QueryOutput?
            let motoResult = Self.call({ () throws(DynamoDBError) in try page(moto, start) }) { (output: QueryOutput) in motoOutput = output; return Self.render(output, ordered: ordered) }
            let memoryResult = Self.call({ () throws(DynamoDBError) in try page(memory, start) }) { (output: QueryOutput) in memoryOutput = output; return Self.render(output, ordered: ordered) }
            if let motoOutput, var memoryOutput, motoOutput.lastEvaluatedKey == nil, let key = memoryOutput.lastEvaluatedKey,
                let limit, memoryOutput.scannedCount == limit {
                // DynamoDB's key after a page that reached Limit: the next page must be empty.
                let next = try? page(memory, key)
                if next?.scannedCount == 0, next?.lastEvaluatedKey == nil {
                    memoryOutput.lastEvaluatedKey = nil
                    record("\(what) page \(pageNumber)", motoResult, .value(Self.render(memoryOutput)))
                    return
                }
            }
            record("\(what) page \(pageNumber)", motoResult, memoryResult)
            guard let next = motoOutput?.lastEvaluatedKey, memoryOutput?.lastEvaluatedKey == next else { return }
            start = next
        }
    }

    mutating func run(_ generated: [GeneratedRequest]) {
        var tableName: String?
        for request in generated {
            switch request {
            case .createTable(let input):
                tableName = input.tableName
                record("CreateTable \(input.keySchema.map(\.attributeName)) gsi=\(input.globalSecondaryIndexes?.count ?? 0) lsi=\(input.localSecondaryIndexes?.count ?? 0)",
                       Self.call({ () throws(DynamoDBError) in try moto.createTable(input) }) { $0.tableDescription.tableName },
                       Self.call({ () throws(DynamoDBError) in try memory.createTable(input) }) { $0.tableDescription.tableName })
            case .put(let input):
                record("PutItem \(Self.render(input.item)) if \(input.conditionExpression ?? "-")",
                       Self.call({ () throws(DynamoDBError) in try moto.putItem(input) }) { Self.render($0.attributes) },
                       Self.call({ () throws(DynamoDBError) in try memory.putItem(input) }) { Self.render($0.attributes) })
            case .update(let input):
                record("UpdateItem \(Self.render(input.key)) \(input.updateExpression ?? "") if \(input.conditionExpression ?? "-") returning \(input.returnValues?.rawValue ?? "-")",
                       Self.call({ () throws(DynamoDBError) in try moto.updateItem(input) }) { Self.render($0.attributes) },
                       Self.call({ () throws(DynamoDBError) in try memory.updateItem(input) }) { Self.render($0.attributes) })
            case .delete(let input):
                record("DeleteItem \(Self.render(input.key)) if \(input.conditionExpression ?? "-")",
                       Self.call({ () throws(DynamoDBError) in try moto.deleteItem(input) }) { Self.render($0.attributes) },
                       Self.call({ () throws(DynamoDBError) in try memory.deleteItem(input) }) { Self.render($0.attributes) })
            case .get(let input):
                record("GetItem \(Self.render(input.key)) \(input.projectionExpression ?? "")",
                       Self.call({ () throws(DynamoDBError) in try moto.getItem(input) }) { Self.render($0.item) },
                       Self.call({ () throws(DynamoDBError) in try memory.getItem(input) }) { Self.render($0.item) })
            case .query(let input, let ordered):
                let what = "Query \(input.indexName ?? "table") \(input.keyConditionExpression ?? "") \(input.expressionAttributeValues.mapValues(\.description)) filter \(input.filterExpression ?? "-") limit \(input.limit.map(String.init) ?? "-") forward \(input.scanIndexForward.map(String.init) ?? "-")"
                paged(what, limit: input.limit, ordered: ordered) { (service, start) throws(DynamoDBError) in
                    var page = input
                    page.exclusiveStartKey = start
                    return try service.query(page)
                }
            case .scan(let input):
                paged("Scan \(input.indexName ?? "table") filter \(input.filterExpression ?? "-") limit \(input.limit.map(String.init) ?? "-")", limit: input.limit) { (service, start) throws(DynamoDBError) in
                    var page = input
                    page.exclusiveStartKey = start
                    return try service.scan(page)
                }
            case .batchWrite(let input):
                record("BatchWriteItem \(input.requestItems.values.first?.count ?? 0) requests",
                       Self.call({ () throws(DynamoDBError) in try moto.batchWriteItem(input) }) { $0.unprocessedItems.isEmpty ? "ok" : "unprocessed" },
                       Self.call({ () throws(DynamoDBError) in try memory.batchWriteItem(input) }) { $0.unprocessedItems.isEmpty ? "ok" : "unprocessed" })
            case .batchGet(let input):
                let render: (BatchGetItemOutput) -> String = { output in
                    output.responses.keys.sorted().map { table in
                        table + ":" + (output.responses[table] ?? []).map { Self.render($0) }.sorted().joined(separator: ";")
                    }.filter { !$0.hasSuffix(":") }.joined(separator: "|")
                }
                record("BatchGetItem \(input.requestItems.values.first?.keys.map { Self.render($0) } ?? [])",
                       Self.call({ () throws(DynamoDBError) in try moto.batchGetItem(input) }, render),
                       Self.call({ () throws(DynamoDBError) in try memory.batchGetItem(input) }, render))
            case .transactWrite(let input):
                record("TransactWriteItems \(input.transactItems.map { String(describing: $0).prefix(160) })",
                       Self.call({ () throws(DynamoDBError) in try moto.transactWriteItems(input) }) { _ in "ok" },
                       Self.call({ () throws(DynamoDBError) in try memory.transactWriteItems(input) }) { _ in "ok" })
            case .transactGet(let input):
                let render: (TransactGetItemsOutput) -> String = { $0.responses.map { Self.render($0) }.joined(separator: ";") }
                record("TransactGetItems",
                       Self.call({ () throws(DynamoDBError) in try moto.transactGetItems(input) }, render),
                       Self.call({ () throws(DynamoDBError) in try memory.transactGetItems(input) }, render))
            case .deleteTable(let input):
                if let tableName { compareContents(tableName) }
                record("DeleteTable",
                       Self.call({ () throws(DynamoDBError) in try moto.deleteTable(input) }) { $0.tableDescription.tableName },
                       Self.call({ () throws(DynamoDBError) in try memory.deleteTable(input) }) { $0.tableDescription.tableName })
            }
        }
    }

    /// Both tables' whole contents, read by full scans, compared as sets of items.
    mutating func compareContents(_ table: String) {
        func contents(_ service: any DynamoDBService) -> Result {
            Self.call({ () throws(DynamoDBError) -> [String] in
                var items: [String] = []
                var start: Item?
                repeat {
                    let page = try service.scan(ScanInput(tableName: table, exclusiveStartKey: start))
                    items += (page.items ?? []).map { Self.render($0) }
                    start = page.lastEvaluatedKey
                } while start != nil
                return items.sorted()
            }) { $0.joined(separator: "\n") }
        }
        record("final contents of \(table)", contents(moto), contents(memory))
    }
}
