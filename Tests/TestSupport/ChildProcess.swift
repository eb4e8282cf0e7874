import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running child started by `Command.start()`: its output so far, its standard input when the
/// command asked for a pipe, signals, and bounded waits. Stopped (SIGINT, then SIGKILL) and its
/// captured output removed when it goes away.
public final class ChildProcess: @unchecked Sendable {
    public let command: Command
    private let process = Process()
    /// Holds the captured output files (empty when the output is discarded).
    private let folder: URL
    private let outputFile: URL?
    private let errorsFile: URL?
    private let inputPipe: Pipe?
    /// Signalled once, by Foundation, when the child has exited and been reaped.
    private let exitSignal = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var exited = false
    private var inputClosed = false
    private var stopped = false

    /// A child that exits early closes its end of the input pipe: writing to it must fail with
    /// EPIPE, not kill the whole test process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    init(_ command: Command) throws {
        _ = Self.ignoreBrokenPipes
        self.command = command
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (executable, arguments) = command.executable
        process.executableURL = executable
        process.arguments = arguments
        process.environment = command.resolvedEnvironment
        if let directory = command.directory { process.currentDirectoryURL = directory }
        switch command.input {
        case .none:
            inputPipe = nil
            process.standardInput = FileHandle.nullDevice
        case .file(let url):
            inputPipe = nil
            process.standardInput = try FileHandle(forReadingFrom: url)
        case .text, .pipe:
            let pipe = Pipe()
            inputPipe = pipe
            process.standardInput = pipe
        }
        let stdout = folder.appendingPathComponent("stdout")
        let stderr = folder.appendingPathComponent("stderr")
        switch command.output {
        case .separate:
            (outputFile, errorsFile) = (stdout, stderr)
            process.standardOutput = try Self.newFile(stdout)
            process.standardError = try Self.newFile(stderr)
        case .merged:
            (outputFile, errorsFile) = (stdout, nil)
            process.standardOutput = try Self.newFile(stdout)
            process.standardError = process.standardOutput
        case .discarded:
            (outputFile, errorsFile) = (nil, nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        process.terminationHandler = { [exitSignal] _ in exitSignal.signal() }
        do {
            try Self.withNoSignalBlocked { try process.run() }
        } catch {
            // Nothing runs: nothing to wait for or signal (pid 0 would signal our own group).
            exited = true
            try? FileManager.default.removeItem(at: folder)
            throw CouldNotStart(command: command.commandLine, reason: "\(error)")
        }
        if case .text(let text) = command.input { feed(text) }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The program could not be started at all (a path that does not exist, say).
    public struct CouldNotStart: Error, CustomStringConvertible {
        public let command: String
        public let reason: String
        public var description: String { "could not start \(command): \(reason)" }
    }

    /// Runs `body` with this thread's signal mask empty. A spawned child inherits the mask of
    /// the thread that spawns it, and the test runner's threads block most signals: a child
    /// started from one would ignore SIGINT and SIGTERM, and `stop` would always need SIGKILL.
    private static func withNoSignalBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private static func newFile(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CouldNotStart(command: url.path, reason: "cannot create the output file")
        }
        return try FileHandle(forWritingTo: url)
    }

    /// Writes `text` on a thread of its own, then closes the input: a child that reads only part
    /// of it, or none, must not block the test.
    private func feed(_ text: String) {
        let bytes = Data(text.utf8)
        Thread { [self] in
            try? write(bytes)
            closeInput()
        }.start()
    }

    public var pid: Int32 { process.processIdentifier }

    public var isRunning: Bool { !waitForExit(timeout: 0) }

    /// Writes to the child's standard input (a command started with `input: .pipe`).
    public func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    private func write(_ bytes: Data) throws {
        lock.lock()
        defer { lock.unlock() }
        guard let inputPipe, !inputClosed else { throw InputClosed() }
        try inputPipe.fileHandleForWriting.write(contentsOf: bytes)
    }

    /// The child's input is not an open pipe (any more).
    public struct InputClosed: Error {}

    /// Closes the child's standard input: it reads end of file. Safe to call more than once.
    public func closeInput() {
        lock.lock()
        defer { lock.unlock() }
        guard let inputPipe, !inputClosed else { return }
        inputClosed = true
        try? inputPipe.fileHandleForWriting.close()
    }

    /// Standard output so far (both streams with `.merged`; empty with `.discarded`).
    public func output() -> String {
        Self.text(of: outputFile)
    }

    /// Standard error so far (with `.separate`).
    public func errors() -> String {
        Self.text(of: errorsFile)
    }

    private static func text(of file: URL?) -> String {
        file.flatMap { FileManager.default.contents(atPath: $0.path) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Waits until the output contains `text`; false when the child exits or `timeout` seconds
    /// pass first.
    public func waitForOutput(containing text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if output().contains(text) { return true }
            if !isRunning { return output().contains(text) }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for the child to exit, at most `timeout` seconds (for ever when nil); true when it has.
    @discardableResult
    public func waitForExit(timeout: TimeInterval? = nil) -> Bool {
        lock.lock()
        let known = exited
        lock.unlock()
        if known { return true }
        if let timeout {
            guard exitSignal.wait(timeout: .now() + max(timeout, 0)) == .success else { return false }
        } else {
            exitSignal.wait()
        }
        lock.lock()
        exited = true
        lock.unlock()
        // Latch: wake any other thread waiting for the same exit.
        exitSignal.signal()
        process.waitUntilExit()
        return true
    }

    /// Sends `signal` to a child that is still running.
    public func send(_ signal: Int32) {
        if isRunning, pid > 0 { kill(pid, signal) }
    }

    /// Closes its input, sends `firstSignal`, then SIGKILL if it is still running after `grace`
    /// seconds, and waits (at most five seconds more: see `Command` on grandchildren) for it to
    /// exit. Only the first call does anything.
    public func stop(firstSignal: Int32 = SIGINT, grace: TimeInterval = 2) {
        closeInput()
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first, isRunning, pid > 0 else { return }
        kill(pid, firstSignal)
        if !waitForExit(timeout: grace) {
            kill(pid, SIGKILL)
            waitForExit(timeout: 5)
        }
    }

    /// The exit status (or the signal's number), once the child has exited.
    public var status: Int32 {
        waitForExit()
        return process.terminationStatus
    }

    /// What it wrote and how it ended; `timedOut` marks a child the caller had to stop (its
    /// status is then -1, and nothing more is waited for).
    public func result(timedOut: Bool = false) -> CommandResult {
        if timedOut { return CommandResult(status: -1, output: output(), errors: errors(), timedOut: true) }
        return CommandResult(status: status, output: output(), errors: errors(), timedOut: false)
    }

    /// A process id no process has: a child that ran `/bin/true` and was reaped (for lock files
    /// and temporary files "left by a dead process").
    public static func deadProcessID() throws -> Int32 {
        let child = try Command(["/bin/true"]).start()
        child.waitForExit()
        return child.pid
    }
}
