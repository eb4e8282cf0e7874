import ArgumentParser
import Conversation
import SessionStore

/// `ddbmodel resume PATH`: continues a session at the question it stopped at.
struct ResumeSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a session at the exact question it stopped at."
    )

    @Argument(help: "The session folder (Sessions/NAME) or its session.json.")
    var path: String

    func run() throws {
        let environment = CommandEnvironment()
        let folder = try environment.failing { () throws(StoreError) in
            try SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory)
        }
        let lock = try environment.failing { () throws(StoreError) in try SessionLock.acquire(folder) }
        let state = try environment.failing { () throws(StoreError) in try SessionFile.load(folder) }
        try SessionRunner(folder: folder, state: state, environment: environment, lock: lock).run(isNew: false)
    }
}

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
        let folder = try environment.failing { () throws(StoreError) in
            try SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory)
        }
        let state = try environment.failing { () throws(StoreError) in try SessionFile.load(folder) }
        environment.output.write(SessionSummary.status(state) + "\n")
    }
}
