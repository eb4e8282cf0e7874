/// A position in a statement's tokens, with the small look-ahead the reader needs.
struct TokenCursor {
    let tokens: [SQLToken]
    var index = 0
    /// The statement's text, for positions in messages.
    let statement: String

    init(tokens: [SQLToken], statement: String) {
        self.tokens = tokens
        self.statement = statement
    }

    var atEnd: Bool { index >= tokens.count }

    @inline(__always)
    func peek(_ distance: Int = 0) -> SQLToken? {
        let position = index + distance
        return position < tokens.count ? tokens[position] : nil
    }

    @inline(__always)
    func isKeyword(_ keyword: SQLKeyword, at distance: Int = 0) -> Bool {
        let position = index + distance
        return position < tokens.count && tokens[position].keyword == keyword
    }

    @inline(__always)
    func isSymbol(_ symbol: StaticString, at distance: Int = 0) -> Bool {
        let position = index + distance
        return position < tokens.count && tokens[position].isSymbol(symbol)
    }

    /// The keyword at the cursor, or nil.
    var keyword: SQLKeyword? {
        index < tokens.count ? tokens[index].keyword : nil
    }

    @inline(__always)
    mutating func advance() {
        index += 1
    }

    mutating func consumeKeyword(_ keyword: SQLKeyword) -> Bool {
        guard isKeyword(keyword) else { return false }
        index += 1
        return true
    }

    /// Consumes the keywords in order when all are there; otherwise consumes nothing.
    mutating func consumeKeywords(_ keywords: SQLKeyword...) -> Bool {
        for (offset, keyword) in keywords.enumerated() where !isKeyword(keyword, at: offset) { return false }
        index += keywords.count
        return true
    }

    mutating func consumeSymbol(_ symbol: StaticString) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expectSymbol(_ symbol: StaticString, _ purpose: String) throws(ReadingStop) {
        guard consumeSymbol(symbol) else { throw unexpected(expecting: "`\(symbol)` \(purpose)") }
    }

    mutating func expectKeyword(_ keyword: SQLKeyword, _ purpose: String) throws(ReadingStop) {
        guard consumeKeyword(keyword) else { throw unexpected(expecting: "\(keyword.rawValue) \(purpose)") }
    }

    /// The index of the `)` that closes the `(` at `open`, or nil when it is never closed.
    func matchingParenthesis(from open: Int) -> Int? {
        var depth = 0
        var position = open
        while position < tokens.count {
            let token = tokens[position]
            if token.kind == .symbol {
                if token.isSymbol("(") { depth += 1 } else if token.isSymbol(")") {
                    depth -= 1
                    if depth == 0 { return position }
                }
            }
            position += 1
        }
        return nil
    }

    /// Whether the parenthesis at the cursor opens a query: `(SELECT`, `(WITH`, `((SELECT`, `(TABLE`, `(VALUES`.
    func opensQuery(at distance: Int = 0) -> Bool {
        var offset = distance
        while isSymbol("(", at: offset) { offset += 1 }
        guard offset > distance, let token = peek(offset), token.kind == .word else { return false }
        return token.keyword == .select || token.keyword == .with || (token.keyword == .values && isKeyword(.row, at: offset + 1))
            || (token.keyword == .table && (peek(offset + 1)?.isName ?? false))
    }

    /// The error for a token the reader did not expect here (or for the statement stopping
    /// early), saying where. A digest cut at its length limit stops early too: the message
    /// says so when the text reads like a digest.
    func unexpected(expecting expected: String) -> ReadingStop {
        guard let token = peek() else { return stoppedEarly() }
        let position = SQLTokenizer.characterPosition(of: token.offset, in: statement)
        if token.kind == .ellipsis && index == tokens.count - 1 {
            return .unplaceable(UnplaceableReason.truncatedDigest)
        }
        return .unplaceable("the statement could not be read: \(token.quoted) at character \(position) where \(expected) was expected")
    }

    /// The statement ends before it is complete.
    func stoppedEarly() -> ReadingStop {
        let last = tokens.last.map { " after \($0.quoted)" } ?? ""
        if looksLikeDigest {
            return .unplaceable("\(UnplaceableReason.truncatedDigest) (it stops\(last))")
        }
        return .unplaceable("the statement stops\(last) before it is complete")
    }

    /// A digest puts spaces around the dots of qualified names and `?` for every value.
    private var looksLikeDigest: Bool {
        tokens.contains { $0.kind == .placeholder || $0.kind == .ellipsis }
    }
}
