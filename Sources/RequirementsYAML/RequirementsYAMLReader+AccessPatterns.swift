import Requirements
import Yams

extension RequirementsYAMLReader {
    /// One item of `access_patterns:`, added through `Requirements.addPattern` (which numbers
    /// patterns 1, 2, 3… in file order). When the domain refuses the pattern, its references are
    /// checked one at a time with `Requirements.checkedPattern` so each refusal is reported at the
    /// node that caused it.
    mutating func readAccessPattern(_ node: Node, number: Int) {
        let subject = "access pattern \(number)"
        let location = "in \(subject)"
        guard let fields = YAMLMapping<AccessPatternKey>(node, subject: subject, location: location, problems: &problems) else { return }
        let problemsBefore = problems.count

        let description = fields[.description].flatMap { text($0, key: AccessPatternKey.description.rawValue, location: location) }
        let entities = fields[.entities].flatMap { names($0, key: AccessPatternKey.entities.rawValue, location: location) } ?? []
        let equality = fields[.equality].flatMap { names($0, key: AccessPatternKey.equality.rawValue, location: location) }
        let sort = fields[.sort].flatMap { readSort($0, patternSubject: subject) }
        let filter = fields[.filter].flatMap { names($0, key: AccessPatternKey.filter.rawValue, location: location) }
        let selection = fields[.attributes].flatMap { readAttributeSelection($0, location: location) }
        let peakRPS = fields[.peakRPS].flatMap { estimate($0, what: "Peak RPS", key: AccessPatternKey.peakRPS.rawValue, location: location) }
        let averageRPS = fields[.averageRPS].flatMap {
            estimate($0, what: "Average RPS", key: AccessPatternKey.averageRPS.rawValue, location: location)
        }

        var pattern = AccessPattern(id: number, description: description ?? "")
        pattern.entities = entities.map(\.name)
        pattern.type = fields[.type].flatMap {
            parse($0, key: AccessPatternKey.type.rawValue, location: location, expected: "read, write, update, delete or search", AnswerParser.patternType)
        }
        pattern.equalityAttributes = equality?.map(\.name)
        pattern.sort = sort
        pattern.filterAttributes = filter?.map(\.name)
        pattern.expectedItems = fields[.items].flatMap { readItems($0, patternSubject: subject) }
        pattern.peakRPS = peakRPS
        pattern.averageRPS = averageRPS
        pattern.consistency = fields[.consistency].flatMap {
            parse($0, key: AccessPatternKey.consistency.rawValue, location: location, expected: "eventual or strong", AnswerParser.consistency)
        }
        pattern.latency = optionalText(fields[.latency], key: AccessPatternKey.latency.rawValue, location: location)
        pattern.attributes = selection?.selection
        let selects = fields[.selects].flatMap { readSelects($0, location: location) }
        pattern.selects = selects
        pattern.confirmedNotSearch = fields[.notSearch].flatMap {
            flag($0, key: AccessPatternKey.notSearch.rawValue, location: location)
        } ?? false
        pattern.effects = fields[.effects].flatMap { readEffects($0, patternSubject: subject) }
        pattern.aggregate = fields[.aggregate].flatMap { readAggregate($0, patternSubject: subject) }
        pattern.analyticsOnly = fields[.analyticsOnly].flatMap {
            flag($0, key: AccessPatternKey.analyticsOnly.rawValue, location: location)
        }

        if (try? requirements.checkedPattern(pattern)) != nil {
            // Just checked, so adding cannot fail; a pattern with a problem reported is left out.
            if problems.count == problemsBefore { _ = try? requirements.addPattern(pattern) }
            return
        }

        // Refused: add the pieces one at a time, keeping what passes, to find every culprit.
        var accepted = AccessPattern(id: number, description: "pattern \(number)")
        var entityWasRefused = false
        func attempt(_ change: (inout AccessPattern) -> Void, at node: Node, quietly: Bool = false) {
            var candidate = accepted
            change(&candidate)
            do {
                _ = try requirements.checkedPattern(candidate)
                accepted = candidate
            } catch {
                if !quietly { problems.report(error.message, at: node) }
            }
        }
        func attemptAttribute(_ name: String, at node: Node, _ change: (inout AccessPattern) -> Void) {
            attempt(change, at: node, quietly: entityWasRefused || unusableAttributeNames.contains(name))
        }
        attempt({ $0.description = pattern.description }, at: fields[.description] ?? node)
        for (name, entityNode) in entities {
            let before = accepted.entities
            attempt({ $0.entities.append(name) }, at: entityNode, quietly: unusableEntityNames.contains(name.lowercased()))
            if accepted.entities == before { entityWasRefused = true }
        }
        if let equality {
            accepted.equalityAttributes = []
            for (name, attributeNode) in equality {
                attemptAttribute(name, at: attributeNode) { $0.equalityAttributes?.append(name) }
            }
        }
        if let sort, case .attribute(let requirement) = sort, let sortNode = fields[.sort] {
            attemptAttribute(requirement.attribute, at: sortNode) { $0.sort = sort }
        }
        if let filter {
            accepted.filterAttributes = []
            for (name, attributeNode) in filter {
                attemptAttribute(name, at: attributeNode) { $0.filterAttributes?.append(name) }
            }
        }
        if let selection, case .only = selection.selection {
            accepted.attributes = .only([])
            for (name, attributeNode) in selection.names {
                attemptAttribute(name, at: attributeNode) { pattern in
                    if case .only(let names) = pattern.attributes { pattern.attributes = .only(names + [name]) }
                }
            }
        }
        if let selects, let selectsNode = fields[.selects] {
            attemptAttribute(selects.first?.attribute ?? "", at: selectsNode) { $0.selects = selects }
        }
        if let peakRPS, let peakNode = fields[.peakRPS] { attempt({ $0.peakRPS = peakRPS }, at: peakNode) }
        if let averageRPS, let averageNode = fields[.averageRPS] { attempt({ $0.averageRPS = averageRPS }, at: averageNode) }
        attempt({ $0.type = pattern.type }, at: fields[.type] ?? node, quietly: true)
        if let analyticsOnly = pattern.analyticsOnly, let flagNode = fields[.analyticsOnly] {
            attempt({ $0.analyticsOnly = analyticsOnly }, at: flagNode)
        }
        if let aggregate = pattern.aggregate, let aggregateNode = fields[.aggregate] { attempt({ $0.aggregate = aggregate }, at: aggregateNode) }
        if let effects = pattern.effects, case .mapping(let mapping)? = fields[.effects] {
            accepted.effects = []
            for (entry, (_, valueNode)) in zip(effects, mapping) {
                attempt({ $0.effects?.append(entry) }, at: valueNode, quietly: entityWasRefused)
            }
        }
    }

