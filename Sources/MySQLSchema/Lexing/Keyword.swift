/// Case-insensitive comparison of source bytes with an upper-case ASCII keyword, without
/// making strings.
enum Keyword {
    /// Whether `bytes[start..<end]` spells `keyword` (letters, digits and `_` only), ignoring case.
    /// Folding with `| 0x20` is exact here: the bytes it could confuse with a keyword's letters,
    /// digits or `_` are control characters, which never occur inside a word token.
    @inline(__always)
    static func matches(_ bytes: [UInt8], _ start: Int, _ end: Int, _ keyword: StaticString) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard end - start == length, end <= bytes.count else { return false }
        let letters = keyword.utf8Start
        var index = 0
        while index < length {
            if bytes[start + index] | 0x20 != letters[index] | 0x20 { return false }
            index += 1
        }
        return true
    }
}
