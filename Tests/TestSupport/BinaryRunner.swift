import Foundation

/// Runs the built `ddbmodel` binary as a user would, with piped standard input.
public struct BinaryRunner: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

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
        // A child that exits early closes its end of our stdin pipe: writing to it must fail
        // with EPIPE, not kill the whole test process.
        signal(SIGPIPE, SIG_IGN)
        directory = try TemporaryDirectory.make("ddbmodel-e2e")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// The binary ready to run; `environment` is added to (and overrides) the test's own.
    public func process(_ arguments: [String], environment extra: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        return process
    }

    /// Runs to completion, feeding `input` on standard input (closed afterwards).
    public func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = process(arguments, environment: environment)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        let bytes = Data(input.utf8)
        let feeding = Thread {
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }
        feeding.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      errors: String(decoding: errors, as: UTF8.self))
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
