import ArgumentParser
import Conversation
import Foundation
import Requirements
import RequirementsYAML
import SessionStore

/// `ddbmodel new NAME`: creates a session folder and starts the guided session.
struct NewSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new guided session in SESSIONS-DIR/NAME.",
        discussion: "With --requirements, the requirements are loaded from a YAML file (see docs/requirements-yaml.md) and the session opens at the review before the requirements gate."
    )

    @Argument(help: "The session's name: letters, digits, - and _ (no path separators).")
    var name: String

    @Option(name: .long, help: "The folder that holds sessions.")
    var sessionsDir: String = "Sessions"

    @Option(name: .long, help: "Load the requirements from this YAML file.")
    var requirements: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: "Import MySQL DDL: a schema.sql, migration files in the order they apply, or mysqldump --no-data output.")
    var schema: [String] = []

    @Option(name: .long, help: "Read the schema and the traffic from a live server: mysql://USER@HOST:PORT/DATABASE (password from MYSQL_PWD or asked without echo; see docs/mysql-traffic.md).")
    var mysql: String?

    @Option(name: .long, help: "With --mysql: how long to sample the traffic (90s, 10m, 1h; 0 reads the schema only).")
    var sample: String?

    @Option(name: .customLong("query-log"), parsing: .upToNextOption,
            help: "Measure the traffic from MySQL slow query logs (long_query_time = 0) or general query logs.")
    var queryLogs: [String] = []

    @Option(name: .long, help: "Measure the traffic from what the capture script printed (ddbmodel capture-script).")
    var capture: String?

    func validate() throws {
        if let reason = SessionName.problem(with: name) {
            throw ValidationError(StoreError.invalidSessionName(name: name, reason: reason).message)
        }
        if let problem = TrafficOptions.problem(requirements: requirements, schema: schema, mysql: mysql, sample: sample,
                                                 queryLogs: queryLogs, capture: capture) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let environment = CommandEnvironment()
        var state = SessionState(name: name)
        if let requirementsPath = requirements {
            state = try environment.failing { () throws(CommandFailure) in
                try RequirementsFileImport.load(path: requirementsPath, into: state, environment: environment)
            }
        }
        if !schema.isEmpty || mysql != nil {
            state = try TrafficOptions(schema: schema, mysql: mysql, sample: sample, queryLogs: queryLogs, capture: capture)
                .importing(into: state, environment: environment)
        }
        let folder = try environment.failing { () throws(StoreError) in
            try SessionFolder.create(name: name, in: environment.resolve(sessionsDir))
        }
        try SessionRunner(folder: folder, state: state, environment: environment).run(isNew: true)
    }
}

/// Reads a requirements YAML file into a new session's state.
enum RequirementsFileImport {
    static func load(path: String, into state: SessionState, environment: CommandEnvironment) throws(CommandFailure) -> SessionState {
        let url = environment.resolve(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("Cannot read the requirements file \(path): it does not exist or is not readable.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("The requirements file \(path) is not UTF-8 text.")
        }
        do throws(RequirementsYAMLError) {
            let requirements = try RequirementsYAMLLoader.load(yaml: text, fileName: path)
            var loaded = state
            loaded.requirements = requirements
            var conversation = Conversation(state: loaded, clock: ISOClock.now)
            conversation.beginReview()
            return conversation.state
        } catch {
            throw CommandFailure("The requirements file has problems; nothing was created:\n" + error.message)
        }
    }
}
