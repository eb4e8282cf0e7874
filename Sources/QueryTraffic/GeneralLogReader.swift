/// Reads a MySQL or MariaDB general query log into the traffic of each fingerprint over the
/// window the log covers (as `QueryLogWindow` describes: whole seconds, average over
/// `last − first + 1` seconds, peak over one second).
///
/// `Query` commands are counted (a statement may continue over several lines); `Connect`
/// (`user@host on db using …`), `Init DB` and `use db` queries set each connection's schema,
/// `Quit` ends it. The general log records no rows, so rows per call stay unknown. Read on one
/// core: which schema a connection is in carries from line to line.
public enum GeneralLogReader {
    /// Reads one general log.
    /// - Parameter name: the file's name, for error messages.
    public static func read(_ bytes: [UInt8], name: String) throws -> TrafficWindow {
        try bytes.withUnsafeBufferPointer { try read($0, name: name) }
    }

    /// Reads one general log from memory (a mapped file, typically).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> TrafficWindow {
        try QueryLogWindow.window(groups(bytes, name: name), source: .generalLog, file: name)
    }

    /// A `Query` being read: its argument may continue on the following lines.
    private struct PendingQuery {
        var start: Int
        var end: Int
        var thread: Int
        var second: Int64
    }

    static func groups(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> FingerprintGroups {
        var groups = FingerprintGroups()
        var fingerprinter = QueryFingerprinter()
        var fingerprint: [UInt8] = []
        var schemas: [Int: String] = [:]
        var second: Int64?
        var pending: PendingQuery?
        var sawEntry = false

        func flush() {
            guard let query = pending else { return }
            pending = nil
            var end = query.end
            if end > query.start, bytes[end - 1] == 0x0D { end -= 1 }
            let statement = UnsafeBufferPointer(rebasing: bytes[query.start..<end])
            let schema = schemas[query.thread]
            fingerprinter.fingerprint(statement, into: &fingerprint)
            groups.record(
                fingerprint: fingerprint, statement: statement, schema: .known(schema), second: query.second,
                rowsSent: nil, rowsExamined: nil
            )
            if statement.hasCaseInsensitive("use ", at: 0) {
                schemas[query.thread] = databaseName(statement, from: 4, to: statement.count)
            }
        }

        var index = 0
        while index < bytes.count {
            let lineEnd = LogBytes.lineEnd(bytes, from: index, to: bytes.count)
            defer { index = lineEnd + 1 }
            if let line = GeneralLogLine.parse(bytes, start: index, end: lineEnd) {
                flush()
                sawEntry = true
                if let lineSecond = line.second { second = lineSecond }
                let command = UnsafeBufferPointer(rebasing: bytes[line.command])
                let argument = UnsafeBufferPointer(rebasing: bytes[line.argument])
                if command.elementsEqual("Query".utf8) {
                    guard let second else {
                        throw TrafficLogError(file: name, line: LogBytes.lineNumber(bytes, at: index), message: "the query has no time: expected a time at the start of this line or of a line before it")
                    }
                    pending = PendingQuery(start: line.argument.lowerBound, end: line.argument.upperBound, thread: line.thread, second: second)
                } else if command.elementsEqual("Init DB".utf8) {
                    schemas[line.thread] = databaseName(argument, from: 0, to: argument.count)
                } else if command.elementsEqual("Connect".utf8) {
                    schemas[line.thread] = connectDatabase(argument)
                } else if command.elementsEqual("Quit".utf8) {
                    schemas[line.thread] = nil
                }
                continue
            }
            if LogBytes.isBanner(bytes, start: index, end: lineEnd) {
                flush()
                continue
            }
            if pending != nil {
                pending?.end = lineEnd
                continue
            }
            guard sawEntry || lineEnd == index else {
                throw TrafficLogError(
                    file: name, line: LogBytes.lineNumber(bytes, at: index),
                    message: "expected a general query log line (`time<tab>Id Command<tab>Argument`); found “\(LogBytes.excerpt(bytes, line: index))”"
                )
            }
        }
        flush()
        return groups
    }

    /// `user@host on db using Socket`: the database, nil when none was chosen.
    private static func connectDatabase(_ argument: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = LogBytes.after(" on ", in: argument, from: 0, to: argument.count) else { return nil }
        let end = LogBytes.after(" using ", in: argument, from: start, to: argument.count).map { $0 - 7 } ?? argument.count
        return databaseName(argument, from: start, to: end)
    }

    /// A database name with spaces, `;` and backquotes around it removed; nil when empty.
    private static func databaseName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String? {
        var nameStart = start
        var nameEnd = end
        while nameStart < nameEnd, FingerprintBytes.isSpace(bytes[nameStart]) || bytes[nameStart] == 0x60 { nameStart += 1 }
        while nameEnd > nameStart, FingerprintBytes.isSpace(bytes[nameEnd - 1]) || bytes[nameEnd - 1] == 0x3B || bytes[nameEnd - 1] == 0x60 { nameEnd -= 1 }
        return nameEnd > nameStart ? String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self) : nil
    }
}
