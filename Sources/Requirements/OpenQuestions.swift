/// Figures the requirements leave unknown that the data model's numbers depend on: an item
/// count per request, an attribute's typical size, the distinct values of a filtered attribute.
/// None blocks the gate (unknown stays unknown, it is never filled in); each is listed at the
/// requirements gate as a question, and the model marks the figures that depend on it incomplete.
public enum OpenQuestions {
    public struct Question: Sendable, Equatable {
        public var text: String
        /// The command that answers it.
        public var fix: String
    }

    public static func questions(in requirements: Requirements) -> [Question] {
        var questions: [Question] = []
        for pattern in requirements.accessPatterns where pattern.type != .search {
            if case .unknown? = pattern.expectedItems, pattern.type == .read {
                questions.append(Question(text: "How many items does pattern #\(pattern.id) (\(pattern.description)) return per request?",
                                          fix: "/edit pattern \(pattern.id) items=N"))
            }
            guard pattern.type == .read, let entityName = pattern.entities.first, let entity = requirements.entity(named: entityName) else { continue }
            for name in pattern.filterAttributes ?? [] {
                guard let attribute = entity.attribute(named: name), attribute.distinctValues == nil, attribute.type != .boolean else { continue }
                questions.append(Question(text: "How many distinct values does \(entityName).\(name) take? Pattern #\(pattern.id) filters on it, so how many items it reads depends on it.",
                                          fix: "/edit entity \(entityName) distinct=\(name):COUNT"))
            }
        }
        for pattern in requirements.accessPatterns {
            for other in pattern.entitiesWithUnknownEffect(in: requirements) {
                questions.append(Question(
                    text: "What does pattern #\(pattern.id) (\(pattern.description)) do to \(other)? Put a new item, delete one (consumed), only check it exists, or update a number on it (ADD under a condition)? Until it says, the pattern is not served.",
                    fix: "/edit pattern \(pattern.id) effects=\"\(other): put|delete|check|update ATTRIBUTE add VALUE if >= VALUE\""))
            }
        }
        for entity in requirements.entities {
            for attribute in entity.attributes where attribute.isMigrated && attribute.documentedTypicalSize == nil {
                questions.append(Question(text: "What is the typical size of \(entity.name).\(attribute.name) (\(attribute.type.rawValue)) in bytes?",
                                          fix: "/edit entity \(entity.name) size=\(attribute.name):BYTES"))
            }
        }
        var seen = Set<String>()
        return questions.filter { seen.insert($0.text).inserted }
    }
}

extension Attribute {
    /// The typical value size: the user's figure, else the documented size of the type (8 bytes
    /// for numbers, 1 for booleans, 10 for dates, 25 for ISO timestamps, 36 for identifier
    /// strings); nil when nothing says (free text, binary, documents without a size).
    public var documentedTypicalSize: Int? {
        if let typicalSizeBytes { return typicalSizeBytes }
        switch type {
        case .number: return 8
        case .boolean: return 1
        case .date: return 10
        case .datetime: return 25
        case .binary, .json, .list, .set: return nil
        case .string:
            let lowered = name.lowercased()
            return lowered == "id" || lowered.hasSuffix("_id") || name.hasSuffix("Id") ? 36 : nil
        }
    }
}
