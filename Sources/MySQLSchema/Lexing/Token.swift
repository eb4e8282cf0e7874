/// One lexical token: where it is in the file's bytes and where its line starts.
struct Token {
    enum Kind: UInt8 {
        /// An unquoted identifier or keyword (also `1abc`-style names).
        case word
        /// A `` `backtick` `` identifier.
        case backtickIdentifier
        /// A `"double-quoted"` token: a string, or an identifier under ANSI_QUOTES; the parser
        /// decides from where it stands.
        case doubleQuoted
        /// A `'single-quoted'` string.
        case string
        /// A number: `12`, `1.5e3`, `.5`, `0x1F`, `0b101`.
        case number
        /// Any other single byte: `(`, `,`, `=`, `@`, but also stray bytes such as NUL.
        case punctuation
        /// The end of the statement: its delimiter, or the end of the file.
        case end
    }

    var kind: Kind
    /// Offset of the first byte (the opening quote for quoted tokens).
    var start: Int
    /// Offset just past the last byte.
    var end: Int
    /// 1-based line of the first byte.
    var line: Int
    /// Offset of the first byte of that line.
    var lineStart: Int
}
