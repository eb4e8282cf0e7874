/// Byte classes the lexer and parser share.
enum ByteClass {
    /// Bytes an unquoted identifier is made of: ASCII letters and digits, `_`, `$`, and every
    /// byte of a multi-byte UTF-8 character.
    @inline(__always)
    static func isIdentifier(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x24: return true
        default: return byte >= 0x80
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    /// Space, tab, CR, vertical tab, form feed (newline is counted separately).
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
