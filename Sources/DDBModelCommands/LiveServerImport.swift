import Foundation
import MySQLLive
import MySQLSchema
import QueryTraffic

/// Reads a live MySQL or MariaDB server: the schema from information_schema, then (when asked)
/// the statement traffic sampled from performance_schema over a window, with a progress line;
/// Ctrl-C ends the window early and keeps what was measured. The connection is read-only
/// (docs/mysql-traffic.md, "Reading a live server").
struct LiveServerImport {
    let errors: StandardStream

    /// Seconds between two snapshots: the interval the peak RPS is measured over.
    static let snapshotInterval = 5.0

    func read(_ text: String, sampleSeconds: Double?) throws(MySQLLiveError) -> (schema: ParsedSchema, traffic: TrafficWindow?) {
        let url = try MySQLServerURL(parsing: text)
        let password = PasswordSource.password(for: url, errors: errors)
        let connection = try MySQLConnection(url: url, password: password)
        defer { connection.close() }
        errors.write("Connected to \(url.target) (\(connection.serverVersion), read-only\(connection.tlsCipher.map { ", TLS \($0)" } ?? "")); reading the schema...\n")
        let schema = try LiveSchemaReader(connection: connection).read()
        guard let sampleSeconds else { return (schema, nil) }
        let sampler = try DigestSampler(connection: connection)
        let interval = min(Self.snapshotInterval, sampleSeconds / 2)
        let progress = SamplingProgressLine(errors: errors, total: sampleSeconds)
        SamplingInterrupt.begin()
        defer { SamplingInterrupt.end() }
        let (snapshots, stoppedBy) = try sampler.sampleKeepingWhatWasMeasured(
            interval: interval, duration: sampleSeconds, progress: progress.show, shouldStop: SamplingInterrupt.requested)
        progress.finish(interrupted: SamplingInterrupt.requested())
        if let stoppedBy {
            // A failure after the first snapshot ends the window there; with one snapshot only,
            // nothing was measured.
            guard snapshots.count >= 2 else { throw stoppedBy }
            errors.write("Sampling stopped after \(snapshots.count) snapshots (\(stoppedBy.message)): the window ends at the last one, and is marked as ended early.\n")
        }
        guard let window = SnapshotDeltas.window(from: snapshots, source: .performanceSchema, requestedSeconds: sampleSeconds) else {
            throw .invalidSampling("the window ended before a second snapshot could be taken: nothing was measured")
        }
        return (schema, window)
    }
}

/// The progress line while sampling: rewritten in place on a terminal, one line every 30 s
/// otherwise (a log file should not get a line per snapshot).
final class SamplingProgressLine: @unchecked Sendable {
    let errors: StandardStream
    let total: Double
    let isTerminal = isatty(2) == 1
    private var lastPlainLine = -Double.infinity

    init(errors: StandardStream, total: Double) {
        self.errors = errors
        self.total = total
    }

    func show(_ progress: SamplingProgress) {
        let text = "Sampling performance_schema: \(Self.duration(progress.secondsLeft)) left, \(progress.snapshotsTaken) snapshots, "
            + "\(progress.distinctStatements) statements seen (Ctrl-C ends the window early and keeps what was measured)"
        if isTerminal {
            errors.write("\r\u{1B}[K" + text)
        } else if total - progress.secondsLeft - lastPlainLine >= 30 || progress.secondsLeft == 0 {
            lastPlainLine = total - progress.secondsLeft
            errors.write(text + "\n")
        }
    }

    func finish(interrupted: Bool) {
        if isTerminal { errors.write("\n") }
        if interrupted { errors.write("Sampling ended early (Ctrl-C): the window is shorter than asked, and marked so.\n") }
    }

    /// `9m 30s`, `45s`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m \(whole % 60)s" : "\(whole)s"
    }
}

/// Ctrl-C while sampling ends the window instead of the program; afterwards Ctrl-C does again
/// whatever it did before (inside a session, the line editor's own handling).
enum SamplingInterrupt {
    /// Set by the SIGINT handler, read by the sampler between snapshots.
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    /// The handler in place before sampling began, put back when it ends.
    nonisolated(unsafe) static var previous: sighandler_t?

    static func begin() {
        flag = 0
        previous = signal(SIGINT) { _ in SamplingInterrupt.flag = 1 }
    }

    static func end() {
        signal(SIGINT, previous ?? SIG_DFL)
        previous = nil
    }

    static let requested: @Sendable () -> Bool = { flag != 0 }
}

/// The password for a server: `MYSQL_PWD` when set (as the mysql client reads it), else asked
/// on the terminal without echo; without a terminal, none (socket authentication).
enum PasswordSource {
    static func password(for url: MySQLServerURL, errors: StandardStream) -> String? {
        if let password = ProcessInfo.processInfo.environment["MYSQL_PWD"] { return password }
        guard isatty(0) == 1 else { return nil }
        let answer = readWithoutEcho(prompt: "Password for \(url.user) at \(url.target) (not shown; Enter for none): ", errors: errors)
        errors.write("\n")
        return answer.isEmpty ? nil : answer
    }

    /// One line from the terminal with echo off, restored afterwards whatever happens. Echo goes
    /// off before the prompt is shown, so keys typed as soon as it appears are not echoed; and
    /// without flushing (TCSANOW, not TCSAFLUSH), so those keys are not thrown away either.
    static func readWithoutEcho(prompt: String, errors: StandardStream) -> String {
        var saved = termios()
        let hasTerminal = tcgetattr(0, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &quiet)
        }
        defer { if hasTerminal { tcsetattr(0, TCSANOW, &saved) } }
        errors.write(prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(0, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
