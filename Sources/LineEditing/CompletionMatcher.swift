/// Decides what a Tab press does, given the text before the cursor and the candidate words.
///
/// Kept free of libedit so the rules (insert the shared remainder, otherwise list the choices)
/// can be tested without a terminal.
struct CompletionMatcher: Sendable {
    /// What the editor should do with the line.
    enum Outcome: Equatable, Sendable {
        /// Insert this text at the cursor: the rest of a unique match, or the prefix all matches share.
        case insert(String)
        /// Several matches and nothing more to insert: show them and redraw the line.
        case list([String])
        /// No match, or the word is already complete: nothing to do (the editor beeps).
        case nothing
    }

    /// The word being completed: everything after the last whitespace, possibly empty.
    static func wordBeingTyped(in textBeforeCursor: String) -> Substring {
        guard let lastSpace = textBeforeCursor.lastIndex(where: \.isWhitespace) else {
            return textBeforeCursor[...]
        }
        return textBeforeCursor[textBeforeCursor.index(after: lastSpace)...]
    }

    /// The outcome for `candidates` offered for the word being typed.
    ///
    /// Candidates that do not start with the word are ignored, so a provider that returns more
    /// than it should cannot make the editor insert unrelated text; duplicates are listed once.
    static func outcome(textBeforeCursor: String, candidates: [String]) -> Outcome {
        let word = wordBeingTyped(in: textBeforeCursor)
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        guard let first = matches.first else {
            return .nothing
        }
        let shared = matches.dropFirst().reduce(first[...]) { prefix, candidate in
            commonPrefix(prefix, candidate[...])
        }
        if shared.count > word.count {
            return .insert(String(shared.dropFirst(word.count)))
        }
        return matches.count > 1 ? .list(matches) : .nothing
    }

    /// The longest common prefix of two strings, compared character by character.
    private static func commonPrefix(_ lhs: Substring, _ rhs: Substring) -> Substring {
        var end = lhs.startIndex
        for (left, right) in zip(lhs, rhs) {
            guard left == right else { break }
            end = lhs.index(after: end)
        }
        return lhs[..<end]
    }
}
