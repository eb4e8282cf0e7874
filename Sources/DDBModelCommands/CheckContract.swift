import ArgumentParser
import Conversation
import Foundation
import MigrationContract
import SessionStore

/// `ddbmodel check-contract FILE`: the contract gate's validation on any contract file (edited
/// by hand or produced elsewhere); exits non-zero when it finds problems.
struct CheckContract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-contract",
        abstract: "Validate a migrationContract.json and list every problem by JSON path.",
        discussion: """
            Checks the structure and types of the contract format (docs/contract.md), key attribute types (S, N \
            or B), GSI keys, and unique, valid names. With --session it also checks the contract \
            against that session: every MySQL table and column mapped or excluded with a reason, \
            and every access pattern in some "satisfies". Exits with status 1 on any problem.
            """
    )

    @Argument(help: "The contract file to check.")
    var file: String

    @Option(name: .long, help: "A session folder (or its session.json) to check the contract against.")
    var session: String?

    func run() throws {
        let environment = CommandEnvironment()
        let url = environment.resolve(file)
        let bytes = try environment.failing { () throws(CommandFailure) in
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure("Cannot read \(file): no such file, or it is not readable.")
            }
            return [UInt8](data)
        }
        var context: ContractContext?
        if let session {
            let state = try environment.failing { () throws(StoreError) in
                try SessionFile.load(SessionFolder.resolve(userPath: session, currentDirectory: environment.currentDirectory))
            }
            context = ContractContext(requirements: state.requirements, sourceSchema: state.sourceSchema)
        }
        let problems = ContractValidator.validate(bytes, context: context)
        guard problems.isEmpty else {
            environment.errors.write("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
            for problem in problems { environment.errors.write("  \(problem.path): \(problem.message)\n") }
            throw ExitCode.failure
        }
        environment.output.write("\(file): valid\(context == nil ? "" : " against the session") (no problems).\n")
    }
}
