/// Python source fragments for the boto3 module: literals, identifiers and docstrings.
enum Boto3PythonText {
    /// Names a generated identifier must not take: Python's keywords and soft keywords, the
    /// builtins an attribute name could shadow, and the names the generated functions use.
    static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield", "match", "case", "type", "_",
        // Builtins an attribute named `list` or `id` would otherwise shadow inside a function.
        "abs", "all", "any", "bool", "bytes", "callable", "chr", "dict", "dir", "divmod", "enumerate", "filter", "float", "format",
        "frozenset", "getattr", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "iter", "len", "list", "map", "max",
        "min", "next", "object", "oct", "open", "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "setattr",
        "slice", "sorted", "str", "sum", "super", "tuple", "vars", "zip", "Decimal",
        // Names the generated functions use themselves.
        "dynamodb", "table_names", "item", "items", "keys", "actions", "deletes", "result", "request", "response", "child", "value", "values",
        "base64",
    ]

    /// A double-quoted Python string literal; every control character, NUL included, escaped.
    static func string(_ value: String) -> String {
        "\"" + escaped(value, quote: "\"") + "\""
    }

    /// `quote` is the delimiter to escape; nil escapes no quote (the caller handles them).
    static func escaped(_ value: String, quote: Character?) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if let quote, Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else if scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A valid Python identifier for a name (ASCII letters, digits and `_`), never a reserved one.
    static func identifier(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        if out.isEmpty || out.first!.isNumber { out = "a_" + out }
        // Leading underscores are the module's helpers; step_N and round_N its locals.
        if out.hasPrefix("_") || out.hasPrefix("step_") || out.hasPrefix("round_") { return "a" + out + "_" }
        return reserved.contains(out) ? out + "_" : out
    }

    /// `pattern_<id>_<snake words>`: a function name from the pattern's description.
    static func functionName(id: Int, description: String) -> String {
        let words = DescriptionWords.words(description.lowercased())
        var name = "pattern_\(id)"
        for word in words {
            if name.count + word.count + 1 > 64 { break }
            name += "_" + word
        }
        return name
    }

    /// Text safe inside a triple-quoted docstring: backslashes and control characters escaped
    /// (a NUL byte in a source file is a syntax error), and a quote escaped where it could end
    /// the docstring (before another quote, or last); other quotes stay readable.
    static func docText(_ text: String) -> String {
        let characters = Array(escaped(text, quote: nil))
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == "\"", index + 1 == characters.count || characters[index + 1] == "\"" {
                out += "\\\""
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// A whole number without a decimal point, others as Swift prints them.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// Identifiers for one function's parameters and locals, unique within it: `item` and `item_`
/// both stay distinct, a second attribute that sanitizes to a name taken gets a number.
struct Boto3Names {
    private var taken: Set<String> = []
    private var byKey: [String: String] = [:]

    /// The identifier for `key` (a stable key such as `User.email`), made from `name`.
    mutating func identifier(for key: String, from name: String) -> String {
        if let existing = byKey[key] { return existing }
        var candidate = Boto3PythonText.identifier(name)
        var counter = 2
        while taken.contains(candidate) {
            candidate = Boto3PythonText.identifier(name) + "_\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        byKey[key] = candidate
        return candidate
    }
}
