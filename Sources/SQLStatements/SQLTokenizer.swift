/// Cuts a statement into tokens in one pass over its UTF-8 bytes.
///
/// Comments are dropped (`-- `, `#`, `/* */`, optimizer hints `/*+ */`), except MySQL's
/// versioned comments `/*!50000 ... */`, whose content is read as code, as the server does.
/// Strings keep their content with escapes undone (`\'`, `''`); names lose their quotes.
struct SQLTokenizer {
    /// Why a statement cannot be cut into tokens, with where (in characters, from 1).
    struct Failure: Error, Sendable, Equatable {
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [SQLToken] = []
    /// How many `/*!` versioned comments are open: their `*/` is skipped like a space.
    private var openVersionedComments = 0

    static func tokens(of statement: String) throws(Failure) -> [SQLToken] {
        var tokenizer = SQLTokenizer(bytes: Array(statement.utf8))
        return try tokenizer.run()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4 + 4)
    }

    /// The position of a byte offset in characters, counted from 1, for messages.
    static func characterPosition(of offset: Int, in statement: String) -> Int {
        var position = 1
        for (byteIndex, byte) in statement.utf8.enumerated() {
            if byteIndex >= offset { break }
            if byte & 0xC0 != 0x80 { position += 1 }
        }
        return position
    }

    private func failure(_ what: String, at offset: Int) -> Failure {
        var position = 1
        for byteIndex in 0..<min(offset, bytes.count) where bytes[byteIndex] & 0xC0 != 0x80 { position += 1 }
        return Failure(message: "\(what) at character \(position)")
    }

