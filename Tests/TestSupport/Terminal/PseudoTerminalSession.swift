import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process on its own pseudo-terminal, driven expect-style.
///
/// Keys are only sent once the child is ready for them (its output says so and the terminal has
/// left canonical mode), never typed ahead: typed-ahead keys land in whatever mode the terminal
/// happens to be in and make the tests flaky. Every wait is bounded; a timeout throws with the
/// rendered screen and the raw output, and the child is always killed and reaped.
public final class PseudoTerminalSession {
    /// A wait that did not end as expected, with what the terminal showed at the time.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static let defaultTimeout: Duration = .seconds(10)
    public static let rows: UInt16 = 24
    public static let columns: UInt16 = 80

    private let pid: pid_t
    private var primary: Int32
    /// Everything the child has written so far. Offsets into it serve as marks.
    public private(set) var output: [UInt8] = []
    private var waitStatus: Int32?

    /// Starts `executable` with `arguments` on a new pseudo-terminal and exactly `environment`.
    public init(executable: String, arguments: [String], environment: [String: String]) throws {
        // Everything the child needs is prepared before forking: between fork and exec the
        // child may only make simple system calls.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        guard let path = argv[0], !envp.dropLast().contains(nil) else {
            throw Failure(description: "out of memory preparing the child's arguments")
        }
        let defaultedSignals = [SIGPIPE, SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGCHLD]
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var size = winsize(ws_row: Self.rows, ws_col: Self.columns, ws_xpixel: 0, ws_ypixel: 0)
        var primary: Int32 = -1

        let pid = forkpty(&primary, nil, nil, &size)
        if pid == 0 {
            // Test runners block and ignore signals; the child must start with the defaults.
            sigprocmask(SIG_SETMASK, &emptyMask, nil)
            for signal in defaultedSignals { _ = Glibc.signal(signal, SIG_DFL) }
            execve(path, argv, envp)
            _exit(127)
        }
        guard pid > 0 else {
            throw Failure(description: "forkpty failed: \(String(cString: strerror(errno)))")
        }
        self.pid = pid
        self.primary = primary
        _ = fcntl(primary, F_SETFD, FD_CLOEXEC)
        _ = fcntl(primary, F_SETFL, fcntl(primary, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        terminate()
    }

    /// The output offset now; pass it as `since:` to look only at what comes after.
    public var mark: Int { output.count }

    /// The screen a terminal would show now.
    public var screen: TerminalScreen {
        TerminalScreen(rendering: output, rows: Int(Self.rows), columns: Int(Self.columns))
    }

    /// The output written after `mark`, as text (escape sequences included).
    public func text(since mark: Int = 0) -> String {
        String(decoding: output[min(mark, output.count)...], as: UTF8.self)
    }

    /// Types `keys` into the terminal.
    public func send(_ keys: String) throws {
        var bytes = Array(keys.utf8)[...]
        let deadline = ContinuousClock.now + Self.defaultTimeout
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno != EAGAIN && errno != EINTR {
                throw failure("could not send \(keys.debugDescription): \(String(cString: strerror(errno)))")
            } else if ContinuousClock.now > deadline {
                throw failure("timed out sending \(keys.debugDescription)")
            } else {
                pump(waitingAtMost: 10)
            }
        }
    }

    /// Waits until the output after `mark` contains `text`.
    public func expectOutput(_ text: String, since mark: Int = 0, timeout: Duration = defaultTimeout) throws {
        try waitUntil("output containing \(text.debugDescription)", timeout: timeout) {
            range(of: text, from: mark) != nil
        }
    }

    /// Waits until the line the cursor is on contains `text` (the line being edited).
    public func expectCursorLine(containing text: String, timeout: Duration = defaultTimeout) throws {
        try waitUntil("the cursor line to contain \(text.debugDescription)", timeout: timeout) {
            screen.cursorLine.contains(text)
        }
    }

    /// Waits for a fresh prompt: `prompt` printed after `mark` (and after `marker`, if given,
    /// itself after `mark`), and the terminal out of canonical mode, so the editor reads keys.
    ///
    /// Output the child printed after a line was accepted only appears once the editor has
    /// put the terminal back to normal, so a non-canonical terminal after that output means the
    /// next read has begun.
    public func waitForPrompt(
        _ prompt: String = "> ", since mark: Int = 0, after marker: String? = nil,
        timeout: Duration = defaultTimeout
    ) throws {
        let description = "prompt \(prompt.debugDescription)" + (marker.map { " after \($0.debugDescription)" } ?? "")
        try waitUntil(description, timeout: timeout) {
            var start = mark
            if let marker {
                guard let found = range(of: marker, from: mark) else { return false }
                start = found.upperBound
            }
            return range(of: prompt, from: start) != nil && isReadingKeys
        }
    }

    /// Waits for the child to exit and returns its exit status; throws if it was killed by a
    /// signal or did not exit in time.
    public func waitForExit(timeout: Duration = defaultTimeout) throws -> Int32 {
        try waitUntil("the process to exit", timeout: timeout, failEarlyOnExit: false) {
            reap()
        }
        while pump(waitingAtMost: 50) {}  // What the child wrote just before exiting.
        let status = waitStatus ?? 0
        let signal = status & 0x7F
        guard signal == 0 else {
            throw failure("the process was killed by signal \(signal)")
        }
        return (status >> 8) & 0xFF
    }

    /// Kills the child if it still runs, reaps it and closes the terminal. Safe to call twice.
    public func terminate() {
        if waitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            waitStatus = status
        }
        if primary >= 0 {
            close(primary)
            primary = -1
        }
    }

    // MARK: - Internals

    /// Whether the terminal is in the editor's raw (non-canonical) mode.
    private var isReadingKeys: Bool {
        var settings = termios()
        guard primary >= 0, tcgetattr(primary, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) == 0
    }

    private func waitUntil(
        _ description: String, timeout: Duration, failEarlyOnExit: Bool = true, _ condition: () -> Bool
    ) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            pump(waitingAtMost: 20)
            if condition() { return }
            if failEarlyOnExit && reap() {
                pump(waitingAtMost: 0)
                if condition() { return }
                throw failure("the process exited (wait status \(waitStatus ?? 0)) while waiting for \(description)")
            }
            if ContinuousClock.now > deadline {
                throw failure("timed out after \(timeout) waiting for \(description)")
            }
        }
    }

    /// Reads what the child wrote, waiting up to `milliseconds` for the first byte; `true` if
    /// anything was read.
    @discardableResult
    private func pump(waitingAtMost milliseconds: Int32) -> Bool {
        guard primary >= 0 else { return false }
        var descriptor = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var readAnything = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
            guard count > 0 else { return readAnything }  // EAGAIN: drained; EIO: child side closed.
            output.append(contentsOf: buffer[..<count])
            readAnything = true
        }
    }

    /// Collects the exit status if the child has exited.
    @discardableResult
    private func reap() -> Bool {
        if waitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        waitStatus = status
        return true
    }

    private func range(of text: String, from start: Int) -> Range<Int>? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, start >= 0, output.count - start >= needle.count else { return nil }
        for index in start...(output.count - needle.count)
        where output[index..<(index + needle.count)].elementsEqual(needle) {
            return index..<(index + needle.count)
        }
        return nil
    }

    private func failure(_ message: String) -> Failure {
        let raw = text(since: max(0, output.count - 2000)).debugDescription
        return Failure(description: """
            \(message)
            --- screen ---
            \(screen.text)
            --- last raw output ---
            \(raw)
            """)
    }
}
