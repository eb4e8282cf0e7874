/// The timestamps MySQL and MariaDB write in their logs, read as whole seconds since 1970 (UTC):
/// `2026-12-05T10:00:00.123456Z` (MySQL 5.7 and 8, also with a `+01:00` offset) and
/// `261205 10:00:00` or `261205  9:00:00` (MariaDB, MySQL 5.6 and older; written in the
/// server's local time, read here as UTC, which is why a slow log's `SET timestamp=` is
/// preferred to it).
enum LogTimestamp {
    /// The timestamp at `start` and where it ends, or nil when none is there.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (second: Int64, end: Int)? {
        iso(bytes, at: start, end: end) ?? short(bytes, at: start, end: end)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ count: Int, end: Int) -> Int? {
        guard index >= 0, index + count <= end else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func iso(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (second: Int64, end: Int)? {
        guard start + 19 <= end, bytes[start + 4] == 0x2D, bytes[start + 7] == 0x2D, bytes[start + 10] == 0x54 || bytes[start + 10] == 0x20,
              bytes[start + 13] == 0x3A, bytes[start + 16] == 0x3A,
              let year = digits(bytes, start, 4, end: end), let month = digits(bytes, start + 5, 2, end: end),
              let day = digits(bytes, start + 8, 2, end: end), let hour = digits(bytes, start + 11, 2, end: end),
              let minute = digits(bytes, start + 14, 2, end: end), let second = digits(bytes, start + 17, 2, end: end),
              let seconds = epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        var index = start + 19
        if index < end, bytes[index] == 0x2E {
            index += 1
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        }
        var offset = 0
        if index < end, bytes[index] == 0x5A {
            index += 1
        } else if index + 6 <= end, bytes[index] == 0x2B || bytes[index] == 0x2D, bytes[index + 3] == 0x3A,
                  let hours = digits(bytes, index + 1, 2, end: end), let minutes = digits(bytes, index + 4, 2, end: end) {
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 0x2D ? -1 : 1)
            index += 6
        }
        return (seconds - Int64(offset), index)
    }

    private static func short(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (second: Int64, end: Int)? {
        guard let year = digits(bytes, start, 2, end: end), let month = digits(bytes, start + 2, 2, end: end),
              let day = digits(bytes, start + 4, 2, end: end), start + 6 < end, bytes[start + 6] == 0x20
        else { return nil }
        var index = start + 7
        if index < end, bytes[index] == 0x20 { index += 1 }
        var hour = 0
        var hourDigits = 0
        while index < end, hourDigits < 2, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            hour = hour * 10 + Int(bytes[index] - 0x30)
            hourDigits += 1
            index += 1
        }
        guard hourDigits > 0, index < end, bytes[index] == 0x3A, let minute = digits(bytes, index + 1, 2, end: end),
              index + 3 < end, bytes[index + 3] == 0x3A, let second = digits(bytes, index + 4, 2, end: end),
              let seconds = epoch(year: 2000 + year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return (seconds, index + 6)
    }

    /// Seconds since 1970 of a UTC date and time (days from the civil calendar, Howard Hinnant's
    /// algorithm), or nil when a field is out of range.
    static func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }
}
