import DesignEngine
import ModelExecution
import Requirements
import SeededRandom
import Testing
import TestSupport

/// Retention, purges by age and minority-state selections over generated requirement sets
/// (docs/design-engine.md, "Lifecycle" and "Sparse indexes"): every entity given a retention
/// gets a TTL on its table, every purge by age is done by TTL, and every served pattern, sparse
/// reads and the writes that move items in and out of their state included, passes when executed.
@Suite struct LifecyclePropertyTests {
    static let caseCount = 200
    static let firstSeed: UInt64 = 0xDDB0_0011_1100_0000

    /// A small deterministic choice from the seed and a position: the first value of the seeded
    /// generator started there, so one entity's choices never shift another's.
    static func pick(_ seed: UInt64, _ salt: Int, _ count: Int) -> Int {
        var generator = SeededGenerator(seed: seed &+ UInt64(truncatingIfNeeded: salt))
        return generator.below(max(count, 1))
    }

    /// The generated requirements with retentions, purges and stated minority values added.
    static func lifecycle(_ generated: GeneratedCase) throws -> Requirements {
        var requirements = generated.requirements
        let seed = generated.seed
        for (position, entity) in requirements.entities.enumerated() {
            var changed = entity
            let dates = entity.retentionStartCandidates
            if !dates.isEmpty, pick(seed, position, 3) > 0 {
                changed.retention = .period(RetentionPeriod(days: 1 + pick(seed, position + 100, 400), from: dates[pick(seed, position + 200, dates.count)]))
            }
            try requirements.updateEntity(named: entity.name, to: changed)
        }
        // A stated minority value for an equality attribute of some reads, which select it.
        for pattern in requirements.accessPatterns where pattern.type == .read && pattern.entities.count == 1 {
            guard pick(seed, pattern.id + 300, 2) == 0, let entity = requirements.entity(named: pattern.entities[0]),
                  let name = (pattern.equalityAttributes ?? []).first(where: { name in
                      guard let attribute = entity.attribute(named: name) else { return false }
                      // A state attribute: not an identifier, a unique value or a reference to a parent.
                      let references = requirements.relationships.filter { $0.child == entity.name }.compactMap { ForeignKeys.of($0, in: requirements) }.flatMap { $0 }
                      return attribute.type == .string && attribute.isMigrated && !entity.identifier.contains(name)
                          && !entity.uniqueGroups.contains { $0.contains(name) } && !references.contains(name)
                  }),
                  let position = entity.attributes.firstIndex(where: { $0.name == name }) else { continue }
            var changed = entity
            changed.attributes[position].valueShares = [ValueShare(value: "rare", share: 0.04)]
            try requirements.updateEntity(named: entity.name, to: changed)
            var selecting = pattern
            selecting.selects = [SelectedValue(attribute: name, value: "rare")]
            try requirements.updatePattern(selecting)
        }
        // A purge by age for every entity with a retention.
        for entity in requirements.entities where entity.retention?.period != nil {
            var purge = AccessPattern(id: 0, description: "Delete \(entity.name) items older than their retention", entities: [entity.name], type: .delete)
            purge.peakRPS = .known(1)
            purge.averageRPS = .known(1)
            purge.consistency = .strong
            _ = try requirements.addPattern(purge)
        }
        return requirements
    }

    @Test func retentionsAndSparseSelectionsAreProvenOnGeneratedModels() throws {
        var expiring = 0
        var sparse = 0
        var purges = 0
        for offset in 0..<UInt64(Self.caseCount) {
            var generator = RequirementsGenerator(seed: Self.firstSeed + offset)
            let generated = try generator.generate()
            let requirements = try Self.lifecycle(generated)
            let model = ProvenDesign.design(requirements, choices: generated.choices)
            let label = "seed \(String(generated.seed, radix: 16))"
            let proof = try #require(model.proof, "\(label): no proof")
            for failure in proof.failures {
                Issue.record("\(label) #\(failure.patternID) (\(requirements.pattern(failure.patternID)?.description ?? "?")): \(failure.reason)")
            }
            for entity in requirements.entities where entity.retention?.period != nil {
                guard let table = model.tables.first(where: { $0.lookup == nil && $0.entities.contains(entity.name) }) else { continue }
                #expect(table.timeToLive?.retention(of: entity.name) != nil, "\(label): \(entity.name) has a retention but \(table.name) no TTL")
                expiring += 1
            }
            for mapping in model.mappings where requirements.pattern(mapping.patternID)?.description.hasSuffix("older than their retention") == true {
                guard let entity = requirements.pattern(mapping.patternID)?.entities.first,
                      model.tables.contains(where: { $0.lookup == nil && $0.entities.contains(entity) && $0.timeToLive != nil }) else { continue }
                #expect(mapping.isDoneByTTL, "\(label) #\(mapping.patternID): a purge by age is not done by TTL: \(mapping.status)")
                #expect(mapping.operation != .scan)
                purges += 1
            }
            sparse += model.tables.flatMap(\.indexes).filter { index in
                model.tables.contains { table in table.itemLayouts.contains { layout in layout.attributes.contains { $0.attribute == index.sparse?.attribute && { if case .whenSelected = $0.value { return true } else { return false } }($0) } } }
            }.count
        }
        // The generator must give the rules real work.
        #expect(expiring > 100, "only \(expiring) entities expire")
        #expect(purges > 50, "only \(purges) purges done by TTL")
        #expect(sparse > 20, "only \(sparse) sparse indexes")
    }
}
