/// Case-folding of identifiers for lookups: MySQL compares column, index and (with the usual
/// settings) table names case-insensitively.
enum IdentifierKey {
    /// The lookup key of a name: ASCII letters lower-cased without allocating for short names;
    /// other names through Unicode lower-casing.
    static func folded(_ name: String) -> String {
        var isPlainASCII = true
        var hasUpper = false
        for byte in name.utf8 {
            if byte >= 0x80 {
                isPlainASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard isPlainASCII else { return name.lowercased() }
        guard hasUpper else { return name }
        return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether two names are the same identifier.
    static func same(_ first: String, _ second: String) -> Bool {
        first == second || folded(first) == folded(second)
    }
}
