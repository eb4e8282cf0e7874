import JSONCore
import DesignEngine
import enum DynamoDBAPI.DynamoDBError
import protocol DynamoDBAPI.DynamoDBTransport
import DynamoDBClient
import Foundation
import MigrationContract
import Requirements

/// Runs a data model against a DynamoDB API endpoint and asserts the results: creates the tables
/// under `tablePrefix`, writes deterministic sample items through the planned write paths, runs
/// every access pattern as planned, checks what comes back, and deletes the tables it created.
public struct ModelValidator: Sendable {
    public let model: DataModel
    public let requirements: Requirements
    public let transport: any DynamoDBTransport
    public let tablePrefix: String
    public let seed: UInt64
    public let progress: (@Sendable (String) -> Void)?

    public init(model: DataModel, requirements: Requirements, transport: any DynamoDBTransport, tablePrefix: String,
                seed: UInt64 = 1, progress: (@Sendable (String) -> Void)? = nil) {
        self.model = model
        self.requirements = requirements
        self.transport = transport
        self.tablePrefix = tablePrefix
        self.seed = seed
        self.progress = progress
    }

    /// The deployed name of a model table.
    public func deployedName(_ table: TableDesign) -> String { tablePrefix + table.name }

    public func run() -> ValidationReport {
        let run = ValidationRun(validator: self)
        return run.execute()
    }
}

/// A failed request or an unexpected response.
struct CallError: Error {
    var code: String
    var message: String

    init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: DynamoDBError) {
        self.message = error.message
        switch error {
        case .endpointUnreachable: code = "EndpointUnreachable"
        case .authenticationFailed(let type, _): code = type
        case .credentialsNotFound: code = "CredentialsNotFound"
        case .throttled(let type, _, _): code = type
        case .tableAlreadyExists: code = "ResourceInUseException"
        case .resourceNotFound: code = "ResourceNotFoundException"
        case .conditionalCheckFailed: code = "ConditionalCheckFailedException"
        case .transactionCanceled: code = "TransactionCanceledException"
        case .validation: code = "ValidationException"
        case .serviceError(let type, _, _): code = type
        case .invalidResponse: code = "InvalidResponse"
        }
    }

    var isTransactionCanceled: Bool { code.hasPrefix("TransactionCanceled") }
    var isConditionFailed: Bool { code.hasPrefix("ConditionalCheckFailed") }
}

typealias Item = [String: SampleValue]

/// The state of one validation run.
final class ValidationRun {
    let v: ModelValidator
    var model: DataModel { v.model }
    var requirements: Requirements { v.requirements }
    /// Items written for an entity with no parent.
    let samples = 3

    /// Items written for an entity: 3, or for a child the parent's share of it from the
    /// relationship's average cardinality (two parents get children, at most 3 each), so a query
    /// by parent returns as many items as the requirements say, within reason.
    func sampleCount(_ entity: String) -> Int {
        let averages = requirements.relationships.compactMap { relationship -> Double? in
            guard relationship.child == entity, relationship.kind == .oneToMany, case .known(let cardinality)? = relationship.cardinality else { return nil }
            return cardinality.average
        }
        guard let average = averages.max() else { return samples }
        return max(samples, 2 * min(3, Int(average.rounded(.up))))
    }

    var created: [String] = []
    var notes: [String] = []
    /// Sample items written per entity (values plus built keys), in write order.
    var written: [String: [Item]] = [:]
    var failures: [Int: [String]] = [:]
    var results: [Int: ValidationReport.PatternResult] = [:]
    /// The first served write pattern of each entity: its create path.
    var creates: [String: PatternMapping] = [:]
    /// Sample items written per entity when the writes were done (before updates and deletes).
    var writtenCounts: [String: Int] = [:]

    init(validator: ModelValidator) {
        self.v = validator
    }

    func say(_ text: String) { v.progress?(text) }

    // MARK: Requests

    @discardableResult
    func call(_ operation: String, _ body: OrderedJSON) throws(CallError) -> OrderedJSON {
        let bytes: [UInt8]
        do {
            bytes = try v.transport.send(operation: operation, body: body.serialized())
        } catch {
            throw CallError(error)
        }
        do {
            return try OrderedJSON.parse(bytes.isEmpty ? Array("{}".utf8) : bytes)
        } catch {
            throw CallError(code: "BadResponse", message: "\(operation) returned bytes that are not JSON: \(error)")
        }
    }

    func serialize(_ item: Item) -> OrderedJSON {
        .object(item.keys.sorted().map { ($0, item[$0]!.json) })
    }

    // MARK: Run

    func execute() -> ValidationReport {
        var setupFailure: String?
        var cleanupFailures: [String] = []
        notes.append("The RCU and WCU shown are the model's own calculation: moto and DynamoDB Local do not report realistic consumed capacity.")
        do {
            try createTables()
            try writeSamples()
        } catch {
            setupFailure = "\(error.message)"
        }
        if setupFailure == nil {
            runReads()
            runUpdatesAndDeletes()
            runDuplicates()
            runOtherWrites()
        }
        cleanupFailures = deleteTables()
        let patterns = model.mappings.map { result(for: $0, setupFailure: setupFailure) }
        return ValidationReport(tablePrefix: v.tablePrefix, seed: v.seed, tables: model.tables.map(v.deployedName), patterns: patterns,
                                notes: notes, setupFailure: setupFailure, cleanupFailures: cleanupFailures)
    }

