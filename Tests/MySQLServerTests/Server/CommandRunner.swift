import Foundation

/// The outcome of one finished child process.
struct CommandResult {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs a child process to completion within a time limit. Output goes to files rather than
/// pipes, so a chatty child can never block on a full pipe while we wait for it.
struct CommandRunner {
    /// Where the captured output files go (the server's scratch folder).
    let scratch: URL

    /// Runs `executable` with `arguments`, standard input from `input` (or nothing), and kills it
    /// (SIGTERM, then SIGKILL) when `timeLimit` seconds pass.
    func run(_ executable: URL, _ arguments: [String], input: URL? = nil, timeLimit: Int) throws -> CommandResult {
        let label = executable.lastPathComponent
        let id = UUID().uuidString
        let outputFile = scratch.appendingPathComponent("\(label)-\(id).out")
        let errorFile = scratch.appendingPathComponent("\(label)-\(id).err")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = try Self.makeProcess(executable, arguments, output: outputFile, errors: errorFile)
        if let input {
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw MariaDBError.launchFailed(command: label, reason: "\(error)")
        }
        if !Self.waitForExit(process, seconds: Double(timeLimit)) {
            Self.terminate(process, grace: 2)
            throw MariaDBError.timedOut(command: "\(label) \(arguments.joined(separator: " "))", seconds: timeLimit)
        }
        return CommandResult(status: process.terminationStatus, output: Self.text(of: outputFile), errors: Self.text(of: errorFile))
    }

    /// Like `run`, but a non-zero exit status is an error carrying the child's standard error.
    func check(_ executable: URL, _ arguments: [String], input: URL? = nil, timeLimit: Int) throws -> String {
        let result = try run(executable, arguments, input: input, timeLimit: timeLimit)
        guard result.status == 0 else {
            throw MariaDBError.commandFailed(command: executable.lastPathComponent, status: result.status, errors: result.errors)
        }
        return result.output
    }

    /// A process whose output goes to the given files, with an environment free of the client
    /// variables (MYSQL_PWD, MYSQL_HOST, ...) that could point it somewhere else.
    static func makeProcess(_ executable: URL, _ arguments: [String], output: URL, errors: URL) throws -> Process {
        for file in [output, errors] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw MariaDBError.launchFailed(command: executable.lastPathComponent, reason: "cannot create \(file.path)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("MYSQL_") && !key.hasPrefix("MARIADB_")
        }
        return process
    }

    /// True when the process exited within `seconds`.
    static func waitForExit(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// SIGTERM, a bounded wait, then SIGKILL; returns once the process is gone.
    static func terminate(_ process: Process, grace: Double) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if !waitForExit(process, seconds: grace) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func text(of file: URL) -> String {
        FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
