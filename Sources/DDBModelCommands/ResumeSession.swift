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
        // Lock before loading, so the state read is the one this process goes on to change.
        let (folder, lock, state) = try environment.failing { () throws(StoreError) in
            let folder = try SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory)
            let lock = try SessionLock.acquire(folder)
            return (folder, lock, try SessionFile.load(folder))
        }
        try SessionRunner(folder: folder, state: state, environment: environment, lock: lock).run(isNew: false)
    }
}
