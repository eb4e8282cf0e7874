import DesignEngine
import ModelExecution
import Requirements
import Testing
import TestSupport

/// The structure rules hold on every generated requirement set (the 1,000 designed and proven
/// by `ProofPropertyTests`, with join entities, lines unique on their parent's key, children of
/// two parents and reads with and without an order): no duplicate index on one partition key,
/// no GSI on the table's own partition key, no lookup table the key makes unnecessary, and one
/// placement per child, keyed by a parent its reads go through (docs/design-engine.md).
@Suite struct IndexEconomyPropertyTests {
    static var cases: [ProofPropertyTests.Proven] { get throws { try ProofPropertyTests.proven.get() } }

    /// Two indexes of a table on one partition key must differ in sort key, and both serve reads.
    @Test func noTwoIndexesShareAPartitionKeyUnlessBothAreUsedWithDifferentSortKeys() throws {
        var shared = 0
        for item in try Self.cases {
            for table in item.model.tables {
                let indexes = table.indexes
                for (position, first) in indexes.enumerated() {
                    for second in indexes.dropFirst(position + 1) where first.partitionKey.map(\.name) == second.partitionKey.map(\.name) {
                        shared += 1
                        #expect(first.sortKey.map(\.name) != second.sortKey.map(\.name), "\(item.label) \(table.id): \(first.id) and \(second.id)")
                        #expect(!first.patternIDs.isEmpty && !second.patternIDs.isEmpty, "\(item.label) \(table.id): \(first.id) or \(second.id) serves no read")
                    }
                }
            }
        }
        // LSIs share the table's partition key: the property must have had pairs to look at.
        #expect(shared > 0)
    }

    @Test func noGSIIsKeyedByItsTablesPartitionKey() throws {
        var globals = 0
        for item in try Self.cases {
            for table in item.model.tables {
                for index in table.indexes where index.kind == .global {
                    globals += 1
                    #expect(index.partitionKey.map(\.name) != [table.partitionKey.name], "\(item.label) \(table.id).\(index.id)")
                }
            }
        }
        #expect(globals > 1_000)
    }

    /// A unique group holding every attribute of the item's key is enforced by the key.
    @Test func noLookupTableForAGroupTheKeyCovers() throws {
        var lookups = 0
        for item in try Self.cases {
            for lookupTable in item.model.tables {
                guard let lookup = lookupTable.lookup, let owner = item.model.tables.first(where: { $0.id == lookup.ownerTableID }),
                      let layout = owner.itemLayout(of: lookup.entity) else { continue }
                lookups += 1
                let keyAttributes = Set(layout.key.parts.flatMap(\.value.inputs).filter { $0.entity == lookup.entity }.map(\.attribute))
                #expect(!keyAttributes.isSubset(of: Set(lookup.attributes)), "\(item.label) \(lookupTable.id) duplicates the key of \(owner.id)")
            }
        }
        #expect(lookups > 100)
    }

    /// A unique group led by a parent's key replaces the surrogate id when no pattern needs it.
    @Test func aLineUniqueOnItsParentsKeyIsKeyedByIt() throws {
        var keyed = 0
        for item in try Self.cases {
            let requirements = item.generated.requirements
            for decision in item.model.decisions where decision.id.hasPrefix("unique-key:") {
                let entityName = String(decision.id.dropFirst("unique-key:".count))
                guard let entity = requirements.entity(named: entityName), let table = item.model.table(id: entityName) else { continue }
                keyed += 1
                #expect(!item.model.tables.contains { $0.lookup?.entity == entityName && $0.lookup?.attributes.count ?? 0 > 1 }, "\(item.label) \(entityName)")
                #expect(!table.keyAttributeNames.contains(entity.identifier[0]), "\(item.label) \(entityName) still keyed by \(entity.identifier[0])")
                for pattern in requirements.accessPatterns where pattern.entities.first == entityName && pattern.type?.isWrite == true {
                    #expect(item.model.mapping(for: pattern.id)?.operation != .transactWriteItems || pattern.entities.count > 1,
                            "\(item.label) #\(pattern.id) is a transaction")
                }
            }
        }
        #expect(keyed > 20)
    }

    /// A pair identifier read by either part is keyed partition a, sort b, with at most one
    /// index on the other part (the inverted one, sorted by the first when it has no order).
    @Test func aPairReadByEitherPartIsKeyedByItsPartsWithOneInvertedIndex() throws {
        var pairs = 0
        for item in try Self.cases {
            for entity in item.generated.requirements.entities where entity.identifier.count == 2 {
                guard let table = item.model.table(id: entity.name), table.entities == [entity.name],
                      item.generated.choices.tableKeys[entity.name] == nil else { continue }
                let reads = item.generated.requirements.accessPatterns.filter { $0.entities.first == entity.name && $0.type == .read }
                let byPart = entity.identifier.map { part in reads.contains { $0.equalityAttributes == [part] } }
                guard byPart.allSatisfy({ $0 }) else { continue }
                pairs += 1
                #expect(Set([table.partitionKey.name, table.sortKey?.name]) == Set(entity.identifier.map(Optional.some)), "\(item.label) \(entity.name)")
                let onOtherPart = table.indexes.filter { $0.kind == .global && $0.partitionKey.map(\.name) == [table.sortKey?.name ?? ""] }
                #expect(onOtherPart.count <= 1, "\(item.label) \(entity.name): \(onOtherPart.map(\.id))")
            }
        }
        #expect(pairs > 20)
    }

    /// One placement decision per child, from a parent its reads go through when some read does.
    @Test func aChildIsPlacedOnceByAParentItsReadsGoThrough() throws {
        var severalParents = 0
        for item in try Self.cases {
            let requirements = item.generated.requirements
            for child in requirements.entities {
                let parents = requirements.relationships.filter { $0.child == child.name && $0.kind == .oneToMany && $0.parent != child.name }
                guard !parents.isEmpty else { continue }
                let placements = item.model.decisions.filter { decision in
                    decision.userChoice != "rejected" && (["collection:\(child.name)", "child-key:\(child.name)"].contains(decision.id)
                        || (decision.id.hasPrefix("separate:") && decision.id.hasSuffix(".\(child.name)")))
                }
                #expect(placements.count <= 1, "\(item.label) \(child.name): \(placements.map(\.id))")
                guard parents.count > 1 else { continue }
                severalParents += 1
                // Keyed by a parent: some read must go through it when any read goes through a parent.
                guard let table = item.model.table(id: child.name), table.entities == [child.name],
                      item.model.decisions.contains(where: { $0.id == "child-key:\(child.name)" && $0.userChoice == nil }),
                      let keyedBy = parents.first(where: { relationship in ForeignKeys.of(relationship, in: requirements) == [table.partitionKey.name] }) else { continue }
                let weight = { (relationship: Relationship) -> Bool in
                    let foreignKey = ForeignKeys.of(relationship, in: requirements) ?? []
                    return requirements.accessPatterns.contains { pattern in
                        pattern.type == .read && ((pattern.entities.first == child.name && foreignKey.allSatisfy { (pattern.equalityAttributes ?? []).contains($0) })
                            || (pattern.entities.first == relationship.parent && pattern.entities.contains(child.name)))
                    }
                }
                if parents.contains(where: weight) {
                    #expect(weight(keyedBy), "\(item.label) \(child.name) keyed by \(keyedBy.parent), which no read goes through")
                }
            }
        }
        #expect(severalParents > 50)
    }
}
