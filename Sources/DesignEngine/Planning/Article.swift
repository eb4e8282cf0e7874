/// "a User", "an Order": the indefinite article for a name, so generated sentences read right.
enum Article {
    static func a(_ name: String) -> String {
        guard let first = name.lowercased().first else { return name }
        return ("aeiou".contains(first) ? "an " : "a ") + name
    }

    static func capitalizedA(_ name: String) -> String {
        let phrase = a(name)
        return phrase.prefix(1).uppercased() + phrase.dropFirst()
    }
}
