/// Reads the entries of one part of a slow query log (the whole log, or one of the pieces it is
/// split into at entry boundaries to use every core), grouping their statements by fingerprint.
///
/// An entry is its `#` header lines (`# Time:`, `# User@Host:`, `# Thread_id: … Schema:`,
/// `# Query_time: … Rows_sent: … Rows_examined: …`, others ignored), then `use db;`,
/// `SET timestamp=N;` (the statement's start, in seconds since 1970: the clock used), and the
/// statement, possibly over several lines, ending with `;`. A statement ends where a `#` line
/// follows a line ending with `;`, as pt-query-digest splits entries. The server's start-up
/// banner (after a restart) may stand between entries.
struct SlowLogPartReader {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// What one part yields.
    struct Result: Sendable {
        var groups = FingerprintGroups()
        /// The schema in effect after the part's last entry.
        var schemaAtEnd: SchemaSeen
        /// The first entry that could not be read: its offset in the file and what was wrong.
        var error: (offset: Int, message: String)?
    }

    private let bytes: Bytes
    private let start: Int
    private let end: Int
    /// The file's first part: it must open like a slow log, and starts with no schema.
    private let isFirst: Bool

    private var result: Result
    private var fingerprinter = QueryFingerprinter()
    /// The current statement's fingerprint (its storage reused).
    private var fingerprint: [UInt8] = []
    private var schemaBytes: [UInt8] = []
    private var headerSecond: Int64?
    private var entrySecond: Int64?
    private var rowsSent: Int?
    private var rowsExamined: Int?

