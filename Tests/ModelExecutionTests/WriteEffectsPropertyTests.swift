import DesignEngine
import ModelExecution
import Requirements
import Testing
import TestSupport

/// Over generated requirement sets with multi-entity writes and aggregating reads
/// (`EffectsAndAggregationsGenerator`): every entity a write lists is written or checked by its
/// plan, and every served pattern passes when executed on the in-memory DynamoDB
/// (docs/design-engine.md, "Writes that do what the business rule says" and "Aggregations").
@Suite struct WriteEffectsPropertyTests {
    static let caseCount = 400
    static let firstSeed: UInt64 = 0xDDB0_0011_0000_0000

    static let proven = ProofPropertyTests.Proven.all(count: caseCount, firstSeed: firstSeed, variant: "effects and aggregations") { generated, seed in
        var extension_ = EffectsAndAggregationsGenerator(seed: seed)
        return extension_.extend(generated)
    }

    @Test func everyEntityAWriteListsIsWrittenOrChecked() throws {
        var withEffects = 0
        for item in try Self.proven.get() {
            let findings = ExpertReview.planFindings(item.model, item.generated.requirements).filter { $0.contains("neither writes nor checks") }
            for finding in findings { Issue.record("\(item.label): \(finding)") }
            withEffects += item.model.mappings.filter { mapping in
                mapping.isServedByDynamoDB && item.generated.requirements.pattern(mapping.patternID)?.effects?.isEmpty == false
            }.count
        }
        #expect(withEffects > 100, "only \(withEffects) served writes with effects")
    }

    @Test func everyServedPatternPassesWhenExecuted() throws {
        var executed = 0
        var methods: [String: Int] = [:]
        for item in try Self.proven.get() {
            let proof = try #require(item.model.proof, "\(item.label): no proof")
            for failure in proof.failures {
                let pattern = item.generated.requirements.pattern(failure.patternID)
                Issue.record("\(item.label) #\(failure.patternID) (\(pattern?.description ?? "?")): \(failure.reason)")
            }
            executed += proof.executed
            for mapping in item.model.mappings {
                guard let method = mapping.aggregation?.method else { continue }
                let name = switch method {
                case .clientSide: "client-side"
                case .counter(.transaction): "counter in the transaction"
                case .counter(.stream): "counter by a stream consumer"
                case .export: "export"
                }
                methods[name, default: 0] += 1
            }
        }
        #expect(executed > 2_000, "only \(executed) patterns executed")
        // The generator reaches every way of serving an aggregation.
        for name in ["client-side", "counter in the transaction", "counter by a stream consumer", "export"] {
            #expect((methods[name] ?? 0) > 10, "\(name): \(methods[name] ?? 0) \(methods)")
        }
    }

    /// A pattern is either served, refused with a reason, or sent elsewhere: an aggregation never
    /// silently becomes a plain read, and a counter's table holds counters only.
    @Test func aggregationsAreAnsweredAsAggregations() throws {
        for item in try Self.proven.get() {
            for pattern in item.generated.requirements.accessPatterns where pattern.aggregate?.aggregation != nil && pattern.hasRPS {
                let mapping = try #require(item.model.mapping(for: pattern.id))
                if case .unserved = mapping.status { continue }
                #expect(mapping.aggregation != nil, "\(item.label) #\(pattern.id): served without an aggregation plan")
            }
            for table in item.model.tables where table.totals != nil {
                #expect(table.entities.isEmpty && table.indexes.isEmpty, "\(item.label): \(table.name)")
            }
        }
    }
}
