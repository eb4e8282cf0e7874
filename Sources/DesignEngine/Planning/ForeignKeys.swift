import Requirements

/// Which attributes of a child hold its parent's identifier, in the order of the parent's
/// identifier: the imported foreign key's columns, or attributes named like the parent's
/// identifier (`user_id` in Order for User's `user_id`, `order_id` for Order's `id`).
public enum ForeignKeys {
    public static func of(_ relationship: Relationship, in requirements: Requirements) -> [String]? {
        of(relationship, parent: requirements.entity(named: relationship.parent), child: requirements.entity(named: relationship.child))
    }

    static func of(_ relationship: Relationship, parent: Entity?, child: Entity?) -> [String]? {
        guard let parent, let child else { return nil }
        if let columns = relationship.sourceForeignKey?.columns {
            let names = columns.compactMap { column in child.attributes.first { $0.source?.column.lowercased() == column.lowercased() }?.name }
            if names.count == columns.count, !names.isEmpty { return names }
        }
        guard !parent.identifier.isEmpty else { return nil }
        var names: [String] = []
        for identifier in parent.identifier {
            let candidates = [identifier, "\(snake(parent.name))_\(identifier)", "\(snake(parent.name))_id"]
            guard let found = candidates.first(where: { child.attribute(named: $0) != nil && !(child.identifier == [$0] && parent.identifier.count == 1 && $0 == "id") }) else { return nil }
            names.append(found)
        }
        return names
    }
}
