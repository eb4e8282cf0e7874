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
        // A retention counting from an attribute that is gone is asked again.
        if let period = entity.retention?.period, (try? AnswerParser.checkRetention(period, of: entity)) == nil { entity.retention = nil }
    }

    /// `size=description:400`, `distinct=status:4`: one number for one attribute, the others kept.
    static func setNumber(_ value: String, of entity: inout Entity, field: String,
                          _ set: (inout Attribute, Int) throws(RequirementsError) -> Void) throws(RequirementsError) {
        let parts = value.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
        guard parts.count == 2, let number = Int(parts[1]), number > 0 else {
            throw RequirementsError("Give \(field) as ATTRIBUTE:NUMBER, such as \(field)=\(entity.attributes.first?.name ?? "name"):\(field == "size" ? "120" : "4") (a whole number above 0).")
        }
        guard let position = entity.attributes.firstIndex(where: { $0.name == parts[0] }) else {
            throw RequirementsError("\(parts[0]) is not an attribute of \(entity.name); its attributes are \(entity.attributes.map(\.name).joined(separator: ", ")).")
        }
        try set(&entity.attributes[position], number)
    }

    static func apply(_ pairs: [(key: String, value: String)], to entity: inout Entity) throws(RequirementsError) {
        for (key, value) in pairs {
            switch key {
            case "name": entity.name = value.trimmingWhitespace
            case "attributes", "attrs": try applyAttributes(value, to: &entity)
            case "identifier", "id": entity.identifier = try AnswerParser.identifier(value)
            case "unique", "uniques": entity.uniqueGroups = AnswerParser.uniqueGroups(value)
            case "owner": entity.owner = value.trimmingWhitespace.isEmpty ? nil : value.trimmingWhitespace
            case "size": try setNumber(value, of: &entity, field: "size") { (attribute: inout Attribute, number: Int) throws(RequirementsError) in
                guard number <= 400 * 1024 else { throw RequirementsError("The typical size must be at most 409600 bytes (the 400 KB item limit).") }
                attribute.typicalSizeBytes = number
            }
            case "distinct": try setNumber(value, of: &entity, field: "distinct") { attribute, number in attribute.distinctValues = number }
            case "retention":
                // `30d:created_at` is the one-word form of `30 days from created_at`.
                let words = value.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
                entity.retention = try AnswerParser.retention(words.count == 2 ? "\(words[0]) from \(words[1])" : value, entity: entity)
            default:
                throw RequirementsError("\(key) is not an entity field; use: name, attributes, identifier, unique, owner, size (ATTRIBUTE:BYTES), distinct (ATTRIBUTE:COUNT), retention (30d:created_at or forever).")
            }
        }
    }
}
