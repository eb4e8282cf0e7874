/// DynamoDB's naming rules for the names a user can choose at the design stage.
enum DesignNameRules {
    /// Table and index names: 3 to 255 characters from `A-Z a-z 0-9 _ . -`.
    static func tableOrIndexProblem(_ name: String, what: String) -> String? {
        let length = name.unicodeScalars.count
        guard (3...255).contains(length) else {
            return "\(what) names take 3 to 255 characters; \"\(name)\" has \(length)."
        }
        guard let bad = name.unicodeScalars.first(where: { !isNameCharacter($0) }) else { return nil }
        return "\(what) names use only letters, digits, _ . and - (\"\(name)\" contains \"\(bad)\")."
    }

    /// Attribute names: 1 to 255 bytes of UTF-8 (the limit for key attributes, kept for all so any
    /// attribute can become a key later).
    static func attributeProblem(_ name: String) -> String? {
        let bytes = name.utf8.count
        guard (1...255).contains(bytes) else { return "Attribute names take 1 to 255 bytes; \"\(name)\" has \(bytes)." }
        return nil
    }

    /// A prefix for `/naming`: the same characters as a table name, short enough to leave room.
    static func prefixProblem(_ prefix: String) -> String? {
        guard !prefix.isEmpty, prefix.unicodeScalars.count <= 200 else { return "A prefix takes 1 to 200 characters." }
        guard let bad = prefix.unicodeScalars.first(where: { !isNameCharacter($0) }) else { return nil }
        return "A prefix uses only letters, digits, _ . and - (\"\(prefix)\" contains \"\(bad)\")."
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." || scalar == "-"
    }
}
