import Foundation

/// Finds the first JSON syntax error in a document and says where it is and what was expected there.
///
/// `JSONDecoder` only says "The given data was not valid JSON", which leaves a user who hand-edited
/// `session.json` with no idea where to look. This checker follows RFC 8259 strictly (no comments, no
/// trailing commas, no `NaN`), validates UTF-8 and `\u` surrogate pairs the way `JSONDecoder` does, and
/// accepts a leading UTF-8 byte order mark as `JSONDecoder` does. It never recurses: nesting is tracked on
/// an explicit stack capped at `maximumDepth`, so hostile input cannot exhaust the call stack.
public enum JSONSyntaxChecker {
    /// The deepest nesting of arrays and objects accepted; `JSONDecoder` refuses anything deeper too.
    public static let maximumDepth = 512

    /// Returns nil when `data` is one valid JSON value surrounded by optional whitespace, else the first error.
    public static func firstError(in data: Data) -> JSONSyntaxError? {
        var scanner = Scanner(bytes: [UInt8](data))
        do {
            try scanner.scanDocument()
            return nil
        } catch {
            let (line, column) = scanner.lineAndColumn(of: error.offset)
            return JSONSyntaxError(
                line: line, column: column, message: error.message, isUnexpectedEndOfFile: error.isEndOfFile)
        }
    }
}

/// Where scanning stopped and why; turned into a `JSONSyntaxError` once the line and column are known.
private struct Failure: Error {
    let offset: Int
    let message: String
    let isEndOfFile: Bool
}

/// A state machine over the bytes, with the open arrays and objects on an explicit stack.
private struct Scanner {
    let bytes: [UInt8]
    private var index = 0
    private var openContainers: [UInt8] = []
    private var hasByteOrderMark = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Where the scanner expects a value, which decides what else may legally appear instead.
    private enum ValueContext {
        case topLevel, firstElement, elementAfterComma, memberValue

        var expectation: String {
            switch self {
            case .topLevel: "a JSON value"
            case .firstElement: "a value or ']'"
            case .elementAfterComma: "a value after ','"
            case .memberValue: "a value after ':'"
            }
        }
    }

    private enum State {
        case value(ValueContext)
        case key(first: Bool)
        case colon
        case afterValue
    }

    mutating func scanDocument() throws(Failure) {
        try skipByteOrderMark()
        var state = State.value(.topLevel)
        while true {
            skipWhitespace()
            switch state {
            case .value(let context):
                try scanValue(in: context, state: &state)
            case .key(let first):
                try scanKey(first: first, state: &state)
            case .colon:
                guard index < bytes.count else { throw endOfFile(expecting: "':' after the object key") }
                guard bytes[index] == .colon else { throw failure("expected ':' after the object key") }
                index += 1
                state = .value(.memberValue)
            case .afterValue:
                guard let container = openContainers.last else {
                    guard index < bytes.count else { return }
                    throw failure(
                        bytes[index] == .slash
                            ? "comments are not allowed in JSON"
                            : "expected the end of the file after the JSON value (only whitespace may follow it)")
                }
                let (comma, next, expectation): (State, UInt8, String) =
                    container == .openBracket
                    ? (.value(.elementAfterComma), .closeBracket, "',' or ']' after an array element")
                    : (.key(first: false), .closeBrace, "',' or '}' after an object member")
                guard index < bytes.count else { throw endOfFile(expecting: expectation) }
                switch bytes[index] {
                case .comma:
                    index += 1
                    state = comma
                case next:
                    index += 1
                    openContainers.removeLast()
                case .slash:
                    throw failure("comments are not allowed in JSON")
                default:
                    throw failure("expected \(expectation)")
                }
            }
        }
    }

    // MARK: - Values and keys

