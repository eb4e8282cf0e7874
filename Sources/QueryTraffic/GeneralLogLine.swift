/// One entry line of a general query log: `[time]<tab>Id Command<tab>Argument`.
///
/// MySQL 5.7/8 write the time on every line (`2026-12-05T10:00:00.123456Z`); MariaDB and
/// MySQL 5.6 only when the second changes (`261205 10:00:00`), other lines starting with two
/// tabs. A line that is not an entry continues the previous entry's argument (a statement
/// over several lines).
struct GeneralLogLine {
    var second: Int64?
    var thread: Int
    var command: Range<Int>
    var argument: Range<Int>

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end lineEnd: Int) -> GeneralLogLine? {
        var end = lineEnd
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        guard start < end else { return nil }
        var index = start
        var second: Int64?
        if bytes[index] >= 0x30, bytes[index] <= 0x39 {
            guard let time = LogTimestamp.parse(bytes, at: index, end: end), time.end < end, bytes[time.end] == 0x09 else { return nil }
            second = time.second
            index = time.end + 1
        } else if bytes[index] == 0x09 {
            index += 1
        } else {
            return nil
        }
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard let thread = LogBytes.number(bytes, at: index, end: end), thread.end < end, bytes[thread.end] == 0x20 else { return nil }
        index = thread.end + 1
        let commandStart = index
        guard index < end, bytes[index] >= 0x41, bytes[index] <= 0x5A else { return nil }
        while index < end, bytes[index] != 0x09 {
            let byte = bytes[index]
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 || byte == 0x5F else { return nil }
            index += 1
        }
        let command = commandStart..<index
        let argument = index < end ? (index + 1)..<end : end..<end
        return GeneralLogLine(second: second, thread: thread.value, command: command, argument: argument)
    }
}
