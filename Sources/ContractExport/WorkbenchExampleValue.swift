import JSONCore
import MigrationContract

/// An example value in the engine's DynamoDB notation (`"usr-0001"`, `19.99`, `true`,
/// `["a", "b"]`, `{…}`) turned into DynamoDB JSON (`{"S": "usr-0001"}`) for the declared type.
enum WorkbenchExampleValue {
    static func json(_ text: String, type: String) -> OrderedJSON {
        let trimmed = text.trimmedOfSpaces
        switch type {
        case "N": return .object([("N", .string(trimmed))])
        case "BOOL": return .object([("BOOL", .bool(trimmed == "true"))])
        case "B": return .object([("B", .string(unquoted(trimmed)))])
        case "L": return .object([("L", .array(elements(trimmed).map(element)))])
        case "SS": return .object([("SS", .array(elements(trimmed).map { .string(unquoted($0)) }))])
        case "NS": return .object([("NS", .array(elements(trimmed).map { .string($0) }))])
        case "M": return .object([("M", .object([]))])
        default: return .object([("S", .string(unquoted(trimmed)))])
        }
    }

    /// A list element typed by its own notation.
    private static func element(_ text: String) -> OrderedJSON {
        if text.hasPrefix("\"") { return json(text, type: "S") }
        if text == "true" || text == "false" { return json(text, type: "BOOL") }
        if text.hasPrefix("{") { return json(text, type: "M") }
        if text.hasPrefix("[") { return json(text, type: "L") }
        return json(text, type: Double(text) != nil ? "N" : "S")
    }

    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// The top-level elements of `[a, "b, c", d]`, split at commas outside quotes and brackets.
    static func elements(_ text: String) -> [String] {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return text.isEmpty ? [] : [text] }
        var result: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where quoted: escaped = true; current.append(character)
            case "\"": quoted.toggle(); current.append(character)
            case "[", "{":
                if !quoted { depth += 1 }
                current.append(character)
            case "]", "}":
                if !quoted { depth -= 1 }
                current.append(character)
            case "," where !quoted && depth == 0:
                result.append(current.trimmedOfSpaces)
                current = ""
            default: current.append(character)
            }
        }
        let last = current.trimmedOfSpaces
        if !last.isEmpty { result.append(last) }
        return result
    }
}

extension String {
    /// The text without leading and trailing spaces (no Foundation in this module).
    var trimmedOfSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
