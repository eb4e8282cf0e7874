import Foundation
import Requirements
import RequirementsYAML

/// Loads YAML written in a test, with `t.yaml` as the file name in messages.
func loadYAML(_ yaml: String) throws(RequirementsYAMLError) -> Requirements {
    try RequirementsYAMLLoader.load(yaml: yaml, fileName: "t.yaml")
}

/// The problem lines for YAML that should not load; empty when it loads.
func problems(in yaml: String, fileName: String = "t.yaml") -> [String] {
    do {
        _ = try RequirementsYAMLLoader.load(yaml: yaml, fileName: fileName)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// A file under `docs/examples/`, found from this source file's location.
func exampleFile(_ name: String, sourceFile: String = #filePath) throws -> (path: String, text: String) {
    let path = URL(fileURLWithPath: sourceFile)
        .deletingLastPathComponent()
        .appendingPathComponent("../../docs/examples/\(name)")
        .standardized.path
    return (path, try String(contentsOfFile: path, encoding: .utf8))
}

/// A one-entity model that the smaller tests build patterns and relationships on.
let userEntityYAML = """
    entities:
      - name: User
        identifier: user_id
        attributes: [user_id:string, email:string, created_at:datetime]
    """
