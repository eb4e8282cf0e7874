import DynamoDBAPI
import DynamoDBClient
import Foundation
import InMemoryDynamoDB
import SeededRandom

// Times InMemoryDynamoDB on a fixed mix of 20,000 requests (docs/benchmarks.md): puts, gets,
// queries with filters on the table and a global index, conditional updates, deletes, batch
// gets and transactions, over a table with a sparse GSI and an LSI. Not a test: it prints the
// median, p90 and minimum over the runs, after one warm-up run.
//
//   ddbmodel-memdb-bench [--runs N] [--requests N] [--wire]
//
// `--wire` sends every request through the JSON protocol (`InMemoryDynamoDB.Transport`).

var runs = 15
var requestCount = 20_000
var throughWire = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--runs": runs = arguments.next().flatMap { Int($0) } ?? runs
    case "--requests": requestCount = arguments.next().flatMap { Int($0) } ?? requestCount
    case "--wire": throughWire = true
    default:
        print("usage: ddbmodel-memdb-bench [--runs N] [--requests N] [--wire]")
        exit(2)
    }
}

/// The fixed request mix, generated once from a seed so every run does the same work.
enum Request {
    case put(PutItemInput)
    case get(GetItemInput)
    case query(QueryInput)
    case update(UpdateItemInput)
    case delete(DeleteItemInput)
    case batchGet(BatchGetItemInput)
    case transact(TransactWriteItemsInput)
}

func makeRequests(_ count: Int) -> [Request] {
    var random = SeededGenerator(seed: 0x00DD_B0DE_3E3D_B000)
    func key() -> Item { ["pk": .s("CUSTOMER#\(random.int(0...499))"), "sk": .s("ORDER#\(random.int(0...39))")] }
    var requests: [Request] = []
    requests.reserveCapacity(count)
    for _ in 0..<count {
        switch random.int(0...99) {
        case 0..<30:
            var item = key()
            item["amount"] = .n(String(random.int(1...500)))
            item["state"] = .s(random.pick(["OPEN", "PAID", "SHIPPED"]))
            item["note"] = .s(String(repeating: "x", count: random.int(10...200)))
            if random.chance(60) {
                item["customer"] = item["pk"]
                item["placed"] = .n(String(random.int(1_700_000_000...1_800_000_000)))
            }
            requests.append(.put(PutItemInput(tableName: "Orders", item: item)))
        case 30..<50:
            requests.append(.get(GetItemInput(tableName: "Orders", key: key(), consistentRead: random.chance(50))))
        case 50..<65:
            let customer = AttributeValue.s("CUSTOMER#\(random.int(0...499))")
            if random.chance(50) {
                requests.append(.query(QueryInput(
                    tableName: "Orders", keyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)", filterExpression: "amount >= :min AND #s <> :s",
                    expressionAttributeNames: ["#s": "state"], expressionAttributeValues: [":pk": customer, ":prefix": .s("ORDER#1"), ":min": .n("100"), ":s": .s("OPEN")],
                    scanIndexForward: random.chance(50), limit: random.chance(30) ? 5 : nil)))
            } else {
                requests.append(.query(QueryInput(
                    tableName: "Orders", indexName: "byCustomer", keyConditionExpression: "customer = :c AND placed > :t",
                    filterExpression: "attribute_exists(note)", expressionAttributeValues: [":c": customer, ":t": .n("1750000000")], scanIndexForward: false)))
            }
        case 65..<85:
            requests.append(.update(UpdateItemInput(
                tableName: "Orders", key: key(), updateExpression: "SET amount = if_not_exists(amount, :zero) + :d, #s = :s ADD visits :one",
                conditionExpression: "attribute_not_exists(pk) OR #s <> :closed", expressionAttributeNames: ["#s": "state"],
                expressionAttributeValues: [":zero": .n("0"), ":d": .n(String(random.int(1...9))), ":s": .s("PAID"), ":one": .n("1"), ":closed": .s("CLOSED")],
                returnValues: .updatedNew)))
        case 85..<90:
            requests.append(.delete(DeleteItemInput(tableName: "Orders", key: key(), conditionExpression: "amount < :max", expressionAttributeValues: [":max": .n("50")])))
        case 90..<95:
            var keys: [Item] = []
            for _ in 0..<10 {
                let next = key()
                if !keys.contains(next) { keys.append(next) }
            }
            requests.append(.batchGet(BatchGetItemInput(requestItems: ["Orders": KeysAndAttributes(keys: keys)])))
        default:
            let from = key()
            var to = key()
            if to == from { to["sk"] = .s("ORDER#other") }
            requests.append(.transact(TransactWriteItemsInput(transactItems: [
                .update(TransactUpdate(tableName: "Orders", key: from, updateExpression: "ADD amount :minus", conditionExpression: "amount >= :ten",
                                       expressionAttributeValues: [":minus": .n("-10"), ":ten": .n("10")])),
                .update(TransactUpdate(tableName: "Orders", key: to, updateExpression: "ADD amount :plus", expressionAttributeValues: [":plus": .n("10")])),
            ])))
        }
    }
    return requests
}

