import Requirements

/// Splits a one-line command into words, honouring double and single quotes so that values
/// with spaces can be written as `description="Get user by ID"` or `"Get user by ID"`.
enum CommandLineTokenizer {
    static func tokens(_ line: String) throws(RequirementsError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var inToken = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inToken = true
            case " ", "\t":
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            default:
                current.append(character)
                inToken = true
            }
        }
        if let open = quote { throw RequirementsError("A quote (\(open)) is not closed.") }
        if inToken { tokens.append(current) }
        return tokens
    }

    /// Separates `key=value` words from the others; keys are lower-cased.
    static func keyValues(_ words: [String]) throws(RequirementsError) -> [(key: String, value: String)] {
        try words.map { word throws(RequirementsError) in
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw RequirementsError("\"\(word)\" should be key=value, such as peak=500.")
            }
            return (String(word[..<equals]).lowercased(), String(word[word.index(after: equals)...]))
        }
    }
}
