import Requirements
/// A request's expressions in DynamoDB's syntax, built from a plan: every attribute name goes
/// through a `#n<i>` placeholder (so reserved words and odd names never matter) and every value
/// through a `:v<i>` placeholder bound to its `PlanValue`.
///
/// One builder per request: the executor resolves the values to attribute values, the code
/// exporter to expressions of the target language. Placeholders are numbered in order of first
/// use and reused for the same name, so the same plan always gives the same text.
public struct PlanExpressions: Sendable, Equatable {
    /// Placeholder → attribute name, in order of first use.
    public private(set) var names: [(placeholder: String, attribute: String)] = []
    /// Placeholder → value, in order of use, with the stored type it must take when the request
    /// says (a key's type) and the attribute it is compared with or written to, whose stored
    /// type applies otherwise.
    public private(set) var values: [(placeholder: String, value: PlanValue, type: DynamoDBType?, attribute: String?)] = []

    public init() {}

    public static func == (lhs: PlanExpressions, rhs: PlanExpressions) -> Bool {
        lhs.names.elementsEqual(rhs.names) { $0.placeholder == $1.placeholder && $0.attribute == $1.attribute }
            && lhs.values.elementsEqual(rhs.values) { $0.placeholder == $1.placeholder && $0.value == $1.value && $0.type == $1.type && $0.attribute == $1.attribute }
    }

    /// The placeholder of an attribute name (one per name).
    public mutating func name(_ attribute: String) -> String {
        if let existing = names.first(where: { $0.attribute == attribute }) { return existing.placeholder }
        let placeholder = "#n\(names.count)"
        names.append((placeholder, attribute))
        return placeholder
    }

    /// A new value placeholder; `type` is the stored type the value must take (a key's type),
    /// nil to use the attribute's own.
    public mutating func value(_ value: PlanValue, type: DynamoDBType? = nil, attribute: String? = nil) -> String {
        let placeholder = ":v\(values.count)"
        values.append((placeholder, value, type, attribute))
        return placeholder
    }

    /// `#n0 = :v0 AND begins_with(#n1, :v1)`.
    public mutating func keyCondition(_ query: QueryRequest) -> String {
        var parts = (query.partition + query.sortPrefix).map { key in "\(name(key.attribute)) = \(value(key.value, type: key.type))" }
        if let sort = query.sort { parts.append(sortCondition(sort)) }
        return parts.joined(separator: " AND ")
    }

    public mutating func sortCondition(_ sort: SortKeyCondition) -> String {
        switch sort {
        case .compare(let key, let comparison): return "\(name(key.attribute)) \(comparison.rawValue) \(value(key.value, type: key.type))"
        case .beginsWith(let key): return "begins_with(\(name(key.attribute)), \(value(key.value, type: key.type)))"
        case .between(let attribute, let type, let low, let high):
            return "\(name(attribute)) BETWEEN \(value(low, type: type)) AND \(value(high, type: type))"
        }
    }

    public mutating func condition(_ condition: PlanCondition) -> String {
        switch condition {
        case .attributeExists(let attribute): return "attribute_exists(\(name(attribute)))"
        case .attributeNotExists(let attribute): return "attribute_not_exists(\(name(attribute)))"
        case .compare(let attribute, let comparison, let operand): return "\(name(attribute)) \(comparison.rawValue) \(value(operand, attribute: attribute))"
        case .beginsWith(let attribute, let operand): return "begins_with(\(name(attribute)), \(value(operand, attribute: attribute)))"
        case .and(let parts): return parts.map { "(" + self.condition($0) + ")" }.joined(separator: " AND ")
        }
    }

    /// `SET #n0 = :v0 ADD #n1 :v1 REMOVE #n2`. A `setOrRemove` whose attribute is in `removing`
    /// is a REMOVE; its value keeps its placeholder (bound to no value), so every variant of one
    /// request numbers its placeholders alike.
    public mutating func update(_ actions: [UpdateAction], removing: Set<String> = []) -> String {
        var sets: [String] = []
        var adds: [String] = []
        var removes: [String] = []
        for action in actions {
            switch action {
            case .set(let attribute, let operand): sets.append("\(name(attribute)) = \(value(operand, attribute: attribute))")
            case .appendToList(let attribute, let operand):
                let empty = value(.emptyList)
                // Typed as a list: the appended element goes in as a one-element list.
                let item = value(operand, type: .list)
                sets.append("\(name(attribute)) = list_append(if_not_exists(\(name(attribute)), \(empty)), \(item))")
            case .add(let attribute, let operand): adds.append("\(name(attribute)) \(value(operand, attribute: attribute))")
            case .remove(let attribute): removes.append(name(attribute))
            case .setOrRemove(let attribute, let operand):
                let placeholder = value(operand, attribute: attribute)
                if removing.contains(attribute) { removes.append(name(attribute)) } else { sets.append("\(name(attribute)) = \(placeholder)") }
            }
        }
        var sections: [String] = []
        if !sets.isEmpty { sections.append("SET " + sets.joined(separator: ", ")) }
        if !adds.isEmpty { sections.append("ADD " + adds.joined(separator: ", ")) }
        if !removes.isEmpty { sections.append("REMOVE " + removes.joined(separator: ", ")) }
        return sections.joined(separator: " ")
    }
}
