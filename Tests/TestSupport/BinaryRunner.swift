import Foundation

/// Runs the built `ddbmodel` binary as a user would, with piped standard input.
public struct BinaryRunner: Sendable {
    /// The binary next to the test executable (`.build/debug/ddbmodel`), or `$DDBMODEL_BINARY`.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DDBMODEL_BINARY"] { return URL(fileURLWithPath: path) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("ddbmodel")
    }

    public let directory: URL
    public let home: URL

    /// A runner working in a fresh temporary directory, with its own HOME.
    public init() throws {
        directory = try TemporaryDirectory.make("ddbmodel-e2e")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// The binary as a command in the runner's folder; `environment` is added to (and overrides)
    /// the test's own, with HOME the runner's.
    public func command(_ arguments: [String], input: Command.Input = .none, environment extra: [String: String] = [:],
                        output: Command.Output = .separate) -> Command {
        Command([Self.binary.path] + arguments, environment: .inherited(adding: ["HOME": home.path].merging(extra) { _, new in new }),
                directory: directory, input: input, output: output)
    }

    /// Runs to completion, feeding `input` on standard input (closed afterwards).
    public func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> CommandResult {
        try command(arguments, input: .text(input), environment: environment).run()
    }

    /// Starts the binary and returns at once (a process to interrupt, kill or feed line by line).
    public func start(_ arguments: [String], input: Command.Input = .pipe, output: Command.Output = .separate) throws -> ChildProcess {
        try command(arguments, input: input, output: output).start()
    }

    public func file(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    public func contents(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: file(relativePath).path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Fresh folders under the system's temporary directory.
public enum TemporaryDirectory {
    public static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
