/// Recursive-descent parser for one statement's tokens. It never recurses on nesting in the input:
/// parenthesized expressions (defaults, CHECK, generated columns, partitions) are skipped by
/// counting depth, so any input is parsed in bounded stack.
struct StatementParser {
    /// Numbers larger than this are not lengths, widths or precisions MySQL accepts.
    static let largestNumber = 4_294_967_295
    /// MySQL's limit on the length of table, column, index and constraint names, in characters.
    static let longestIdentifier = 64
    /// How much of a token an error message quotes.
    static let quotedTokenLength = 40

    let bytes: [UInt8]
    let tokens: [Token]
    /// Index of the current token; never moves past the final `.end` token.
    private(set) var index = 0
    /// Problems in a statement that still applies.
    var notes: [ParserNote] = []

    init(bytes: [UInt8], tokens: [Token]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    var atEnd: Bool { current.kind == .end }

    func isWord(_ token: Token, _ keyword: StaticString) -> Bool {
        token.kind == .word && Keyword.matches(bytes, token.start, token.end, keyword)
    }

    func at(_ keyword: StaticString) -> Bool {
        isWord(current, keyword)
    }

    mutating func accept(_ keyword: StaticString) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    /// Accepts a sequence of keywords only when all of them are there.
    mutating func accept(_ first: StaticString, _ second: StaticString) -> Bool {
        guard at(first), isWord(peek(), second) else { return false }
        advance()
        advance()
        return true
    }

    mutating func expect(_ keyword: StaticString, _ expectation: @autoclosure () -> String) throws(SyntaxError) {
        guard accept(keyword) else { throw failure(expected: expectation()) }
    }

    func isPunctuation(_ token: Token, _ byte: UInt8) -> Bool {
        token.kind == .punctuation && bytes[token.start] == byte
    }

    func atPunctuation(_ byte: UInt8) -> Bool {
        isPunctuation(current, byte)
    }

    mutating func acceptPunctuation(_ byte: UInt8) -> Bool {
        guard atPunctuation(byte) else { return false }
        advance()
        return true
    }

    mutating func expectPunctuation(_ byte: UInt8, _ expectation: @autoclosure () -> String) throws(SyntaxError) {
        guard acceptPunctuation(byte) else { throw failure(expected: expectation()) }
    }

    /// Skips an optional `=` (table and index options allow `ENGINE = InnoDB` and `ENGINE InnoDB`).
    mutating func skipEquals() {
        _ = acceptPunctuation(UInt8(ascii: "="))
    }

    // MARK: - Errors

    /// "expected X, found Y" at the current token.
    func failure(expected: String) -> SyntaxError {
        SyntaxError(token: current, message: "expected \(expected), found \(describe(current))")
    }

    /// How an error message shows a token: quoted and shortened, control bytes escaped.
    func describe(_ token: Token) -> String {
        guard token.kind != .end else { return "the end of the statement" }
        if token.kind == .backtickIdentifier {
            let name = identifierText(token)
            let shown = name.unicodeScalars.count > Self.quotedTokenLength
                ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(Self.quotedTokenLength))) + "…"
                : name
            return "`\(shown)`"
        }
        var text = ""
        var index = token.start
        var characters = 0
        while index < token.end {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F {
                text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
                characters += 1
            } else {
                var end = index + 1
                while end < token.end && bytes[end] & 0xC0 == 0x80 { end += 1 }
                text += String(decoding: bytes[index..<end], as: UTF8.self)
                index = end
                characters += 1
            }
            if characters >= Self.quotedTokenLength && index < token.end {
                text += "…"
                break
            }
        }
        return "`\(text)`"
    }

    // MARK: - Text of tokens

    /// The bytes of a token as written.
    func rawText(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// The source text from the start of token `first` to the end of token `last` (indices).
    func rawText(fromToken first: Int, throughToken last: Int) -> String {
        guard first <= last else { return "" }
        return String(decoding: bytes[tokens[first].start..<tokens[last].end], as: UTF8.self)
    }

    func isIdentifierToken(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .backtickIdentifier || token.kind == .doubleQuoted
    }

    /// An identifier's text: unquoted words as written, quoted ones without their quotes and with
    /// doubled quotes undone (backslashes are not escapes in identifiers).
    func identifierText(_ token: Token) -> String {
        switch token.kind {
        case .backtickIdentifier, .doubleQuoted:
            let quote = bytes[token.start]
            let contentEnd = token.end - 1 > token.start && bytes[token.end - 1] == quote ? token.end - 1 : token.end
            var text: [UInt8] = []
            text.reserveCapacity(contentEnd - token.start)
            var index = token.start + 1
            while index < contentEnd {
                let byte = bytes[index]
                text.append(byte)
                index += byte == quote && index + 1 < contentEnd && bytes[index + 1] == quote ? 2 : 1
            }
            return String(decoding: text, as: UTF8.self)
        default:
            return rawText(token)
        }
    }

    /// A string literal's value: quotes removed, doubled quotes and backslash escapes resolved.
    func stringValue(_ token: Token) -> String {
        let quote = bytes[token.start]
        let contentEnd = token.end - 1 > token.start && bytes[token.end - 1] == quote ? token.end - 1 : token.end
        var needsWork = false
        for index in (token.start + 1)..<max(contentEnd, token.start + 1) where bytes[index] == quote || bytes[index] == UInt8(ascii: "\\") {
            needsWork = true
            break
        }
        guard needsWork else { return String(decoding: bytes[(token.start + 1)..<max(contentEnd, token.start + 1)], as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(contentEnd - token.start)
        var index = token.start + 1
        while index < contentEnd {
            let byte = bytes[index]
            if byte == quote && index + 1 < contentEnd && bytes[index + 1] == quote {
                text.append(quote)
                index += 2
            } else if byte == UInt8(ascii: "\\") && index + 1 < contentEnd {
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "Z"): text.append(0x1A)
                case UInt8(ascii: "%"), UInt8(ascii: "_"): text.append(contentsOf: [byte, escaped])
                default: text.append(escaped)
                }
                index += 2
            } else {
                text.append(byte)
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: - Common constructs

    /// An identifier (unquoted, backticks, or double quotes as under ANSI_QUOTES).
    mutating func identifier(_ what: @autoclosure () -> String) throws(SyntaxError) -> Name {
        let token = current
        guard isIdentifierToken(token) else { throw failure(expected: what()) }
        advance()
        let text = identifierText(token)
        if token.end - token.start > Self.longestIdentifier, text.unicodeScalars.count > Self.longestIdentifier {
            notes.append(ParserNote(token: token, message: "identifier \(describe(token)) is \(text.unicodeScalars.count) characters long; MySQL allows at most \(Self.longestIdentifier)"))
        }
        return Name(text: text, token: token)
    }

    /// `name` or `database.name`.
    mutating func qualifiedName(_ what: @autoclosure () -> String) throws(SyntaxError) -> QualifiedName {
        let first = try identifier(what())
        guard atPunctuation(UInt8(ascii: ".")), isIdentifierToken(peek()) else {
            return QualifiedName(database: nil, name: first)
        }
        advance()
        let second = try identifier(what())
        return QualifiedName(database: first.text, name: second)
    }

    /// A string literal (single or double quotes), with an optional character set introducer
    /// (`_utf8mb4'x'`, `N'x'`); adjacent literals are concatenated, as MySQL does.
    mutating func stringLiteral(_ what: @autoclosure () -> String) throws(SyntaxError) -> String {
        guard let value = acceptStringLiteral() else { throw failure(expected: what()) }
        return value
    }

    mutating func acceptStringLiteral() -> String? {
        if current.kind == .word, isIntroducer(current), peek().kind == .string, peek().start == current.end {
            advance()
        }
        guard current.kind == .string || current.kind == .doubleQuoted else { return nil }
        var value = stringValue(current)
        advance()
        while current.kind == .string {
            value += stringValue(current)
            advance()
        }
        return value
    }

    /// `_charset` or `N` right before a string literal.
    func isIntroducer(_ token: Token) -> Bool {
        let length = token.end - token.start
        if length == 1 { return bytes[token.start] | 0x20 == UInt8(ascii: "n") }
        return length > 1 && bytes[token.start] == UInt8(ascii: "_")
    }

    /// A non-negative integer: a length, width, precision or count.
    mutating func integer(_ what: @autoclosure () -> String) throws(SyntaxError) -> Int {
        let token = current
        guard token.kind == .number else { throw failure(expected: what()) }
        var value = 0
        for index in token.start..<token.end {
            let byte = bytes[index]
            guard ByteClass.isDigit(byte) else { throw failure(expected: what()) }
            value = value * 10 + Int(byte - 0x30)
            if value > Self.largestNumber {
                throw SyntaxError(token: token, message: "\(describe(token)) is too large for \(what())")
            }
        }
        advance()
        return value
    }

    /// At `(`: moves past the matching `)` by counting depth and returns the token indices of
    /// both parentheses.
    @discardableResult
    mutating func skipParenthesized() throws(SyntaxError) -> (open: Int, close: Int) {
        let open = index
        var depth = 0
        while !atEnd {
            if current.kind == .punctuation {
                let byte = bytes[current.start]
                if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        let close = index
                        advance()
                        return (open, close)
                    }
                }
            }
            advance()
        }
        throw SyntaxError(token: tokens[open], message: "unbalanced parentheses: this `(` is never closed")
    }

    /// At `(`: the text inside the parentheses as written (trimmed), and moves past them.
    mutating func parenthesizedText() throws(SyntaxError) -> String {
        let (open, close) = try skipParenthesized()
        return rawText(fromToken: open + 1, throughToken: close - 1)
    }

    /// Skips tokens up to (not including) the next `,` or `)` at depth zero, or the end.
    mutating func skipToElementEnd() throws(SyntaxError) {
        while !atEnd {
            if atPunctuation(UInt8(ascii: ",")) || atPunctuation(UInt8(ascii: ")")) { return }
            if atPunctuation(UInt8(ascii: "(")) {
                try skipParenthesized()
            } else {
                advance()
            }
        }
    }

    /// Skips everything to the end of the statement, checking that parentheses balance.
    mutating func skipRest() throws(SyntaxError) {
        while !atEnd {
            if atPunctuation(UInt8(ascii: "(")) {
                try skipParenthesized()
            } else {
                advance()
            }
        }
    }

    /// A single-token option value (`InnoDB`, `8`, `'text'`, `utf8mb4_bin`) or a parenthesized list.
    mutating func skipOptionValue(_ what: @autoclosure () -> String) throws(SyntaxError) {
        if atPunctuation(UInt8(ascii: "(")) {
            try skipParenthesized()
            return
        }
        switch current.kind {
        case .word, .backtickIdentifier, .doubleQuoted, .string, .number:
            advance()
        case .punctuation where atPunctuation(UInt8(ascii: "-")) && peek().kind == .number:
            advance()
            advance()
        default:
            throw failure(expected: what())
        }
    }

    /// A character set or collation name (a word, quoted name or string).
    mutating func charsetName(_ what: @autoclosure () -> String) throws(SyntaxError) -> String {
        if current.kind == .string {
            let value = stringValue(current)
            advance()
            return value
        }
        return try identifier(what()).text
    }

    /// `DEFINER = user@host` or `DEFINER = CURRENT_USER[()]`, after DEFINER.
    mutating func skipDefinerValue() throws(SyntaxError) {
        skipEquals()
        if accept("CURRENT_USER") {
            if atPunctuation(UInt8(ascii: "(")) { try skipParenthesized() }
            return
        }
        guard isIdentifierToken(current) || current.kind == .string else { throw failure(expected: "a user after DEFINER =") }
        advance()
        if acceptPunctuation(UInt8(ascii: "@")) {
            let host = current
            guard isIdentifierToken(host) || host.kind == .string || host.kind == .number || isPunctuation(host, UInt8(ascii: "%")) else {
                throw failure(expected: "a host after `@`")
            }
            advance()
            // An unquoted host such as 192.168.0.1 or %.example.com is several adjacent tokens.
            if host.kind == .word || host.kind == .number || host.kind == .punctuation {
                while !atEnd, current.start == tokens[index - 1].end, !atPunctuation(UInt8(ascii: "(")) {
                    advance()
                }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
