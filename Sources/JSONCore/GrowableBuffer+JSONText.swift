/// The bytes of JSON text, for both writers: the canonical encoder and `OrderedJSON`.
typealias ByteBuffer = GrowableBuffer<UInt8>

extension GrowableBuffer where Element == UInt8 {
    /// Appends the UTF-8 bytes of an ASCII literal such as `" : "`.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 bytes.
    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if copied == nil { for byte in text.utf8 { append(byte) } }
    }

    /// Appends the decimal digits of an integer.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    mutating func appendDecimal(_ value: UInt64) {
        var length = 1
        var rest = value / 10
        while rest != 0 {
            length += 1
            rest /= 10
        }
        reserve(length)
        // Written from the last digit back, straight into place.
        var remaining = value
        var position = count + length
        repeat {
            position -= 1
            self[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        } while remaining != 0
        markInitialized(length)
    }

    /// Appends `text` as a JSON string: quoted, with `"`, `\` and control characters escaped (the
    /// short forms `\n \r \t \b \f` where JSON has one, else `\u00XX`), and everything else
    /// (`/`, non-ASCII) copied as it is. The one string escaping of both writers, the canonical
    /// encoder and `OrderedJSON`.
    mutating func appendJSONString(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendJSONString($0) }
        if copied == nil { Array(text.utf8).withUnsafeBufferPointer { appendJSONString($0) } }
    }

    mutating func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        // Most strings need no escaping: the bytes between escapes are copied in runs.
        var runStart = 0
        var index = Self.firstEscape(in: utf8, from: 0)
        while index < utf8.count {
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: utf8[index])
            runStart = index + 1
            index = Self.firstEscape(in: utf8, from: runStart)
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        append(UInt8(ascii: "\""))
    }

    /// Where the next byte needing an escape (`"`, `\`, a control character) is, or the end.
    /// Eight bytes at a time while there are eight left: strings are scanned once each, and
    /// a 1 MB document is mostly string bytes.
    private static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = utf8.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= utf8.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Each test sets a byte's high bit when some byte is below 0x20, a quote or a
                // backslash (exact for whether there is one; which one is found below).
                let quotes = word ^ (0x22 &* ones), backslashes = word ^ (0x5C &* ones)
                let control = (word &- 0x20 &* ones) & ~word
                let quote = (quotes &- ones) & ~quotes
                let backslash = (backslashes &- ones) & ~backslashes
                if (control | quote | backslash) & highs != 0 { break }
                index += 8
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }

    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// Appends a number in the one number format of every JSON file the tool writes: a whole
    /// number below 10^15 in magnitude as an integer (`3`, not `3.0`), any other finite number
    /// as Swift's shortest text that reads back as the same `Double` (`0.1`, `2.5e-07`,
    /// `1e+16`). A number that is not finite (NaN, an infinity) has no JSON spelling; it is
    /// written as `null`, as JavaScript's `JSON.stringify` does, so writing never fails and a
    /// reader that expects a number there names the place (the session loader gives its path).
    mutating func appendJSONNumber(_ value: Double) {
        if !value.isFinite {
            append("null")
        } else if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int64(value))
        } else {
            append(value.description)
        }
    }

    /// A newline and two spaces per level: the indentation of both pretty layouts.
    mutating func appendNewline(depth: Int) {
        let length = 1 + 2 * depth
        if length <= Self.indentation.utf8CodeUnitCount {
            append(UnsafeBufferPointer(start: Self.indentation.utf8Start, count: length))
        } else {
            append(0x0A)
            for _ in 0..<(2 * depth) { append(0x20) }
        }
    }

    /// A newline and the spaces for 32 levels, copied in one go per line.
    private static var indentation: StaticString { "\n                                                                " }

    /// The bytes written so far, as an array.
    var array: [UInt8] { Array(elements(0..<count)) }
}
