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
            case "effects", "effect":
                pattern.effects = try effects(value, merging: pattern.effects)
            case "aggregate", "aggregation":
                pattern.aggregate = try Aggregation.parse(value)
            case "analytics_only", "analytics":
                guard let flag = AnswerParser.yesNo(value) else { throw RequirementsError("analytics_only takes yes or no.") }
                pattern.analyticsOnly = flag
            default:
                guard let field = keys[key] else {
                    throw RequirementsError("\(key) is not a pattern field; use: description, entities, type, eq, sort, filter, items, peak, avg, consistency, latency, attributes, not_search, effects, aggregate, analytics_only.")
                }
                try apply(field, value, to: &pattern)
            }
        }
    }

    /// `Entity: effect; Entity: effect`, each replacing that entity's stated effect; `none`
    /// clears them all.
    static func effects(_ text: String, merging current: [EntityWriteEffect]?) throws(RequirementsError) -> [EntityWriteEffect]? {
        let trimmed = text.trimmingWhitespace
        if trimmed.lowercased() == "none" { return nil }
        var result = current ?? []
        for part in trimmed.split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard pieces.count == 2, !pieces[0].isEmpty else {
                throw RequirementsError("Write each effect as Entity: effect, separated by semicolons, such as \"OrderLine: put; Product: update inventory_quantity add -quantity if >= quantity\".")
            }
            let effect = try WriteEffect.parse(pieces[1])
            result.removeAll { $0.entity.lowercased() == pieces[0].lowercased() }
            result.append(EntityWriteEffect(entity: pieces[0], effect: effect))
        }
        return result
    }

    /// Fields that do not apply to writes (there is nothing to sort, filter or read consistently).
    static func applies(_ field: PatternField, to type: PatternType?) -> Bool {
        guard let type, type.isWrite else { return true }
        return ![.sort, .filters, .consistency].contains(field)
    }
}
