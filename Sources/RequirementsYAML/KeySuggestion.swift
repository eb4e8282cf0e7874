/// The accepted key a mistyped one was probably meant to be (`peek_rps` → `peak_rps`).
enum KeySuggestion {
    /// The closest accepted key within a small edit distance, ignoring case and `-`/`_`
    /// differences; `nil` when nothing is close enough to be a likely typo.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let typed = normalized(key)
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, normalized(candidate))
            let allowed = max(1, min(3, candidate.count / 3))
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.key
    }

    private static func normalized(_ key: String) -> [Character] {
        Array(key.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance (insertions, deletions and substitutions each cost 1).
    static func editDistance(_ first: [Character], _ second: [Character]) -> Int {
        if first.isEmpty { return second.count }
        if second.isEmpty { return first.count }
        var previous = Array(0...second.count)
        var current = previous
        for (row, firstCharacter) in first.enumerated() {
            current[0] = row + 1
            for (column, secondCharacter) in second.enumerated() {
                let substitution = previous[column] + (firstCharacter == secondCharacter ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            swap(&previous, &current)
        }
        return previous[second.count]
    }
}
