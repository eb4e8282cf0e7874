import DesignEngine
import Requirements

/// A synthetic model of the size the renderer must handle quickly: 300 entities, each in its own
/// table with 12 attributes and 2 GSIs, and 1,000 access patterns.
enum LargeModelFixture {
    static let entityCount = 300
    static let patternCount = 1_000

    static func requirements() throws -> Requirements {
        var requirements = Requirements(overview: ApplicationOverview(domain: "large"))
        for number in 0 ..< entityCount {
            let attributes = (0 ..< 12).map { Attribute(name: "attr_\($0)", type: .string, typicalSizeBytes: 20) }
            try requirements.addEntity(Entity(name: "Entity\(number)", attributes: attributes, identifier: ["attr_0"]))
        }
        for number in 0 ..< patternCount {
            try requirements.addPattern(AccessPattern(
                id: 0, description: "Read Entity\(number % entityCount) by attr_1 | variant \(number)",
                entities: ["Entity\(number % entityCount)"], type: .read, equalityAttributes: ["attr_1"],
                peakRPS: .known(Double(number % 97) + 40.5), averageRPS: .known(Double(number % 31) + 0.25)))
        }
        return requirements
    }

    static func model() -> DataModel {
        let tables = (0 ..< entityCount).map(table)
        let mappings = (0 ..< patternCount).map { number in
            let entity = "Entity\(number % entityCount)"
            let query = QueryRequest(
                tableID: entity, indexID: "ByAttr1", partition: [KeyValue(attribute: "attr_1", type: .string, value: .input(entity: entity, attribute: "attr_1"))],
                sort: nil, filter: number % 3 == 0 ? .compare("attr_5", .greater, .input(entity: entity, attribute: "attr_5")) : nil,
                scanForward: true, consistent: false)
            var mapping = PatternMapping(
                patternID: number + 1, description: "Read Entity\(number % entityCount) by attr_1 | variant \(number)", status: .served,
                plan: PatternPlan(steps: [PlanStep(purpose: .main, entity: entity, request: .query(query), items: .known(12.5))]),
                itemsPerRequest: .known(12.5), consistency: .eventual, notes: ["note \(number)"])
            mapping.readUnitsPerRequest = 1.5
            mapping.writeUnitsPerRequest = 0
            return mapping
        }
        let hot = (0 ..< patternCount).map { number in
            HotPartitionFinding(
                patternID: number + 1, tableID: "Entity\(number % entityCount)", indexName: "ByAttr1", partitionKey: "attr_1",
                distribution: .fewValues(count: 7, source: "enum"), isWrite: false, peakRPS: 100, unitsPerRequest: 1.5,
                hottestShare: 1.0 / 7, hottestUnitsPerSecond: 21.43, limit: 3_000, level: .ok, safeShare: nil, mitigation: nil)
        }
        let lines = tables.flatMap { table in
            [nil, "ByAttr1", "ByAttr2"].map { index in
                CostLine(tableID: table.id, indexName: index, tableClass: .standard, readUnitsPerMonth: 123_456_789,
                         writeUnitsPerMonth: 9_876_543, storageGB: 1.234, readCost: 15.43, writeCost: 6.17, storageCost: 0.31,
                         provisionedReadCapacity: 100, provisionedWriteCapacity: 10, provisionedCost: 14.23)
            }
        }
        let decisions = (0 ..< entityCount).map { number in
            DesignDecision(id: "table:Entity\(number)", type: .tableStructure, subject: "Entity\(number) keyed by attr_0",
                           alternativesConsidered: ["a", "b"], chosenApproach: "attr_0", justification: "because",
                           tradeOffs: ["t"], rollbackStrategy: "r", monitoring: ["m"])
        }
        return DataModel(
            tables: tables, mappings: mappings, decisions: decisions, hotPartitions: hot,
            cost: CostEstimate(prices: .usEast1, lines: lines, assumedItemCounts: [:]),
            warnings: (0 ..< 100).map { ModelWarning(kind: .hotPartitionRisk, tableID: "Entity\($0)", reason: "reason \($0)") },
            openSearch: OpenSearchRequirement(patterns: []), tradeOffs: ["one", "two"], naming: NamingConvention())
    }

    static func table(_ number: Int) -> TableDesign {
        let key = KeyAttribute(name: "attr_0", dynamoDBType: .string, distribution: .perItem(entity: "Entity\(number)"))
        let attributes = (0 ..< 12).map {
            ModelAttribute(name: "attr_\($0)", dynamoDBType: .string, entity: "Entity\(number)", sourceAttribute: "attr_\($0)",
                           sourceTable: "entity_\(number)", sourceColumn: "attr_\($0)", typicalSizeBytes: 20)
        }
        let indexes = ["ByAttr1", "ByAttr2"].enumerated().map { offset, name in
            IndexDesign(
                id: name, name: name, kind: .global,
                partitionKey: [KeyAttribute(name: "attr_\(offset + 1)", dynamoDBType: .string, distribution: .fewValues(count: 7, source: "enum"))],
                sortKey: [KeyAttribute(name: "attr_3", dynamoDBType: .string, distribution: .unknown)], projection: .all,
                projectionReason: "needs every attribute", sparse: nil, patternIDs: [number + 1], purpose: "by attr",
                estimatedEntrySizeBytes: 300)
        }
        let examples = (0 ..< 2).map { item in
            ExampleItem(entity: "Entity\(number)", values: (0 ..< 12).map { ExampleValue(attribute: "attr_\($0)", text: "\"v\(item)-\($0)\"") })
        }
        return TableDesign(
            id: "Entity\(number)", name: "entity-\(number).v1", role: .entity, purpose: "Stores Entity\(number).",
            entities: ["Entity\(number)"], sourceTables: ["entity_\(number)"], partitionKey: key, sortKey: nil,
            keyJustification: "Identifier.", attributes: attributes, indexes: indexes, capacityMode: .onDemand, tableClass: .standard,
            estimatedItemSizeBytes: 300, exampleItems: examples, patternIDs: Array(stride(from: number + 1, through: patternCount, by: entityCount)))
    }
}
