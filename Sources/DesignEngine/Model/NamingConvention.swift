/// How table names are formed from entity names: `Users`, `users` or `shop-users`.
public struct NamingConvention: Codable, Sendable, Equatable {
    public enum Style: String, Codable, Sendable, CaseIterable {
        /// `Users`, `OrderItems`: plural, capitalized words joined.
        case pascal
        /// `users`, `order_items`.
        case snake
        /// `users`, `order-items`.
        case kebab
    }

    public var style: Style
    /// Prepended with the style's separator (`shop-users`, `shop_users`, `ShopUsers`).
    public var prefix: String?

    public init(style: Style = .pascal, prefix: String? = nil) {
        self.style = style
        self.prefix = prefix
    }

    /// The table name for an entity (plural) or a lookup table.
    public func tableName(forWords words: [String]) -> String {
        let all = (prefix.map { NameWords.split($0) } ?? []) + words
        switch style {
        case .pascal: return all.map(NameWords.capitalized).joined()
        case .snake: return all.map { $0.lowercased() }.joined(separator: "_")
        case .kebab: return all.map { $0.lowercased() }.joined(separator: "-")
        }
    }
}

/// Splitting names into words and back, for table and index names.
public enum NameWords {
    /// `OrderItem` → [Order, Item]; `order_item` → [order, item]; `shop-prod` → [shop, prod].
    public static func split(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return splitASCII(name) }
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            if character == "_" || character == "-" || character == " " || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The same rules over bytes: names are almost always ASCII, and this runs for every example
    /// value and index name of a large model.
    static func splitASCII(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLower = false
                continue
            }
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if isUpper, previousWasLower, !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(byte)
            previousWasLower = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    public static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// English plural of the last word, for table names: `Category` → `Categories`.
    public static func plural(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") || lower.hasSuffix("z") {
            if lower.hasSuffix("ss") || !lower.hasSuffix("s") { return word + "es" }
            return word
        }
        if lower.hasSuffix("y"), let beforeY = lower.dropLast().last, !"aeiou".contains(beforeY) {
            return String(word.dropLast()) + (word.last!.isUppercase ? "IES" : "ies")
        }
        return word + "s"
    }
}
