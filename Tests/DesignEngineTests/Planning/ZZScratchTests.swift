import DesignEngine
import DataModelDocument
import ModelExecution
import Requirements
import Testing
import Foundation

@Suite struct ZZScratchTests {
    @Test func scratch() throws {
        guard let path = ProcessInfo.processInfo.environment["SCRATCH_YAML"] else { return }
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let requirements = try YAMLRequirements.load(yaml)
        let model = ProvenDesign.design(requirements)
        var out = ""
        for table in model.tables {
            out += "TABLE \(table.id) \(table.name) pk=\(table.partitionKey.name) sk=\(table.sortKey?.name ?? "-") role=\(table.role)\n"
            for index in table.indexes { out += "  IDX \(index.id) \(index.kind) pk=\(index.partitionKey.map(\.name)) sk=\(index.sortKey.map(\.name)) proj=\(index.projection) patterns=\(index.patternIDs)\n" }
        }
        for mapping in model.mappings {
            out += "P#\(mapping.patternID) \(mapping.status)\n"
            for step in mapping.plan?.steps ?? [] { out += "   \(step.request)\n" }
        }
        for decision in model.decisions { out += "D \(decision.id): \(decision.chosenApproach)\n" }
        out += "PROOF \(String(describing: model.proof?.passed)) fails=\(model.proof?.failures.map { "#\($0.patternID) \($0.reason)" } ?? [])\n"
        try out.write(toFile: path + ".out", atomically: true, encoding: .utf8)
    }
}
import TestSupport
extension ZZScratchTests {
    @Test func scratchSeed() throws {
        guard let text = ProcessInfo.processInfo.environment["SCRATCH_SEED"], let seed = UInt64(text, radix: 16) else { return }
        var generator = RequirementsGenerator(seed: seed)
        let generated = try generator.generate()
        let model = ProvenDesign.design(generated.requirements, choices: generated.choices)
        var out = ""
        for entity in generated.requirements.entities { out += "E \(entity.name) id=\(entity.identifier) uniq=\(entity.uniqueGroups) attrs=\(entity.attributes.map { "\($0.name):\($0.type)" })\n" }
        for r in generated.requirements.relationships { out += "R \(r.parent)->\(r.child) \(r.kind)\n" }
        for p in generated.requirements.accessPatterns { out += "AP#\(p.id) \(p.type.map { "\($0)" } ?? "?") \(p.entities) eq=\(p.equalityAttributes ?? []) sort=\(String(describing: p.sort)) filter=\(p.filterAttributes ?? [])\n" }
        for table in model.tables {
            out += "TABLE \(table.id) pk=\(table.partitionKey.name):\(table.partitionKey.dynamoDBType) sk=\(table.sortKey.map { "\($0.name):\($0.dynamoDBType)" } ?? "-")\n"
            for index in table.indexes { out += "  IDX \(index.id) \(index.kind) pk=\(index.partitionKey.map { "\($0.name):\($0.dynamoDBType)" }) sk=\(index.sortKey.map { "\($0.name):\($0.dynamoDBType)" }) patterns=\(index.patternIDs)\n" }
        }
        for mapping in model.mappings {
            out += "P#\(mapping.patternID) \(mapping.status)\n"
            for step in mapping.plan?.steps ?? [] { out += "   \(step.request)\n" }
        }
        for decision in model.decisions { out += "D \(decision.id): \(decision.chosenApproach)\n" }
        out += "PROOF fails=\(model.proof?.failures.map { "#\($0.patternID) \($0.reason)" } ?? [])\n"
        try out.write(toFile: "/tmp/structure/seed.out", atomically: true, encoding: .utf8)
    }
}
