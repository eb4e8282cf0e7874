import DesignEngine
import Foundation
import MigrationContract
import Requirements
import RequirementsYAML

/// The design engine's worked scenarios (`Tests/DesignEngineTests/Scenarios`), designed and
/// turned into contracts; and this target's own fixtures.
enum ContractScenarios {
    static let names = ["ecommerce", "tenants", "agents"]

    /// The Scans each scenario's requirements ask the user to accept (as in the design engine's
    /// scenario tests), so every pattern is served and the contract validates.
    static let acceptedScans: [String: [String: String]] = [
        "tenants": ["3": "back-office listing, one page of 50 tenants per request"],
        "agents": ["28": "reference table of about 40 built-in tools, written by administrators"],
    ]

    static let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("DesignEngineTests").appendingPathComponent("Scenarios")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func requirements(_ name: String) throws -> Requirements {
        let url = scenarioFolder.appendingPathComponent("\(name).requirements.yaml")
        return try RequirementsYAMLLoader.load(yaml: try String(contentsOf: url, encoding: .utf8), fileName: url.lastPathComponent)
    }

    static func contract(_ name: String) throws -> (bytes: [UInt8], requirements: Requirements, model: DataModel) {
        let requirements = try requirements(name)
        var choices = DesignChoices()
        choices.acceptedScans = acceptedScans[name] ?? [:]
        let model = DesignEngine.design(requirements, choices: choices)
        return (ContractBuilder.bytes(model, requirements: requirements), requirements, model)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}
