import ArgumentParser
import Conversation
import DesignEngine
import DynamoDBAPI
import DynamoDBClient
import Foundation
import ModelExecution
import ModelValidation
import SessionStore
import ShellQuoting

/// `ddbmodel validate PATH --endpoint URL`: runs the session's model against a DynamoDB API
/// endpoint and asserts every access pattern's result (issue 6, docs/validate.md).
///
/// Loopback endpoints (DynamoDB Local, moto) need no confirmation and accept dummy credentials;
/// anything else needs `--allow-remote` and a typed `yes` after the tables to create are shown.
struct ValidateModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Create the model's tables on a DynamoDB endpoint, run every access pattern, assert the results, delete the tables.",
        discussion: "Writes dynamodb_model_validation.md and .json into the session folder. Exit status 1 when a pattern fails. See docs/validate.md."
    )

    @Argument(help: "The session folder (Sessions/NAME) or its session.json.")
    var path: String

    @Option(name: .long, help: "The DynamoDB endpoint, such as http://127.0.0.1:8000 (DynamoDB Local) or https://dynamodb.us-east-1.amazonaws.com.")
    var endpoint: String

    @Flag(name: .long, help: "Allow an endpoint that is not on this machine (AWS itself): asks for yes before creating anything.")
    var allowRemote = false

    @Option(name: .long, help: "Seed for the sample data (the same seed writes the same items).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Prefix of the tables the run creates (default: ddbmodel-validate-<random>-).")
    var prefix: String?

    func run() throws {
        let environment = CommandEnvironment()
        let folder = try environment.failing { () throws(StoreError) in
            try SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory)
        }
        let state = try environment.failing { () throws(StoreError) in try SessionFile.load(folder) }
        try environment.failing { () throws(CommandFailure) in
            guard state.gates.requirements.isPassed else {
                throw CommandFailure("There is no data model to validate yet: the requirements gate is open (\(ShellQuoting.command(["ddbmodel", "resume", path]))).")
            }
        }
        let target = try environment.failing { () throws(CommandFailure) in
            try ValidationEndpoint.resolve(endpoint, allowRemote: allowRemote)
        }
        let loopback = target.isLoopback
        let region = AWSRegion.load() ?? "us-east-1"
        let credentials = try environment.failing { () throws(DynamoDBError) in try target.credentials() }
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        let tablePrefix = prefix ?? "ddbmodel-validate-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))-"
        if !loopback {
            environment.output.write("Region \(region), endpoint \(endpoint). The run creates these tables (and deletes them at the end):\n")
            for table in model.tables { environment.output.write("  \(tablePrefix)\(table.name)\n") }
            environment.output.write("Type yes to create them: ")
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                environment.output.write("Nothing was created.\n")
                return
            }
        }

        let transport = InterruptibleTransport(base: HTTPTransport(endpoint: target.url, credentials: credentials, region: region))
        InterruptibleTransport.installInterruptHandler()
        let output = environment.output
        let validator = ModelValidator(model: model, requirements: state.requirements, transport: transport, tablePrefix: tablePrefix, seed: seed,
                                       progress: { line in output.write("… \(line)\n") })
        let report = validator.run()
        environment.output.write(report.markdown())
        try environment.failing { () throws(StoreError) in
            try AtomicFile.write(Data(report.markdown().utf8), to: folder.file(named: "dynamodb_model_validation.md"))
            try AtomicFile.write(Data(report.json()), to: folder.file(named: "dynamodb_model_validation.json"))
        }
        environment.output.write("Wrote \(folder.file(named: "dynamodb_model_validation.md").path) and dynamodb_model_validation.json.\n")
        if !report.succeeded { throw ExitCode.failure }
    }

}

/// Passes requests through until Ctrl-C; then fails every request except the ones that clean
/// up (DescribeTable, DeleteTable, ListTables), so the validator stops and deletes its tables.
struct InterruptibleTransport: DynamoDBTransport {
    let base: HTTPTransport

    /// Set by the SIGINT handler; read before each request.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    static func installInterruptHandler() {
        signal(SIGINT) { _ in InterruptibleTransport.interrupted = 1 }
    }

    static let cleanupOperations: Set<String> = ["DescribeTable", "DeleteTable", "ListTables"]

    func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
        if Self.interrupted != 0, !Self.cleanupOperations.contains(operation) {
            throw .serviceError(type: "Interrupted", message: "interrupted (Ctrl-C): the run stops and deletes the tables it created", statusCode: 0)
        }
        return try base.send(operation: operation, body: body)
    }
}

/// `/validate` inside a session: the same run as `ddbmodel validate`, loopback endpoints only,
/// with the report written into the session folder.
struct SessionModelValidator: ModelValidating {
    let folder: SessionFolder

    func isLoopback(_ endpoint: String) -> Bool {
        (try? ValidationEndpoint.resolve(endpoint, allowRemote: false)) != nil
    }

    func validate(model: DataModel, state: SessionState, endpoint: String) -> [String] {
        let target: ValidationEndpoint
        do throws(CommandFailure) {
            target = try ValidationEndpoint.resolve(endpoint, allowRemote: false)
        } catch {
            return [error.message]
        }
        let transport = HTTPTransport(endpoint: target.url, credentials: ValidationEndpoint.loopbackCredentials, region: AWSRegion.load() ?? "us-east-1")
        let prefix = "ddbmodel-validate-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))-"
        let report = ModelValidator(model: model, requirements: state.requirements, transport: transport, tablePrefix: prefix).run()
        var lines = [report.markdown()]
        do throws(StoreError) {
            try AtomicFile.write(Data(report.markdown().utf8), to: folder.file(named: "dynamodb_model_validation.md"))
            try AtomicFile.write(Data(report.json()), to: folder.file(named: "dynamodb_model_validation.json"))
            lines.append(report.succeeded ? "Validation passed; the report is in dynamodb_model_validation.md." : "Validation found failures (above); the report is in dynamodb_model_validation.md.")
        } catch {
            lines.append("The report could not be written: \(error.message)")
        }
        return lines
    }
}
