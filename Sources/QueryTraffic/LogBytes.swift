#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte helpers the log readers share: finding line ends (memchr, so the scan runs at memory
/// speed), reading numbers and words inside a line, and numbering lines for error messages.
enum LogBytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The index of the next `\n` at or after `start`, or `end` when there is none before it.
    @inline(__always) static func lineEnd(_ bytes: Bytes, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        guard let found = memchr(base + start, 0x0A, end - start) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The 1-based number of the line holding `offset`.
    static func lineNumber(_ bytes: Bytes, at offset: Int) -> Int {
        var line = 1
        var index = 0
        let limit = min(offset, bytes.count)
        while index < limit {
            let next = lineEnd(bytes, from: index, to: limit)
            if next < limit { line += 1 }
            index = next + 1
        }
        return line
    }

    /// The first `length` bytes of the line at `start`, as text for an error message.
    static func excerpt(_ bytes: Bytes, line start: Int, length: Int = 80) -> String {
        let end = lineEnd(bytes, from: start, to: bytes.count)
        let shown = String(decoding: bytes[start..<min(end, start + length)], as: UTF8.self)
        return end - start > length ? shown + "…" : shown
    }

    /// The unsigned decimal number at `index` and where it ends, or nil when no digit is there.
    @inline(__always) static func number(_ bytes: Bytes, at index: Int, end: Int) -> (value: Int, end: Int)? {
        var cursor = index
        var value = 0
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, cursor - index < 18 {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        return cursor > index ? (value, cursor) : nil
    }

    /// The offset just after the first occurrence of `word` in `[start, end)`, or nil.
    static func after(_ word: StaticString, in bytes: Bytes, from start: Int, to end: Int) -> Int? {
        let length = word.utf8CodeUnitCount
        let first = word.utf8Start[0]
        var index = start
        while index + length <= end {
            if bytes[index] == first, bytes.has(word, at: index) { return index + length }
            index += 1
        }
        return nil
    }

    /// Whether the line `[start, end)` ends with `;` (a carriage return before the newline
    /// ignored): the end of a logged statement.
    @inline(__always) static func endsStatement(_ bytes: Bytes, start: Int, end: Int) -> Bool {
        var last = end - 1
        if last >= start, bytes[last] == 0x0D { last -= 1 }
        return last >= start && bytes[last] == 0x3B
    }

    /// The server's start-up banner, written at the top of the slow and general logs and again
    /// after each restart: `/usr/sbin/mariadbd, Version: … started with:`, `Tcp port: …`,
    /// `Time   Id Command   Argument`.
    static func isBanner(_ bytes: Bytes, start: Int, end: Int) -> Bool {
        guard start < end else { return false }
        if bytes.hasCaseInsensitive("tcp port:", at: start) { return true }
        if bytes.has("Time", at: start) {
            var index = start + 4
            let spaces = index
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index > spaces, bytes.has("Id", at: index) {
                index += 2
                while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                if bytes.has("Command", at: index) { return true }
            }
        }
        var last = end
        if bytes[last - 1] == 0x0D { last -= 1 }
        let tail: StaticString = "started with:"
        let length = tail.utf8CodeUnitCount
        return last - start > length && bytes.has(tail, at: last - length) && after(", Version: ", in: bytes, from: start, to: last) != nil
    }
}
