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

    /// Edit distance where inserting, deleting or changing a character, or swapping two adjacent
    /// ones (`nmae` → `name`), each cost 1 (optimal string alignment).
    static func editDistance(_ first: [Character], _ second: [Character]) -> Int {
        if first.isEmpty { return second.count }
        if second.isEmpty { return first.count }
        var distances = [[Int]](repeating: [Int](repeating: 0, count: second.count + 1), count: first.count + 1)
        for row in 0...first.count { distances[row][0] = row }
        for column in 0...second.count { distances[0][column] = column }
        for row in 1...first.count {
            for column in 1...second.count {
                let cost = first[row - 1] == second[column - 1] ? 0 : 1
                var best = min(distances[row - 1][column] + 1, distances[row][column - 1] + 1, distances[row - 1][column - 1] + cost)
                if row > 1, column > 1, first[row - 1] == second[column - 2], first[row - 2] == second[column - 1] {
                    best = min(best, distances[row - 2][column - 2] + 1)
                }
                distances[row][column] = best
            }
        }
        return distances[first.count][second.count]
    }
}
