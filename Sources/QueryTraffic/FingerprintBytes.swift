/// Byte classes as Perl's regular expressions see them in pt-query-digest (byte semantics): the
/// fingerprint rules are written against these, so the grouping matches its grouping exactly.
enum FingerprintBytes {
    /// Perl's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Perl's `\w`: ASCII letters, digits and `_`.
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        let letter = byte | 0x20
        return (letter >= 0x61 && letter <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// ASCII lower case; other bytes unchanged.
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `[0-9+-]`: where a number-like literal starts.
    @inline(__always) static func startsNumber(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D
    }

    /// `[0-9a-f.xb+-]`: what the rest of a number-like literal is made of (case-sensitive).
    @inline(__always) static func continuesNumber(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || byte == 0x2E || byte == 0x78 || byte == 0x2B || byte == 0x2D
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the bytes at `offset` spell `word` (lower-case ASCII), ignoring ASCII case.
    @inline(__always) func hasCaseInsensitive(_ word: StaticString, at offset: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset >= 0, offset + length <= count else { return false }
        let letters = word.utf8Start
        for index in 0..<length where FingerprintBytes.lower(self[offset + index]) != letters[index] {
            return false
        }
        return true
    }

    /// Whether the bytes at `offset` spell `word` exactly.
    @inline(__always) func has(_ word: StaticString, at offset: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset >= 0, offset + length <= count else { return false }
        let letters = word.utf8Start
        for index in 0..<length where self[offset + index] != letters[index] {
            return false
        }
        return true
    }

    /// Whether `word` occurs anywhere (exact bytes).
    func contains(subsequence word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard length <= count else { return false }
        let firstByte = word.utf8Start[0]
        var index = 0
        while index + length <= count {
            if self[index] == firstByte, has(word, at: index) { return true }
            index += 1
        }
        return false
    }

    /// `\b` before a word character at `offset`: the start, or a non-word byte before it.
    @inline(__always) func wordStarts(at offset: Int) -> Bool {
        offset == 0 || !FingerprintBytes.isWord(self[offset - 1])
    }

    /// `\b` after a word ending just before `offset`: the end, or a non-word byte there.
    @inline(__always) func wordEnds(at offset: Int) -> Bool {
        offset >= count || !FingerprintBytes.isWord(self[offset])
    }
}

/// Appends bytes to memory the fingerprinter sized beforehand (twice the statement and some:
/// no rule more than doubles a text), without the checks of `Array.append` per byte.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) mutating func append(bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        append(bytes: UnsafeBufferPointer(rebasing: bytes))
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
