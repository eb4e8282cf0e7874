import DesignEngine
import Foundation
import MigrationContract
import Requirements
import RequirementsYAML
import TestSupport

/// The design engine's worked scenarios (`Tests/DesignEngineTests/Scenarios`), designed and
/// turned into contracts; and this target's own fixtures.
enum ContractScenarios {
    static var names: [String] { WorkedScenarios.names }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func contract(_ name: String) throws -> (bytes: [UInt8], requirements: Requirements, model: DataModel) {
        let (requirements, model) = try WorkedScenarios.model(name)
        return (ContractBuilder.bytes(model, requirements: requirements), requirements, model)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}