    /// `effects:` — a mapping from each entity the pattern lists beyond the first to `put`,
    /// `delete`, `check`, `update ATTRIBUTE add VALUE [if OPERATOR VALUE]`, or the mapping
    /// `{update, add, condition}`.
    private mutating func readEffects(_ node: Node, patternSubject: String) -> [EntityWriteEffect]? {
        let key = AccessPatternKey.effects.rawValue
        guard case .mapping(let mapping) = node else {
            problems.report("'\(key)' in \(patternSubject) must be a mapping from entity names to put, delete, check or {update, add, condition}, found \(node.kindDescription)", at: node)
            return nil
        }
        var effects: [EntityWriteEffect] = []
        var complete = true
        for (entityNode, valueNode) in mapping {
            guard let entity = entityNode.text, !entity.isEmpty else {
                problems.report("each key of '\(key)' in \(patternSubject) must be an entity name, found \(entityNode.kindDescription)", at: entityNode)
                complete = false
                continue
            }
            let subject = "the effect on \(entity) in \(patternSubject)"
            switch valueNode {
            case .scalar:
                guard let effect = parse(valueNode, key: "\(key).\(entity)", location: "in \(patternSubject)", expected: "put, delete, check or update", WriteEffect.parse) else {
                    complete = false
                    continue
                }
                effects.append(EntityWriteEffect(entity: entity, effect: effect))
            case .mapping:
                guard let update = readEffectUpdate(valueNode, subject: subject) else {
                    complete = false
                    continue
                }
                effects.append(EntityWriteEffect(entity: entity, effect: .update(update)))
            case .sequence, .alias:
                problems.report("\(subject) must be put, delete, check or a mapping {update, add, condition}, found \(valueNode.kindDescription)", at: valueNode)
                complete = false
            }
        }
        return complete ? effects : nil
    }

