import Requirements

/// One sample value in DynamoDB's notation for its type: `"usr-0001"` for a string, `42` for a
/// number, `true`, `["a", "b"]`, `{…}`.
///
/// Values depend only on the attribute's name, type and the example number, so the same
/// attribute shows the same value wherever it appears (an order's `user_id` matches its user).
/// They stay short because the document shows them in a markdown table.
enum ExampleValueWriter {
    /// 2026-01-15T09:30:00Z as epoch seconds, for numeric timestamps and TTLs.
    static let epochBase = 1_768_469_400

    static func text(name: String, entity: String, attribute: Attribute?, type: DynamoDBType, ordinal: Int) -> String {
        let words = NameWords.split(name).map { $0.lowercased() }
        switch type {
        case .boolean: return ordinal % 2 == 1 ? "true" : "false"
        case .number: return number(words, attribute: attribute, ordinal: ordinal)
        case .binary: return quoted(ordinal % 2 == 1 ? "AQID" : "BAUG")
        case .map: return "{…}"
        case .list: return attribute?.type == .list ? list(words, attribute: attribute, ordinal: ordinal) : "[{…}, {…}]"
        case .stringSet, .numberSet, .binarySet: return list(words, attribute: attribute, ordinal: ordinal)
        case .string: return quoted(string(words, name: name, entity: entity, attribute: attribute, ordinal: ordinal))
        }
    }

    // MARK: Numbers

    static func number(_ words: [String], attribute: Attribute?, ordinal: Int) -> String {
        let has = { (candidates: [String]) in words.contains { candidates.contains($0) } }
        if attribute?.type == .boolean { return ordinal % 2 == 1 ? "1" : "0" }
        if isIdentifier(words) { return String(1_000 + ordinal) }
        if has(["percent", "percentage", "pct", "rate", "ratio"]) { return pick(["10", "25"], ordinal) }
        if has(["price", "amount", "total", "cost", "balance", "fee", "subtotal", "tax", "discount"]) { return pick(["19.99", "42.5"], ordinal) }
        if has(["ttl", "expires", "expiry", "epoch"]) || isTimestamp(words, attribute: attribute) {
            return String(epochBase + (ordinal - 1) * 86_400)
        }
        if has(["year"]) { return String(2_024 + ordinal) }
        if has(["quantity", "qty", "count", "stock"]) { return String(ordinal + 1) }
        if has(["rating", "score", "stars"]) { return String(3 + ordinal % 3) }
        if has(["age"]) { return pick(["34", "28"], ordinal) }
        if has(["version", "position", "rank", "order", "sequence", "seq", "no", "number", "num", "line"]) { return String(ordinal) }
        return String(ordinal * 10)
    }

    // MARK: Strings

    static func string(_ words: [String], name: String, entity: String, attribute: Attribute?, ordinal: Int) -> String {
        let has = { (candidates: [String]) in words.contains { candidates.contains($0) } }
        if let values = quotedValues(attribute?.source?.mysqlType, prefix: "enum("), !values.isEmpty { return pick(values, ordinal) }
        let day = 15 + (ordinal - 1) % 14
        // An end, expiry or deadline falls a month after the start it pairs with.
        let month = has(["end", "ends", "until", "expires", "expiry", "deadline", "due"]) ? "02" : "01"
        let dated = attribute?.type == .date || attribute?.type == .datetime
        if isIdentifier(words), !dated {
            let base = words.count > 1 ? Array(words.dropLast()) : NameWords.split(entity).map { $0.lowercased() }
            return "\(prefix(base))-\(padded(ordinal))"
        }
        if attribute?.type == .datetime || (attribute?.type != .date && isTimestamp(words, attribute: attribute)) {
            return "2026-\(month)-\(day)T09:30:00Z"
        }
        if attribute?.type == .date || has(["date", "birthday", "dob", "day"]) || words.last == "on" { return "2026-\(month)-\(day)" }
        if has(["uuid", "guid"]) { return "\(prefix(NameWords.split(entity).map { $0.lowercased() }))-\(padded(ordinal))" }
        if has(["email", "mail"]) { return "user\(ordinal)@example.com" }
        if has(["phone", "mobile", "tel"]) { return "+1-555-010\(ordinal % 10)" }
        if has(["full", "display"]), has(["name"]) { return pick(["Alice Smith", "Bob Jones"], ordinal) }
        if has(["first", "given", "forename"]) { return pick(["Alice", "Bob"], ordinal) }
        if has(["last", "surname", "family"]) { return pick(["Smith", "Jones"], ordinal) }
        if has(["username", "login", "handle", "nickname"]) { return pick(["alice", "bob"], ordinal) }
        if has(["status", "state"]) { return pick(["ACTIVE", "PENDING"], ordinal) }
        if has(["role"]) { return pick(["admin", "member"], ordinal) }
        if has(["type", "kind", "category", "tier", "plan"]) { return pick(["standard", "premium"], ordinal) }
        if has(["currency"]) { return pick(["USD", "EUR"], ordinal) }
        if has(["country"]) { return pick(["US", "DE"], ordinal) }
        if has(["language", "locale", "lang"]) { return pick(["en", "de"], ordinal) }
        if has(["city"]) { return pick(["Seattle", "Berlin"], ordinal) }
        if has(["address", "street"]) { return pick(["1 Main St", "2 Oak Ave"], ordinal) }
        if has(["zip", "postal", "postcode"]) { return pick(["98101", "10115"], ordinal) }
        if has(["image", "avatar", "photo", "picture", "thumbnail"]) { return "https://example.com/img/\(ordinal).png" }
        if has(["url", "link", "website", "uri", "href"]) { return "https://example.com/\(ordinal)" }
        if has(["ip"]) { return "192.0.2.\(ordinal)" }
        if has(["color", "colour"]) { return pick(["red", "blue"], ordinal) }
        if has(["sku", "code"]) { return "\(words.last?.uppercased() ?? "CODE")-\(padded(ordinal))" }
        if has(["slug"]) { return "item-\(ordinal)" }
        if has(["password", "hash", "token", "secret", "salt"]) { return "hash-\(padded(ordinal))" }
        if has(["description", "body", "text", "comment", "content", "note", "notes", "bio", "message", "summary"]) {
            return "Sample text \(ordinal)"
        }
        if has(["name", "title", "label"]) {
            let base = words.count > 1 ? Array(words.dropLast()) : NameWords.split(entity).map { $0.lowercased() }
            return base.map(NameWords.capitalized).joined(separator: " ") + " \(ordinal)"
        }
        return "\(String(name.prefix(12)))-\(ordinal)"
    }

