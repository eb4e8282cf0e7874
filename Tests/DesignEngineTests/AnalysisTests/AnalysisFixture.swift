@testable import DesignEngine
import Requirements

/// Hand-built tables, mappings and requirements for the analysis passes, so each test states
/// exactly the numbers its hand calculation uses.
enum AnalysisFixture {
    static func key(_ name: String, _ type: String = "S", _ distribution: KeyDistribution = .unknown, composedOf: [String]? = nil) -> KeyAttribute {
        KeyAttribute(name: name, dynamoDBType: type, composedOf: composedOf, distribution: distribution)
    }

    /// An attribute carried by `entity`'s items; `from` names the entity a copy or embedded list comes from.
    static func attribute(_ name: String, of entity: String, from sourceEntity: String? = nil, _ type: String = "S", size: Int = 10,
                          composedOf: [String]? = nil, denormalization: Denormalization? = nil, source: String? = nil) -> ModelAttribute {
        var attribute = ModelAttribute(name: name, dynamoDBType: type, entity: entity, sourceAttribute: source ?? name, sourceTable: nil,
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

    static func mapping(_ id: Int, _ operation: DynamoDBOperation?, table: String?, index: String? = nil, reads: Double = 0, writes: Double = 0,
                        indexWrites: [IndexWriteUnits] = [], status: MappingStatus = .served) -> PatternMapping {
        PatternMapping(
            patternID: id, description: "Pattern \(id)", status: status, operation: operation, tableID: table, indexName: index, keyCondition: nil,
            filter: nil, itemsPerRequest: 1, readUnitsPerRequest: reads, writeUnitsPerRequest: writes, consistency: "eventual", notes: [],
            indexWriteUnits: indexWrites)
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
