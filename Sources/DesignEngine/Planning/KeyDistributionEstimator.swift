import Requirements

extension DesignContext {
    /// How the values of a key built from `attributes` of `entityName` spread (modeling rules §7).
    func distribution(of attributes: [String], in entityName: String) -> KeyDistribution {
        guard let entity = entity(entityName) else { return .unknown }
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
        for relationship in requirements.relationships where relationship.child == entity.name && relationship.kind == .oneToMany {
            if let foreignKey = foreignKey(of: relationship), foreignKey.contains(name) {
                var average: Double?
                var maximum: Int?
                if case .known(let cardinality)? = relationship.cardinality {
                    average = cardinality.average
                    maximum = cardinality.maximum
                }
                return .perParent(parent: relationship.parent, childrenAverage: average, childrenMaximum: maximum)
            }
        }
        guard let attribute = entity.attribute(named: name) else { return .unknown }
        if let count = attribute.distinctValues { return .fewValues(count: count, source: "\(name) has \(count) distinct values (stated)") }
        if attribute.type == .boolean || attribute.source?.dynamoDBType == "BOOL" {
            return .fewValues(count: 2, source: "\(name) is a boolean")
        }
        if let mysqlType = attribute.source?.mysqlType, mysqlType.lowercased().hasPrefix("enum("), let count = Self.enumValueCount(mysqlType) {
            return .fewValues(count: count, source: "\(name) is a MySQL ENUM of \(count) values")
        }
        return .unknown
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
