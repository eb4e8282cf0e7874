import DesignEngine
import Requirements

extension Conversation {
    /// Candidates for the word being typed (the last word of `lineBeforeCursor`): command names
    /// after a slash, then the words each command takes, else entity and attribute names. At the
    /// design stage the design commands complete table, index and attribute names of the model.
    public func completions(for lineBeforeCursor: String) -> [String] {
        let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        let requirements = state.requirements
        var candidates: [String]
        // Names that may follow `key=` or a comma inside the word being typed.
        var listNames: [String]?
        if words.count <= 1 {
            let designNames = state.gates.requirements.isPassed ? Self.designCommands.map(\.name) : []
            candidates = current.hasPrefix("/") ? Self.commands.map(\.name) + designNames : entityAndAttributeNames()
        } else if let design = designCompletions(words) {
            candidates = design.words
            listNames = design.listNames
        } else {
            let command = words[0].lowercased()
            switch (command, words.count) {
            case ("/show", 2): candidates = ["pattern", "entity", "relationships", "gaps", "requirements"] + (state.gates.requirements.isPassed ? ["model", "table", "decisions"] : [])
            case ("/edit", 2): candidates = ["pattern", "entity", "relationship", "overview"]
            case ("/delete", 2): candidates = ["pattern", "entity", "relationship"]
            case ("/show", 3), ("/edit", 3), ("/delete", 3):
                switch words[1].lowercased() {
                case "pattern": candidates = requirements.accessPatterns.map { String($0.id) }
                case "entity": candidates = requirements.entities.map(\.name)
                case "relationship": candidates = requirements.relationships.map { "\($0.parent)->\($0.child)" }
                default: candidates = []
                }
            case ("/import", 2): candidates = ["schema", "mysql", "log", "capture"]
            case ("/accept", 2): candidates = GapFinder.gaps(in: requirements).filter(\.acceptable).map(\.id)
            default: candidates = entityAndAttributeNames()
            }
        }
        // After `key=` or a comma, complete the name that follows it.
        let separators: Set<Character> = ["=", ","]
        if let cut = current.lastIndex(where: { separators.contains($0) }) {
            let head = String(current[...cut])
            let tail = String(current[current.index(after: cut)...])
            return (listNames ?? entityAndAttributeNames()).filter { $0.hasPrefix(tail) }.map { head + $0 }
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

    /// Completions for the design commands (and the design words of `/show`, `/accept`), or nil
    /// for other commands or before the requirements gate.
    func designCompletions(_ words: [String]) -> (words: [String], listNames: [String]?)? {
        guard state.gates.requirements.isPassed else { return nil }
        let command = words[0].lowercased()
        let position = words.count - 1
        let tableCommands: Set<String> = ["/keys", "/index-keys", "/projection", "/capacity", "/class"]
        guard tableCommands.contains(command) || ["/rename", "/merge", "/split", "/naming", "/accept-scan", "/reject-scan", "/reject", "/accept", "/show"].contains(command) else {
            return nil
        }
        let model = dataModel
        let tableNames = model.tables.map(\.name)
        func table(_ word: String) -> TableDesign? { model.table(named: word) }
        func attributes(_ word: String) -> [String] { table(word)?.attributes.filter { $0.composedOf == nil }.map(\.name) ?? [] }
        func indexes(_ word: String) -> [String] { table(word)?.indexes.map(\.name) ?? [] }
        let proposals = model.decisions.map(\.id).filter(Self.isProposal)
        switch (command, position) {
        case ("/show", 2) where words[1].lowercased() == "table": return (tableNames, nil)
        case ("/show", _): return nil
        case ("/accept", 1): return (proposals + GapFinder.gaps(in: state.requirements).filter(\.acceptable).map(\.id), nil)
        case ("/accept", _): return nil
        case ("/reject", 1): return (proposals, nil)
        case ("/rename", 1): return (["table", "index", "attribute"], nil)
        case ("/rename", 2): return (tableNames, nil)
        case ("/rename", 3):
            switch words[1].lowercased() {
            case "index": return (indexes(words[2]), nil)
            case "attribute": return (attributes(words[2]), nil)
            default: return ([], nil)
            }
        case (_, 1) where tableCommands.contains(command): return (tableNames, nil)
        case ("/keys", _): return (attributes(words[1]) + (position == 2 ? ["reset"] : []), attributes(words[1]))
        case ("/index-keys", 2), ("/projection", 2): return (indexes(words[1]), nil)
        case ("/index-keys", _): return (attributes(words[1]) + (position == 3 ? ["reset"] : []), attributes(words[1]))
        case ("/projection", 3): return (["keys_only", "all", "include", "reset"], nil)
        case ("/projection", _): return (attributes(words[1]), attributes(words[1]))
        case ("/capacity", 2): return (CapacityMode.allCases.map(\.rawValue), nil)
        case ("/class", 2): return (TableClass.allCases.map(\.rawValue), nil)
        case ("/naming", 1): return (NamingConvention.Style.allCases.map(\.rawValue), nil)
        case ("/merge", _), ("/split", _): return (state.requirements.entities.map(\.name), nil)
        case ("/accept-scan", 1), ("/reject-scan", 1): return (model.mappings.map { String($0.patternID) }, nil)
        default: return ([], nil)
        }
    }
}
