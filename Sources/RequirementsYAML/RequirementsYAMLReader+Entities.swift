import Requirements
import Yams

extension RequirementsYAMLReader {
    /// One item of `entities:`. Parsing problems are reported field by field; the domain's own
    /// checks (name rules, repeated attributes, sizes, identifier and unique attributes) then run
    /// through `Requirements.addEntity`, and a refusal is traced back to the node that caused it.
    mutating func readEntity(_ node: Node, number: Int) {
        let subject = "entity \(number)"
        let location = "in \(subject)"
        guard let fields = YAMLMapping<EntityKey>(node, subject: subject, location: location, problems: &problems) else { return }

        var name: String?
        if let nameNode = fields[.name] {
            name = text(nameNode, key: EntityKey.name.rawValue, location: location)
        } else {
            problems.report("\(subject) needs a name, such as User", at: node)
        }
        let owner = optionalText(fields[.owner], key: EntityKey.owner.rawValue, location: location)
        let attributes = fields[.attributes].map { readAttributes($0, entitySubject: subject) } ?? []
        let identifier = fields[.identifier].map { readIdentifier($0, location: location) } ?? []
        let uniqueGroups = fields[.unique].map { readUniqueGroups($0, location: location) } ?? []
        let itemCount = fields[.itemCount].flatMap { estimate($0, what: "The item count", key: EntityKey.itemCount.rawValue, location: location) }

        guard let name else { return }
        var entity = Entity(
            name: name, attributes: attributes.map(\.attribute), identifier: identifier.map(\.name),
            uniqueGroups: uniqueGroups.map(\.group), owner: owner)
        entity.itemCount = itemCount
        if let retentionNode = fields[.retention] { entity.retention = readRetention(retentionNode, of: entity, location: location) }
        var probe = requirements
        if (try? probe.addEntity(entity)) != nil {
            // Added even when a field had a problem, so references to it are not reported as missing.
            requirements = probe
            return
        }

        // Something was refused: check the name against the entities so far, then each piece
        // against an otherwise empty model, keeping what passes.
        let nameNode = fields[.name] ?? node
        var nameIsUsable = true
        do {
            var nameProbe = requirements
            try nameProbe.addEntity(Entity(name: name))
        } catch {
            problems.report(error.message, at: nameNode)
            nameIsUsable = false
        }
        let probeName = (try? NameRules.checkEntityName(name)) != nil ? name : "Entity"
        var accepted = Entity(name: probeName, owner: owner)
        accepted.itemCount = itemCount
        func attempt(_ change: (inout Entity) -> Void, at node: Node, quietly: Bool = false) -> Bool {
            var candidate = accepted
            change(&candidate)
            var empty = Requirements()
            do {
                try empty.addEntity(candidate)
                accepted = candidate
                return true
            } catch {
                if !quietly { problems.report(error.message, at: node) }
                return false
            }
        }
        for (attribute, attributeNode) in attributes {
            let added = attempt({ $0.attributes.append(attribute) }, at: attributeNode)
            if !added { unusableAttributeNames.insert(attribute.name) }
        }
        for (part, partNode) in identifier {
            _ = attempt({ $0.identifier.append(part) }, at: partNode, quietly: unusableAttributeNames.contains(part))
        }
        for (group, groupNode) in uniqueGroups {
            _ = attempt({ $0.uniqueGroups.append(group) }, at: groupNode, quietly: group.contains(where: unusableAttributeNames.contains))
        }
        if let retention = entity.retention {
            _ = attempt({ $0.retention = retention }, at: fields[.retention] ?? node, quietly: true)
        }
        accepted.name = name
        guard nameIsUsable else {
            unusableEntityNames.insert(name.lowercased())
            return
        }
        do {
            try requirements.addEntity(accepted)
        } catch {
            problems.report(error.message, at: node)
            unusableEntityNames.insert(name.lowercased())
        }
    }

    /// `attributes:` — a list of `{name, type, size}` mappings or `name:type[:size]` strings, or
    /// one comma-separated string of the latter.
    private mutating func readAttributes(_ node: Node, entitySubject: String) -> [(attribute: Attribute, node: Node)] {
        switch node {
        case .scalar:
            return attributes(inLine: node)
        case .sequence(let items):
            var attributes: [(attribute: Attribute, node: Node)] = []
            for (index, item) in items.enumerated() where !item.isNull {
                if case .scalar = item {
                    attributes += self.attributes(inLine: item)
                } else if let attribute = readAttributeMapping(item, subject: "attribute \(index + 1) of \(entitySubject)") {
                    attributes.append((attribute, item))
                }
            }
            return attributes
        case .mapping, .alias:
            problems.report(
                "'attributes' in \(entitySubject) must be a list of {name, type, size} mappings or name:type:size strings, found \(node.kindDescription)",
                at: node)
            return []
        }
    }

