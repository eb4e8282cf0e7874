import Foundation
import MySQLSchema
import QueryTraffic
import Requirements
import SchemaImport
import SQLStatements
import Testing
import TrafficPatterns

extension LiveServerTests {
    /// The workload's tables imported as entities, as `--schema` would.
    static func workloadRequirements() -> Requirements {
        var requirements = Requirements()
        _ = SchemaImporter.apply(SchemaParser.parse([SchemaSource(name: "workload.sql", text: TrafficWorkload.schema)]), previous: nil, to: &requirements)
        return requirements
    }

    /// What identifies a proposed pattern whatever the source measured it: its wording, type,
    /// entities, lookups, sort and aggregation, and its calls.
    struct PatternSignature: Equatable, CustomStringConvertible {
        let description: String
        let key: String
        let calls: Int

        init(_ proposal: PatternProposal) {
            let pattern = proposal.pattern
            description = pattern.description
            var sort = "none"
            if case .attribute(let requirement)? = pattern.sort { sort = requirement.attribute + " " + requirement.direction.rawValue }
            key = "\(pattern.type?.rawValue ?? "?") \(pattern.entities) eq=\(pattern.equalityAttributes ?? []) sort=\(sort) "
                + "aggregate=\(pattern.aggregate?.aggregation?.text ?? "none") consistency=\(pattern.consistency?.rawValue ?? "?")"
            calls = pattern.measured?.calls ?? 0
        }
    }

    /// The proposals a window gives on the workload's tables, busiest first.
    static func workloadPatterns(_ window: TrafficWindow) -> [PatternSignature] {
        TrafficPatternProposer.propose(window, requirements: workloadRequirements(), read: DMLParser.read).proposals
            .filter { ["Item", "Counter"].contains($0.pattern.entities.first ?? "") }
            .map(PatternSignature.init)
    }

    /// The same run, measured four ways: performance_schema sampled live, the slow query log
    /// (long_query_time = 0), the general query log and the capture script's output. Each source
    /// spells the statements differently (digests with `?`, literal statements), and all must
    /// come to the same three patterns with the calls the driver sent.
    @Test("The same workload gives the same patterns from performance_schema, the slow log, the general log and the capture script")
    func sourcesAgree() async throws {
        let run = try await LiveServers.workload()
        let live = try #require(run.window)
        let slow = try QueryLogFiles.read(paths: [run.slowLog.path])
        let general = try QueryLogFiles.read(paths: [run.generalLog.path])
        let capture = try CaptureOutputReader.read(Array(run.captureOutput.utf8), name: "capture.tsv")
        #expect(slow.source == .slowLog)
        #expect(general.source == .generalLog)
        #expect(capture.source == .capture)

        let expected = Self.workloadPatterns(live)
        #expect(expected.map(\.description) == [
            "Get Item by category_id, by id",
            "Update hits of Counter by id",
            "Get Item by id",
        ], "\(expected)")
        #expect(expected.map(\.calls) == [2360, 295, 200])
        #expect(Self.workloadPatterns(slow) == expected, "slow log: \(Self.workloadPatterns(slow))")
        #expect(Self.workloadPatterns(general) == expected, "general log: \(Self.workloadPatterns(general))")
        #expect(Self.workloadPatterns(capture) == expected, "capture: \(Self.workloadPatterns(capture))")

        // Each source's figures for A, as the review shows them: 40/s sent for 59 s of the window.
        let a = try #require(TrafficPatternProposer.propose(capture, requirements: Self.workloadRequirements(), read: DMLParser.read)
            .proposals.first { $0.pattern.description == "Get Item by category_id, by id" })
        #expect(abs((a.pattern.averageRPS?.value ?? 0) - 40) <= 40 * 0.15, "capture average \(String(describing: a.pattern.averageRPS))")
        #expect(a.pattern.measured?.source == "capture script")
        // The slow log knows the rows per call: A's 3.
        let slowA = try #require(TrafficPatternProposer.propose(slow, requirements: Self.workloadRequirements(), read: DMLParser.read)
            .proposals.first { $0.pattern.description == "Get Item by category_id, by id" })
        #expect(slowA.rowsSentPerCall == 3)
        #expect(slowA.pattern.expectedItems == .known(ItemCount(average: 3, maximum: 3)))
        // The burst is in the slow log's per-second peak: 200 calls within one second.
        let slowC = try #require(TrafficPatternProposer.propose(slow, requirements: Self.workloadRequirements(), read: DMLParser.read)
            .proposals.first { $0.pattern.description == "Get Item by id" })
        #expect((slowC.pattern.peakRPS?.value ?? 0) >= 100, "C's peak \(String(describing: slowC.pattern.peakRPS))")
    }
}
