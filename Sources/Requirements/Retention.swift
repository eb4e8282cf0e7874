/// How long an entity's items are kept: for ever, or a number of days counted from one of the
/// item's date attributes. A retention period becomes a TTL attribute (docs/design-engine.md,
/// "Lifecycle"): DynamoDB deletes expired items without consuming write units.
public enum Retention: Sendable, Equatable {
    /// The user said the items are kept until something deletes them.
    case forever
    case period(RetentionPeriod)

    /// The period, when the items expire.
    public var period: RetentionPeriod? {
        if case .period(let period) = self { return period }
        return nil
    }

    /// `forever`, or `30 days from created_at`.
    public var text: String {
        switch self {
        case .forever: return "forever"
        case .period(let period): return period.text
        }
    }
}

/// A number of days counted from one attribute (a date or time) of the item.
public struct RetentionPeriod: Codable, Sendable, Equatable {
    public var days: Int
    /// The attribute the days count from, such as `created_at`.
    public var from: String
    /// Expired items are copied to an archive (S3) before they go: a stream consumer keeps
    /// what TTL deletes. `nil` when not.
    public var archived: Bool?

    public init(days: Int, from: String, archived: Bool? = nil) {
        self.days = days
        self.from = from
        self.archived = archived
    }

    /// The retention in seconds, the amount added to the `from` time to give the expiry.
    public var seconds: Int { days * 86_400 }

    public var text: String { "\(days) \(days == 1 ? "day" : "days") from \(from)" + (archived == true ? ", then archived" : "") }
}

extension Retention: Codable {
    public init(from decoder: any Decoder) throws {
        self = try WordOrValueCoding.decode(RetentionPeriod.self, from: decoder, word: "forever", expected: "{days, from}").map(Self.period) ?? .forever
    }

    public func encode(to encoder: any Encoder) throws {
        try WordOrValueCoding.encode(period, word: "forever", to: encoder)
    }
}

extension Entity {
    /// The attributes a retention period can count from: dates and times (numbers are taken as
    /// epoch seconds).
    public var retentionStartCandidates: [String] {
        attributes.filter { $0.isMigrated && ($0.type == .date || $0.type == .datetime) }.map(\.name)
    }
}

extension AnswerParser {
    /// `forever`, `30 days`, `30 days from created_at`, `12 weeks`, `1 year from opened_at`.
    /// Without `from`, the days count from the entity's only date attribute (or `created_at`).
    public static func retention(_ text: String, entity: Entity) throws(RequirementsError) -> Retention {
        var text = text.trimmingWhitespace
        var archived: Bool?
        for suffix in [", then archived", " then archived", ", archived", " archived"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingWhitespace
            archived = true
            break
        }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.isEmpty || ["forever", "keep", "never", "none", "no"].contains(words.joined(separator: " ")) || words == ["kept", "forever"] {
            return .forever
        }
        let example = "such as 30 days from created_at, or forever"
        var numberWord = words[0]
        var rest = Array(words.dropFirst())
        // `30d` and `30days` as one word.
        if let split = numberWord.firstIndex(where: { !$0.isNumber }), split != numberWord.startIndex {
            rest.insert(String(numberWord[split...]), at: 0)
            numberWord = String(numberWord[..<split])
        }
        guard let count = wholeNumber(numberWord), count > 0, let unit = rest.first else {
            throw RequirementsError("Give the retention of \(entity.name) as a number of days, \(example).")
        }
        let daysPerUnit: Int
        switch unit {
        case "d", "day", "days": daysPerUnit = 1
        case "w", "week", "weeks": daysPerUnit = 7
        case "month", "months": daysPerUnit = 30
        case "y", "year", "years": daysPerUnit = 365
        default:
            throw RequirementsError("\"\(unit)\" is not a unit of time: give the retention of \(entity.name) in days, weeks, months or years, \(example).")
        }
        rest.removeFirst()
        let from: String
        if rest.isEmpty {
            from = try defaultRetentionStart(entity)
        } else {
            guard rest.count == 2, rest[0] == "from" else {
                throw RequirementsError("Give the retention of \(entity.name) \(example).")
            }
            from = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) ?? rest[1]
        }
        let period = RetentionPeriod(days: count * daysPerUnit, from: from, archived: archived)
        try checkRetention(period, of: entity)
        return .period(period)
    }

    /// The attribute a retention counts from when the user did not say: the only date attribute,
    /// else `created_at`.
    public static func defaultRetentionStart(_ entity: Entity) throws(RequirementsError) -> String {
        let candidates = entity.retentionStartCandidates
        if candidates.count == 1 { return candidates[0] }
        if candidates.contains("created_at") { return "created_at" }
        if candidates.isEmpty {
            throw RequirementsError("\(entity.name) has no date or datetime attribute to count the retention from: add one (such as created_at:datetime), or answer forever.")
        }
        throw RequirementsError("Say which date the retention of \(entity.name) counts from: one of \(candidates.joined(separator: ", ")), as 30 days from \(candidates[0]).")
    }

    /// The period counts from a migrated date, datetime or number (epoch seconds) attribute,
    /// and stays within what a TTL can express (at most 100 years).
    public static func checkRetention(_ period: RetentionPeriod, of entity: Entity) throws(RequirementsError) {
        guard period.days > 0, period.days <= 36_500 else {
            throw RequirementsError("The retention of \(entity.name) must be between 1 and 36500 days, found \(period.days).")
        }
        guard let attribute = entity.attribute(named: period.from) else {
            let candidates = entity.retentionStartCandidates
            let hint = candidates.isEmpty ? "add a date attribute such as created_at:datetime" : "use one of \(candidates.joined(separator: ", "))"
            throw RequirementsError("The retention of \(entity.name) counts from \(period.from), which is not an attribute of \(entity.name): \(hint).")
        }
        guard attribute.isMigrated, [.date, .datetime, .number].contains(attribute.type) else {
            throw RequirementsError("The retention of \(entity.name) counts from \(period.from), a \(attribute.type.rawValue): it must be a date, datetime or number (epoch seconds) attribute that is migrated.")
        }
    }
}
