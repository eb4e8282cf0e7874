import ArgumentParser
import Conversation
import ModelExecution
import SessionStore

/// `ddbmodel status PATH`: prints where a session stands, without opening it.
struct SessionStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print a session's stage, gates (with when they were passed) and counts."
    )

    @Argument(help: "The session folder (Sessions/NAME) or its session.json.")
    var path: String

    func run() throws {
        let environment = CommandEnvironment()
        let state = try environment.failing { () throws(StoreError) in
            try SessionFile.load(SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory))
        }
        // The model exists only after the requirements gate (designing costs more than counting).
        let model = state.gates.requirements.isPassed ? ProvenDesign.design(state.requirements, choices: state.designChoices) : nil
        environment.output.write(SessionSummary.status(state, model: model) + "\n")
    }
}