    private mutating func run() throws(Failure) -> [SQLToken] {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x00:
                index += 1
            case UInt8(ascii: "#"):
                skipLine()
            case UInt8(ascii: "-") where startsLineComment():
                skipLine()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                try readBlockComment()
            case UInt8(ascii: "*") where peek(1) == UInt8(ascii: "/") && openVersionedComments > 0:
                openVersionedComments -= 1
                index += 2
            case UInt8(ascii: "'"):
                try readString(quote: byte, start: index, kind: .string)
            case UInt8(ascii: "\""):
                try readString(quote: byte, start: index, kind: .doubleQuoted)
            case UInt8(ascii: "`"):
                try readQuotedName()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                readNumber()
            case UInt8(ascii: ".") where isDigit(peek(1)) && !previousEndsName():
                readNumber()
            case UInt8(ascii: "?"):
                let start = index
                index += 1
                // pt-query-digest writes a value list as `(?+)`.
                if peek(0) == UInt8(ascii: "+") && peek(1) == UInt8(ascii: ")") { index += 1 }
                append(.placeholder, start: start, text: "?")
            case UInt8(ascii: "@"):
                try readVariable()
            case UInt8(ascii: ":") where isWordByte(peek(1)) && !isDigit(peek(1)):
                let start = index
                index += 1
                while index < bytes.count && isWordByte(bytes[index]) { index += 1 }
                append(.placeholder, start: start, text: text(start, index))
            default:
                if isWordByte(byte) {
                    try readWord()
                } else {
                    try readSymbol()
                }
            }
        }
        return tokens
    }

    @inline(__always)
    private func peek(_ distance: Int) -> UInt8? {
        let position = index + distance
        return position < bytes.count ? bytes[position] : nil
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Letters, digits, `_`, `$` and every byte of a multi-byte UTF-8 character.
    @inline(__always)
    private func isWordByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"):
            return true
        default:
            return byte >= 0x80
        }
    }

    /// `t.5col`-like names: a dot right after a name is a qualifier dot, not a decimal point.
    private func previousEndsName() -> Bool {
        guard let last = tokens.last, index > 0 else { return false }
        return (last.kind == .word || last.kind == .quotedName) && !isSpace(bytes[index - 1])
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func append(_ kind: SQLToken.Kind, start: Int, text: String, keyword: SQLKeyword? = nil) {
        tokens.append(SQLToken(kind: kind, text: text, keyword: keyword, offset: start))
    }

    /// `--` starts a comment only when followed by a space, a control character or the end.
    private func startsLineComment() -> Bool {
        guard peek(1) == UInt8(ascii: "-") else { return false }
        guard let after = peek(2) else { return true }
        return after <= 0x20
    }

    private mutating func skipLine() {
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
    }

    private mutating func readBlockComment() throws(Failure) {
        let start = index
        if peek(2) == UInt8(ascii: "!") {
            // A versioned comment: its content is code. Skip `/*!` and the version number.
            index += 3
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            openVersionedComments += 1
            return
        }
        index += 2
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                return
            }
            index += 1
        }
        throw failure("a comment (/*) that is never closed starts", at: start)
    }

    private mutating func readString(quote: UInt8, start: Int, kind: SQLToken.Kind) throws(Failure) {
        index += 1
        var content: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && index + 1 < bytes.count {
                content.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == quote {
                if peek(1) == quote {
                    content.append(quote)
                    index += 2
                    continue
                }
                index += 1
                let value = String(decoding: content, as: UTF8.self)
                append(kind, start: start, text: value)
                return
            }
            content.append(byte)
            index += 1
        }
        let what = quote == UInt8(ascii: "'") ? "a string (') that is never closed starts" : "a quoted text (\") that is never closed starts"
        throw failure(what, at: start)
    }

    private mutating func readQuotedName() throws(Failure) {
        let start = index
        index += 1
        var content: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                if peek(1) == UInt8(ascii: "`") {
                    content.append(byte)
                    index += 2
                    continue
                }
                index += 1
                append(.quotedName, start: start, text: String(decoding: content, as: UTF8.self))
                return
            }
            content.append(byte)
            index += 1
        }
        throw failure("a name in backticks (`) that is never closed starts", at: start)
    }

    private mutating func readNumber() {
        let start = index
        if bytes[index] == UInt8(ascii: "0"), let marker = peek(1), marker == UInt8(ascii: "x") || marker == UInt8(ascii: "b") {
            index += 2
            while index < bytes.count && isWordByte(bytes[index]) { index += 1 }
            append(.number, start: start, text: text(start, index))
            return
        }
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") && !(peek(1) == UInt8(ascii: ".")) {
            index += 1
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var next = index + 1
            if next < bytes.count, bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-") { next += 1 }
            if next < bytes.count && isDigit(bytes[next]) {
                index = next
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
        }
        // `1abc` is a name in MySQL (a name may start with digits).
        if index < bytes.count && isWordByte(bytes[index]) && bytes[index] != UInt8(ascii: ".") {
            while index < bytes.count && isWordByte(bytes[index]) { index += 1 }
            append(.word, start: start, text: text(start, index))
            return
        }
        append(.number, start: start, text: text(start, index))
    }

    private mutating func readVariable() throws(Failure) {
        let start = index
        index += 1
        var kind = SQLToken.Kind.variable
        if peek(0) == UInt8(ascii: "@") {
            kind = .systemVariable
            index += 1
        }
        if let quote = peek(0), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") {
            if quote == UInt8(ascii: "`") { try readQuotedName() } else { try readString(quote: quote, start: index, kind: .string) }
            let name = tokens.removeLast().text
            append(kind, start: start, text: (kind == .variable ? "@" : "@@") + name)
            return
        }
        if peek(0) == UInt8(ascii: "?") {
            index += 1
        } else {
            while index < bytes.count && (isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: ".")) { index += 1 }
        }
        append(kind, start: start, text: text(start, index))
        // MySQL's digest writes a server variable as @@`name`.
        if kind == .systemVariable && index == start + 2 && peek(0) == UInt8(ascii: "`") {
            try readQuotedName()
            let name = tokens.removeLast().text
            tokens[tokens.count - 1].text = "@@" + name
        }
    }

    private mutating func readWord() throws(Failure) {
        let start = index
        while index < bytes.count && isWordByte(bytes[index]) { index += 1 }
        // Introduced strings: X'4142', B'01', N'text', _utf8mb4'text'.
        if index < bytes.count && bytes[index] == UInt8(ascii: "'") {
            let first = bytes[start] & 0xDF
            let isIntroducer = bytes[start] == UInt8(ascii: "_")
                || (index - start == 1 && (first == UInt8(ascii: "X") || first == UInt8(ascii: "B") || first == UInt8(ascii: "N")))
            if isIntroducer {
                try readString(quote: UInt8(ascii: "'"), start: start, kind: .string)
                return
            }
        }
        append(.word, start: start, text: text(start, index), keyword: keyword(start, index))
    }

    /// The keyword a word spells in any case; words longer than any keyword are names.
    private func keyword(_ start: Int, _ end: Int) -> SQLKeyword? {
        let length = end - start
        guard length >= 2 && length <= 19 else { return nil }
        let upper = String(unsafeUninitializedCapacity: length) { buffer in
            for offset in 0..<length {
                let byte = bytes[start + offset]
                buffer[offset] = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            }
            return length
        }
        return SQLKeyword.byWord[upper]
    }

    /// Operators, longest first: `<=>`, `->>`, `...`, two-character ones, then single characters.
    private mutating func readSymbol() throws(Failure) {
        let start = index
        let first = bytes[index]
        let second = peek(1)
        let third = peek(2)
        func take(_ count: Int, _ symbol: String) {
            index += count
            var code: UInt32 = 0
            for offset in 0..<count { code |= UInt32(bytes[start + offset]) << (8 * UInt32(offset)) }
            tokens.append(SQLToken(kind: .symbol, text: symbol, keyword: nil, offset: start, symbol: code))
        }
        switch first {
        case UInt8(ascii: "<"):
            if second == UInt8(ascii: "="), third == UInt8(ascii: ">") { take(3, "<=>") }
            else if second == UInt8(ascii: "=") { take(2, "<=") }
            else if second == UInt8(ascii: ">") { take(2, "<>") }
            else if second == UInt8(ascii: "<") { take(2, "<<") }
            else { take(1, "<") }
        case UInt8(ascii: ">"):
            if second == UInt8(ascii: "=") { take(2, ">=") }
            else if second == UInt8(ascii: ">") { take(2, ">>") }
            else { take(1, ">") }
        case UInt8(ascii: "!"):
            if second == UInt8(ascii: "=") { take(2, "!=") } else { take(1, "!") }
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: ">"), third == UInt8(ascii: ">") { take(3, "->>") }
            else if second == UInt8(ascii: ">") { take(2, "->") }
            else { take(1, "-") }
        case UInt8(ascii: "|"):
            if second == UInt8(ascii: "|") { take(2, "||") } else { take(1, "|") }
        case UInt8(ascii: "&"):
            if second == UInt8(ascii: "&") { take(2, "&&") } else { take(1, "&") }
        case UInt8(ascii: ":"):
            if second == UInt8(ascii: "=") { take(2, ":=") } else { take(1, ":") }
        case UInt8(ascii: "."):
            if second == UInt8(ascii: "."), third == UInt8(ascii: ".") {
                index += 3
                append(.ellipsis, start: start, text: "...")
            } else {
                take(1, ".")
            }
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"),
             UInt8(ascii: "~"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"):
            take(1, String(UnicodeScalar(first)))
        default:
            throw failure("the character \(describe(first)) cannot start a token", at: start)
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(String(UnicodeScalar(byte)))'" }
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
