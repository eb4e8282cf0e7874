/// The one normalization both sides' type text goes through before comparison. Each rule is a
/// spelling the server itself treats as identical; anything else must match exactly.
///
/// - Case and spacing: keywords lower-case, no spaces after commas or inside parentheses (quoted
///   ENUM/SET members are left untouched).
/// - Integer display widths: MariaDB's COLUMN_TYPE always has one (`int(11)`, `int(10) unsigned`)
///   while the parser's normalized text drops it (`int unsigned`). The width is removed from the
///   text and compared separately, whenever the parser states one.
/// - `year(4)`: the only width YEAR has; MariaDB always shows it.
/// - Fractional seconds `(0)` on TIME/DATETIME/TIMESTAMP: the default; MariaDB shows none.
enum ColumnTypeText {
    static let integerTypes: Set<String> = ["tinyint", "smallint", "mediumint", "int", "integer", "bigint"]
    static let temporalTypes: Set<String> = ["time", "datetime", "timestamp"]

    /// (normalized text, integer display width if the text had one).
    static func normalize(_ text: String) -> (text: String, displayWidth: Int?) {
        let tidy = tidied(text)
        let base = String(tidy.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        let rest = tidy.dropFirst(base.count)
        guard rest.hasPrefix("("), let close = rest.firstIndex(of: ")") else { return (tidy, nil) }
        let argument = rest[rest.index(after: rest.startIndex)..<close]
        let after = rest[rest.index(after: close)...]
        if integerTypes.contains(base), let width = Int(argument) {
            return (base + after, width)
        }
        if base == "year" && argument == "4" { return (base + after, nil) }
        if temporalTypes.contains(base) && argument == "0" { return (base + after, nil) }
        return (tidy, nil)
    }

    /// Lower-cases and strips optional spaces outside single-quoted strings.
    static func tidied(_ text: String) -> String {
        var result = ""
        var inQuote = false
        var pendingSpace = false
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuote {
                result.append(character)
                if character == "\\", index + 1 < characters.count {
                    index += 1
                    result.append(characters[index])
                } else if character == "'" {
                    if index + 1 < characters.count, characters[index + 1] == "'" {
                        index += 1
                        result.append("'")
                    } else {
                        inQuote = false
                    }
                }
            } else if character == " " || character == "\t" || character == "\n" {
                pendingSpace = true
            } else {
                let glued = character == "," || character == ")" || character == "("
                    || result.last == "," || result.last == "("
                if pendingSpace, !glued, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                if character == "'" { inQuote = true }
                result.append(contentsOf: inQuote ? String(character) : character.lowercased())
            }
            index += 1
        }
        return result
    }

    /// The members of an `enum(...)` or `set(...)` type as MariaDB's COLUMN_TYPE writes them
    /// (single-quoted, quotes doubled), unquoted.
    static func members(of columnType: String) -> [String] {
        let lower = columnType.lowercased()
        guard lower.hasPrefix("enum(") || lower.hasPrefix("set(") else { return [] }
        var members: [String] = []
        var current = ""
        var inQuote = false
        let characters = Array(columnType)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuote {
                if character == "'" {
                    if index + 1 < characters.count, characters[index + 1] == "'" {
                        current.append("'")
                        index += 1
                    } else {
                        inQuote = false
                        members.append(current)
                        current = ""
                    }
                } else if character == "\\", index + 1 < characters.count {
                    index += 1
                    current.append(characters[index])
                } else {
                    current.append(character)
                }
            } else if character == "'" {
                inQuote = true
            }
            index += 1
        }
        return members
    }
}
