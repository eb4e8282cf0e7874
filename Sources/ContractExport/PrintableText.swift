/// The characters an export escapes wherever it writes text from the model, so every reader
/// gets the text back as written (docs/export.md).
enum PrintableText {
    /// Whether `scalar` is one a reader may not give back as written: everything outside YAML
    /// 1.2's printable set (C0 controls, DEL, C1 controls U+0080–U+009F, U+FFFE, U+FFFF) and the
    /// characters YAML 1.1 readers treat as line breaks or a byte order mark (U+2028, U+2029,
    /// U+FEFF). Quoted strings escape them; comments spell them `U+XXXX`.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// A comment's text with every character `needsEscape(_:)` selects (tab aside) replaced by
    /// its `U+XXXX` spelling: a comment has no escapes, and a raw line break there would end it
    /// and start configuration.
    static func comment(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && scalar != "\t" {
                out += "U+" + hex(scalar, width: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The scalar's code point in uppercase hexadecimal, zero-padded to `width` digits.
    static func hex(_ scalar: Unicode.Scalar, width: Int) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
