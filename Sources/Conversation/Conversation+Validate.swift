import DesignEngine
import Requirements
import ShellQuoting

/// Runs the current model against a DynamoDB API endpoint (`ddbmodel validate` from inside the
/// session). The conversation stays pure: the runner does the network and the report files.
public protocol ModelValidating: Sendable {
    /// Whether the endpoint is on this machine; others are refused inside the session.
    func isLoopback(_ endpoint: String) -> Bool
    /// Validates `model` and returns the lines to show (the results table and where the report went).
    func validate(model: DataModel, state: SessionState, endpoint: String) -> [String]
}

extension Conversation {
    mutating func validate(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let modelValidator else { throw RequirementsError("/validate is not available here; run ddbmodel validate PATH --endpoint URL.") }
        guard state.gates.requirements.isPassed else {
            throw RequirementsError("There is no data model to validate yet: pass the requirements gate first (/gate).")
        }
        guard arguments.count == 1, let endpoint = arguments.first else {
            throw RequirementsError("Usage: /validate ENDPOINT, such as /validate http://127.0.0.1:8000 (DynamoDB Local or moto_server).")
        }
        guard modelValidator.isLoopback(endpoint) else {
            throw RequirementsError("\(endpoint) is not on this machine: inside the session /validate only uses local endpoints. For AWS, run \(ShellQuoting.command(["ddbmodel", "validate", sessionPath ?? "SESSION-FOLDER", "--endpoint", endpoint, "--allow-remote"])) from the shell (it asks before creating tables).")
        }
        return modelValidator.validate(model: dataModel, state: state, endpoint: endpoint)
    }
}