    init(bytes: Bytes, start: Int, end: Int, isFirst: Bool) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.isFirst = isFirst
        result = Result(schemaAtEnd: isFirst ? .known(nil) : .fromEarlierPart)
    }

    /// Reads the part; a truncated last entry counts as far as it goes.
    mutating func read() -> Result {
        var index = start
        var inStatement = false
        var statementStart = 0
        var statementEnd = 0
        var previousEndsStatement = false
        var sawEntry = !isFirst
        while index < end {
            let lineEnd = LogBytes.lineEnd(bytes, from: index, to: end)
            defer { index = lineEnd + 1 }
            if inStatement {
                if previousEndsStatement, bytes[index] == 0x23 || LogBytes.isBanner(bytes, start: index, end: lineEnd) {
                    inStatement = false
                    guard finish(statementStart, statementEnd) else { return result }
                } else {
                    statementEnd = lineEnd
                    previousEndsStatement = LogBytes.endsStatement(bytes, start: index, end: lineEnd)
                    continue
                }
            }
            guard lineEnd > index else { continue }
            if bytes[index] == 0x23 {
                guard header(index, lineEnd) else { return result }
                if !sawEntry, bytes.has("# Time:", at: index) || bytes.has("# User@Host:", at: index) { sawEntry = true }
                continue
            }
            if LogBytes.isBanner(bytes, start: index, end: lineEnd) { continue }
            guard sawEntry else {
                result.error = (index, "expected a slow query log entry (a `# Time:` or `# User@Host:` line); found “\(LogBytes.excerpt(bytes, line: index))”")
                return result
            }
            if bytes.has("use ", at: index) {
                use(index + 4, lineEnd)
            } else if bytes.has("SET timestamp=", at: index) {
                entrySecond = LogBytes.number(bytes, at: index + 14, end: lineEnd).map { Int64($0.value) }
            } else if bytes.has("SET insert_id=", at: index) || bytes.has("SET last_insert_id=", at: index) {
                continue
            } else {
                inStatement = true
                statementStart = index
                statementEnd = lineEnd
                previousEndsStatement = LogBytes.endsStatement(bytes, start: index, end: lineEnd)
            }
        }
        if inStatement { _ = finish(statementStart, statementEnd) }
        return result
    }

    /// One `#` line outside a statement; false when it is broken (the error is set).
    private mutating func header(_ start: Int, _ end: Int) -> Bool {
        if bytes.has("# Time:", at: start) {
            var index = start + 7
            while index < end, bytes[index] == 0x20 { index += 1 }
            guard let time = LogTimestamp.parse(bytes, at: index, end: end) else {
                result.error = (start, "expected a time such as `2026-12-05T10:00:00.123456Z` or `261205 10:00:00` after `# Time:`; found “\(LogBytes.excerpt(bytes, line: start))”")
                return false
            }
            headerSecond = time.second
            newEntry()
        } else if bytes.has("# User@Host:", at: start) {
            newEntry()
        } else if bytes.has("# Query_time:", at: start) {
            rowsSent = field("Rows_sent:", start, end)
            rowsExamined = field("Rows_examined:", start, end)
        } else if bytes.has("# administrator command:", at: start) {
            var statementEnd = end
            if statementEnd > start + 2, bytes[statementEnd - 1] == 0x3B { statementEnd -= 1 }
            // Recorded as pt-query-digest does: the line without its `# `.
            return record(start + 2, statementEnd, at: start)
        } else if let value = LogBytes.after("Schema:", in: bytes, from: start, to: end) {
            schema(value, end)
        }
        return true
    }

    private mutating func newEntry() {
        entrySecond = nil
        rowsSent = nil
        rowsExamined = nil
    }

    /// The number after `name` on the line (spaces skipped).
    private func field(_ name: StaticString, _ start: Int, _ end: Int) -> Int? {
        guard var index = LogBytes.after(name, in: bytes, from: start, to: end) else { return nil }
        while index < end, bytes[index] == 0x20 { index += 1 }
        return LogBytes.number(bytes, at: index, end: end)?.value
    }

    /// `Schema: name` (MariaDB, Percona Server); an empty one is followed directly by the next
    /// `Key:`.
    private mutating func schema(_ start: Int, _ end: Int) {
        var index = start
        while index < end, bytes[index] == 0x20 { index += 1 }
        var nameEnd = index
        while nameEnd < end, bytes[nameEnd] != 0x20, bytes[nameEnd] != 0x09, bytes[nameEnd] != 0x0D { nameEnd += 1 }
        if nameEnd > index, bytes[nameEnd - 1] == 0x3A { nameEnd = index }
        setSchema(index, nameEnd)
    }

    /// `use name;` or ``use `name`;``.
    private mutating func use(_ start: Int, _ end: Int) {
        var nameStart = start
        var nameEnd = end
        while nameEnd > nameStart, bytes[nameEnd - 1] == 0x3B || bytes[nameEnd - 1] == 0x0D || bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
        if nameEnd - nameStart >= 2, bytes[nameStart] == 0x60, bytes[nameEnd - 1] == 0x60 {
            nameStart += 1
            nameEnd -= 1
        }
        setSchema(nameStart, nameEnd)
    }

    /// Makes a `String` only when the schema changes (MariaDB repeats it on every entry).
    private mutating func setSchema(_ start: Int, _ end: Int) {
        let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if result.schemaAtEnd != .fromEarlierPart, schemaBytes.elementsEqual(name) { return }
        schemaBytes = Array(name)
        result.schemaAtEnd = .known(name.isEmpty ? nil : String(decoding: name, as: UTF8.self))
    }

    /// Counts the statement in `[start, end)` without its final `;`.
    private mutating func finish(_ start: Int, _ end: Int) -> Bool {
        var statementEnd = end
        if statementEnd > start, bytes[statementEnd - 1] == 0x0D { statementEnd -= 1 }
        if statementEnd > start, bytes[statementEnd - 1] == 0x3B { statementEnd -= 1 }
        return record(start, statementEnd, at: start)
    }

    private mutating func record(_ start: Int, _ end: Int, at line: Int) -> Bool {
        guard let second = entrySecond ?? headerSecond else {
            result.error = (line, "the statement has no time: expected a `SET timestamp=` line or a `# Time:` line before it")
            return false
        }
        let statement = UnsafeBufferPointer(rebasing: bytes[start..<end])
        fingerprinter.fingerprint(statement, into: &fingerprint)
        result.groups.record(
            fingerprint: fingerprint, statement: statement, schema: result.schemaAtEnd, second: second,
            rowsSent: rowsSent, rowsExamined: rowsExamined
        )
        return true
    }
}