    func result(for mapping: PatternMapping, setupFailure: String?) -> ValidationReport.PatternResult {
        let table = mapping.tableID.flatMap { model.table(id: $0) }
        var target = table?.name ?? "-"
        if let index = mapping.indexName { target += "/" + (table.flatMap { indexDesign(table: $0, name: index)?.name } ?? index) }
        var base = ValidationReport.PatternResult(
            patternID: mapping.patternID, description: mapping.description, operation: mapping.operation?.rawValue ?? "-", target: target,
            expected: nil, got: nil, outcome: .skipped, reason: nil,
            readUnits: mapping.readUnitsPerRequest, writeUnits: mapping.totalWriteUnitsPerRequest)
        switch mapping.status {
        case .searchService(let reason):
            base.reason = "served by OpenSearch, not DynamoDB: \(reason)"
            return base
        case .unserved(let reason):
            base.outcome = .fail
            base.reason = "not served by the model: \(reason)"
            return base
        case .served, .acceptedScan: break
        }
        if let setupFailure {
            base.outcome = .fail
            base.reason = "not run: setup failed (\(setupFailure))"
            return base
        }
        if var result = results[mapping.patternID] {
            if let extra = failures[mapping.patternID], !extra.isEmpty {
                result.outcome = .fail
                result.reason = ([result.reason].compactMap { $0 } + extra).joined(separator: "; ")
            }
            return result
        }
        if let extra = failures[mapping.patternID], !extra.isEmpty {
            base.outcome = .fail
            base.reason = extra.joined(separator: "; ")
            return base
        }
        base.reason = "nothing to run for this pattern with the sample data"
        return base
    }

    func record(_ mapping: PatternMapping, expected: Int?, got: Int?, problems: [String]) {
        var result = self.result(for: mapping, setupFailure: nil)
        result.expected = expected
        result.got = got
        result.outcome = problems.isEmpty ? .pass : .fail
        result.reason = problems.isEmpty ? nil : problems.joined(separator: "; ")
        results[mapping.patternID] = result
    }

    func fail(_ patternID: Int, _ message: String) {
        failures[patternID, default: []].append(message)
    }

    // MARK: Tables

    func createTables() throws(CallError) {
        for table in model.tables {
            let name = v.deployedName(table)
            say("Creating table \(name)")
            var definitions: [(String, String)] = []
            func define(_ key: KeyAttribute) {
                if !definitions.contains(where: { $0.0 == key.name }) { definitions.append((key.name, key.dynamoDBType)) }
            }
            define(table.partitionKey)
            table.sortKey.map(define)
            for index in table.indexes { (index.partitionKey + index.sortKey).forEach(define) }
            func schema(_ partition: [KeyAttribute], _ sort: [KeyAttribute]) -> OrderedJSON {
                .array(partition.map { .object([("AttributeName", .string($0.name)), ("KeyType", .string("HASH"))]) }
                    + sort.map { .object([("AttributeName", .string($0.name)), ("KeyType", .string("RANGE"))]) })
            }
            func projection(_ projection: Projection) -> OrderedJSON {
                if case .include(let names) = projection {
                    return .object([("ProjectionType", .string("INCLUDE")), ("NonKeyAttributes", .array(names.map { .string($0) }))])
                }
                return .object([("ProjectionType", .string(projection.awsName))])
            }
            var members: [(String, OrderedJSON)] = [
                ("TableName", .string(name)),
                ("BillingMode", .string("PAY_PER_REQUEST")),
                ("KeySchema", schema([table.partitionKey], table.sortKey.map { [$0] } ?? [])),
                ("AttributeDefinitions", .array(definitions.map { .object([("AttributeName", .string($0.0)), ("AttributeType", .string($0.1))]) })),
            ]
            for (kind, label) in [(IndexKind.global, "GlobalSecondaryIndexes"), (.local, "LocalSecondaryIndexes")] {
                let indexes = table.indexes.filter { $0.kind == kind }
                guard !indexes.isEmpty else { continue }
                members.append((label, .array(indexes.map { index in
                    .object([("IndexName", .string(index.name)), ("KeySchema", schema(index.partitionKey, index.sortKey)), ("Projection", projection(index.projection))])
                })))
                for index in indexes where index.partitionKey.count > 1 || index.sortKey.count > 1 {
                    notes.append("Index \(index.name) of \(table.name) has a multi-attribute key (\(index.keyAttributeNames.joined(separator: ", "))): created as the model plans it.")
                }
            }
            try call("CreateTable", .object(members))
            created.append(name)
        }
        for name in created {
            var attempts = 0
            while true {
                let response = try call("DescribeTable", .object([("TableName", .string(name))]))
                let status = response.member("Table")?.member("TableStatus")?.stringText ?? ""
                let indexesActive = (response.member("Table")?.member("GlobalSecondaryIndexes")?.arrayItems ?? []).allSatisfy {
                    ($0.member("IndexStatus")?.stringText ?? "ACTIVE") == "ACTIVE"
                }
                if status == "ACTIVE" && indexesActive { break }
                attempts += 1
                if attempts > 300 { throw CallError(code: "Timeout", message: "table \(name) not ACTIVE after 300 checks (status \(status))") }
                usleep(200_000)
            }
        }
    }

    func deleteTables() -> [String] {
        var problems: [String] = []
        for name in created.reversed() {
            say("Deleting table \(name)")
            do {
                try call("DeleteTable", .object([("TableName", .string(name))]))
            } catch {
                problems.append("table \(name) could not be deleted: \(error.message)")
            }
        }
        created = []
        return problems
    }

    // MARK: Model look-ups

    func pattern(_ mapping: PatternMapping) -> AccessPattern? { requirements.pattern(mapping.patternID) }

