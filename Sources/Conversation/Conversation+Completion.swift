import Requirements

extension Conversation {
    /// Candidates for the word being typed (the last word of `lineBeforeCursor`): command names
    /// after a slash, then the words each command takes, else entity and attribute names.
    public func completions(for lineBeforeCursor: String) -> [String] {
        let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        let requirements = state.requirements
        var candidates: [String]
        if words.count <= 1 {
            candidates = current.hasPrefix("/") ? Self.commands.map(\.name) : entityAndAttributeNames()
        } else {
            let command = words[0].lowercased()
            switch (command, words.count) {
            case ("/show", 2): candidates = ["pattern", "entity", "relationships", "gaps", "requirements"]
            case ("/edit", 2): candidates = ["pattern", "entity", "relationship", "overview"]
            case ("/delete", 2): candidates = ["pattern", "entity", "relationship"]
            case ("/show", 3), ("/edit", 3), ("/delete", 3):
                switch words[1].lowercased() {
                case "pattern": candidates = requirements.accessPatterns.map { String($0.id) }
                case "entity": candidates = requirements.entities.map(\.name)
                case "relationship": candidates = requirements.relationships.map { "\($0.parent)->\($0.child)" }
                default: candidates = []
                }
            case ("/import", 2): candidates = ["schema"]
            case ("/accept", 2): candidates = GapFinder.gaps(in: requirements).filter(\.acceptable).map(\.id)
            default: candidates = entityAndAttributeNames()
            }
        }
        // After `key=` or a comma, complete the name that follows it.
        let separators: Set<Character> = ["=", ","]
        if let cut = current.lastIndex(where: { separators.contains($0) }) {
            let head = String(current[...cut])
            let tail = String(current[current.index(after: cut)...])
            return entityAndAttributeNames().filter { $0.hasPrefix(tail) }.map { head + $0 }
        }
        return candidates.filter { $0.hasPrefix(current) }
    }

    func entityAndAttributeNames() -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for entity in state.requirements.entities {
            for name in [entity.name] + entity.attributes.map(\.name) where seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }
}
