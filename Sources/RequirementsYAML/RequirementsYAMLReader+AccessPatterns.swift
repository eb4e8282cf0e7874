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
