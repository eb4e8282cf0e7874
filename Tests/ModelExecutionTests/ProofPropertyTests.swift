import DesignEngine
import ModelExecution
import Requirements
import Testing
import TestSupport

/// Every model the engine produces is executed (issue "every ✅ proven by execution"): over
/// 1,000 generated requirement sets (composite identifiers and unique groups, children with
/// several parents, many-to-many, filters, reads by a parent's attribute, writes naming several
/// entities, unknown item counts, user choices at the gate), every pattern the engine marks
/// served runs on the in-memory DynamoDB and passes. A ✅ that fails is a test failure, with
/// the seed that rebuilds the input (`RequirementsGenerator(seed:)`).
@Suite struct ProofPropertyTests {
    static let caseCount = 1_000
    static let firstSeed: UInt64 = 0xDDB0_0010_0000_0000

    struct Proven: Sendable {
        var generated: GeneratedCase
        var model: DataModel
        /// What the cases were generated with, after the seed (empty for the plain generator).
        var variant = ""
        var label: String { "seed \(String(generated.seed, radix: 16))" + (variant.isEmpty ? "" : " (\(variant))") }

        /// `count` requirement sets from consecutive seeds, each passed through `extend` (to add
        /// shapes of its own), designed and proven once for every property over them.
        static func all(count: Int, firstSeed: UInt64, variant: String = "",
                        extend: (GeneratedCase, UInt64) -> GeneratedCase = { generated, _ in generated }) -> Result<[Proven], any Error> {
            Result {
                try (0..<UInt64(count)).map { offset in
                    var generator = RequirementsGenerator(seed: firstSeed + offset)
                    let generated = extend(try generator.generate(), firstSeed + offset)
                    return Proven(generated: generated, model: ProvenDesign.design(generated.requirements, choices: generated.choices), variant: variant)
                }
            }
        }
    }

    /// Designed and proven once, shared by the properties.
    static let proven = Proven.all(count: caseCount, firstSeed: firstSeed)

    @Test func everyServedPatternPassesWhenExecuted() throws {
        var executed = 0
        for item in try Self.proven.get() {
            let proof = try #require(item.model.proof, "\(item.label): no proof")
            for failure in proof.failures {
                let pattern = item.generated.requirements.pattern(failure.patternID)
                Issue.record("\(item.label) #\(failure.patternID) (\(pattern?.description ?? "?")): \(failure.reason)")
            }
            executed += proof.executed
            #expect(proof.passed + proof.failures.count == proof.executed, "\(item.label)")
        }
        // The generator must give the proof real work.
        #expect(executed > 5_000, "only \(executed) patterns executed")
    }

    /// No ✅ without a plan, and the proof covers exactly the served patterns.
    @Test func everyServedPatternHasAPlanAndIsCounted() throws {
        for item in try Self.proven.get() {
            let served = item.model.mappings.filter(\.isServedByDynamoDB)
            #expect(served.allSatisfy { ($0.plan?.steps.isEmpty == false) }, "\(item.label)")
            #expect(item.model.proof?.executed == served.count + (item.model.proof?.failures.count ?? 0), "\(item.label)")
        }
    }

    /// Decision ids are unique: `/accept` and `/reject` name exactly one decision.
    @Test func decisionIDsAreUnique() throws {
        for item in try Self.proven.get() {
            var seen = Set<String>()
            for decision in item.model.decisions {
                #expect(seen.insert(decision.id).inserted, "\(item.label): decision id \(decision.id) twice")
            }
        }
    }

    /// Every attribute a served read keys, sorts or filters on is carried by the items it reads:
    /// the entity's own attribute, or an adopted copy.
    @Test func readsOnlyUseAttributesTheItemsCarry() throws {
        var checked = 0
        for item in try Self.proven.get() {
            for mapping in item.model.mappings where mapping.isServedByDynamoDB {
                guard let main = mapping.plan?.mainStep, case .query(let query) = main.request,
                      let table = item.model.table(id: query.tableID) else { continue }
                let carried = Set(table.attributes.map(\.name))
                for name in (query.partition + query.sortPrefix).map(\.attribute) + (query.filter?.attributes ?? []) {
                    #expect(carried.contains(name), "\(item.label) #\(mapping.patternID): \(name) is not on \(table.name)'s items")
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000)
    }

    /// An unknown item count is never shown as a number: the units it drives are unknown, and
    /// the mapping says what is missing.
    @Test func unknownItemCountsStayUnknown() throws {
        var unknown = 0
        for item in try Self.proven.get() {
            for mapping in item.model.mappings where mapping.isServedByDynamoDB {
                guard case .unknown? = item.generated.requirements.pattern(mapping.patternID)?.expectedItems,
                      item.generated.requirements.pattern(mapping.patternID)?.type == .read,
                      case .query? = mapping.plan?.mainStep?.request else { continue }
                unknown += 1
                #expect(mapping.itemsPerRequest.value == nil, "\(item.label) #\(mapping.patternID)")
                #expect(mapping.readUnitsPerRequest == nil, "\(item.label) #\(mapping.patternID)")
                #expect(!mapping.incomplete.isEmpty, "\(item.label) #\(mapping.patternID)")
            }
        }
        #expect(unknown > 20)
    }
}
