/// The words of a pattern's description, for the function and method names generated code gives
/// it: runs of ASCII letters and digits, everything else a separator, except apostrophes, which
/// join (`user's` is one word, `users`).
enum DescriptionWords {
    static func words(_ description: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in description {
            if character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
            } else if character != "'" && character != "’" {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
