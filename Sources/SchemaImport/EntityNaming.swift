import Requirements

/// Names for entities and attributes made from MySQL identifiers: `order_items` becomes
/// `OrderItem`, a column keeps its name unless DynamoDB-unfriendly characters force a change.
/// The user can rename anything at the review.
enum EntityNaming {
    /// PascalCase, singular: `users` → `User`, `order_items` → `OrderItem`, `categories` → `Category`.
    static func entityName(forTable table: String) -> String {
        let words = splitWords(table)
        guard let last = words.last else { return "Table" }
        let singular = words.dropLast() + [singularize(last)]
        let name = singular.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return NameRules.isIdentifier(name) ? name : "T" + name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The column name when it is a valid attribute name; otherwise invalid characters become `_`.
    static func attributeName(forColumn column: String) -> String {
        if NameRules.isIdentifier(column) { return column }
        var name = String(column.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        })
        if !(name.first?.isLetter ?? false) { name = "c_" + name }
        return name
    }

    /// A name not in `taken` (lower-cased names), adding 2, 3, … when needed.
    static func unique(_ name: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(name.lowercased()) else { return name }
        var counter = 2
        while taken.contains("\(name)\(counter)".lowercased()) { counter += 1 }
        return "\(name)\(counter)"
    }

    static func splitWords(_ identifier: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in identifier {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// English plural endings common in table names; irregular ones stay as they are.
    static func singularize(_ word: String) -> String {
        let keep = ["status", "address", "news", "series", "species", "analysis", "data", "metadata", "access", "process", "class", "bus", "campus"]
        if keep.contains(word) || word.count <= 3 { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "xes", "ches", "shes", "uses"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
