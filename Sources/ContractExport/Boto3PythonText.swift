/// Python source fragments for the boto3 module: literals, identifiers and docstrings.
enum Boto3PythonText {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
        // Names the generated functions use themselves.
        "dynamodb", "table_names", "item", "items", "changes", "keys", "request", "response", "key", "result",
    ]

    /// A double-quoted Python string literal.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A valid Python identifier for an attribute used as a parameter.
    static func identifier(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        if out.isEmpty || out.first!.isNumber { out = "a_" + out }
        return keywords.contains(out) ? out + "_" : out
    }

    /// `pattern_<id>_<snake words>`: a function name from the pattern's description.
    static func functionName(id: Int, description: String) -> String {
        var words: [String] = []
        var current = ""
        for character in description.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
            } else if character != "'" && character != "’" {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var name = "pattern_\(id)"
        for word in words {
            if name.count + word.count + 1 > 64 { break }
            name += "_" + word
        }
        return name
    }

    /// Text safe inside a triple-quoted docstring.
    static func docText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"")
    }

    /// A whole number without a decimal point, others as Swift prints them.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
