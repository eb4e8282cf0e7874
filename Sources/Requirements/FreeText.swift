/// What free text may contain and how long it may be: the one rule for every line typed at the
/// prompt, every value of a requirements YAML file, and the names a MySQL schema brings in.
///
/// Text a user types is echoed to the terminal and written into `dynamodb_requirement.md`, so a
/// control character in it is not just noise: an escape sequence (ESC `[`…) can rewrite the
/// screen or the window title, a carriage return hide what precedes it, a NUL cut a C string, and
/// a bidirectional override show text in another order than it is stored. Such characters are
/// refused where text enters, with the character and its position named, rather than cleaned up
/// later. Sizes are bounded too: a description is read by people and rendered on every save.
public enum FreeText {
    /// The most a description, a domain, an owner, a latency or a reason may hold: 4 KB (UTF-8).
    public static let answerLimit = 4_096
    /// The business context may run to a few paragraphs: 16 KB.
    public static let contextLimit = 16_384
    /// The longest line the prompt takes (a one-line command with many fields): 64 KB.
    public static let lineLimit = 65_536

    /// A character that text may not contain, and where: its position counts Unicode scalars
    /// from 1, as a person counts characters.
    public struct Forbidden: Equatable, Sendable {
        public let scalar: Unicode.Scalar
        public let position: Int
    }

    /// The first character `text` may not contain: C0 controls except tab (and line feed when
    /// `allowingLineBreaks`, for a YAML block value), DEL, C1 controls (U+0080–U+009F, NEL among
    /// them), and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069).
    public static func firstForbidden(in text: String, allowingLineBreaks: Bool = false) -> Forbidden? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if isForbidden(scalar, allowingLineBreaks: allowingLineBreaks) { return Forbidden(scalar: scalar, position: position) }
        }
        return nil
    }

    public static func isForbidden(_ scalar: Unicode.Scalar, allowingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !allowingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Checks `text` for forbidden characters and its size. `what` names the text as a message
    /// starts: "The description", "The line".
    public static func check(_ text: String, what: String, limit: Int, allowingLineBreaks: Bool = false) throws(RequirementsError) {
        let size = text.utf8.count
        if size > limit {
            throw RequirementsError(
                "\(what) is \(grouped(size)) bytes long; at most \(grouped(limit)) (\(limit / 1024) KB) are accepted. Shorten it, and keep longer material in a document of its own.")
        }
        if let forbidden = firstForbidden(in: text, allowingLineBreaks: allowingLineBreaks) {
            throw RequirementsError(message(what, forbidden))
        }
    }

    /// "The description contains the control character U+001B (ESC) at character 12; …".
    public static func message(_ what: String, _ forbidden: Forbidden) -> String {
        "\(what) contains \(describe(forbidden.scalar)) at character \(forbidden.position); control characters, "
            + "terminal escape sequences and bidirectional-text overrides are not accepted. Remove it and try again."
    }

    /// `the control character U+001B (ESC)`, `the bidirectional override U+202E (RLO)`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = codePoint(scalar)
        if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
            return "the bidirectional-text control \(code)\(abbreviation(scalar).map { " (\($0))" } ?? "")"
        }
        return "the control character \(code)\(abbreviation(scalar).map { " (\($0))" } ?? "")"
    }

    /// `text` with every forbidden character written as `\u{1B}`, for quoting text in a message
    /// without sending what it contains to the terminal.
    public static func visible(_ text: String) -> String {
        guard firstForbidden(in: text, allowingLineBreaks: false) != nil else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The usual short names of the characters people meet in pasted text.
    static func abbreviation(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00: "NUL"
        case 0x07: "BEL"
        case 0x08: "backspace"
        case 0x0A: "line feed"
        case 0x0B: "vertical tab"
        case 0x0C: "form feed"
        case 0x0D: "carriage return"
        case 0x1B: "ESC"
        case 0x7F: "DEL"
        case 0x85: "NEL"
        case 0x9B: "CSI"
        case 0x202A: "LRE"
        case 0x202B: "RLE"
        case 0x202C: "PDF"
        case 0x202D: "LRO"
        case 0x202E: "RLO"
        case 0x2066: "LRI"
        case 0x2067: "RLI"
        case 0x2068: "FSI"
        case 0x2069: "PDI"
        default: nil
        }
    }

    /// `409,600`: sizes read more easily with thousands separators.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
