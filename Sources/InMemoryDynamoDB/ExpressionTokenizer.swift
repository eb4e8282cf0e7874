import DynamoDBAPI

/// One lexical element of a DynamoDB expression.
enum ExpressionToken: Equatable {
    /// A bare word: an attribute name, a keyword (`AND`, `SET`) or a function name.
    case word(String)
    /// `#name`: an expression attribute name.
    case nameReference(String)
    /// `:value`: an expression attribute value.
    case valueReference(String)
    /// Digits, only meaningful as a list index (`a[3]`).
    case number(Int)
    case symbol(String)
    case end

    var text: String {
        switch self {
        case .word(let word): return word
        case .nameReference(let name): return name
        case .valueReference(let value): return value
        case .number(let number): return String(number)
        case .symbol(let symbol): return symbol
        case .end: return "<EOF>"
        }
    }
}

/// Splits an expression into tokens, rejecting characters DynamoDB's grammar has no place for
/// with DynamoDB's "Syntax error; token" message.
enum ExpressionTokenizer {
    static func tokens(_ text: String, kind: String) throws(DynamoDBError) -> [ExpressionToken] {
        let bytes = Array(text.utf8)
        var tokens: [ExpressionToken] = []
        var index = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "#"), UInt8(ascii: ":"):
                var end = index + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                guard end > index + 1 else {
                    throw ExpressionParser.syntaxError(kind: kind, token: String(decoding: [byte], as: UTF8.self), text: text)
                }
                let name = String(decoding: bytes[index..<end], as: UTF8.self)
                tokens.append(byte == UInt8(ascii: "#") ? .nameReference(name) : .valueReference(name))
                index = end
            case _ where isDigit(byte):
                var end = index
                var value = 0
                while end < bytes.count, isDigit(bytes[end]) {
                    value = min(value * 10 + Int(bytes[end] - 0x30), 1_000_000_000)
                    end += 1
                }
                if end < bytes.count, isWordByte(bytes[end]) {
                    while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                    throw ExpressionParser.syntaxError(kind: kind, token: String(decoding: bytes[index..<end], as: UTF8.self), text: text)
                }
                tokens.append(.number(value))
                index = end
            case _ where isWordByte(byte):
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                tokens.append(.word(String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
            case UInt8(ascii: "<"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                    tokens.append(.symbol("<>")); index += 2
                } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") {
                    tokens.append(.symbol("<=")); index += 2
                } else {
                    tokens.append(.symbol("<")); index += 1
                }
            case UInt8(ascii: ">"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") {
                    tokens.append(.symbol(">=")); index += 2
                } else {
                    tokens.append(.symbol(">")); index += 1
                }
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: "."),
                UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"):
                tokens.append(.symbol(String(decoding: [byte], as: UTF8.self)))
                index += 1
            default:
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                throw ExpressionParser.syntaxError(kind: kind, token: String(decoding: bytes[index..<end], as: UTF8.self), text: text)
            }
        }
        tokens.append(.end)
        return tokens
    }
}
