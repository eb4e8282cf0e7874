import Foundation

/// Turns the text a user typed into requirement values, or says exactly what was expected.
///
/// The guided flow, the one-line commands and the YAML loader all parse through here, so "avg 5
/// max 1000" means the same wherever it is typed.
public enum AnswerParser {
    /// A non-negative number (`500`, `1,200`, `2.5k`, `1m`) or `unknown`.
    public static func estimate(_ text: String, what: String) throws(RequirementsError) -> Estimate {
        let trimmed = text.trimmingWhitespace.lowercased()
        if trimmed == "unknown" || trimmed == "?" { return .unknown }
        guard let number = number(trimmed), number >= 0 else {
            throw RequirementsError("\(what) must be a number such as 500, 1,200 or 2.5k, or \"unknown\".")
        }
        return .known(number)
    }

    /// Parses `1,200`, `2.5k`, `1m` and plain decimals.
    public static func number(_ text: String) -> Double? {
        var body = text.trimmingWhitespace.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var multiplier = 1.0
        if body.hasSuffix("k") {
            multiplier = 1_000
            body.removeLast()
        } else if body.hasSuffix("m") {
            multiplier = 1_000_000
            body.removeLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(body), value.isFinite else {
            return nil
        }
        return value * multiplier
    }

    /// A whole number such as `1000` or `10k`.
    public static func wholeNumber(_ text: String) -> Int? {
        guard let value = number(text), value >= 0, value.rounded() == value, value < Double(Int.max) else { return nil }
        return Int(value)
    }

    /// `avg 5 max 1000`, `avg 5, max unbounded`, `5/1000`, `5` (average only is not enough: a
    /// maximum or "unbounded" is required), or `unknown`.
    public static func cardinality(_ text: String) throws(RequirementsError) -> CardinalityAnswer {
        let expected = "Give the children per parent as \"avg 5 max 1000\" (or \"avg 5 max unbounded\"), or \"unknown\"."
        let trimmed = text.trimmingWhitespace.lowercased()
        if trimmed == "unknown" || trimmed == "?" { return .unknown }
        guard let (average, maximum) = averageAndMaximum(trimmed) else { throw RequirementsError(expected) }
        let cardinality = Cardinality(average: average, maximum: maximum)
        try checkCardinality(cardinality)
        return .known(cardinality)
    }

    /// `1`, `avg 20 max 100`, `20/100` or `unknown`. A single number means exactly that many.
    public static func itemCount(_ text: String) throws(RequirementsError) -> ItemCountAnswer {
        let trimmed = text.trimmingWhitespace.lowercased()
        if trimmed == "unknown" || trimmed == "?" { return .unknown }
        if let exact = wholeNumber(trimmed) { return .known(ItemCount(average: Double(exact), maximum: exact)) }
        guard let (average, maximum) = averageAndMaximum(trimmed) else {
            throw RequirementsError("Give the items returned as a number such as 1, as \"avg 20 max 100\", or \"unknown\".")
        }
        if let maximum, Double(maximum) < average {
            throw RequirementsError("The maximum (\(maximum)) cannot be below the average (\(NumberFormatting.plain(average))).")
        }
        return .known(ItemCount(average: average, maximum: maximum))
    }

    /// Reads "avg A max M", "avg A, max unbounded", "A/M" and "A/unbounded".
    static func averageAndMaximum(_ text: String) -> (Double, Int?)? {
        let words = text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "/", with: " / ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var average: Double?
        var maximum: Int??
        var index = 0
        func maximumValue(_ word: String) -> Int?? {
            if ["unbounded", "unlimited", "none", "inf", "infinite"].contains(word) { return .some(nil) }
            if let whole = wholeNumber(word) { return .some(whole) }
            return nil
        }
        if words.count == 3, words[1] == "/", let first = number(words[0]), let second = maximumValue(words[2]) {
            return (first, second)
        }
        while index < words.count {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : nil
            switch word {
            case "avg", "average", "average:", "avg:":
                guard let next, let value = number(next) else { return nil }
                average = value
                index += 2
            case "max", "maximum", "max:", "maximum:":
                guard let next, let value = maximumValue(next) else { return nil }
                maximum = value
                index += 2
            default:
                return nil
            }
        }
        guard let average, let maximum else { return nil }
        return (average, maximum)
    }

    public static func checkCardinality(_ cardinality: Cardinality) throws(RequirementsError) {
        guard cardinality.average >= 0 else { throw RequirementsError("The average cannot be negative.") }
        if let maximum = cardinality.maximum, Double(maximum) < cardinality.average {
            throw RequirementsError("The maximum (\(maximum)) cannot be below the average (\(NumberFormatting.plain(cardinality.average))).")
        }
    }

    /// Average RPS cannot exceed peak RPS when both are known.
    public static func checkRPS(peak: Estimate?, average: Estimate?) throws(RequirementsError) {
        if let peak = peak?.value, let average = average?.value, average > peak {
            throw RequirementsError(
                "The average RPS (\(NumberFormatting.plain(average))) cannot be higher than the peak RPS (\(NumberFormatting.plain(peak))).")
        }
    }

    /// `name:type[:size]` items separated by commas: `user_id:string:36, email:string, age:number`.
    public static func attributes(_ text: String) throws(RequirementsError) -> [Attribute] {
        let items = text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw RequirementsError("List the attributes as name:type[:size], such as user_id:string:36, email:string:40, created_at:datetime.")
        }
        var attributes: [Attribute] = []
        for item in items {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty else {
                throw RequirementsError("\"\(item)\" should be name:type or name:type:size, such as email:string:40.")
            }
            try NameRules.checkAttributeName(parts[0])
            guard let type = AttributeType(userText: parts[1]) else {
                throw RequirementsError("\"\(parts[1])\" (in \(item)) is not a type: use one of \(AttributeType.acceptedNames).")
            }
            var size: Int?
            if parts.count == 3 {
                guard let parsed = wholeNumber(parts[2]), parsed > 0 else {
                    throw RequirementsError("The size in \"\(item)\" must be a whole number of bytes, such as 40.")
                }
                size = parsed
            }
            attributes.append(Attribute(name: parts[0], type: type, typicalSizeBytes: size))
        }
        return attributes
    }

