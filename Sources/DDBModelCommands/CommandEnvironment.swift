import ArgumentParser
import Foundation
import Requirements
import SessionStore

/// A failure the user can act on, printed as one message.
public struct CommandFailure: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// What the commands need from the process: the working directory, standard output and error,
/// and the home directory for the history file.
struct CommandEnvironment {
    let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let output = StandardStream(fileDescriptor: 1)
    let errors = StandardStream(fileDescriptor: 2)

    /// A path as typed, made absolute against the working directory.
    func resolve(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
    }

    /// `$HOME/.ddbmodel_history`, or nil without a home directory.
    var historyFile: String? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".ddbmodel_history").path
    }

    /// Runs a step whose failure ends the command: prints the message and exits with status 1.
    func failing<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        do {
            return try body()
        } catch {
            errors.write("ddbmodel: \(ErrorSentence.text(for: error))\n")
        }
        throw ExitCode.failure
    }
}

/// Unbuffered writes to a standard stream, so prompts and messages appear in order.
final class StandardStream: @unchecked Sendable {
    let fileDescriptor: Int32

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// The time recorded when a gate is passed: ISO-8601 in UTC, to the second.
enum ISOClock {
    static let now: @Sendable () -> String = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
