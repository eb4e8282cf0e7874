import Requirements
import Yams

extension RequirementsYAMLReader {
    /// One item of `relationships:`, added through `Requirements.addRelationship`.
    mutating func readRelationship(_ node: Node, number: Int) {
        let subject = "relationship \(number)"
        let location = "in \(subject)"
        guard let fields = YAMLMapping<RelationshipKey>(node, subject: subject, location: location, problems: &problems) else { return }

        let parent = readEntityReference(fields[.parent], role: "parent", example: "User", subject: subject, mappingNode: node)
        let child = readEntityReference(fields[.child], role: "child", example: "Order", subject: subject, mappingNode: node)
        var kind = RelationshipKind.oneToMany
        if let kindNode = fields[.kind], let text = text(kindNode, key: RelationshipKey.kind.rawValue, location: location) {
            if let parsed = RelationshipKind(rawValue: text.lowercased()) {
                kind = parsed
            } else {
                problems.report("'kind' \(location) must be one-to-many or many-to-many, found \(kindNode.kindDescription)", at: kindNode)
            }
        }
        var cardinality: CardinalityAnswer?
        if let cardinalityNode = fields[.cardinality] {
            if case .mapping = cardinalityNode {
                cardinality = averageAndMaximum(cardinalityNode, subject: "the cardinality of \(subject)", AnswerParser.cardinality)
            } else {
                cardinality = parse(
                    cardinalityNode, key: RelationshipKey.cardinality.rawValue, location: location,
                    expected: "text such as \"avg 5 max 1000\", a mapping {average, maximum}, or unknown", AnswerParser.cardinality)
            }
        }
        let childExistsWithoutParent = fields[.childExistsWithoutParent].flatMap {
            flag($0, key: RelationshipKey.childExistsWithoutParent.rawValue, location: location)
        }

        // Added even when a field had a problem, so a repeated relationship is reported too.
        guard let parent, let child else { return }
        do {
            try requirements.addRelationship(
                Relationship(
                    parent: parent, child: child, kind: kind, cardinality: cardinality,
                    childExistsWithoutParent: childExistsWithoutParent))
        } catch {
            problems.report(error.message, at: node)
        }
    }

    /// The entity named by `parent:` or `child:`, as it was entered; `nil` (reported) when missing
    /// or unknown.
    private mutating func readEntityReference(
        _ node: Node?, role: String, example: String, subject: String, mappingNode: Node
    ) -> String? {
        guard let node else {
            problems.report("\(subject) needs a \(role): the name of an entity, such as \(example)", at: mappingNode)
            return nil
        }
        guard let name = text(node, key: role, location: "in \(subject)") else { return nil }
        do {
            return try requirements.canonicalEntityName(name)
        } catch {
            if !unusableEntityNames.contains(name.lowercased()) { problems.report(error.message, at: node) }
            return nil
        }
    }
}