    private mutating func readEffectUpdate(_ node: Node, subject: String) -> CounterUpdate? {
        guard let fields = YAMLMapping<EffectUpdateKey>(node, subject: subject, location: "in \(subject)", problems: &problems) else { return nil }
        guard let attributeNode = fields[.update], let addNode = fields[.add] else {
            problems.report("\(subject) needs update (the number attribute) and add (a number or an attribute, -quantity to subtract), as in {update: inventory_quantity, add: -quantity, condition: \">= quantity\"}", at: node)
            return nil
        }
        guard let attribute = text(attributeNode, key: EffectUpdateKey.update.rawValue, location: "in \(subject)"),
              let amount = parse(addNode, key: EffectUpdateKey.add.rawValue, location: "in \(subject)", expected: "a number or an attribute name", numeric: true, EffectOperand.parse)
        else { return nil }
        var condition: CounterCondition?
        if let conditionNode = fields[.condition] {
            guard let parsed = parse(conditionNode, key: EffectUpdateKey.condition.rawValue, location: "in \(subject)", expected: "text such as \">= quantity\"", CounterCondition.parse) else { return nil }
            condition = parsed
        }
        return CounterUpdate(attribute: attribute, amount: amount, condition: condition)
    }

    /// `aggregate:` — `none`, text such as `sum amount per day`, or `{function, attribute, period}`.
    private mutating func readAggregate(_ node: Node, patternSubject: String) -> AggregateAnswer? {
        let key = AccessPatternKey.aggregate.rawValue
        switch node {
        case .scalar:
            return parse(node, key: key, location: "in \(patternSubject)", expected: "text", Aggregation.parse)
        case .mapping:
            let subject = "the aggregate of \(patternSubject)"
            guard let fields = YAMLMapping<AggregateKey>(node, subject: subject, location: "in \(subject)", problems: &problems) else { return nil }
            guard let functionNode = fields[.function] else {
                problems.report("\(subject) needs a function (count, sum, avg, min or max), as in {function: sum, attribute: amount, period: day}", at: node)
                return nil
            }
            guard let functionText = text(functionNode, key: AggregateKey.function.rawValue, location: "in \(subject)") else { return nil }
            guard let function = Aggregation.Function(rawValue: functionText.lowercased()) else {
                problems.report("'\(functionText)' is not an aggregate function; use count, sum, avg, min or max", at: functionNode)
                return nil
            }
            let attribute = fields[.attribute].flatMap { text($0, key: AggregateKey.attribute.rawValue, location: "in \(subject)") }
            var period = Aggregation.Period.none
            if let periodNode = fields[.period] {
                guard let periodText = text(periodNode, key: AggregateKey.period.rawValue, location: "in \(subject)") else { return nil }
                guard let stated = Aggregation.Period(rawValue: periodText.lowercased()) else {
                    problems.report("'\(periodText)' is not a period; use none, hour, day or month", at: periodNode)
                    return nil
                }
                period = stated
            }
            do {
                try Aggregation.check(function: function, attribute: attribute)
            } catch {
                problems.report(error.message, at: node)
                return nil
            }
            return .aggregate(Aggregation(function: function, attribute: attribute, period: period))
        case .sequence, .alias:
            problems.report("'\(key)' in \(patternSubject) must be none, text such as \"sum amount per day\", or a mapping {function, attribute, period}, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    /// `sort:` — `created_at desc`, `none`, or `{attribute: created_at, direction: desc}`.
    private mutating func readSort(_ node: Node, patternSubject: String) -> SortAnswer? {
        let key = AccessPatternKey.sort.rawValue
        let location = "in \(patternSubject)"
        switch node {
        case .scalar:
            return parse(node, key: key, location: location, expected: "text", AnswerParser.sort)
        case .mapping:
            let subject = "the sort of \(patternSubject)"
            guard let fields = YAMLMapping<SortKey>(node, subject: subject, location: "in \(subject)", problems: &problems) else { return nil }
            guard let attributeNode = fields[.attribute] else {
                problems.report("\(subject) needs an attribute, as in {attribute: created_at, direction: desc}; write sort: none when there is none", at: node)
                return nil
            }
            guard let attribute = text(attributeNode, key: SortKey.attribute.rawValue, location: "in \(subject)") else { return nil }
            do {
                guard case .attribute(let requirement) = try AnswerParser.sort(attribute), requirement.attribute == attribute else {
                    problems.report("the attribute in \(subject) must be one attribute name, such as created_at", at: attributeNode)
                    return nil
                }
                guard let directionNode = fields[.direction] else { return .attribute(requirement) }
                guard let direction = text(directionNode, key: SortKey.direction.rawValue, location: "in \(subject)") else { return nil }
                do {
                    return try AnswerParser.sort("\(attribute) \(direction)")
                } catch {
                    problems.report(error.message, at: directionNode)
                    return nil
                }
            } catch {
                problems.report(error.message, at: attributeNode)
                return nil
            }
        case .sequence, .alias:
            problems.report(
                "'sort' \(location) must be text such as \"created_at desc\", none, or a mapping {attribute, direction}, found \(node.kindDescription)",
                at: node)
            return nil
        }
    }

    /// `items:` — `1`, `avg 20 max 100`, `{average: 20, maximum: 100}` or `unknown`.
    private mutating func readItems(_ node: Node, patternSubject: String) -> ItemCountAnswer? {
        if case .mapping = node {
            return averageAndMaximum(node, subject: "the items of \(patternSubject)", AnswerParser.itemCount)
        }
        return parse(
            node, key: AccessPatternKey.items.rawValue, location: "in \(patternSubject)",
            expected: "a number such as 1, text such as \"avg 20 max 100\", a mapping {average, maximum}, or unknown",
            numeric: true, AnswerParser.itemCount)
    }

    /// `attributes:` — `all`, or the names needed (reads) or written (writes), as a list or one
    /// comma-separated string.
    private mutating func readAttributeSelection(
        _ node: Node, location: String
    ) -> (selection: AttributeSelection, names: [(name: String, node: Node)])? {
        if case .scalar = node, AnswerParser.attributeSelection(node.text ?? "") == .all {
            return (.all, [])
        }
        guard let names = names(node, key: AccessPatternKey.attributes.rawValue, location: location) else { return nil }
        return (.only(names.map(\.name)), names)
    }

    /// `selects: {status: open}` or `selects: {returned_at: null}`: the values the pattern selects
    /// its items by.
    private mutating func readSelects(_ node: Node, location: String) -> [SelectedValue]? {
        let key = AccessPatternKey.selects.rawValue
        guard case .mapping(let pairs) = node, !pairs.isEmpty else {
            problems.report("'\(key)' \(location) must be a mapping of attribute to selected value, such as {status: open} or {returned_at: null}, found \(node.kindDescription)", at: node)
            return nil
        }
        var selected: [SelectedValue] = []
        for (attributeNode, valueNode) in pairs {
            guard let attribute = attributeNode.text, !attribute.isEmpty else {
                problems.report("each key of '\(key)' \(location) must be an attribute name, found \(attributeNode.kindDescription)", at: attributeNode)
                continue
            }
            if valueNode.isNull {
                selected.append(SelectedValue(attribute: attribute, value: nil))
            } else if let value = valueNode.text, !value.isEmpty {
                selected.append(SelectedValue(attribute: attribute, value: value))
            } else {
                problems.report("the value '\(key)' selects for \(attribute) \(location) must be one value (or null for items without one), found \(valueNode.kindDescription)", at: valueNode)
            }
        }
        return selected.isEmpty ? nil : selected
    }
}
