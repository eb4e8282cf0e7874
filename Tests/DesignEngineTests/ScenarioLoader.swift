import DesignEngine
import Foundation
import Requirements
import RequirementsYAML

/// The worked scenarios under `Scenarios/`: requirements as YAML, designed by the engine.
enum ScenarioLoader {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func requirements(_ name: String) throws -> Requirements {
        let url = folder.appendingPathComponent("\(name).requirements.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try RequirementsYAMLLoader.load(yaml: text, fileName: url.lastPathComponent)
    }

    static func model(_ name: String, choices: DesignChoices = DesignChoices()) throws -> DataModel {
        DesignEngine.design(try requirements(name), choices: choices)
    }
}
