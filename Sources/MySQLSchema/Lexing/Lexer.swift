/// Splits a file's bytes into statements of tokens the way the `mysql` client and server together
/// read them: comments are dropped, `/*!NNNNN ... */` versioned comments are read as code,
/// `DELIMITER` changes what ends a statement, and quotes are respected.
///
/// One pass over the bytes, tracking the line as it goes; columns are computed only for the rare
/// tokens a diagnostic points at (see `SourceFile`).
struct Lexer {
    /// Statements that start with these keep only their first tokens (INSERT data can be huge).
    static let skippedStatementTokenLimit = 16
    /// A versioned comment with this version or above is an ordinary comment (MariaDB's
    /// `/*M!999999\- enable the sandbox mode */` header).
    static let neverExecutedVersion = 999_999

    let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var delimiter: [UInt8] = [UInt8(ascii: ";")]
    private var hasCustomDelimiter = false
    private var delimiterLine = 0
    /// Where the open `/*!` comment started, while inside one.
    private var versionedCommentOpening: (offset: Int, line: Int, lineStart: Int)?
    /// Problems outside any statement (a DELIMITER command without a delimiter), in order.
    var standaloneProblems: [LexicalProblem] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is not part of the SQL.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
    }

    /// Reads the next statement's tokens into `tokens` (cleared first), always ending with an
    /// `.end` token at the delimiter or the end of the file. A statement without tokens (only
    /// comments, or an empty `;`) leaves just the `.end` token.
    mutating func nextStatement(into tokens: inout [Token]) -> StatementScan {
        tokens.removeAll(keepingCapacity: true)
        var problem: LexicalProblem?
        var tokenLimit = Int.max
        var tokenCount = 0
        while true {
            skipTrivia(problem: &problem)
            if position >= bytes.count {
                if let opening = versionedCommentOpening {
                    versionedCommentOpening = nil
                    problem = problem ?? LexicalProblem(
                        offset: opening.offset, line: opening.line, lineStart: opening.lineStart,
                        message: "unterminated `/*!` comment: no `*/` before the end of the file",
                        skipsStatement: true
                    )
                }
                if hasCustomDelimiter, tokenCount > 0, problem == nil, let first = tokens.first {
                    let shown = String(decoding: delimiter, as: UTF8.self)
                    problem = LexicalProblem(
                        offset: first.start, line: first.line, lineStart: first.lineStart,
                        message: "the file ends inside this statement: DELIMITER \(shown) (line \(delimiterLine)) "
                            + "is still in effect and no \(shown) ends the statement",
                        skipsStatement: false
                    )
                }
                tokens.append(Token(kind: .end, start: bytes.count, end: bytes.count, line: line, lineStart: lineStart))
                return StatementScan(problem: problem, reachedEndOfInput: true)
            }
            if tokenCount == 0 && readDelimiterCommand() { continue }
            if isAtDelimiter() {
                tokens.append(Token(kind: .end, start: position, end: position + delimiter.count, line: line, lineStart: lineStart))
                position += delimiter.count
                return StatementScan(problem: problem, reachedEndOfInput: false)
            }
            let token = lexToken(problem: &problem)
            if tokenCount < tokenLimit { tokens.append(token) }
            tokenCount += 1
            if tokenCount == 1 && token.kind == .word && startsDataStatement(token) {
                tokenLimit = Self.skippedStatementTokenLimit
            }
        }
    }

    // MARK: - Whitespace and comments

    private mutating func skipTrivia(problem: inout LexicalProblem?) {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == 0x0A {
                position += 1
                line += 1
                lineStart = position
            } else if ByteClass.isBlank(byte) {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                if hasCustomDelimiter && isAtDelimiter() { return }
                skipToEndOfLine()
            } else if byte == UInt8(ascii: "-") {
                // `--` starts a comment only when a space or control character follows.
                guard position + 1 < count, bytes[position + 1] == UInt8(ascii: "-"),
                      position + 2 >= count || bytes[position + 2] <= 0x20 else { return }
                if hasCustomDelimiter && isAtDelimiter() { return }
                skipToEndOfLine()
            } else if byte == UInt8(ascii: "/") {
                guard position + 1 < count, bytes[position + 1] == UInt8(ascii: "*") else { return }
                if hasCustomDelimiter && isAtDelimiter() { return }
                skipBlockComment(problem: &problem)
            } else if byte == UInt8(ascii: "*") {
                guard versionedCommentOpening != nil, position + 1 < count, bytes[position + 1] == UInt8(ascii: "/") else { return }
                if hasCustomDelimiter && isAtDelimiter() { return }
                position += 2
                versionedCommentOpening = nil
            } else {
                return
            }
        }
    }

    /// Leaves `position` on the newline (or at the end), which the caller counts.
    private mutating func skipToEndOfLine() {
        let count = bytes.count
        while position < count && bytes[position] != 0x0A { position += 1 }
    }

    /// At `/*`: a versioned comment opens (its content is code), anything else is skipped.
    private mutating func skipBlockComment(problem: inout LexicalProblem?) {
        let count = bytes.count
        let opening = (offset: position, line: line, lineStart: lineStart)
        var contentStart = position + 2
        var isVersioned = false
        if contentStart < count && bytes[contentStart] == UInt8(ascii: "!") {
            isVersioned = true
            contentStart += 1
        } else if contentStart + 1 < count && bytes[contentStart] == UInt8(ascii: "M") && bytes[contentStart + 1] == UInt8(ascii: "!") {
            isVersioned = true
            contentStart += 2
        }
        if isVersioned {
            var version = 0
            var digits = 0
            while contentStart < count && digits < 6 && ByteClass.isDigit(bytes[contentStart]) {
                version = version * 10 + Int(bytes[contentStart] - 0x30)
                contentStart += 1
                digits += 1
            }
            if version < Self.neverExecutedVersion {
                position = contentStart
                versionedCommentOpening = opening
                return
            }
        }
        var index = contentStart
        while index + 1 < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                position = index + 2
                return
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        if index < count && bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        position = count
        problem = problem ?? LexicalProblem(
            offset: opening.offset, line: opening.line, lineStart: opening.lineStart,
            message: "unterminated comment: `/*` has no `*/` before the end of the file", skipsStatement: true
        )
    }

    // MARK: - Delimiters

    @inline(__always)
    private func isAtDelimiter() -> Bool {
        if !hasCustomDelimiter { return bytes[position] == UInt8(ascii: ";") }
        let length = delimiter.count
        guard position + length <= bytes.count, bytes[position] == delimiter[0] else { return false }
        var index = 1
        while index < length {
            if bytes[position + index] != delimiter[index] { return false }
            index += 1
        }
        return true
    }

    /// At the start of a statement: `DELIMITER xyz` (a `mysql` client command) sets the delimiter
    /// to the first word after it and ignores the rest of the line.
    private mutating func readDelimiterCommand() -> Bool {
        let count = bytes.count
        guard bytes[position] | 0x20 == UInt8(ascii: "d") else { return false }
        var after = position
        while after < count && ByteClass.isIdentifier(bytes[after]) { after += 1 }
        guard Keyword.matches(bytes, position, after, "DELIMITER") else { return false }
        guard after == count || ByteClass.isBlank(bytes[after]) || bytes[after] == 0x0A else { return false }
        let commandOffset = position
        var index = after
        while index < count && ByteClass.isBlank(bytes[index]) { index += 1 }
        let valueStart = index
        while index < count && bytes[index] != 0x0A && !ByteClass.isBlank(bytes[index]) { index += 1 }
        var value = Array(bytes[valueStart..<index])
        while index < count && bytes[index] != 0x0A { index += 1 }
        position = index
        if value.count >= 3, let first = value.first, first == value.last,
           first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "`") {
            value = Array(value.dropFirst().dropLast())
        }
        guard !value.isEmpty else {
            standaloneProblems.append(LexicalProblem(
                offset: commandOffset, line: line, lineStart: lineStart,
                message: "DELIMITER needs a delimiter, such as `DELIMITER ;;` or `DELIMITER $$`; the line is ignored",
                skipsStatement: false
            ))
            return true
        }
        delimiter = value
        hasCustomDelimiter = value != [UInt8(ascii: ";")]
        delimiterLine = line
        return true
    }

    private func startsDataStatement(_ token: Token) -> Bool {
        Keyword.matches(bytes, token.start, token.end, "INSERT") || Keyword.matches(bytes, token.start, token.end, "REPLACE")
    }

    // MARK: - Tokens

    private mutating func lexToken(problem: inout LexicalProblem?) -> Token {
        let start = position
        let tokenLine = line
        let tokenLineStart = lineStart
        let byte = bytes[position]
        let kind: Token.Kind
        if ByteClass.isDigit(byte) || (byte == UInt8(ascii: ".") && position + 1 < bytes.count && ByteClass.isDigit(bytes[position + 1])) {
            kind = lexNumber()
        } else if ByteClass.isIdentifier(byte) {
            scanIdentifierBytes()
            kind = .word
        } else if byte == UInt8(ascii: "`") {
            kind = .backtickIdentifier
            lexQuoted(quote: byte, backslashEscapes: false, what: "quoted identifier", problem: &problem)
        } else if byte == UInt8(ascii: "'") {
            kind = .string
            lexQuoted(quote: byte, backslashEscapes: true, what: "string", problem: &problem)
        } else if byte == UInt8(ascii: "\"") {
            kind = .doubleQuoted
            lexQuoted(quote: byte, backslashEscapes: true, what: "double-quoted string or identifier", problem: &problem)
        } else {
            kind = .punctuation
            position += 1
        }
        return Token(kind: kind, start: start, end: position, line: tokenLine, lineStart: tokenLineStart)
    }

    /// Advances over identifier bytes, stopping at a custom delimiter (`END$$`).
    @inline(__always)
    private mutating func scanIdentifierBytes() {
        let count = bytes.count
        if hasCustomDelimiter {
            while position < count && ByteClass.isIdentifier(bytes[position]) && !isAtDelimiter() { position += 1 }
        } else {
            while position < count && ByteClass.isIdentifier(bytes[position]) { position += 1 }
        }
    }

    /// A number; digits running into letters (`1abc`) make an identifier instead.
    private mutating func lexNumber() -> Token.Kind {
        let count = bytes.count
        if bytes[position] == UInt8(ascii: "0"), position + 2 < count {
            let marker = bytes[position + 1] | 0x20
            if marker == UInt8(ascii: "x") && ByteClass.isHexDigit(bytes[position + 2]) {
                position += 2
                while position < count && ByteClass.isHexDigit(bytes[position]) { position += 1 }
                return finishNumber()
            }
            if marker == UInt8(ascii: "b") && (bytes[position + 2] == 0x30 || bytes[position + 2] == 0x31) {
                position += 2
                while position < count && (bytes[position] == 0x30 || bytes[position] == 0x31) { position += 1 }
                return finishNumber()
            }
        }
        while position < count && ByteClass.isDigit(bytes[position]) { position += 1 }
        if position + 1 < count && bytes[position] == UInt8(ascii: ".") && ByteClass.isDigit(bytes[position + 1]) {
            position += 1
            while position < count && ByteClass.isDigit(bytes[position]) { position += 1 }
        }
        if position + 1 < count && bytes[position] | 0x20 == UInt8(ascii: "e") {
            var next = position + 1
            if bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-") { next += 1 }
            if next < count && ByteClass.isDigit(bytes[next]) {
                position = next
                while position < count && ByteClass.isDigit(bytes[position]) { position += 1 }
            }
        }
        return finishNumber()
    }

    private mutating func finishNumber() -> Token.Kind {
        guard position < bytes.count, ByteClass.isIdentifier(bytes[position]) else { return .number }
        if hasCustomDelimiter && isAtDelimiter() { return .number }
        scanIdentifierBytes()
        return .word
    }

    /// A quoted token: a doubled quote stands for itself; with `backslashEscapes`, a backslash
    /// escapes the next byte. An unterminated quote runs to the end of the file.
    private mutating func lexQuoted(quote: UInt8, backslashEscapes: Bool, what: String, problem: inout LexicalProblem?) {
        let count = bytes.count
        let opening = (offset: position, line: line, lineStart: lineStart)
        position += 1
        while position < count {
            let byte = bytes[position]
            if byte == quote {
                if position + 1 < count && bytes[position + 1] == quote {
                    position += 2
                    continue
                }
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") && backslashEscapes {
                position += 1
                if position >= count { break }
            }
            if bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        position = count
        let quoteText = quote == UInt8(ascii: "`") ? "`" : String(UnicodeScalar(quote))
        problem = problem ?? LexicalProblem(
            offset: opening.offset, line: opening.line, lineStart: opening.lineStart,
            message: "unterminated \(what): the \(quoteText) here has no closing \(quoteText) before the end of the file",
            skipsStatement: true
        )
    }
}
