extension Requirements {
    /// The pattern's effects with entity names as entered, each checked: the entity is one the
    /// pattern lists beyond the first, is named once, and the attributes an update reads exist.
    func checkedEffects(of pattern: AccessPattern) throws(RequirementsError) -> [EntityWriteEffect]? {
        guard let effects = pattern.effects else { return nil }
        if !effects.isEmpty, !(pattern.type?.isWrite ?? true) {
            throw RequirementsError("Only write, update and delete patterns have effects on other entities; pattern \(pattern.id) is a \(pattern.type?.rawValue ?? "") pattern.")
        }
        var checked: [EntityWriteEffect] = []
        let others = Array(pattern.entities.dropFirst())
        for entry in effects {
            let name = try canonicalEntityName(entry.entity)
            guard others.contains(name) else {
                let listed = others.isEmpty ? "it lists no other entity" : "it lists \(Self.list(others)) besides \(pattern.entities.first ?? "")"
                throw RequirementsError("An effect on \(name) needs \(name) among the pattern's entities after the first (\(listed)).")
            }
            guard !checked.contains(where: { $0.entity == name }) else {
                throw RequirementsError("The effect on \(name) is stated twice; keep one.")
            }
            if case .update(let update) = entry.effect {
                guard let target = entity(named: name), let attribute = target.attribute(named: update.attribute) else {
                    throw RequirementsError("\(update.attribute) is not an attribute of \(name); the update of an effect names an attribute of the entity it changes.")
                }
                guard attribute.type == .number else {
                    throw RequirementsError("\(name).\(update.attribute) is \(attribute.type.rawValue); an effect adds to a number attribute.")
                }
                let known = attributeNames(of: pattern.entities)
                for operand in [update.amount, update.condition?.operand].compactMap({ $0 }) {
                    if let used = operand.attribute, !known.contains(used) {
                        throw RequirementsError("\(used) is not an attribute of \(Self.list(pattern.entities)); the amount and condition of an effect are numbers or attributes the pattern's caller passes.")
                    }
                }
            }
            checked.append(EntityWriteEffect(entity: name, effect: entry.effect))
        }
        return checked.sorted { others.firstIndex(of: $0.entity) ?? 0 < others.firstIndex(of: $1.entity) ?? 0 }
    }

    /// An aggregation is a read's, over a number attribute of the entity it reads.
    func checkAggregate(of pattern: AccessPattern) throws(RequirementsError) {
        if pattern.analyticsOnly == true, pattern.type != nil, pattern.type != .read {
            throw RequirementsError("analytics_only applies to read patterns; pattern \(pattern.id) is a \(pattern.type?.rawValue ?? "") pattern.")
        }
        guard let aggregation = pattern.aggregate?.aggregation else { return }
        if let type = pattern.type, type != .read {
            throw RequirementsError("Only read patterns aggregate; pattern \(pattern.id) is a \(type.rawValue) pattern.")
        }
        try Aggregation.check(function: aggregation.function, attribute: aggregation.attribute)
        guard let name = aggregation.attribute else { return }
        guard let main = pattern.entities.first.flatMap({ entity(named: $0) }), let attribute = main.attribute(named: name) else {
            throw RequirementsError("\(name) is not an attribute of \(pattern.entities.first ?? "the pattern's entity"); an aggregation is over an attribute of the entity the pattern reads.")
        }
        guard attribute.type == .number else {
            throw RequirementsError("\(main.name).\(name) is \(attribute.type.rawValue); \(aggregation.function.rawValue) needs a number attribute.")
        }
    }
}
