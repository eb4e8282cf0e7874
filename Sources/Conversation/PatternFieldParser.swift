import Requirements

/// Applies one answer to one field of an access pattern. The guided questions and the one-line
/// `/pattern` and `/edit pattern` commands both go through here.
enum PatternFieldParser {
    /// The one-line key for each field, and the aliases people type.
    static let keys: [String: PatternField] = [
        "entities": .entities, "entity": .entities, "type": .type, "eq": .equality, "equality": .equality,
        "sort": .sort, "range": .sort, "filter": .filters, "filters": .filters, "items": .items,
        "peak": .peak, "peak_rps": .peak, "avg": .average, "average": .average, "avg_rps": .average, "average_rps": .average,
        "consistency": .consistency, "latency": .latency, "attributes": .attributes, "result": .attributes,
    ]

    /// Whether an empty answer means "none" for this field (instead of being refused).
    static func emptyMeansNone(_ field: PatternField) -> Bool {
        [.equality, .sort, .filters, .latency].contains(field)
    }

    static func apply(_ field: PatternField, _ text: String, to pattern: inout AccessPattern) throws(RequirementsError) {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty, !emptyMeansNone(field) {
            throw RequirementsError("An answer is needed here.")
        }
        switch field {
        case .entities:
            let names = AnswerParser.nameList(trimmed)
            guard !names.isEmpty else { throw RequirementsError("Name at least one entity, such as User.") }
            pattern.entities = names
        case .type:
            pattern.type = try AnswerParser.patternType(trimmed)
        case .equality:
            pattern.equalityAttributes = AnswerParser.nameList(trimmed)
        case .sort:
            pattern.sort = try AnswerParser.sort(trimmed)
        case .filters:
            pattern.filterAttributes = AnswerParser.nameList(trimmed)
        case .items:
            pattern.expectedItems = try AnswerParser.itemCount(trimmed)
        case .peak:
            pattern.peakRPS = try AnswerParser.estimate(trimmed, what: "Peak RPS")
        case .average:
            pattern.averageRPS = try AnswerParser.estimate(trimmed, what: "Average RPS")
        case .consistency:
            pattern.consistency = try AnswerParser.consistency(trimmed)
        case .latency:
            pattern.latency = trimmed.isEmpty ? "none" : trimmed
        case .attributes:
            let selection = AnswerParser.attributeSelection(trimmed)
            if case .only(let names) = selection, names.isEmpty {
                throw RequirementsError("List the attributes, or answer all.")
            }
            pattern.attributes = selection
        }
    }

    /// Applies `key=value` pairs (one-line syntax); `description` and `not_search` are accepted too.
    static func apply(_ pairs: [(key: String, value: String)], to pattern: inout AccessPattern) throws(RequirementsError) {
        for (key, value) in pairs {
            switch key {
            case "description", "desc":
                pattern.description = value
            case "not_search", "notsearch":
                guard let flag = AnswerParser.yesNo(value) else { throw RequirementsError("not_search takes yes or no.") }
                pattern.confirmedNotSearch = flag
            default:
                guard let field = keys[key] else {
                    throw RequirementsError("\(key) is not a pattern field; use: description, entities, type, eq, sort, filter, items, peak, avg, consistency, latency, attributes, not_search.")
                }
                try apply(field, value, to: &pattern)
            }
        }
    }

    /// Fields that do not apply to writes (there is nothing to sort, filter or read consistently).
    static func applies(_ field: PatternField, to type: PatternType?) -> Bool {
        guard let type, type.isWrite else { return true }
        return ![.sort, .filters, .consistency].contains(field)
    }
}
