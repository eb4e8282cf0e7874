import Requirements

extension DesignContext {
    /// How the values of a key built from `attributes` of `entityName` spread (docs/design-engine.md).
    func distribution(of attributes: [String], in entityName: String) -> KeyDistribution {
        guard let entity = entity(entityName) else { return .unknown }
        // The whole identifier or a whole unique group: one value per item.
        let set = Set(attributes)
        if set == Set(entity.identifier) || entity.uniqueGroups.contains(where: { Set($0) == set }) { return .perItem(entity: entity.name) }
        // A whole foreign key: one value per parent.
        if attributes.count > 1, let parent = parentDistribution(ofForeignKey: set, in: entity) { return parent }
        var few = 1
        var fewSources: [String] = []
        var result: KeyDistribution?
        for name in attributes {
            let single = distribution(ofAttribute: name, in: entity)
            switch single {
            case .perItem:
                return single
            case .perParent:
                if result == nil { result = single }
            case .fewValues(let count, let source):
                few *= count
                fewSources.append(source)
            case .unknown:
                if result == nil { result = .unknown }
            }
        }
        if let result { return result }
        return fewSources.isEmpty ? .unknown : .fewValues(count: few, source: fewSources.joined(separator: " × "))
    }

    private func distribution(ofAttribute name: String, in entity: Entity) -> KeyDistribution {
        if entity.identifier == [name] || entity.uniqueGroups.contains([name]) {
            return .perItem(entity: entity.name)
        }
        // Only a single-attribute foreign key says how one attribute spreads: a part of a
        // composite one (user_id of (user_id, project_id)) is shared by many parents.
        if let parent = parentDistribution(ofForeignKey: [name], in: entity) { return parent }
        guard let attribute = entity.attribute(named: name) else { return .unknown }
        if let count = attribute.distinctValues { return .fewValues(count: count, source: "\(name) has \(count) distinct values (stated)") }
        if ItemSizer.dynamoDBType(of: attribute) == .boolean {
            return .fewValues(count: 2, source: "\(name) is a boolean")
        }
        if let mysqlType = attribute.source?.mysqlType, mysqlType.lowercased().hasPrefix("enum("), let count = Self.enumValueCount(mysqlType) {
            return .fewValues(count: count, source: "\(name) is a MySQL ENUM of \(count) values")
        }
        return .unknown
    }

    /// `.perParent` when `attributes` are exactly a one-to-many foreign key of the entity.
    private func parentDistribution(ofForeignKey attributes: Set<String>, in entity: Entity) -> KeyDistribution? {
        for relationship in requirements.relationships where relationship.child == entity.name && relationship.kind == .oneToMany {
            guard let foreignKey = foreignKey(of: relationship), Set(foreignKey) == attributes else { continue }
            var average: Double?
            var maximum: Int?
            if case .known(let cardinality)? = relationship.cardinality {
                average = cardinality.average
                maximum = cardinality.maximum
            }
            return .perParent(parent: relationship.parent, childrenAverage: average, childrenMaximum: maximum)
        }
        return nil
    }

    /// The number of quoted values in `enum('a','b','c')`.
    static func enumValueCount(_ text: String) -> Int? {
        var count = 0
        var inQuote = false
        var previous: Character = " "
        for character in text {
            if character == "'" {
                if inQuote, previous != "\\" { inQuote = false; count += 1 } else if !inQuote { inQuote = true }
            }
            previous = character
        }
        return count > 0 ? count : nil
    }
}
