/// "a User", "an Order": the indefinite article for a name, so generated sentences read right.
enum Article {
    static func a(_ name: String) -> String {
        let lower = name.lowercased()
        guard let first = lower.first else { return name }
        // "a User", "a Unit": a leading "u" sounding like "you" takes "a".
        let soundsLikeYou = ["uni", "use", "usa", "usu", "uti", "ura", "ure", "uro", "eu"].contains { lower.hasPrefix($0) }
        return ("aeiou".contains(first) && !soundsLikeYou ? "an " : "a ") + name
    }

    static func capitalizedA(_ name: String) -> String {
        let phrase = a(name)
        return phrase.prefix(1).uppercased() + phrase.dropFirst()
    }
}