    // MARK: Lists and sets

    static func list(_ words: [String], attribute: Attribute?, ordinal: Int) -> String {
        if let values = quotedValues(attribute?.source?.mysqlType, prefix: "set("), !values.isEmpty {
            let chosen = values.count == 1 ? values : [values[(ordinal - 1) % values.count], values[ordinal % values.count]]
            return "[" + chosen.map(quoted).joined(separator: ", ") + "]"
        }
        if words.count > 1, words.last == "ids" {
            let base = prefix(Array(words.dropLast()))
            return "[\(quoted("\(base)-\(padded(ordinal))")), \(quoted("\(base)-\(padded(ordinal + 1))"))]"
        }
        var base = words.last ?? "value"
        if base.count > 3, base.hasSuffix("s") { base.removeLast() }
        return "[\(quoted(base + String(ordinal))), \(quoted(base + String(ordinal + 1)))]"
    }

    // MARK: Name analysis

    /// `id`, `user_id`, `userId`: identifiers get prefixed sequence values.
    static func isIdentifier(_ words: [String]) -> Bool {
        words.last == "id"
    }

    static func isTimestamp(_ words: [String], attribute: Attribute?) -> Bool {
        if attribute?.type == .datetime { return true }
        if words.count > 1, words.last == "at" { return true }
        return words.contains { ["timestamp", "time", "datetime", "created", "updated", "modified", "deleted"].contains($0) }
    }

    /// `user` → `usr`, `order` → `ord`, `order item` → `ori`: first letter plus consonants.
    static func prefix(_ words: [String]) -> String {
        guard let first = words.first, !first.isEmpty else { return "itm" }
        let skeleton = consonantSkeleton(first)
        if words.count == 1 { return String((skeleton.count >= 3 ? skeleton : first).prefix(3)) }
        let initials = words.dropFirst().compactMap(\.first).map(String.init).joined()
        return String((String(skeleton.prefix(2)) + initials).prefix(3))
    }

    static func consonantSkeleton(_ word: String) -> String {
        guard let head = word.first else { return word }
        var result = String(head)
        for character in word.dropFirst() where !"aeiou".contains(character) && result.last != character {
            result.append(character)
        }
        return result
    }

    /// The quoted values of `enum('a','b')` or `set('a','b')`, in order (`''` and `\'` are a quote).
    static func quotedValues(_ mysqlType: String?, prefix: String) -> [String]? {
        guard let mysqlType, mysqlType.lowercased().hasPrefix(prefix) else { return nil }
        let characters = Array(mysqlType.dropFirst(prefix.count))
        var values: [String] = []
        var current = ""
        var inQuote = false
        var position = 0
        while position < characters.count {
            let character = characters[position]
            position += 1
            guard inQuote else {
                if character == "'" { inQuote = true }
                continue
            }
            if character == "\\", position < characters.count {
                current.append(characters[position])
                position += 1
            } else if character == "'", position < characters.count, characters[position] == "'" {
                current.append("'")
                position += 1
            } else if character == "'" {
                values.append(current)
                current = ""
                inQuote = false
            } else {
                current.append(character)
            }
        }
        return values
    }

    static func pick(_ values: [String], _ ordinal: Int) -> String {
        values[(max(ordinal, 1) - 1) % values.count]
    }

    static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\\\"") + "\""
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
