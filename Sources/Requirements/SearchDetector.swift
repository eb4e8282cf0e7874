/// Spots descriptions that sound like work DynamoDB alone should not do (docs/design-engine.md):
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

    /// The reason the description looks search-like, or nil: the first cue of `cues` that occurs
    /// in it, ignoring case.
    public static func searchCue(in description: String) -> String? {
        switch CueMatcher.shared.firstCue(in: description) {
        case .cue(let index): return cues[index].reason
        case .none: return nil
        case .notASCII:
            // Lowercasing other text can change its length, or even turn a character into an
            // ASCII letter (KELVIN SIGN into k), and matching follows characters, not bytes.
            let text = " " + description.lowercased() + " "
            return cues.first { text.contains($0.phrase) }?.reason
        }
    }

    /// Whether a pattern still needs the user to say whether it is a search: it sounds like one but
    /// is not typed `search` and was not confirmed to be a plain lookup.
    public static func needsConfirmation(_ pattern: AccessPattern) -> String? {
        guard pattern.type != .search, !pattern.confirmedNotSearch else { return nil }
        let cue = searchCue(in: pattern.description)
        // Aggregations have a question of their own (AggregationDetector), which the engine can
        // serve with a client-side or pre-aggregated total rather than a search service.
        if cue == aggregationReason, pattern.aggregate != nil || AggregationDetector.needsAnswer(pattern) != nil { return nil }
        return cue
    }

    static let aggregationReason = "an aggregation"

    /// Many filter attributes at once is the other face of search (docs/design-engine.md, "Patterns DynamoDB should not serve").
    public static let manyFiltersThreshold = 4
}

/// Finds the first search cue in a description in one pass over its bytes. Called twice per
/// pattern on every save (gap finder and document), so it avoids lowercasing into a new string
/// and scanning the text once per cue.
struct CueMatcher: Sendable {
    static let shared = CueMatcher(SearchDetector.cues.map(\.phrase))

    /// The cue phrases' bytes, in the order of `SearchDetector.cues`.
    let cues: [[UInt8]]
    /// For each byte, the cues starting with it, as bits by cue index.
    let startingWith: [UInt64]

    init(_ phrases: [String]) {
        precondition(phrases.count <= 64 && !phrases.contains(where: \.isEmpty), "one bit per cue, and no empty cue")
        cues = phrases.map { Array($0.utf8) }
        var startingWith = [UInt64](repeating: 0, count: 256)
        for (index, cue) in cues.enumerated() { startingWith[Int(cue[0])] |= 1 << UInt64(index) }
        self.startingWith = startingWith
    }

    enum Match: Equatable {
        /// The index of the first cue, in cue order, in the text.
        case cue(Int)
        case none
        /// The text is not ASCII, which this matcher leaves to `String`.
        case notASCII
    }

    /// The first cue, in cue order, that occurs in `" " + description.lowercased() + " "`, when
    /// the description is ASCII: then lowercasing and matching work byte by byte.
    func firstCue(in description: String) -> Match {
        let found = description.utf8.withContiguousStorageIfAvailable { bytes -> Match in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .notASCII }
            return firstCue(inASCII: bytes).map(Match.cue) ?? .none
        }
        return found ?? .notASCII
    }

    /// ASCII lowercases byte by byte, into a padded copy on the stack.
    private func firstCue(inASCII text: UnsafeBufferPointer<UInt8>) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count + 2) { padded in
            padded[0] = UInt8(ascii: " ")
            for (offset, byte) in text.enumerated() {
                padded[offset + 1] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            padded[text.count + 1] = UInt8(ascii: " ")
            return firstCue(inLowercased: UnsafeBufferPointer(padded))
        }
    }

    private func firstCue(inLowercased text: UnsafeBufferPointer<UInt8>) -> Int? {
        var best = Int.max
        for start in text.indices {
            var candidates = startingWith[Int(text[start])]
            while candidates != 0 {
                let cue = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                if cue < best, occurs(cues[cue], in: text, at: start) { best = cue }
            }
        }
        return best == Int.max ? nil : best
    }

    private func occurs(_ cue: [UInt8], in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard text.count - start >= cue.count else { return false }
        for offset in 1..<cue.count where text[start + offset] != cue[offset] { return false }
        return true
    }
}
