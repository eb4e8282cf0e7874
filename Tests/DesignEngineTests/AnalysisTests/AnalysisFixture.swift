@testable import DesignEngine
import Requirements

/// Hand-built tables, mappings and requirements for the analysis passes, so each test states
/// exactly the numbers its hand calculation uses.
enum AnalysisFixture {
    static func key(_ name: String, _ type: String = "S", _ distribution: KeyDistribution = .unknown, composedOf: [String]? = nil) -> KeyAttribute {
        KeyAttribute(name: name, dynamoDBType: DynamoDBType(rawValue: type) ?? .string, composedOf: composedOf, distribution: distribution)
    }

    /// An attribute carried by `entity`'s items; `from` names the entity a copy or embedded list comes from.
    static func attribute(_ name: String, of entity: String, from sourceEntity: String? = nil, _ type: String = "S", size: Int = 10,
                          composedOf: [String]? = nil, denormalization: Denormalization? = nil, source: String? = nil) -> ModelAttribute {
        var attribute = ModelAttribute(name: name, dynamoDBType: DynamoDBType(rawValue: type) ?? .string, entity: entity, sourceAttribute: source ?? name, sourceTable: nil,
                                       sourceColumn: nil, typicalSizeBytes: size, denormalization: denormalization, composedOf: composedOf)
        attribute.sourceEntity = sourceEntity ?? entity
        return attribute
    }

    static func table(
        _ id: String, name: String? = nil, role: TableRole = .entity, entities: [String]? = nil, partitionKey: KeyAttribute,
        sortKey: KeyAttribute? = nil, attributes: [ModelAttribute] = [], indexes: [IndexDesign] = [], itemSize: Int = 100,
        tableClass: TableClass = .standard
    ) -> TableDesign {
        TableDesign(
            id: id, name: name ?? id + "s", role: role, purpose: "", entities: entities ?? [id], sourceTables: [], partitionKey: partitionKey,
            sortKey: sortKey, keyJustification: "", attributes: attributes, indexes: indexes, capacityMode: .onDemand, tableClass: tableClass,
            estimatedItemSizeBytes: itemSize, exampleItems: [], patternIDs: [])
    }

    static func index(_ name: String, kind: IndexKind = .global, partitionKey: [KeyAttribute], sortKey: [KeyAttribute] = [],
                      projection: Projection = .keysOnly, sparse: SparseMarker? = nil, entrySize: Int = 50) -> IndexDesign {
        IndexDesign(id: name, name: name, kind: kind, partitionKey: partitionKey, sortKey: sortKey, projection: projection, projectionReason: "",
                    sparse: sparse, patternIDs: [], purpose: "", estimatedEntrySizeBytes: entrySize)
    }

    static func mapping(_ id: Int, _ operation: DynamoDBOperation?, table: String?, index: String? = nil, reads: Double? = 0, writes: Double? = 0,
                        indexWrites: [IndexWriteUnits] = [], status: MappingStatus = .served) -> PatternMapping {
        let plan = operation.flatMap { operation in table.map { PatternPlan(steps: [step(operation, table: $0, index: index)]) } }
        var mapping = PatternMapping(patternID: id, description: "Pattern \(id)", status: status, plan: plan, itemsPerRequest: .known(1),
                                     consistency: .eventual, notes: [])
        mapping.readUnitsPerRequest = reads
        mapping.writeUnitsPerRequest = writes
        mapping.indexWriteUnits = indexWrites
        return mapping
    }

    /// A main step of `operation` on `table` (or its index), with no keys: what the analysis passes read.
    static func step(_ operation: DynamoDBOperation, table: String, index: String? = nil) -> PlanStep {
        let request: PlannedRequest
        switch operation {
        case .getItem: request = .getItem(GetRequest(tableID: table, key: ItemKey([]), consistent: false))
        case .batchGetItem: request = .batchGetItem(GetRequest(tableID: table, key: ItemKey([]), consistent: false))
        case .query: request = .query(QueryRequest(tableID: table, indexID: index, partition: [], sort: nil, filter: nil, scanForward: true, consistent: false))
        case .scan: request = .scan(ScanRequest(tableID: table, filter: nil))
        case .putItem: request = .putItem(PutRequest(tableID: table, item: [], condition: nil))
        case .updateItem: request = .updateItem(UpdateRequest(tableID: table, key: ItemKey([]), actions: [], condition: nil))
        case .deleteItem: request = .deleteItem(DeleteRequest(tableID: table, key: ItemKey([]), condition: nil))
        case .batchWriteItem: request = .batchWriteItem([.put(tableID: table, item: [])])
        case .transactWriteItems: request = .transactWriteItems([TransactAction(.put(PutRequest(tableID: table, item: [], condition: nil)), entity: table)])
        }
        return PlanStep(purpose: .main, entity: table, request: request)
    }

    /// One pattern's traffic for `requirements(...)`.
    struct Traffic {
        var type: PatternType
        var entity: String
        var peak: Double
        var average: Double
        var attributes: AttributeSelection = .all
    }

    static func read(_ entity: String, peak: Double, average: Double) -> Traffic {
        Traffic(type: .read, entity: entity, peak: peak, average: average)
    }

    static func write(_ entity: String, peak: Double, average: Double, type: PatternType = .write, attributes: AttributeSelection = .all) -> Traffic {
        Traffic(type: type, entity: entity, peak: peak, average: average, attributes: attributes)
    }

    /// Requirements holding the entities and relationships, and patterns numbered 1, 2, … in order.
    static func requirements(entities: [Entity], relationships: [Relationship] = [], patterns: [Traffic] = []) throws -> Requirements {
        var requirements = Requirements()
        for entity in entities { try requirements.addEntity(entity) }
        for relationship in relationships { try requirements.addRelationship(relationship) }
        for traffic in patterns {
            try requirements.addPattern(AccessPattern(
                id: 0, description: "\(traffic.type.rawValue) \(traffic.entity)", entities: [traffic.entity], type: traffic.type,
                equalityAttributes: [], sort: SortAnswer.none, filterAttributes: [], expectedItems: .known(ItemCount(average: 1)),
                peakRPS: .known(traffic.peak), averageRPS: .known(traffic.average), consistency: .eventual, latency: "none",
                attributes: traffic.attributes))
        }
        return requirements
    }

    /// An entity with string attributes (the first one its identifier), an owner and an item count.
    static func entity(_ name: String, _ attributes: [String], owner: String? = nil, itemCount: Double? = nil,
                       types: [String: AttributeType] = [:]) -> Entity {
        var entity = Entity(
            name: name, attributes: attributes.map { Attribute(name: $0, type: types[$0] ?? .string) },
            identifier: attributes.isEmpty ? [] : [attributes[0]], owner: owner)
        entity.itemCount = itemCount.map(Estimate.known)
        return entity
    }

    static func expectClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= tolerance * max(1, abs(expected))
    }
}
