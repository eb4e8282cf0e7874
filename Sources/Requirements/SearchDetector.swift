/// Spots descriptions that sound like work DynamoDB alone should not do (modeling rules §9):
/// full-text or fuzzy search, many optional filters, aggregations, geospatial queries.
public enum SearchDetector {
    /// Phrases that give a search-like pattern away, each with what it suggests.
    static let cues: [(phrase: String, reason: String)] = [
        ("full-text", "full-text search"), ("full text", "full-text search"), ("fulltext", "full-text search"),
        ("fuzzy", "fuzzy matching"), ("keyword", "keyword search"), ("search", "search"),
        ("partial", "partial matching"), ("contains", "substring matching"), ("autocomplete", "autocomplete"),
        ("typeahead", "autocomplete"), ("nearby", "a geospatial query"), ("near ", "a geospatial query"),
        ("within", "a geospatial or range query"), ("radius", "a geospatial query"), ("distance", "a geospatial query"),
        ("count of", "an aggregation"), ("count all", "an aggregation"), ("total number", "an aggregation"),
        ("sum of", "an aggregation"), ("average of", "an aggregation"), ("aggregate", "an aggregation"),
        ("top ", "a top-N over the whole data set"), ("leaderboard", "a top-N over the whole data set"),
        ("any combination", "filtering on many optional fields"), ("any of the filters", "filtering on many optional fields"),
    ]

    /// The reason the description looks search-like, or nil.
    public static func searchCue(in description: String) -> String? {
        let text = " " + description.lowercased() + " "
        return cues.first { text.contains($0.phrase) }?.reason
    }

    /// Whether a pattern still needs the user to say whether it is a search: it sounds like one but
    /// is not typed `search` and was not confirmed to be a plain lookup.
    public static func needsConfirmation(_ pattern: AccessPattern) -> String? {
        guard pattern.type != .search, !pattern.confirmedNotSearch else { return nil }
        return searchCue(in: pattern.description)
    }

    /// Many filter attributes at once is the other face of search (rule §9).
    public static let manyFiltersThreshold = 4
}