    private mutating func scanValue(in context: ValueContext, state: inout State) throws(Failure) {
        guard index < bytes.count else {
            if context == .topLevel {
                throw Failure(
                    offset: index, message: "the document is empty; expected a JSON value", isEndOfFile: false)
            }
            throw endOfFile(expecting: context.expectation)
        }
        switch bytes[index] {
        case .openBrace:
            try open()
            state = .key(first: true)
        case .openBracket:
            try open()
            state = .value(.firstElement)
        case .quote:
            try scanString()
            state = .afterValue
        case .minus, .digitZero ... .digitNine:
            try scanNumber()
            state = .afterValue
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            try scanWord()
            state = .afterValue
        case .closeBracket where context == .firstElement:
            index += 1
            openContainers.removeLast()
            state = .afterValue
        case .closeBracket where context == .elementAfterComma:
            throw failure("trailing comma before ']'; remove the ',' after the last element")
        case .slash:
            throw failure("comments are not allowed in JSON")
        case .apostrophe:
            throw failure("strings must be in double quotes, not single quotes")
        default:
            throw failure("expected \(context.expectation)")
        }
    }

    private mutating func scanKey(first: Bool, state: inout State) throws(Failure) {
        let expectation = first ? "a string key or '}'" : "a string key after ','"
        guard index < bytes.count else { throw endOfFile(expecting: expectation) }
        let byte = bytes[index]
        switch byte {
        case .quote:
            try scanString()
            state = .colon
        case .closeBrace where first:
            index += 1
            openContainers.removeLast()
            state = .afterValue
        case .closeBrace:
            throw failure("trailing comma before '}'; remove the ',' after the last member")
        case .slash:
            throw failure("comments are not allowed in JSON")
        case .apostrophe:
            throw failure("strings must be in double quotes, not single quotes")
        case _ where byte.isASCIILetter || byte == .underscore:
            throw failure("object keys must be strings in double quotes")
        default:
            throw failure("expected \(expectation)")
        }
    }

    private mutating func open() throws(Failure) {
        guard openContainers.count < JSONSyntaxChecker.maximumDepth else {
            throw failure("arrays and objects are nested more than \(JSONSyntaxChecker.maximumDepth) levels deep")
        }
        openContainers.append(bytes[index])
        index += 1
    }

