import Requirements

/// Applies answers to an entity's fields; shared by the guided questions and `/entity`/`/edit entity`.
enum EntityFieldParser {
    static func applyAttributes(_ text: String, to entity: inout Entity) throws(RequirementsError) {
        entity.attributes = try AnswerParser.attributes(text)
        // Keep identifier and unique groups that still name existing attributes; the walk asks
        // for them next anyway.
        let names = Set(entity.attributes.map(\.name))
        if !entity.identifier.allSatisfy(names.contains) { entity.identifier = [] }
        entity.uniqueGroups = entity.uniqueGroups.filter { $0.allSatisfy(names.contains) }
    }

    static func apply(_ pairs: [(key: String, value: String)], to entity: inout Entity) throws(RequirementsError) {
        for (key, value) in pairs {
            switch key {
            case "name": entity.name = value.trimmingWhitespace
            case "attributes", "attrs": try applyAttributes(value, to: &entity)
            case "identifier", "id": entity.identifier = try AnswerParser.identifier(value)
            case "unique", "uniques": entity.uniqueGroups = AnswerParser.uniqueGroups(value)
            case "owner": entity.owner = value.trimmingWhitespace.isEmpty ? nil : value.trimmingWhitespace
            default:
                throw RequirementsError("\(key) is not an entity field; use: name, attributes, identifier, unique, owner.")
            }
        }
    }
}
