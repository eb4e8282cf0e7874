extension JSONParser {
    // MARK: - Words

    /// `true`, `false` or `null`; any other bare word (`NaN`, `Infinity`, `yes`) is named in the error.
    mutating func readWord() throws(JSONParseFailure) -> OrderedJSON {
        let start = index
        while index < bytes.count && bytes[index].isASCIILetter { index += 1 }
        let word = bytes[start..<index]
        if word.elementsEqual("true".utf8) { return .bool(true) }
        if word.elementsEqual("false".utf8) { return .bool(false) }
        if word.elementsEqual("null".utf8) { return .null }
        let text = String(decoding: word, as: UTF8.self)
        if index == bytes.count, let literal = ["true", "false", "null"].first(where: { $0.hasPrefix(text) }) {
            throw endOfFile(expecting: "'\(literal)'")
        }
        let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
        throw JSONParseFailure(
            offset: start,
            message: "unknown word '\(shown)'; expected a value (a string in double quotes, a number, "
                + "an object, an array, true, false or null)",
            isEndOfFile: false)
    }

    // MARK: - Numbers

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: an `.integer` when it has neither fraction
    /// nor exponent and fits in `Int`, else a `.number`.
    mutating func readNumber() throws(JSONParseFailure) -> OrderedJSON {
        let start = index
        var isInteger = true
        if bytes[index] == .minus {
            index += 1
            try requireDigit(after: "'-'")
        }
        if bytes[index] == .digitZero {
            index += 1
            if index < bytes.count && bytes[index].isASCIIDigit {
                throw JSONParseFailure(offset: start, message: "numbers must not have leading zeros", isEndOfFile: false)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count && bytes[index] == .period {
            isInteger = false
            index += 1
            try requireDigit(after: "the decimal point")
            skipDigits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < bytes.count && (bytes[index] == .plus || bytes[index] == .minus) { index += 1 }
            try requireDigit(after: "the exponent marker")
            skipDigits()
        }
        guard buildsValues else { return .null }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        // Valid JSON number text always reads as a `Double`; one too large to hold is infinite.
        return .number(Double(text) ?? .nan)
    }

    private func requireDigit(after what: String) throws(JSONParseFailure) {
        guard index < bytes.count else { throw endOfFile(expecting: "a digit after \(what)") }
        guard bytes[index].isASCIIDigit else { throw failure("expected a digit after \(what)") }
    }

    private mutating func skipDigits() {
        while index < bytes.count && bytes[index].isASCIIDigit { index += 1 }
    }

    // MARK: - Strings

    /// Reads a string from its opening quote to just past its closing one; its text (decoded only
    /// when building values, else empty).
    mutating func readString() throws(JSONParseFailure) -> String {
        index += 1
        let contentStart = index
        var hasEscapes = false
        while true {
            guard index < bytes.count else { throw endOfFile(expecting: "a closing '\"' for the string") }
            let byte = bytes[index]
            switch byte {
            case .quote:
                index += 1
                guard buildsValues else { return "" }
                let content = contentStart..<(index - 1)
                return hasEscapes ? unescaped(content) : String(decoding: bytes[content], as: UTF8.self)
            case .backslash:
                hasEscapes = true
                try readEscape()
            case .lineFeed:
                throw failure("line break inside a string; is the closing '\"' missing? (write a line break as \\n)")
            case 0..<0x20:
                throw failure(
                    "control character U+\(hex(UInt32(byte))) inside a string; "
                        + "write it as an escape such as \\t or \\u\(hex(UInt32(byte)))")
            case 0..<0x80:
                index += 1
            default:
                try readMultiByteCharacter()
            }
        }
    }

    private mutating func readEscape() throws(JSONParseFailure) {
        let start = index
        index += 1
        guard index < bytes.count else { throw endOfFile(expecting: "an escape character after '\\'") }
        switch bytes[index] {
        case .quote, .backslash, .slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            index += 1
            let unit = try readHexQuad()
            switch unit {
            case 0xD800...0xDBFF:
                try readLowSurrogate(after: unit, escapeStart: start)
            case 0xDC00...0xDFFF:
                throw JSONParseFailure(
                    offset: start,
                    message: "unpaired low surrogate \\u\(hex(unit)); "
                        + "it must follow a high surrogate (\\uD800 to \\uDBFF)",
                    isEndOfFile: false)
            default:
                break
            }
        default:
            throw failure(
                "invalid escape \\\(describeCharacter(at: index)); "
                    + "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                at: start)
        }
    }

    /// `JSONDecoder` refuses a lone high surrogate, so refuse it here too, at a position the user can find.
    private mutating func readLowSurrogate(after high: UInt32, escapeStart: Int) throws(JSONParseFailure) {
        let unpaired = JSONParseFailure(
            offset: escapeStart,
            message: "unpaired high surrogate \\u\(hex(high)); "
                + "it must be followed by a low surrogate (\\uDC00 to \\uDFFF)",
            isEndOfFile: false)
        guard index < bytes.count else { throw endOfFile(expecting: "a low surrogate escape \\uDC00 to \\uDFFF") }
        guard bytes[index] == .backslash else { throw unpaired }
        guard index + 1 < bytes.count else { throw endOfFile(expecting: "a low surrogate escape \\uDC00 to \\uDFFF") }
        guard bytes[index + 1] == UInt8(ascii: "u") else { throw unpaired }
        index += 2
        let low = try readHexQuad()
        guard (0xDC00...0xDFFF).contains(low) else { throw unpaired }
    }

    private mutating func readHexQuad() throws(JSONParseFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfFile(expecting: "4 hexadecimal digits after \\u") }
            guard let digit = bytes[index].hexDigitValue else {
                throw failure("invalid \\u escape; expected 4 hexadecimal digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Validates one UTF-8 sequence exactly as Unicode defines it: no overlong forms, no surrogates,
    /// nothing above U+10FFFF. A sequence cut off by the end of the file counts as truncation.
    private mutating func readMultiByteCharacter() throws(JSONParseFailure) {
        let lead = bytes[index]
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: throw invalidUTF8()
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { throw endOfFile(expecting: "the rest of a UTF-8 character") }
            let allowed = offset == 1 ? second : 0x80...0xBF
            guard allowed.contains(bytes[index + offset]) else { throw invalidUTF8() }
        }
        index += length
    }

    private func invalidUTF8() -> JSONParseFailure {
        failure("invalid UTF-8 (byte 0x\(hex(UInt32(bytes[index]), width: 2))); save the file as UTF-8")
    }

    /// The text of a string's content with its escapes decoded. Only called once `readString`
    /// has accepted the content, so every escape is complete and every surrogate paired.
    private func unescaped(_ content: Range<Int>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(content.count)
        var position = content.lowerBound
        while position < content.upperBound {
            let byte = bytes[position]
            guard byte == .backslash else {
                utf8.append(byte)
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = hexQuad(at: position)
                position += 4
                if (0xD800...0xDBFF).contains(code) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (hexQuad(at: position + 2) - 0xDC00)
                    position += 6
                }
                UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}") { utf8.append($0) }
            default:
                // `"`, `\` and `/` stand for themselves.
                utf8.append(escape)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private func hexQuad(at position: Int) -> UInt32 {
        bytes[position..<(position + 4)].reduce(0) { $0 << 4 | ($1.hexDigitValue ?? 0) }
    }
}