    /// `email:string:40` (several separated by commas), through `AnswerParser.attributes`.
    private mutating func attributes(inLine node: Node) -> [(attribute: Attribute, node: Node)] {
        let line = node.text ?? ""
        do {
            return try AnswerParser.attributes(line).map { ($0, node) }
        } catch {
            problems.report(error.message, at: node)
            for item in line.split(separator: ",") {
                let name = item.split(separator: ":", maxSplits: 1).first.map { String($0).trimmingWhitespace } ?? ""
                if !name.isEmpty { unusableAttributeNames.insert(name) }
            }
            return []
        }
    }

    /// `{name: email, type: string, size: 40}`.
    private mutating func readAttributeMapping(_ node: Node, subject: String) -> Attribute? {
        if case .mapping(let pairs) = node, pairs.count == 1, let key = pairs.first?.key.text,
            AttributeKey(rawValue: key) == nil, let type = pairs.first?.value.text,
            AttributeType(userText: String(type.prefix { $0 != ":" })) != nil
        {
            // `- email: string` is a one-pair mapping; the writer almost certainly meant `email:string`.
            let parts = type.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
            let mappingForm = parts.count == 2 ? "{name: \(key), type: \(parts[0]), size: \(parts[1])}" : "{name: \(key), type: \(type)}"
            problems.report(
                "\(subject) is the mapping '\(key): \(type)': write \(key):\(type) (no space after the colon) or \(mappingForm)",
                at: node)
            unusableAttributeNames.insert(key)
            return nil
        }
        let location = "in \(subject)"
        guard let fields = YAMLMapping<AttributeKey>(node, subject: subject, location: location, problems: &problems) else { return nil }
        var isValid = true
        var name = ""
        if let nameNode = fields[.name], let text = text(nameNode, key: AttributeKey.name.rawValue, location: location) {
            name = text
            do {
                try NameRules.checkAttributeName(text)
            } catch {
                problems.report(error.message, at: nameNode)
                isValid = false
            }
        } else {
            if fields[.name] == nil { problems.report("\(subject) needs a name, such as email", at: node) }
            isValid = false
        }
        var type: AttributeType?
        if let typeNode = fields[.type] {
            if let text = text(typeNode, key: AttributeKey.type.rawValue, location: location) {
                type = AttributeType(userText: text)
                if type == nil {
                    problems.report("\"\(text)\" is not a type: use one of \(AttributeType.acceptedNames).", at: typeNode)
                }
            }
        } else {
            problems.report("\(subject) needs a type: one of \(AttributeType.acceptedNames)", at: node)
        }
        var size: Int?
        if let sizeNode = fields[.size] {
            size = sizeNode.numberText.flatMap(AnswerParser.wholeNumber)
            if size == nil {
                problems.report("the size in \(subject) must be a whole number of bytes, such as 40, found \(sizeNode.kindDescription)", at: sizeNode)
            }
        }
        var distinctValues: Int?
        if let distinctNode = fields[.distinctValues] {
            distinctValues = distinctNode.numberText.flatMap(AnswerParser.wholeNumber).flatMap { $0 > 0 ? $0 : nil }
            if distinctValues == nil {
                problems.report("distinct_values in \(subject) must be a whole number above 0, such as 3, found \(distinctNode.kindDescription)", at: distinctNode)
                isValid = false
            }
        }
        var busiestShare: Double?
        if let shareNode = fields[.busiestShare] {
            busiestShare = parse(shareNode, key: AttributeKey.busiestShare.rawValue, location: location, expected: "a percentage such as 30%", numeric: true) {
                text throws(RequirementsError) in try AnswerParser.share(text, what: "busiest_share \(location)")
            }
            if busiestShare == nil { isValid = false }
        }
        var valueShares: [ValueShare] = []
        if let sharesNode = fields[.valueShares] {
            if case .mapping(let pairs) = sharesNode, !pairs.isEmpty {
                for (valueNode, shareNode) in pairs {
                    guard let value = valueNode.text, !value.isEmpty else {
                        problems.report("each key of value_shares \(location) must be a value such as open, found \(valueNode.kindDescription)", at: valueNode)
                        isValid = false
                        continue
                    }
                    let share = parse(shareNode, key: AttributeKey.valueShares.rawValue, location: location, expected: "a percentage such as 5%", numeric: true) {
                        text throws(RequirementsError) in try AnswerParser.share(text, what: "The share of \(value) \(location)")
                    }
                    if let share { valueShares.append(ValueShare(value: value, share: share)) } else { isValid = false }
                }
                if valueShares.reduce(0, { $0 + $1.share }) > 1.000_001 {
                    problems.report("the value_shares \(location) add up to more than 100%", at: sharesNode)
                    isValid = false
                }
            } else {
                problems.report("value_shares \(location) must be a mapping of value to share, such as {open: 5%}, found \(sharesNode.kindDescription)", at: sharesNode)
                isValid = false
            }
        }
        if let nullNode = fields[.nullShare] {
            let share = parse(nullNode, key: AttributeKey.nullShare.rawValue, location: location, expected: "a percentage such as 3%", numeric: true) {
                text throws(RequirementsError) in try AnswerParser.share(text, what: "null_share \(location)")
            }
            if let share { valueShares.append(ValueShare(value: nil, share: share)) } else { isValid = false }
        }
        guard isValid, let type, fields[.size] == nil || size != nil else {
            if !name.isEmpty { unusableAttributeNames.insert(name) }
            return nil
        }
        var attribute = Attribute(name: name, type: type, typicalSizeBytes: size)
        attribute.distinctValues = distinctValues
        attribute.busiestShare = busiestShare
        attribute.valueShares = valueShares.isEmpty ? nil : valueShares
        return attribute
    }