    /// `true`, `false` or `null`; any other bare word (`NaN`, `Infinity`, `yes`) is named in the error.
    private mutating func scanWord() throws(Failure) {
        let start = index
        while index < bytes.count && bytes[index].isASCIILetter { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        let literals = ["true", "false", "null"]
        if literals.contains(word) { return }
        if index == bytes.count, let literal = literals.first(where: { $0.hasPrefix(word) }) {
            throw endOfFile(expecting: "'\(literal)'")
        }
        let shown = word.count > 20 ? String(word.prefix(20)) + "…" : word
        throw Failure(
            offset: start,
            message: "unknown word '\(shown)'; expected a value (a string in double quotes, a number, "
                + "an object, an array, true, false or null)",
            isEndOfFile: false)
    }

    // MARK: - Numbers

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func scanNumber() throws(Failure) {
        let start = index
        if bytes[index] == .minus {
            index += 1
            try requireDigit(after: "'-'")
        }
        if bytes[index] == .digitZero {
            index += 1
            if index < bytes.count && bytes[index].isASCIIDigit {
                throw Failure(offset: start, message: "numbers must not have leading zeros", isEndOfFile: false)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count && bytes[index] == .period {
            index += 1
            try requireDigit(after: "the decimal point")
            skipDigits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == .plus || bytes[index] == .minus) { index += 1 }
            try requireDigit(after: "the exponent marker")
            skipDigits()
        }
    }

    private func requireDigit(after what: String) throws(Failure) {
        guard index < bytes.count else { throw endOfFile(expecting: "a digit after \(what)") }
        guard bytes[index].isASCIIDigit else { throw failure("expected a digit after \(what)") }
    }

    private mutating func skipDigits() {
        while index < bytes.count && bytes[index].isASCIIDigit { index += 1 }
    }

    // MARK: - Strings

    private mutating func scanString() throws(Failure) {
        index += 1
        while true {
            guard index < bytes.count else { throw endOfFile(expecting: "a closing '\"' for the string") }
            let byte = bytes[index]
            switch byte {
            case .quote:
                index += 1
                return
            case .backslash:
                try scanEscape()
            case .lineFeed:
                throw failure("line break inside a string; is the closing '\"' missing? (write a line break as \\n)")
            case 0..<0x20:
                throw failure(
                    "control character U+\(hex(UInt32(byte))) inside a string; "
                        + "write it as an escape such as \\t or \\u\(hex(UInt32(byte)))")
            case 0..<0x80:
                index += 1
            default:
                try scanMultiByteCharacter()
            }
        }
    }

    private mutating func scanEscape() throws(Failure) {
        let start = index
        index += 1
        guard index < bytes.count else { throw endOfFile(expecting: "an escape character after '\\'") }
        switch bytes[index] {
        case .quote, .backslash, .slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            index += 1
            let unit = try scanHexQuad()
            switch unit {
            case 0xD800...0xDBFF:
                try scanLowSurrogate(after: unit, escapeStart: start)
            case 0xDC00...0xDFFF:
                throw Failure(
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
    private mutating func scanLowSurrogate(after high: UInt32, escapeStart: Int) throws(Failure) {
        let unpaired = Failure(
            offset: escapeStart,
            message: "unpaired high surrogate \\u\(hex(high)); "
                + "it must be followed by a low surrogate (\\uDC00 to \\uDFFF)",
            isEndOfFile: false)
        guard index < bytes.count else { throw endOfFile(expecting: "a low surrogate escape \\uDC00 to \\uDFFF") }
        guard bytes[index] == .backslash else { throw unpaired }
        guard index + 1 < bytes.count else { throw endOfFile(expecting: "a low surrogate escape \\uDC00 to \\uDFFF") }
        guard bytes[index + 1] == UInt8(ascii: "u") else { throw unpaired }
        index += 2
        let low = try scanHexQuad()
        guard (0xDC00...0xDFFF).contains(low) else { throw unpaired }
    }

    private mutating func scanHexQuad() throws(Failure) -> UInt32 {
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
    private mutating func scanMultiByteCharacter() throws(Failure) {
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

    private func invalidUTF8() -> Failure {
        failure("invalid UTF-8 (byte 0x\(hex(UInt32(bytes[index]), width: 2))); save the file as UTF-8")
    }

    // MARK: - Whitespace and byte order marks

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .lineFeed, .carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func skipByteOrderMark() throws(Failure) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            hasByteOrderMark = true
            index = 3
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw failure("the file is encoded as UTF-16; save it as UTF-8")
        }
    }

    // MARK: - Errors and positions

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? index, message: message, isEndOfFile: false)
    }

    private func endOfFile(expecting expectation: String) -> Failure {
        Failure(offset: bytes.count, message: "unexpected end of file; expected \(expectation)", isEndOfFile: true)
    }

    /// Counts lines by `\n` and columns by Unicode scalars (bytes that do not continue a UTF-8 sequence).
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<offset where bytes[position] == .lineFeed {
            line += 1
            lineStart = position + 1
        }
        var column = 1
        for position in lineStart..<offset where bytes[position] & 0xC0 != 0x80 {
            column += 1
        }
        if hasByteOrderMark && lineStart == 0 && offset >= 3 {
            column -= 1
        }
        return (line, column)
    }

    /// A character for a message: itself when printable ASCII, else its code.
    private func describeCharacter(at position: Int) -> String {
        let byte = bytes[position]
        if (0x21...0x7E).contains(byte) { return String(UnicodeScalar(byte)) }
        return "(byte 0x\(hex(UInt32(byte), width: 2)))"
    }

    private func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let apostrophe = UInt8(ascii: "'")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let period = UInt8(ascii: ".")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let digitZero = UInt8(ascii: "0")
    fileprivate static let digitNine = UInt8(ascii: "9")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let underscore = UInt8(ascii: "_")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")

    fileprivate var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }

    fileprivate var hexDigitValue: UInt32? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(self - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(self - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
