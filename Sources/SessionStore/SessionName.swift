/// The rule for session names, the one every path that creates a session applies.
///
/// A name becomes a folder name and a word in the commands ddbmodel prints for the user to paste
/// (`ddbmodel resume Sessions/NAME`), so it is kept to what needs no quoting anywhere: ASCII
/// letters, digits, `-` and `_`, starting with a letter or a digit (a leading `-` would read as an
/// option), at most `maximumLength` characters.
public enum SessionName {
    public static let maximumLength = 100

    /// Why `name` cannot be a session name, phrased to follow "cannot be used as a session name: ";
    /// nil when it can.
    public static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "it is empty" }
        if let other = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "it contains \(describe(other)); use only letters, digits, - and _"
        }
        if first == "-" || first == "_" { return "it must start with a letter or a digit" }
        if name.unicodeScalars.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        return nil
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
        default: false
        }
    }

    /// `' '`, `'/'`, or `U+001B` for a character that would not show.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value >= 0x21 && scalar.value < 0x7F { return "'\(Character(scalar))'" }
        if scalar == " " { return "a space" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
