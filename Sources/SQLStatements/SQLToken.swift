/// One token of a statement, as the tokenizer cuts it.
struct SQLToken: Sendable {
    enum Kind: UInt8, Sendable {
        /// A bare word: a keyword (`keyword` says which) or an unquoted name.
        case word
        /// A name in backticks, unquoted (doubled backticks undone).
        case quotedName
        /// Text in double quotes: a string in MySQL's default mode, a name under ANSI_QUOTES;
        /// the reader decides by where it stands.
        case doubleQuoted
        /// A string literal (`'...'`, `X'..'`, `_utf8mb4'..'`, `N'..'`); `text` is its content.
        case string
        case number
        /// `?`, `?+` (pt-query-digest's list), `:name` (a named parameter).
        case placeholder
        /// `@name`, `@?`, `@'name'`: a user variable, a value.
        case variable
        /// `@@name`, `@@session.name`: a server variable.
        case systemVariable
        /// Punctuation and operators: `(`, `,`, `.`, `=`, `<=>`, `!=`, `->>`, ...
        case symbol
        /// `...`: a digest's elided list (`IN (...)`, `?, ...`) or its truncation mark.
        case ellipsis
    }

    var kind: Kind
    /// The token as read: a name unquoted, a string's content, a symbol's characters.
    var text: String
    /// For a bare word the reader acts on, which one (in any case); nil otherwise.
    var keyword: SQLKeyword?
    /// Where the token starts: a byte offset into the statement's UTF-8.
    var offset: Int
    /// For a symbol, its bytes packed into one number (see `code(of:)`), so comparing symbols
    /// compares numbers; 0 for every other token.
    var symbol: UInt32 = 0

    /// Up to four ASCII bytes packed, the first in the lowest byte.
    @inline(__always)
    static func code(of symbol: StaticString) -> UInt32 {
        let start = symbol.utf8Start
        var code: UInt32 = 0
        for offset in 0..<min(symbol.utf8CodeUnitCount, 4) { code |= UInt32(start[offset]) << (8 * UInt32(offset)) }
        return code
    }

    /// Whether this is the bare word `keyword`.
    @inline(__always)
    func isKeyword(_ keyword: SQLKeyword) -> Bool {
        self.keyword == keyword
    }

    @inline(__always)
    func isSymbol(_ symbol: StaticString) -> Bool {
        self.symbol == Self.code(of: symbol)
    }

    /// Whether the token can name a table or a column (a bare word, a backticked or double-quoted name).
    var isName: Bool {
        kind == .word || kind == .quotedName || kind == .doubleQuoted
    }

    /// Whether the token is a value by itself: a literal, a placeholder, a variable.
    var isValue: Bool {
        switch kind {
        case .string, .number, .placeholder, .variable, .systemVariable, .ellipsis: return true
        case .word, .quotedName, .doubleQuoted, .symbol: return false
        }
    }

    /// How the token is shown in a message: a name in backticks, a keyword or symbol as written.
    var quoted: String {
        switch kind {
        case .quotedName: return "`\(text)`"
        case .doubleQuoted: return "\"\(text)\""
        case .string: return "'\(text)'"
        case .word, .number, .placeholder, .variable, .systemVariable, .symbol, .ellipsis: return "`\(text)`"
        }
    }
}