    /// A comma-separated list of names, or `none` (an empty list).
    public static func nameList(_ text: String) -> [String] {
        let trimmed = text.trimmingWhitespace
        if ["none", "-", "no"].contains(trimmed.lowercased()) { return [] }
        return trimmed.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// `email, tenant_id+slug`: groups separated by commas, a composite group joined with `+`.
    public static func uniqueGroups(_ text: String) -> [[String]] {
        nameList(text).map { group in group.split(separator: "+").map { String($0).trimmingWhitespace } }
    }

    /// `user_id` or `tenant_id+user_id` for a composite identifier.
    public static func identifier(_ text: String) throws(RequirementsError) -> [String] {
        let names = text.split(separator: "+").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw RequirementsError("Name the identifying attribute, such as user_id (tenant_id+user_id for a composite identifier).")
        }
        return names
    }

    /// `created_at desc`, `created_at` (ascending), or `none`.
    public static func sort(_ text: String) throws(RequirementsError) -> SortAnswer {
        let words = text.trimmingWhitespace.split(whereSeparator: { $0 == " " || $0 == ":" }).map { String($0) }
        if words.isEmpty || (words.count == 1 && ["none", "no", "-"].contains(words[0].lowercased())) { return .none }
        guard words.count <= 2 else {
            throw RequirementsError("Give one sort attribute and an optional direction, such as \"created_at desc\", or \"none\".")
        }
        var direction = SortDirection.ascending
        if words.count == 2 {
            switch words[1].lowercased() {
            case "asc", "ascending": direction = .ascending
            case "desc", "descending": direction = .descending
            default: throw RequirementsError("The direction must be asc or desc, as in \"created_at desc\".")
            }
        }
        return .attribute(SortRequirement(attribute: words[0], direction: direction))
    }

    /// `yes`/`y`/`no`/`n`.
    public static func yesNo(_ text: String) -> Bool? {
        switch text.trimmingWhitespace.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default: return nil
        }
    }

    public static func patternType(_ text: String) throws(RequirementsError) -> PatternType {
        guard let type = PatternType(rawValue: text.trimmingWhitespace.lowercased()) else {
            throw RequirementsError("The type must be one of: read, write, update, delete, search.")
        }
        return type
    }

    public static func consistency(_ text: String) throws(RequirementsError) -> Consistency {
        guard let value = Consistency(rawValue: text.trimmingWhitespace.lowercased()) else {
            throw RequirementsError("Consistency must be eventual or strong.")
        }
        return value
    }

    /// `all` or a list of attribute names.
    public static func attributeSelection(_ text: String) -> AttributeSelection {
        let trimmed = text.trimmingWhitespace
        if trimmed.lowercased() == "all" || trimmed == "*" { return .all }
        return .only(nameList(trimmed))
    }
}