    /// `identifier:` — `user_id`, `tenant_id+user_id`, or a list `[tenant_id, user_id]`.
    private mutating func readIdentifier(_ node: Node, location: String) -> [(name: String, node: Node)] {
        let key = EntityKey.identifier.rawValue
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = sequence.filter { !$0.isNull }
        case .mapping, .alias:
            problems.report("'\(key)' \(location) must be an attribute name or a list of them, found \(node.kindDescription)", at: node)
            return []
        }
        var names: [(name: String, node: Node)] = []
        for item in items {
            guard let parts = parse(item, key: key, location: location, expected: "an attribute name", AnswerParser.identifier) else { continue }
            names += parts.map { ($0, item) }
        }
        return names
    }

    /// `unique:` — a list whose items are attribute names or, for a composite unique key, lists of
    /// names; also the one-line form `email, tenant_id+slug`.
    private mutating func readUniqueGroups(_ node: Node, location: String) -> [(group: [String], node: Node)] {
        let key = EntityKey.unique.rawValue
        switch node {
        case .scalar:
            return AnswerParser.uniqueGroups(node.text ?? "").map { ($0, node) }
        case .sequence(let items):
            var groups: [(group: [String], node: Node)] = []
            for item in items where !item.isNull {
                switch item {
                case .scalar:
                    groups += AnswerParser.uniqueGroups(item.text ?? "").map { ($0, item) }
                case .sequence:
                    guard let members = names(item, key: key, location: location) else { continue }
                    if members.isEmpty {
                        problems.report("a unique group \(location) needs at least one attribute", at: item)
                    } else {
                        groups.append((members.map(\.name), item))
                    }
                case .mapping, .alias:
                    problems.report(
                        "each item of '\(key)' \(location) must be an attribute name or a list of names, found \(item.kindDescription)",
                        at: item)
                }
            }
            return groups
        case .mapping, .alias:
            problems.report("'\(key)' \(location) must be a list of attribute names, found \(node.kindDescription)", at: node)
            return []
        }
    }

    /// `retention: 30 days`, `retention: 30 days from opened_at`, `retention: forever` or
    /// `retention: {days: 30, from: created_at}`, checked against the entity's attributes.
    private mutating func readRetention(_ node: Node, of entity: Entity, location: String) -> Retention? {
        let key = EntityKey.retention.rawValue
        switch node {
        case .scalar:
            return parse(node, key: key, location: location, expected: "a number of days or forever") { text throws(RequirementsError) in
                try AnswerParser.retention(text, entity: entity)
            }
        case .mapping:
            let subject = "the retention \(location)"
            guard let fields = YAMLMapping<RetentionKey>(node, subject: subject, location: "in \(subject)", problems: &problems) else { return nil }
            guard let daysNode = fields[.days] else {
                problems.report("\(subject) needs days, such as {days: 30, from: created_at}", at: node)
                return nil
            }
            guard let days = daysNode.numberText.flatMap(AnswerParser.wholeNumber) else {
                problems.report("days in \(subject) must be a whole number of days such as 30, found \(daysNode.kindDescription)", at: daysNode)
                return nil
            }
            let from: String
            if let fromNode = fields[.from] {
                guard let text = text(fromNode, key: RetentionKey.from.rawValue, location: "in \(subject)") else { return nil }
                from = text
            } else {
                do {
                    from = try AnswerParser.defaultRetentionStart(entity)
                } catch {
                    problems.report(error.message, at: node)
                    return nil
                }
            }
            var period = RetentionPeriod(days: days, from: from)
            if let archivedNode = fields[.archived] {
                guard let archived = flag(archivedNode, key: RetentionKey.archived.rawValue, location: "in \(subject)") else { return nil }
                period.archived = archived ? true : nil
            }
            do {
                try AnswerParser.checkRetention(period, of: entity)
            } catch {
                problems.report(error.message, at: period.days > 0 && period.days <= 36_500 ? fields[.from] ?? daysNode : daysNode)
                return nil
            }
            return .period(period)
        case .sequence, .alias:
            problems.report("'\(key)' \(location) must be a number of days (30 days), forever, or {days, from}, found \(node.kindDescription)", at: node)
            return nil
        }
    }
}
