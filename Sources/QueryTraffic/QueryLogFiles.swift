/// The query logs given on the command line (`--query-log FILE...`): each file is recognised as
/// a slow query log or a general query log by its first lines, read, and all are merged into
/// one window (calls add up; a fingerprint's example and schema are from the first file that
/// has it; the window spans from the earliest to the latest second of all files).
public enum QueryLogFiles {
    /// The two kinds of query log.
    public enum Kind: Sendable, Equatable {
        case slowLog
        case generalLog
    }

    /// Reads and merges the files, in the order given. The window's source is the first file's
    /// kind.
    public static func read(paths: [String]) throws -> TrafficWindow {
        guard let firstPath = paths.first else {
            throw TrafficLogError(file: "(no file)", line: nil, message: "no query log was given")
        }
        var merged = FingerprintGroups()
        var source: TrafficSource?
        for path in paths {
            let file = try MappedLogFile(path: path)
            let (kind, groups) = try file.withBytes { bytes in
                let kind = try self.kind(of: bytes, name: path)
                switch kind {
                case .slowLog: return (kind, try SlowLogReader.groups(bytes, name: path))
                case .generalLog: return (kind, try GeneralLogReader.groups(bytes, name: path))
                }
            }
            if source == nil { source = kind == .slowLog ? .slowLog : .generalLog }
            merged.merge(groups, schemaBefore: nil)
        }
        return try QueryLogWindow.window(merged, source: source ?? .slowLog, file: paths.count == 1 ? firstPath : paths.joined(separator: ", "))
    }

    /// Reads one log held in memory, whichever kind it is.
    public static func read(_ bytes: [UInt8], name: String) throws -> TrafficWindow {
        try bytes.withUnsafeBufferPointer { bytes in
            switch try kind(of: bytes, name: name) {
            case .slowLog: return try SlowLogReader.read(bytes, name: name)
            case .generalLog: return try GeneralLogReader.read(bytes, name: name)
            }
        }
    }

    /// Which kind of log the bytes hold, from the first line that is neither blank nor part of
    /// the server's start-up banner.
    public static func kind(of bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> Kind {
        var index = 0
        while index < bytes.count {
            let lineEnd = LogBytes.lineEnd(bytes, from: index, to: bytes.count)
            defer { index = lineEnd + 1 }
            if lineEnd == index || LogBytes.isBanner(bytes, start: index, end: lineEnd) { continue }
            if bytes.has("# Time:", at: index) || bytes.has("# User@Host:", at: index) { return .slowLog }
            if GeneralLogLine.parse(bytes, start: index, end: lineEnd) != nil { return .generalLog }
            throw TrafficLogError(
                file: name, line: LogBytes.lineNumber(bytes, at: index),
                message: "is neither a slow query log nor a general query log: expected a `# Time:` or `# User@Host:` line (slow log) or a `Time Id Command Argument` line (general log); found “\(LogBytes.excerpt(bytes, line: index))”"
            )
        }
        throw TrafficLogError(file: name, line: nil, message: bytes.isEmpty ? "is empty" : "holds only the server's start-up banner, no statements")
    }
}
