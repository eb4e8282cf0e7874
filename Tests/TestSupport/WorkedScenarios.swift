import DesignEngine
import Foundation
import ModelExecution
import Requirements
import RequirementsYAML

/// The worked scenarios (`Tests/DesignEngineTests/Scenarios/*.requirements.yaml`): requirements
/// reviewed by hand, with the Scans their requirements ask the user to accept. Every test target
/// loads them through here.
public enum WorkedScenarios {
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("DesignEngineTests/Scenarios")

    /// Every scenario, in a stable order.
    public static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".requirements.yaml") }.map { String($0.dropLast(".requirements.yaml".count)) }.sorted()
    }

    /// The Scans each scenario's requirements ask the user to accept, by pattern id.
    public static let acceptedScans: [String: [String: String]] = [
        "tenants": ["3": "back-office listing, one page of 50 tenants per request"],
        "agents": ["28": "reference table of about 40 built-in tools, written by administrators"],
    ]

    /// The scenario's requirements file, as written.
    public static func yaml(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).requirements.yaml"), encoding: .utf8)
    }

    public static func requirements(_ name: String) throws -> Requirements {
        try RequirementsYAMLLoader.load(yaml: try yaml(name), fileName: "\(name).requirements.yaml")
    }

    public static func choices(_ name: String) -> DesignChoices {
        var choices = DesignChoices()
        choices.acceptedScans = acceptedScans[name] ?? [:]
        return choices
    }

    /// The engine's model, before the proof.
    public static func model(_ name: String, choices: DesignChoices? = nil) throws -> (Requirements, DataModel) {
        let requirements = try requirements(name)
        return (requirements, DesignEngine.design(requirements, choices: choices ?? Self.choices(name)))
    }

    /// The model every part of the tool shows: designed, then proven on the in-memory DynamoDB.
    public static func provenModel(_ name: String, choices: DesignChoices? = nil) throws -> (Requirements, DataModel) {
        let requirements = try requirements(name)
        return (requirements, ProvenDesign.design(requirements, choices: choices ?? Self.choices(name)))
    }
}
