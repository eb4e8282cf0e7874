import Requirements
import Yams

/// Walks a composed YAML tree and builds `Requirements` through the domain's own methods and
/// parsers, so a file accepts and rejects exactly what the guided session does.
///
/// Every problem is recorded with the position of the node it is about and reading carries on,
/// so one run reports everything wrong with the file. Entities are added first, then
/// relationships, then access patterns, then accepted gaps, so references resolve whatever order
/// the sections appear in.
struct RequirementsYAMLReader {
    var requirements = Requirements()
    var problems = ProblemList()
    /// Lower-cased names of entities that could not be added (already reported): references to
    /// them are not reported a second time.
    var unusableEntityNames: Set<String> = []
    /// Attributes dropped because of a reported problem: references to them are not reported again.
    var unusableAttributeNames: Set<String> = []

    mutating func read(root: Node) {
        guard let top = YAMLMapping<TopLevelKey>(root, subject: "the file", location: "at the top level", problems: &problems)
        else { return }
        if let overview = top[.overview] { readOverview(overview) }
        if let entities = top[.entities] {
            readList(entities, key: .entities, itemName: "entities") { reader, item, number in reader.readEntity(item, number: number) }
        }
        if let relationships = top[.relationships] {
            readList(relationships, key: .relationships, itemName: "relationships") { reader, item, number in
                reader.readRelationship(item, number: number)
            }
        }
        if let patterns = top[.accessPatterns] {
            readList(patterns, key: .accessPatterns, itemName: "access patterns") { reader, item, number in
                reader.readAccessPattern(item, number: number)
            }
        }
        if let gaps = top[.acceptedGaps] {
            readList(gaps, key: .acceptedGaps, itemName: "accepted gaps") { reader, item, number in
                reader.readAcceptedGap(item, number: number)
            }
        }
    }

    private mutating func readList(
        _ node: Node, key: TopLevelKey, itemName: String, readItem: (inout RequirementsYAMLReader, Node, Int) -> Void
    ) {
        guard case .sequence(let items) = node else {
            problems.report("'\(key.rawValue)' must be a list of \(itemName) (each item starting with '- '), found \(node.kindDescription)", at: node)
            return
        }
        for (index, item) in items.enumerated() {
            readItem(&self, item, index + 1)
        }
    }

    // MARK: Values

    /// The text of a scalar; reports lists and mappings.
    mutating func text(_ node: Node, key: String, location: String) -> String? {
        guard let text = node.text else {
            problems.report("'\(key)' \(location) must be text, found \(node.kindDescription)", at: node)
            return nil
        }
        return text
    }

    /// Text that is left out when empty, like a key with no value.
    mutating func optionalText(_ node: Node?, key: String, location: String) -> String? {
        guard let node, let text = text(node, key: key, location: location), !text.isEmpty else { return nil }
        return text
    }

    /// A scalar run through one of `AnswerParser`'s parsers; the parser's message is reported at
    /// the node when it refuses the text.
    mutating func parse<Value>(
        _ node: Node, key: String, location: String, expected: String, numeric: Bool = false,
        _ parser: (String) throws(RequirementsError) -> Value
    ) -> Value? {
        guard let text = numeric ? node.numberText : node.text else {
            problems.report("'\(key)' \(location) must be \(expected), found \(node.kindDescription)", at: node)
            return nil
        }
        do {
            return try parser(text)
        } catch {
            problems.report(error.message, at: node)
            return nil
        }
    }

    /// A number such as `500` or `2.5k`, or `unknown`.
    mutating func estimate(_ node: Node, what: String, key: String, location: String) -> Estimate? {
        parse(node, key: key, location: location, expected: "a number or unknown", numeric: true) { text throws(RequirementsError) in
            try AnswerParser.estimate(text, what: what)
        }
    }

    /// `true`/`false` (also `yes`/`no`).
    mutating func flag(_ node: Node, key: String, location: String) -> Bool? {
        guard let text = node.text, let value = AnswerParser.yesNo(text) else {
            problems.report("'\(key)' \(location) must be true or false, found \(node.kindDescription)", at: node)
            return nil
        }
        return value
    }

    /// Names from a YAML list (each with its own node, for precise messages) or from one
    /// comma-separated string (`user_id, email`, or `none` for no names).
    mutating func names(_ node: Node, key: String, location: String) -> [(name: String, node: Node)]? {
        switch node {
        case .scalar:
            return AnswerParser.nameList(node.text ?? "").map { ($0, node) }
        case .sequence(let items):
            var names: [(name: String, node: Node)] = []
            for item in items where !item.isNull {
                guard let name = item.text else {
                    problems.report("each item of '\(key)' \(location) must be a name, found \(item.kindDescription)", at: item)
                    continue
                }
                if !name.isEmpty { names.append((name, item)) }
            }
            return names
        case .mapping, .alias:
            problems.report("'\(key)' \(location) must be a list of names, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    /// `{average: A, maximum: M}`, read by composing "avg A max M" for `parser`, so the mapping
    /// form obeys the same rules (and `unbounded`) as the one-line form.
    mutating func averageAndMaximum<Value>(
        _ node: Node, subject: String, _ parser: (String) throws(RequirementsError) -> Value
    ) -> Value? {
        guard let fields = YAMLMapping<AverageMaximumKey>(node, subject: subject, location: "in \(subject)", problems: &problems)
        else { return nil }
        var average: String?
        var maximum: String?
        if let averageNode = fields[.average] {
            if let text = averageNode.numberText, Self.isSingleWord(text), AnswerParser.number(text) != nil {
                average = text
            } else {
                problems.report("the average in \(subject) must be a number such as 5, found \(averageNode.kindDescription)", at: averageNode)
            }
        } else {
            problems.report("\(subject) needs an average, as in {average: 5, maximum: 1000}", at: node)
        }
        if let maximumNode = fields[.maximum] {
            if let text = maximumNode.numberText, Self.isSingleWord(text), (try? parser("avg 0 max \(text)")) != nil {
                maximum = text
            } else {
                problems.report(
                    "the maximum in \(subject) must be a whole number such as 1000, or unbounded, found \(maximumNode.kindDescription)",
                    at: maximumNode)
            }
        } else {
            problems.report("\(subject) needs a maximum (a whole number, or unbounded), as in {average: 5, maximum: 1000}", at: node)
        }
        guard let average, let maximum else { return nil }
        do {
            return try parser("avg \(average) max \(maximum)")
        } catch {
            problems.report(error.message, at: node)
            return nil
        }
    }

    /// One word, so composing it into a parser's sentence cannot change the sentence's meaning.
    static func isSingleWord(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," || $0 == "/" }
    }
}
