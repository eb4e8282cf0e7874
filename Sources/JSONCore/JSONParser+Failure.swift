/// Where reading stopped and why; turned into a `JSONSyntaxError` once the line and column are known.
struct JSONParseFailure: Error {
    let offset: Int
    let message: String
    let isEndOfFile: Bool
}

extension JSONParser {
    func failure(_ message: String, at offset: Int? = nil) -> JSONParseFailure {
        JSONParseFailure(offset: offset ?? index, message: message, isEndOfFile: false)
    }

    func endOfFile(expecting expectation: String) -> JSONParseFailure {
        JSONParseFailure(offset: bytes.count, message: "unexpected end of file; expected \(expectation)", isEndOfFile: true)
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
    func describeCharacter(at position: Int) -> String {
        let byte = bytes[position]
        if (0x21...0x7E).contains(byte) { return String(UnicodeScalar(byte)) }
        return "(byte 0x\(hex(UInt32(byte), width: 2)))"
    }

    func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let digitZero = UInt8(ascii: "0")
    static let digitNine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }

    var hexDigitValue: UInt32? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(self - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(self - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
