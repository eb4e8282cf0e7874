/// Words of a command printed for the user to paste into a POSIX shell, quoted so the shell
/// reads each back as exactly that word.
///
/// A path such as `Sessions/$(rm -rf ~)` or `my shop` printed as is would run a command
/// substitution or split in two when pasted. A word made only of characters no shell treats
/// specially is left as it is (so the usual `ddbmodel resume Sessions/shop` reads naturally);
/// anything else is wrapped in single quotes, inside which nothing is special, and each single
/// quote in it is written as `'\''` (close, an escaped quote, reopen).
public enum ShellQuoting {
    /// `word` as one shell word.
    public static func quote(_ word: String) -> String {
        guard !word.isEmpty else { return "''" }
        if word.unicodeScalars.allSatisfy(isPlain) { return word }
        var quoted = "'"
        for character in word.unicodeScalars {
            if character == "'" { quoted += #"'\''"# } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "'"
    }

    /// The words quoted and joined with spaces: a line the shell splits back into `words`.
    public static func command(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    /// ASCII letters, digits and `_ - . / , : = + @ %`: never special to a POSIX shell, also not
    /// at the start of a word (unlike `~` or `#`).
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/", ",", ":", "=", "+", "@", "%": true
        default: false
        }
    }
}