func makeService(wire: Bool) -> (InMemoryDynamoDB, any DynamoDBService) {
    let memory = InMemoryDynamoDB()
    do {
        _ = try memory.createTable(CreateTableInput(
            tableName: "Orders", keySchema: [.hash("pk"), .range("sk")],
            attributeDefinitions: [
                .init(attributeName: "pk", attributeType: .s), .init(attributeName: "sk", attributeType: .s),
                .init(attributeName: "customer", attributeType: .s), .init(attributeName: "placed", attributeType: .n),
                .init(attributeName: "amount", attributeType: .n),
            ],
            globalSecondaryIndexes: [.init(indexName: "byCustomer", keySchema: [.hash("customer"), .range("placed")], projection: .include(["note", "amount"]))],
            localSecondaryIndexes: [.init(indexName: "byAmount", keySchema: [.hash("pk"), .range("amount")], projection: .keysOnly)]))
    } catch {
        print("could not create the table: \(error.message)")
        exit(1)
    }
    return (memory, wire ? DynamoDBConnection(transport: memory.transport) : memory)
}

/// Runs the mix once on a fresh service; returns seconds and how many requests failed (conditions
/// that did not hold, as intended).
func runOnce(_ requests: [Request], wire: Bool) -> (seconds: Double, failed: Int) {
    let (_, service) = makeService(wire: wire)
    var failed = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for request in requests {
            do {
                switch request {
                case .put(let input): _ = try service.putItem(input)
                case .get(let input): _ = try service.getItem(input)
                case .query(let input): _ = try service.query(input)
                case .update(let input): _ = try service.updateItem(input)
                case .delete(let input): _ = try service.deleteItem(input)
                case .batchGet(let input): _ = try service.batchGetItem(input)
                case .transact(let input): _ = try service.transactWriteItems(input)
                }
            } catch {
                failed += 1
            }
        }
    }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, failed)
}

let requests = makeRequests(requestCount)
_ = runOnce(requests, wire: throughWire)
var timings: [Double] = []
var failures = 0
for _ in 0..<runs {
    let (seconds, failed) = runOnce(requests, wire: throughWire)
    timings.append(seconds * 1000)
    failures = failed
}
timings.sort()
let median = timings[timings.count / 2]
let p90 = timings[min(timings.count - 1, Int(Double(timings.count) * 0.9))]
print(String(format: "InMemoryDynamoDB%@: %d requests (%d refused by their conditions), %d runs: median %.1f ms, p90 %.1f ms, min %.1f ms (%.1f µs per request)",
             throughWire ? " through the JSON protocol" : "", requestCount, failures, runs, median, p90, timings[0], median * 1000 / Double(requestCount)))