    func entityTable(_ entity: String) -> TableDesign? {
        model.tables.first { $0.lookup == nil && $0.entities.contains(entity) }
    }

    func attributes(of entity: String, in table: TableDesign) -> [ModelAttribute] {
        table.attributes.filter { $0.entity == entity && $0.composedOf == nil }
    }

    func lookups(of entity: String) -> [TableDesign] {
        guard let owner = entityTable(entity) else { return [] }
        return model.tables.filter { $0.lookup?.entity == entity && $0.lookup?.ownerTableID == owner.id }
    }

    func indexDesign(table: TableDesign, name: String) -> IndexDesign? {
        table.indexes.first { $0.id == name } ?? table.index(named: name)
    }

    /// How the entity's key attributes are built (the boto3 exporter's key template).
    func keyTemplate(_ entity: String, _ table: TableDesign) -> KeyConditionText {
        let keyNames = Set(table.keyAttributeNames)
        for mapping in model.mappings where mapping.tableID == table.id && mapping.indexName == nil
            && requirements.pattern(mapping.patternID)?.entities.first == entity {
            guard let text = mapping.keyCondition, let expression = KeyConditionText(text) else { continue }
            let equalities = expression.parts.compactMap { part -> String? in
                if case .equals(let attribute, _) = part { return attribute }
                return nil
            }
            if Set(equalities) == keyNames { return expression }
        }
        var parts: [KeyConditionText.Part] = []
        for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) {
            if let composed = key.composedOf, composed.count > 1, table.lookup != nil || table.role == .entity {
                var pieces: [KeyConditionText.Piece] = []
                for (position, name) in composed.enumerated() {
                    if position > 0 { pieces.append(.literal("#")) }
                    pieces.append(.parameter(name))
                }
                parts.append(.equals(attribute: key.name, pieces: pieces))
            } else {
                parts.append(.equals(attribute: key.name, pieces: [.parameter(key.name)]))
            }
        }
        return KeyConditionText(parts: parts)
    }

    // MARK: Sample items

    func isDistinct(_ entity: Entity, _ name: String) -> Bool {
        if entity.identifier.last == name { return true }
        if entity.uniqueGroups.contains(where: { $0.contains(name) }) { return true }
        return requirements.accessPatterns.contains { pattern in
            if case .some(.attribute(let sort)) = pattern.sort { return sort.attribute == name }
            return false
        }
    }

    /// Identifiers, unique values and sort attributes differ per item; other values repeat
    /// (items 1 and 3 share them) so that queries return several items.
    func sample(_ entityName: String, _ n: Int) -> Item {
        guard let entity = requirements.entity(named: entityName), let table = entityTable(entityName) else { return [:] }
        var item: Item = [:]
        for attribute in attributes(of: entityName, in: table) {
            let number = isDistinct(entity, attribute.name) ? n : (n % 2) + 1
            let text = "\(attribute.name)-\(v.seed)-\(number)"
            switch attribute.dynamoDBType {
            case "N": item[attribute.name] = .n(number)
            case "BOOL": item[attribute.name] = .bool(number % 2 == 1)
            case "B": item[attribute.name] = .b(text)
            case "M": item[attribute.name] = .m(text)
            case "L": item[attribute.name] = .l(text)
            case "SS": item[attribute.name] = .ss(text)
            default: item[attribute.name] = .s(sized(text, attribute, table))
            }
        }
        return item
    }

    /// A non-key string padded to the attribute's typical size (at most 4 KB), so the items
    /// written weigh what the model's sizes say; key values stay short and readable.
    func sized(_ text: String, _ attribute: ModelAttribute, _ table: TableDesign) -> String {
        let keys = Set(table.keyAttributeNames + table.indexes.flatMap(\.keyAttributeNames))
        let target = min(attribute.typicalSizeBytes, 4096)
        guard !keys.contains(attribute.name), text.utf8.count < target else { return text }
        return text + String(repeating: ".", count: target - text.utf8.count)
    }

    func built(_ values: Item, _ pieces: [KeyConditionText.Piece]) -> SampleValue? {
        if pieces.count == 1, case .parameter(let name) = pieces[0] { return values[name] }
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .parameter(let name):
                guard let value = values[name] else { return nil }
                text += value.text
            }
        }
        return .s(text)
    }

    /// The item stored for an entity: its values plus the key attributes built from them.
    func entityItem(_ entity: String, _ values: Item) -> Item {
        guard let table = entityTable(entity) else { return values }
        var item = values
        for attribute in table.attributes where attribute.entity == entity {
            guard let parts = attribute.composedOf, parts.allSatisfy({ item[$0] != nil }) else { continue }
            item[attribute.name] = .s(parts.map { item[$0]!.text }.joined(separator: "#"))
        }
        for case .equals(let name, let pieces) in keyTemplate(entity, table).parts {
            if let value = built(item, pieces) { item[name] = value }
        }
        return item
    }

    func entityKey(_ entity: String, _ values: Item) -> Item {
        let item = entityItem(entity, values)
        var key: Item = [:]
        for name in entityTable(entity)?.keyAttributeNames ?? [] { key[name] = item[name] }
        return key
    }

    func identity(_ entity: String, _ item: Item) -> String {
        let full = entityItem(entity, item)
        return (entityTable(entity)?.keyAttributeNames ?? []).map { full[$0]?.text ?? "?" }.joined(separator: "|")
    }

    func identity(_ entity: String, response: OrderedJSON) -> String {
        (entityTable(entity)?.keyAttributeNames ?? []).map { response.member($0).flatMap(SampleValue.keyText) ?? "?" }.joined(separator: "|")
    }

    /// The lookup-table item reserving an entity's unique value(s).
    func lookupItem(_ lookupTable: TableDesign, _ item: Item) -> Item {
        guard let lookup = lookupTable.lookup else { return [:] }
        var names = lookupTable.attributes.map(\.name)
        for name in lookup.ownerKeyAttributes where !names.contains(name) { names.append(name) }
        if !names.contains(lookupTable.partitionKey.name) { names.insert(lookupTable.partitionKey.name, at: 0) }
        var result: Item = [:]
        for name in names {
            if name == lookupTable.partitionKey.name && (lookup.attributes.count > 1 || item[name] == nil) {
                let parts = lookup.attributes.compactMap { item[$0]?.text }
                if parts.count == lookup.attributes.count { result[name] = .s(parts.joined(separator: "#")) }
            } else if let value = item[name] {
                result[name] = value
            }
        }
        return result
    }

    func putNew(_ table: TableDesign, _ item: Item) -> OrderedJSON {
        .object([
            ("TableName", .string(v.deployedName(table))),
            ("Item", serialize(item)),
            ("ConditionExpression", .string("attribute_not_exists(#k)")),
            ("ExpressionAttributeNames", .object([("#k", .string(table.partitionKey.name))])),
        ])
    }

    func deleteExisting(_ table: TableDesign, _ key: Item) -> OrderedJSON {
        .object([
            ("TableName", .string(v.deployedName(table))),
            ("Key", serialize(key)),
            ("ConditionExpression", .string("attribute_exists(#k)")),
            ("ExpressionAttributeNames", .object([("#k", .string(table.partitionKey.name))])),
        ])
    }

    /// The create path: entity item, its lookup items and children, in one transaction when more than one.
    func createItem(_ entity: String, _ values: Item, children: [String: [Item]] = [:]) throws(CallError) {
        guard let table = entityTable(entity) else { return }
        let item = entityItem(entity, values)
        var actions: [OrderedJSON] = [.object([("Put", putNew(table, item))])]
        for lookup in lookups(of: entity) {
            actions.append(.object([("Put", putNew(lookup, lookupItem(lookup, item)))]))
        }
        for child in children.keys.sorted() {
            guard let childTable = entityTable(child) else { continue }
            for childValues in children[child] ?? [] {
                actions.append(.object([("Put", putNew(childTable, entityItem(child, childValues)))]))
            }
        }
        if actions.count == 1 {
            try call("PutItem", putNew(table, item))
        } else {
            try call("TransactWriteItems", .object([("TransactItems", .array(actions))]))
        }
    }

    func getItem(_ table: TableDesign, key: Item, consistent: Bool = true) throws(CallError) -> OrderedJSON? {
        let response = try call("GetItem", .object([
            ("TableName", .string(v.deployedName(table))), ("Key", serialize(key)), ("ConsistentRead", .bool(consistent)),
        ]))
        return response.member("Item")
    }

    // MARK: Writes

    func writeSamples() throws(CallError) {
        for mapping in model.mappings where pattern(mapping)?.type == .write && mapping.status == .served {
            if let entity = pattern(mapping)?.entities.first, entityTable(entity) != nil, creates[entity] == nil { creates[entity] = mapping }
        }
        var childOf: [String: String] = [:]
        for (entity, mapping) in creates.sorted(by: { $0.key < $1.key }) {
            for child in pattern(mapping)?.entities.dropFirst() ?? [] where entityTable(child) != nil && childOf[child] == nil { childOf[child] = entity }
        }
        var stored: [String: [Item]] = [:]
        for entity in requirements.entities where entityTable(entity.name) != nil {
            stored[entity.name] = (1...sampleCount(entity.name)).map { sample(entity.name, $0) }
            written[entity.name] = []
        }
        for entity in requirements.entities where entityTable(entity.name) != nil {
            if let parent = childOf[entity.name], creates[parent] != nil { continue }
            say("Writing sample \(entity.name) items")
            for item in stored[entity.name] ?? [] {
                var children: [String: [Item]] = [:]
                if let create = creates[entity.name], let parentEntity = requirements.entity(named: entity.name) {
                    for child in pattern(create)?.entities.dropFirst() ?? [] where childOf[child] == entity.name {
                        let shared = parentEntity.identifier.filter { name in stored[child]?.first?[name] != nil }
                        children[child] = (stored[child] ?? []).filter { c in shared.allSatisfy { c[$0] == item[$0] } }
                        written[child, default: []].append(contentsOf: children[child] ?? [])
                    }
                }
                do {
                    try createItem(entity.name, item, children: children)
                } catch {
                    if let create = creates[entity.name] {
                        fail(create.patternID, "writing a sample \(entity.name) item failed: \(error.message)")
                        continue
                    }
                    throw error
                }
                written[entity.name, default: []].append(entityItem(entity.name, item))
            }
        }
        for (entity, items) in written {
            written[entity] = items.map { entityItem(entity, $0) }
            writtenCounts[entity] = items.count
        }
    }

    // MARK: Reads

    func parameters(_ mapping: PatternMapping) -> [String] {
        var names = mapping.keyCondition.flatMap(KeyConditionText.init)?.parameters ?? []
        for name in mapping.filter.flatMap(KeyConditionText.init)?.parameters ?? [] where !names.contains(name) { names.append(name) }
        return names
    }

    /// Expression text with `#n<i>` names and `:<prefix><i>` values, built from an item's values.
    func condition(_ expression: KeyConditionText, values item: Item, valuePrefix: String, names: inout [String],
                   values: inout [(String, OrderedJSON)]) throws(CallError) -> String {
        var clauses: [String] = []
        for part in expression.parts {
            var nameToken = "#n\(names.count)"
            if let existing = names.firstIndex(of: part.attribute) { nameToken = "#n\(existing)" } else { names.append(part.attribute) }
            let valueToken = ":\(valuePrefix)\(values.count)"
            switch part {
            case .equals(_, let pieces):
                guard let value = built(item, pieces) else {
                    throw CallError(code: "NoSampleValue", message: "no sample value for \(part.attribute)")
                }
                clauses.append("\(nameToken) = \(valueToken)")
                values.append((valueToken, value.json))
            case .beginsWith(_, let prefix):
                clauses.append("begins_with(\(nameToken), \(valueToken))")
                values.append((valueToken, SampleValue.s(prefix).json))
            }
        }
        return clauses.joined(separator: " AND ")
    }

    func paginate(_ operation: String, _ members: [(String, OrderedJSON)]) throws(CallError) -> [OrderedJSON] {
        var items: [OrderedJSON] = []
        var request = members
        var pages = 0
        while true {
            let response = try call(operation, .object(request))
            items += response.member("Items")?.arrayItems ?? []
            pages += 1
            guard let last = response.member("LastEvaluatedKey"), case .object(let key) = last, !key.isEmpty, pages < 1000 else { return items }
            request.removeAll { $0.0 == "ExclusiveStartKey" }
            request.append(("ExclusiveStartKey", last))
        }
    }

    func runReads() {
        for mapping in model.mappings where !(pattern(mapping)?.type?.isWrite ?? false) {
            guard mapping.status == .served || mapping.status == .acceptedScan, let operation = mapping.operation,
                  let table = mapping.tableID.flatMap({ model.table(id: $0) }) else { continue }
            guard let entity = pattern(mapping)?.entities.first, let items = written[entity], let probe = items.first else {
                record(mapping, expected: nil, got: nil, problems: ["no sample items of the pattern's entity were written"])
                continue
            }
            say("Pattern #\(mapping.patternID): \(operation.rawValue) on \(table.name)")
            let names = parameters(mapping)
            let expected = items.filter { item in names.allSatisfy { item[$0] == probe[$0] } }
            do {
                switch operation {
                case .getItem:
                    try readGet(mapping, table, entity: entity, probe: probe)
                case .batchGetItem:
                    try readBatch(mapping, table, entity: entity, items: Array(items.prefix(2)))
                case .query, .scan:
                    try readQuery(mapping, table, entity: entity, probe: probe, expected: expected, scan: operation == .scan)
                default:
                    record(mapping, expected: nil, got: nil, problems: ["\(operation.rawValue) is not a read the validator runs"])
                }
            } catch {
                record(mapping, expected: expected.count, got: nil, problems: ["\(error.message)"])
            }
        }
    }

    func keyFrom(_ expression: KeyConditionText?, _ item: Item) -> Item {
        var key: Item = [:]
        for case .equals(let name, let pieces) in expression?.parts ?? [] {
            if let value = built(item, pieces) { key[name] = value }
        }
        return key
    }

    func readGet(_ mapping: PatternMapping, _ table: TableDesign, entity: String, probe: Item) throws(CallError) {
        let expression = mapping.keyCondition.flatMap(KeyConditionText.init)
        let strong = mapping.consistency == Consistency.strong.rawValue
        if let lookup = table.lookup {
            guard let reserved = try getItem(table, key: keyFrom(expression, probe), consistent: strong) else {
                record(mapping, expected: 1, got: 0, problems: ["the lookup item of \(probe.description) is missing from \(table.name)"])
                return
            }
            guard mapping.readUnitsElsewhere.contains(where: { $0.tableID == lookup.ownerTableID }),
                  let owner = model.table(id: lookup.ownerTableID) else {
                record(mapping, expected: 1, got: 1, problems: [])
                return
            }
            var ownerValues = probe
            for member in reserved.objectMembers { if let text = SampleValue.keyText(member.1), ownerValues[member.0] == nil { ownerValues[member.0] = .s(text) } }
            let found = try getItem(owner, key: entityKey(lookup.entity, ownerValues), consistent: strong)
            let problems = found.map { identity(lookup.entity, response: $0) == identity(lookup.entity, probe) ? [] : ["the owner item read through the lookup is another item"] }
                ?? ["the owner item is missing"]
            record(mapping, expected: 1, got: found == nil ? 0 : 1, problems: problems)
            return
        }
        var problems: [String] = []
        let found = try getItem(table, key: keyFrom(expression, probe), consistent: strong)
        var expectedCount = 1
        var got = found == nil ? 0 : 1
        if let found {
            if identity(entity, response: found) != identity(entity, probe) { problems.append("GetItem returned another item") }
        } else {
            problems.append("GetItem returned nothing")
        }
        for read in mapping.readUnitsElsewhere where read.tableID != table.id {
            guard let other = model.table(id: read.tableID),
                  let otherEntity = other.entities.first(where: { (pattern(mapping)?.entities ?? []).contains($0) }) ?? other.entities.first,
                  let parentEntity = requirements.entity(named: entity) else { continue }
            let shared = parentEntity.identifier.filter { written[otherEntity]?.first?[$0] != nil }
            let want = (written[otherEntity] ?? []).filter { c in shared.allSatisfy { c[$0] == probe[$0] } }
            var values = probe
            if let found { for member in found.objectMembers where values[member.0] == nil { if let text = SampleValue.keyText(member.1) { values[member.0] = .s(text) } } }
            var parts: [KeyConditionText.Part] = []
            var indexName: String?
            if let name = read.indexName, let index = indexDesign(table: other, name: name) {
                indexName = index.name
                parts = index.partitionKey.map { .equals(attribute: $0.name, pieces: [.parameter($0.name)]) }
            } else {
                let template = keyTemplate(otherEntity, other)
                guard let partition = template.parts.first(where: { $0.attribute == other.partitionKey.name }) else { continue }
                parts = [partition]
                if let sortKey = other.sortKey, case .equals(_, let pieces)? = template.parts.first(where: { $0.attribute == sortKey.name }),
                   case .literal(let prefix)? = pieces.first, pieces.count > 1 {
                    parts.append(.beginsWith(attribute: sortKey.name, prefix: prefix))
                }
            }
            var names: [String] = []
            var expressionValues: [(String, OrderedJSON)] = []
            let text = try condition(KeyConditionText(parts: parts), values: values, valuePrefix: "v", names: &names, values: &expressionValues)
            var request: [(String, OrderedJSON)] = [("TableName", .string(v.deployedName(other)))]
            if let indexName { request.append(("IndexName", .string(indexName))) }
            request += [
                ("KeyConditionExpression", .string(text)),
                ("ExpressionAttributeNames", .object(names.enumerated().map { ("#n\($0.offset)", .string($0.element)) })),
                ("ExpressionAttributeValues", .object(expressionValues)),
            ]
            let related = try paginate("Query", request)
            let gotIDs = related.map { identity(otherEntity, response: $0) }.sorted()
            let wantIDs = want.map { identity(otherEntity, $0) }.sorted()
            expectedCount += want.count
            got += related.count
            if gotIDs != wantIDs { problems.append("\(otherEntity) items \(gotIDs), expected \(wantIDs)") }
        }
        record(mapping, expected: expectedCount, got: got, problems: problems)
    }

    func readBatch(_ mapping: PatternMapping, _ table: TableDesign, entity: String, items: [Item]) throws(CallError) {
        let expression = mapping.keyCondition.flatMap(KeyConditionText.init)
        let keys = items.map { serialize(keyFrom(expression, $0)) }
        var found: [OrderedJSON] = []
        var request: OrderedJSON? = .object([(v.deployedName(table), .object([("Keys", .array(keys))]))])
        var rounds = 0
        while let pending = request, rounds < 20 {
            let response = try call("BatchGetItem", .object([("RequestItems", pending)]))
            found += response.member("Responses")?.member(v.deployedName(table))?.arrayItems ?? []
            rounds += 1
            if let next = response.member("UnprocessedKeys"), case .object(let members) = next, !members.isEmpty { request = next } else { request = nil }
        }
        let gotIDs = found.map { identity(entity, response: $0) }.sorted()
        let wantIDs = items.map { identity(entity, $0) }.sorted()
        record(mapping, expected: items.count, got: found.count, problems: gotIDs == wantIDs ? [] : ["BatchGetItem returned \(gotIDs), expected \(wantIDs)"])
    }

    func readQuery(_ mapping: PatternMapping, _ table: TableDesign, entity: String, probe: Item, expected: [Item], scan: Bool) throws(CallError) {
        var names: [String] = []
        var values: [(String, OrderedJSON)] = []
        var request: [(String, OrderedJSON)] = [("TableName", .string(v.deployedName(table)))]
        var index: IndexDesign?
        if let name = mapping.indexName {
            guard let found = indexDesign(table: table, name: name) else {
                record(mapping, expected: expected.count, got: nil, problems: ["the model has no index \(name) on \(table.name)"])
                return
            }
            index = found
            request.append(("IndexName", .string(found.name)))
        }
        if !scan {
            guard let keyText = mapping.keyCondition, let expression = KeyConditionText(keyText) else {
                record(mapping, expected: expected.count, got: nil, problems: ["the key condition \(mapping.keyCondition ?? "(none)") cannot be expressed"])
                return
            }
            request.append(("KeyConditionExpression", .string(try condition(expression, values: probe, valuePrefix: "k", names: &names, values: &values))))
        }
        if let filterText = mapping.filter {
            guard let filter = KeyConditionText(filterText) else {
                record(mapping, expected: expected.count, got: nil, problems: ["the filter \(filterText) cannot be expressed"])
                return
            }
            request.append(("FilterExpression", .string(try condition(filter, values: probe, valuePrefix: "f", names: &names, values: &values))))
        }
        if !names.isEmpty {
            request.append(("ExpressionAttributeNames", .object(names.enumerated().map { ("#n\($0.offset)", .string($0.element)) })))
            request.append(("ExpressionAttributeValues", .object(values)))
        }
        var sort: SortRequirement?
        if case .some(.attribute(let requirement)) = pattern(mapping)?.sort { sort = requirement }
        if !scan, sort?.direction == .descending { request.append(("ScanIndexForward", .bool(false))) }
        if !scan, mapping.consistency == Consistency.strong.rawValue, index?.kind != .global { request.append(("ConsistentRead", .bool(true))) }
        var got = try paginate(scan ? "Scan" : "Query", request)
        if scan, table.entities.count > 1 {
            // A Scan of a shared table returns every entity's items: keep the pattern's entity's.
            let keyNames = entityTable(entity)?.keyAttributeNames ?? []
            got = got.filter { item in keyNames.allSatisfy { item.member($0) != nil } }
        }
        var problems: [String] = []
        let gotIDs = got.map { identity(entity, response: $0) }
        let wantIDs = expected.map { identity(entity, $0) }
        if gotIDs.sorted() != wantIDs.sorted() { problems.append("returned \(gotIDs.sorted()), expected \(wantIDs.sorted())") }
        if !scan, let sort, got.allSatisfy({ $0.member(sort.attribute) != nil }) {
            let sortValues = got.compactMap { $0.member(sort.attribute) }
            let ordered = zip(sortValues, sortValues.dropFirst()).allSatisfy { pair in
                let order = Self.compare(pair.0, pair.1)
                return sort.direction == .descending ? order >= 0 : order <= 0
            }
            if !ordered { problems.append("not ordered by \(sort.attribute) \(sort.direction.rawValue)") }
        }
        record(mapping, expected: expected.count, got: got.count, problems: problems)
    }

    /// Compares two DynamoDB values: numbers as numbers, the rest as text.
    static func compare(_ a: OrderedJSON, _ b: OrderedJSON) -> Int {
        if let x = a.member("N")?.stringText.flatMap(Double.init), let y = b.member("N")?.stringText.flatMap(Double.init) {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        let x = SampleValue.keyText(a) ?? "", y = SampleValue.keyText(b) ?? ""
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    // MARK: Updates and deletes

    func runUpdatesAndDeletes() {
        for mapping in model.mappings where mapping.status == .served {
            guard let type = pattern(mapping)?.type, type == .update || type == .delete,
                  let entity = pattern(mapping)?.entities.first, let table = entityTable(entity),
                  let spec = requirements.entity(named: entity) else { continue }
            let items = written[entity] ?? []
            say("Pattern #\(mapping.patternID): \(mapping.operation?.rawValue ?? "") on \(table.name)")
            do {
                if type == .update {
                    guard items.count > 1 else { record(mapping, expected: 1, got: nil, problems: ["no sample item to update"]); continue }
                    try update(mapping, table, entity: entity, spec: spec, target: items[1])
                } else {
                    guard items.count > 2 else { record(mapping, expected: 1, got: nil, problems: ["no sample item to delete"]); continue }
                    try delete(mapping, table, entity: entity, target: items[2])
                }
            } catch {
                record(mapping, expected: 1, got: nil, problems: ["\(error.message)"])
            }
        }
    }

    func update(_ mapping: PatternMapping, _ table: TableDesign, entity: String, spec: Entity, target: Item) throws(CallError) {
        let keyNames = Set(table.keyAttributeNames)
        let parameterNames = Set(parameters(mapping))
        var names: [String] = []
        if case .some(.only(let selected)) = pattern(mapping)?.attributes { names = selected }
        let types = Dictionary(attributes(of: entity, in: table).map { ($0.name, $0.dynamoDBType) }, uniquingKeysWith: { a, _ in a })
        names = names.filter { types[$0] != nil && !keyNames.contains($0) && !parameterNames.contains($0) }
        if names.isEmpty {
            names = attributes(of: entity, in: table).map(\.name).filter { !keyNames.contains($0) && !parameterNames.contains($0)
                && !spec.identifier.contains($0) && !spec.uniqueGroups.joined().contains($0) && types[$0] == "S" }.prefix(1).map { $0 }
        }
        guard !names.isEmpty else { record(mapping, expected: 1, got: nil, problems: ["no attribute to change"]); return }
        var changes: Item = [:]
        for name in names {
            switch types[name] {
            case "N": changes[name] = .n(90 + mapping.patternID)
            case "BOOL": if case .bool(let flag)? = target[name] { changes[name] = .bool(!flag) } else { changes[name] = .bool(true) }
            default: changes[name] = .s("\(name)-updated-\(mapping.patternID)")
            }
        }
        let key = entityKey(entity, target)
        let touched = lookups(of: entity).filter { lookup in (lookup.lookup?.attributes ?? []).contains { changes[$0] != nil } }
        var expressionNames: [(String, OrderedJSON)] = []
        var expressionValues: [(String, OrderedJSON)] = []
        var assignments: [String] = []
        for (position, name) in changes.keys.sorted().enumerated() {
            expressionNames.append(("#u\(position)", .string(name)))
            expressionValues.append((":u\(position)", changes[name]!.json))
            assignments.append("#u\(position) = :u\(position)")
        }
        expressionNames.append(("#k", .string(table.partitionKey.name)))
        var update: [(String, OrderedJSON)] = [
            ("TableName", .string(v.deployedName(table))), ("Key", serialize(key)),
            ("UpdateExpression", .string("SET " + assignments.joined(separator: ", "))),
            ("ConditionExpression", .string("attribute_exists(#k)")),
            ("ExpressionAttributeNames", .object(expressionNames)), ("ExpressionAttributeValues", .object(expressionValues)),
        ]
        var updated = target
        for (name, value) in changes { updated[name] = value }
        updated = entityItem(entity, updated)
        if touched.isEmpty {
            try call("UpdateItem", .object(update))
        } else {
            var actions: [OrderedJSON] = []
            var condition = ["attribute_exists(#k)"]
            for (position, name) in touched.flatMap({ $0.lookup?.attributes ?? [] }).enumerated() {
                expressionNames.append(("#o\(position)", .string(name)))
                if let old = target[name] { expressionValues.append((":o\(position)", old.json)) }
                condition.append("#o\(position) = :o\(position)")
            }
            update = update.map { member in
                switch member.0 {
                case "ConditionExpression": return (member.0, .string(condition.joined(separator: " AND ")))
                case "ExpressionAttributeNames": return (member.0, .object(expressionNames))
                case "ExpressionAttributeValues": return (member.0, .object(expressionValues))
                default: return member
                }
            }
            actions.append(.object([("Update", .object(update))]))
            for lookup in touched {
                let old = lookupItem(lookup, target), new = lookupItem(lookup, updated)
                let keyName = lookup.partitionKey.name
                guard old[keyName] != new[keyName], let oldKey = old[keyName] else { continue }
                actions.append(.object([("Delete", deleteExisting(lookup, [keyName: oldKey]))]))
                actions.append(.object([("Put", putNew(lookup, new))]))
            }
            try call("TransactWriteItems", .object([("TransactItems", .array(actions))]))
        }
        var problems: [String] = []
        let after = try getItem(table, key: key)
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) where after?.member(name) != value.json {
            problems.append("\(name) is \(after?.member(name).map { String(decoding: $0.serialized().dropLast(), as: UTF8.self) } ?? "missing") after the update, expected \(value.text)")
        }
        for lookup in touched {
            let keyName = lookup.partitionKey.name
            if let newKey = lookupItem(lookup, updated)[keyName], try getItem(lookup, key: [keyName: newKey]) == nil {
                problems.append("the lookup item for the new value is missing in \(lookup.name)")
            }
            if let oldKey = lookupItem(lookup, target)[keyName], try getItem(lookup, key: [keyName: oldKey]) != nil {
                problems.append("the old value is still reserved in \(lookup.name)")
            }
        }
        if let index = written[entity]?.firstIndex(where: { identity(entity, $0) == identity(entity, target) }) { written[entity]?[index] = updated }
        record(mapping, expected: 1, got: after == nil ? 0 : 1, problems: problems)
    }

    func delete(_ mapping: PatternMapping, _ table: TableDesign, entity: String, target: Item) throws(CallError) {
        let key = entityKey(entity, target)
        let entityLookups = lookups(of: entity)
        if entityLookups.isEmpty {
            try call("DeleteItem", .object([("TableName", .string(v.deployedName(table))), ("Key", serialize(key))]))
        } else {
            guard try getItem(table, key: key) != nil else {
                record(mapping, expected: 1, got: 0, problems: ["the item to delete is missing"])
                return
            }
            var actions: [OrderedJSON] = [.object([("Delete", deleteExisting(table, key))])]
            for lookup in entityLookups {
                let keyName = lookup.partitionKey.name
                if let reserved = lookupItem(lookup, target)[keyName] { actions.append(.object([("Delete", deleteExisting(lookup, [keyName: reserved]))])) }
            }
            try call("TransactWriteItems", .object([("TransactItems", .array(actions))]))
        }
        var problems: [String] = []
        if try getItem(table, key: key) != nil { problems.append("the item is still there after the delete") }
        for lookup in entityLookups {
            let keyName = lookup.partitionKey.name
            if let reserved = lookupItem(lookup, target)[keyName], try getItem(lookup, key: [keyName: reserved]) != nil {
                problems.append("the unique value is still reserved in \(lookup.name) after the delete")
            }
        }
        written[entity]?.removeAll { identity(entity, $0) == identity(entity, target) }
        record(mapping, expected: 1, got: problems.isEmpty ? 1 : 0, problems: problems)
    }

    // MARK: Unique values and other writes

    func runDuplicates() {
        for (entityName, create) in creates.sorted(by: { $0.value.patternID < $1.value.patternID }) {
            guard let entity = requirements.entity(named: entityName), let table = entityTable(entityName),
                  let first = written[entityName]?.first else { continue }
            var problems: [String] = []
            for group in entity.uniqueGroups {
                var item = sample(entityName, 4)
                for name in group { item[name] = first[name] }
                let label = "a duplicate \(group.joined(separator: "+"))"
                say("Pattern #\(create.patternID): checking that \(label) is rejected")
                do {
                    try createItem(entityName, item)
                    problems.append("\(label) was accepted (no uniqueness condition rejects it)")
                } catch {
                    if !error.isTransactionCanceled && !error.isConditionFailed {
                        problems.append("\(label) failed with \(error.code) instead of TransactionCanceledException: \(error.message)")
                    }
                }
                do {
                    if try getItem(table, key: entityKey(entityName, item)) != nil {
                        problems.append("\(label): the \(entityName) item was written anyway")
                        _ = try? call("DeleteItem", .object([("TableName", .string(v.deployedName(table))), ("Key", serialize(entityKey(entityName, item)))]))
                    }
                } catch {
                    problems.append("\(label): reading back failed: \(error.code)")
                }
            }
            let count = writtenCounts[entityName] ?? 0
            if var result = results[create.patternID] {
                if !problems.isEmpty {
                    let previous = result.reason.map { [$0] } ?? []
                    result.outcome = .fail
                    result.reason = (previous + problems).joined(separator: "; ")
                    results[create.patternID] = result
                }
            } else {
                record(create, expected: count, got: count, problems: problems)
            }
        }
    }

    /// Served write patterns other than each entity's create path: one new item written and read back.
    func runOtherWrites() {
        for mapping in model.mappings where mapping.status == .served && pattern(mapping)?.type == .write && results[mapping.patternID] == nil {
            guard let entity = pattern(mapping)?.entities.first, let table = entityTable(entity) else { continue }
            let item = sample(entity, 10 + mapping.patternID)
            do {
                try createItem(entity, item)
                let found = try getItem(table, key: entityKey(entity, item))
                record(mapping, expected: 1, got: found == nil ? 0 : 1, problems: found == nil ? ["the written item cannot be read back"] : [])
            } catch {
                record(mapping, expected: 1, got: nil, problems: ["\(error.message)"])
            }
        }
    }
}
