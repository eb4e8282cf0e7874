import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a MySQL or MariaDB slow query log (written with `long_query_time = 0`, so every
/// statement is in it) into the traffic of each fingerprint over the window the log covers.
///
/// Both header styles are read: MySQL 5.7/8 (`# Time: 2026-12-05T10:00:00.123456Z` on every
/// entry, `use db;` when the database changes) and MariaDB / MySQL 5.6 (`# Time: 261205
/// 10:00:00` only when the second changes, `# Thread_id: … Schema: db`). A statement's time is
/// its `SET timestamp=` (its start), else the last `# Time:`. The window and rates are as
/// `QueryLogWindow` describes: whole seconds, average over `last − first + 1` seconds, peak over
/// one second.
///
/// The log is read as bytes, never as a `String` per line: a large log is split at entry
/// boundaries into parts read on every core at once, then merged in file order (so the example
/// of each fingerprint is its first statement in the file, whatever the split).
public enum SlowLogReader {
    /// Reads one slow log.
    /// - Parameter name: the file's name, for error messages.
    public static func read(_ bytes: [UInt8], name: String) throws -> TrafficWindow {
        try bytes.withUnsafeBufferPointer { try read($0, name: name) }
    }

    /// Reads one slow log from memory (a mapped file, typically).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> TrafficWindow {
        try QueryLogWindow.window(groups(bytes, name: name), source: .slowLog, file: name)
    }

    /// Below this size a log is read on one core: splitting would cost more than it saves.
    static let partMinimum = 4 << 20

    /// The statements of one slow log, grouped by fingerprint.
    /// - Parameter parts: how many pieces to split the log into; by default one below
    ///   `partMinimum`, else four per core.
    static func groups(_ bytes: UnsafeBufferPointer<UInt8>, name: String, parts: Int? = nil) throws -> FingerprintGroups {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let partCount = parts ?? (bytes.count < partMinimum ? 1 : min(cores * 4, bytes.count / (partMinimum / 4)))
        let bounds = boundaries(bytes, parts: partCount)
        let results = PartResults(count: bounds.count - 1)
        let shared = SharedBytes(base: bytes.baseAddress, count: bytes.count)
        DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
            let view = UnsafeBufferPointer(start: shared.base, count: shared.count)
            var reader = SlowLogPartReader(bytes: view, start: bounds[part], end: bounds[part + 1], isFirst: part == 0)
            results.store(reader.read(), at: part)
        }
        var merged = FingerprintGroups()
        var schema: String?
        for part in 0..<(bounds.count - 1) {
            let result = results.take(part)
            if let error = result.error {
                throw TrafficLogError(file: name, line: LogBytes.lineNumber(bytes, at: error.offset), message: error.message)
            }
            merged.merge(result.groups, schemaBefore: schema)
            if case .known(let name) = result.schemaAtEnd { schema = name }
        }
        return merged
    }

    /// Offsets splitting the log into `parts` pieces at entry boundaries: a `#` line right after
    /// a line ending with `;` (or after the start-up banner), where the part readers start
    /// between entries.
    static func boundaries(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> [Int] {
        var result = [0]
        for part in 1..<max(parts, 1) {
            let nominal = max(bytes.count / parts * part, result[result.count - 1])
            result.append(max(entryStart(bytes, from: nominal), result[result.count - 1]))
        }
        result.append(bytes.count)
        return result
    }

    /// The first entry start at or after `offset`, or the end.
    private static func entryStart(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        guard offset > 0, offset < bytes.count else { return min(offset, bytes.count) }
        var previousStart = offset - 1
        while previousStart > 0, bytes[previousStart - 1] != 0x0A { previousStart -= 1 }
        var previousEnd = LogBytes.lineEnd(bytes, from: previousStart, to: bytes.count)
        var index = previousEnd + 1
        while index < bytes.count {
            let lineEnd = LogBytes.lineEnd(bytes, from: index, to: bytes.count)
            if bytes[index] == 0x23,
               LogBytes.endsStatement(bytes, start: previousStart, end: previousEnd)
                || LogBytes.isBanner(bytes, start: previousStart, end: previousEnd) {
                return index
            }
            previousStart = index
            previousEnd = lineEnd
            index = lineEnd + 1
        }
        return bytes.count
    }
}

/// The log's bytes handed to the part readers on other threads: read-only for the whole read,
/// which the caller's buffer outlives.
private struct SharedBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>?
    let count: Int
}

/// One slot per part, each written by exactly one part reader and read after all finished.
private final class PartResults: @unchecked Sendable {
    private var slots: [SlowLogPartReader.Result]
    private let lock = ResultsLock()

    init(count: Int) {
        slots = Array(repeating: SlowLogPartReader.Result(schemaAtEnd: .fromEarlierPart), count: count)
    }

    func store(_ result: SlowLogPartReader.Result, at index: Int) {
        lock.locked { slots[index] = result }
    }

    func take(_ index: Int) -> SlowLogPartReader.Result {
        lock.locked { slots[index] }
    }
}

/// A pthread mutex around the slots (the array is one value: writes to different slots still
/// need one writer at a time).
private final class ResultsLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
