import DesignEngine
import Requirements

/// TypeScript source fragments for the `typescript/` export: string literals, identifiers,
/// property names and JSDoc text. Model names can be any text (spaces, `delete`, a leading
/// digit, unicode), so every name that becomes code goes through here.
enum TypeScriptText {
    /// Reserved words (ECMAScript, strict mode, TypeScript's contextual type words) and the
    /// names generated code uses itself: no parameter, local or type may take them.
    static let reserved: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "as", "implements", "interface", "let",
        "package", "private", "protected", "public", "static", "yield", "any", "boolean", "constructor", "declare", "get", "module",
        "require", "number", "set", "string", "symbol", "type", "from", "of", "async", "await", "arguments", "eval", "undefined",
        "unknown", "never", "object", "bigint", "keyof", "readonly", "infer", "is", "namespace", "abstract", "accessor", "satisfies",
        // Globals a declaration would shadow, and the names the generated code uses.
        "Array", "Boolean", "Date", "Error", "Map", "Math", "Number", "Object", "Partial", "Pick", "Promise", "Readonly",
        "ReadonlyArray", "Record", "Set", "String", "Symbol", "Uint8Array", "JSON", "NaN", "Infinity",
        "runtime", "item", "items", "keys", "actions", "deletes", "options", "child", "values", "tableNames", "client",
    ]

    /// A double-quoted TypeScript string literal; control characters, NUL and the line
    /// separators escaped, so the source holds the exact text on one line.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Whether a name can be written as it is: an ASCII identifier that is not reserved.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "$") }
    }

    /// A property name in a type or object literal: as it is when it is an identifier
    /// (reserved words are fine as property names), else quoted.
    static func property(_ name: String) -> String {
        isPlainIdentifier(name) ? name : string(name)
    }

    /// A lowerCamel identifier from a name's words (`user_id` → `userId`), never reserved and
    /// never one of the generated code's own locals (`step1`, `round1`, `allStep1`).
    static func camel(_ name: String) -> String {
        let words = asciiWords(name)
        var out = words.enumerated().map { $0.offset == 0 ? $0.element.lowercased() : capitalized($0.element) }.joined()
        if out.isEmpty { out = "value" }
        if out.first!.isNumber { out = "v" + out }
        if out.hasPrefix("step") || out.hasPrefix("round") || out.hasPrefix("allStep") { out = "a" + capitalized(out) }
        return reserved.contains(out) ? out + "_" : out
    }

    /// A PascalCase type name from a name's words (`order_item` → `OrderItem`).
    static func pascal(_ name: String) -> String {
        var out = asciiWords(name).map(capitalized).joined()
        if out.isEmpty { out = "Entity" }
        if out.first!.isNumber { out = "T" + out }
        return reserved.contains(out) ? out + "_" : out
    }

    /// The ASCII letter-and-digit words of a name; other characters separate words.
    static func asciiWords(_ name: String) -> [String] {
        NameWords.split(name).flatMap { word -> [String] in
            var parts: [String] = []
            var current = ""
            for scalar in word.unicodeScalars {
                if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    parts.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { parts.append(current) }
            return parts
        }
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// The method name of a pattern: its description in lowerCamel (`Get user by email` →
    /// `getUserByEmail`), at most 60 characters of whole words.
    static func methodName(description: String) -> String {
        let words = DescriptionWords.words(description)
        var name = ""
        for word in words {
            let next = name.isEmpty ? word.lowercased() : capitalized(word.lowercased())
            if !name.isEmpty, name.count + next.count > 60 { break }
            name += next
        }
        if name.isEmpty { return "pattern" }
        if name.first!.isNumber { name = "pattern" + name }
        return reserved.contains(name) ? name + "_" : name
    }

    /// Text safe inside a `/** ... */` comment on one line: control characters escaped as in
    /// a string, and `*/` broken so it cannot end the comment.
    static func doc(_ text: String) -> String {
        let literal = string(text)
        return String(literal.dropFirst().dropLast())
            .replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "*/", with: "*\\/")
    }

    /// JSDoc text that reads as a sentence: ends with a full stop.
    static func sentence(_ text: String) -> String {
        let escaped = doc(text)
        return escaped.hasSuffix(".") || escaped.isEmpty ? escaped : escaped + "."
    }

    /// A whole number without a decimal point, others as Swift prints them.
    static func number(_ value: Double) -> String {
        Boto3PythonText.number(value)
    }

    /// The TypeScript type of a stored DynamoDB type, as `@aws-sdk/lib-dynamodb` reads it.
    static func type(of type: DynamoDBType) -> String {
        switch type {
        case .string: return "string"
        case .number: return "number"
        case .binary: return "Uint8Array"
        case .boolean: return "boolean"
        case .map: return "Record<string, unknown>"
        case .list: return "unknown[]"
        case .stringSet: return "Set<string>"
        case .numberSet: return "Set<number>"
        case .binarySet: return "Set<Uint8Array>"
        }
    }
}

/// Identifiers unique within one scope (a method's parameters, a module's declarations): a
/// second name that converts to one already taken gets a number.
struct TypeScriptNames {
    private var taken: Set<String>
    private var byKey: [String: String] = [:]

    init(taken: Set<String> = []) {
        self.taken = taken
    }

    /// The identifier for `key` (a stable key such as `User.email`), made from `candidate`.
    mutating func identifier(for key: String, _ candidate: String) -> String {
        if let existing = byKey[key] { return existing }
        var name = candidate
        var counter = 2
        while taken.contains(name) {
            name = candidate + "\(counter)"
            counter += 1
        }
        taken.insert(name)
        byKey[key] = name
        return name
    }
}
