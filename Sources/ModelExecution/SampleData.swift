import DesignEngine
import DynamoDBAPI
import Requirements

/// The values of one entity item as the caller of a plan knows them: the entity's own
/// attributes by their requirements names.
public typealias EntityValues = [String: AttributeValue]

/// Deterministic sample items for every stored entity, built so the relationships hold:
/// parents come before their children, and a child's reference to its parent carries that
/// parent's identifier. Identifiers, unique values and sort attributes differ per item; other
/// values repeat (items 1 and 3 share them) so that lookups by them return several items.
public struct SampleData: Sendable {
    /// Sample items per entity, in the order they are written.
    public private(set) var items: [String: [EntityValues]] = [:]
    /// Entities in the order their items are written: every parent before its children.
    public private(set) var order: [String] = []
    /// For each child, the parent its sample items were spread over and the attributes that
    /// point at it.
    public private(set) var parents: [String: (parent: String, foreignKey: [String])] = [:]
    let seed: UInt64
    private let distinct: [String: Set<String>]
    private let requirements: Requirements

    /// Items of an entity with no parent; children get up to `childrenPerParent` per parent.
    static let rootItems = 3
    static let childrenPerParent = 3
    static let parentsWithChildren = 2

    public init(requirements: Requirements, model: DataModel, seed: UInt64 = 1) {
        self.seed = seed
        self.requirements = requirements
        var distinct: [String: Set<String>] = [:]
        for entity in requirements.entities {
            var names = Set(entity.identifier)
            for group in entity.uniqueGroups { names.formUnion(group) }
            distinct[entity.name] = names
        }
        for pattern in requirements.accessPatterns {
            if case .attribute(let sort)? = pattern.sort, let entity = pattern.entities.first { distinct[entity, default: []].insert(sort.attribute) }
        }
        self.distinct = distinct
        let stored = Set(requirements.entities.map(\.name).filter { name in
            model.entityTable(of: name) != nil || model.tables.contains { $0.itemLayouts.contains { $0.entity == name } }
                || Self.isEmbedded(name, in: model)
        })
        order = Self.parentsFirst(requirements, among: stored)
        for entity in order { build(entity) }
    }

    static func isEmbedded(_ entity: String, in model: DataModel) -> Bool {
        model.tables.contains { table in table.attributes.contains { $0.sourceEntity == entity && $0.entity != entity && $0.denormalization == nil } }
    }

    /// Entities sorted so every one-to-many parent comes before its children (cycles keep the
    /// requirements' order).
    static func parentsFirst(_ requirements: Requirements, among names: Set<String>) -> [String] {
        var ordered: [String] = []
        var visiting = Set<String>()
        func visit(_ name: String) {
            guard names.contains(name), !ordered.contains(name), visiting.insert(name).inserted else { return }
            for relationship in requirements.relationships where relationship.child == name && relationship.kind == .oneToMany {
                visit(relationship.parent)
            }
            ordered.append(name)
        }
        for entity in requirements.entities { visit(entity.name) }
        return ordered
    }

    private mutating func build(_ entityName: String) {
        guard let entity = requirements.entity(named: entityName) else { return }
        // The first parent relationship whose parent has items decides the spread.
        var parentLink: (parent: String, foreignKey: [String], perParent: Int)?
        for relationship in requirements.relationships where relationship.child == entityName && relationship.kind == .oneToMany {
            guard relationship.parent != entityName, let parentItems = items[relationship.parent], !parentItems.isEmpty,
                  let foreignKey = ForeignKeys.of(relationship, in: requirements),
                  let parent = requirements.entity(named: relationship.parent), parent.identifier.count == foreignKey.count else { continue }
            var perParent = 1
            if case .known(let cardinality)? = relationship.cardinality { perParent = max(1, min(Self.childrenPerParent, Int(cardinality.average.rounded(.up)))) }
            parentLink = (relationship.parent, foreignKey, perParent)
            break
        }
        var values: [EntityValues] = []
        if let link = parentLink, let parentItems = items[link.parent], let parent = requirements.entity(named: link.parent) {
            parents[entityName] = (link.parent, link.foreignKey)
            // Two parents get children and the others none, so an empty result is tried too and
            // the samples stay a few items per entity however deep the parents go.
            var number = 1
            for parentItem in parentItems.prefix(min(Self.parentsWithChildren, max(1, parentItems.count - 1))) {
                for _ in 0..<link.perParent {
                    var item = sample(entity, number)
                    for (position, attribute) in link.foreignKey.enumerated() {
                        if let value = parentItem[parent.identifier[position]] { item[attribute] = converted(value, to: entity.attribute(named: attribute)) }
                    }
                    values.append(item)
                    number += 1
                }
            }
            if values.count < Self.rootItems {
                for _ in values.count..<Self.rootItems {
                    var item = sample(entity, number)
                    for (position, attribute) in link.foreignKey.enumerated() {
                        if let value = parentItems.first?[parent.identifier[position]] { item[attribute] = converted(value, to: entity.attribute(named: attribute)) }
                    }
                    values.append(item)
                    number += 1
                }
            }
        } else {
            values = (1...Self.rootItems).map { sample(entity, $0) }
        }
        // Other parents: their references point at their items in turn.
        for relationship in requirements.relationships where relationship.child == entityName && relationship.kind == .oneToMany && relationship.parent != parentLink?.parent {
            guard let parentItems = items[relationship.parent], !parentItems.isEmpty,
                  let foreignKey = ForeignKeys.of(relationship, in: requirements),
                  let parent = requirements.entity(named: relationship.parent), parent.identifier.count == foreignKey.count,
                  !foreignKey.contains(where: { entity.identifier.contains($0) && parentLink?.foreignKey.contains($0) == true }) else { continue }
            // A reference shared with an earlier parent (a tenant's id in both) must keep its
            // value: each child points at a parent item that agrees with it, round robin.
            let shared = foreignKey.filter { name in parentLink?.foreignKey.contains(name) ?? false }
            for position in values.indices {
                let agreeing = parentItems.filter { parentItem in
                    shared.allSatisfy { name in
                        guard let index = foreignKey.firstIndex(of: name), let value = parentItem[parent.identifier[index]] else { return false }
                        return StoredItems.same(converted(value, to: entity.attribute(named: name)), values[position][name])
                    }
                }
                guard !agreeing.isEmpty else { continue }
                let parentItem = agreeing[position % agreeing.count]
                for (index, attribute) in foreignKey.enumerated() {
                    if let value = parentItem[parent.identifier[index]] { values[position][attribute] = converted(value, to: entity.attribute(named: attribute)) }
                }
            }
        }
        items[entityName] = Self.leavingAPairFree(values, of: entity, parentCounts: parentCountsOfIdentifier(entity))
    }

    /// How many items each parent whose reference is part of the entity's identifier has; nil
    /// unless the whole identifier is made of such references (a pair such as a like or a link).
    private func parentCountsOfIdentifier(_ entity: Entity) -> [Int]? {
        var covered = Set<String>()
        var counts: [Int] = []
        for relationship in requirements.relationships where relationship.child == entity.name && relationship.kind == .oneToMany {
            guard let foreignKey = ForeignKeys.of(relationship, in: requirements), foreignKey.allSatisfy(entity.identifier.contains) else { continue }
            covered.formUnion(foreignKey)
            counts.append(items[relationship.parent]?.count ?? 0)
        }
        return covered == Set(entity.identifier) && !counts.isEmpty ? counts : nil
    }

    /// Pair items that together take every pair of existing parents leave a create no pair to
    /// make: one item (and any repeated pair, which would overwrite another) is left out.
    static func leavingAPairFree(_ values: [EntityValues], of entity: Entity, parentCounts: [Int]?) -> [EntityValues] {
        guard let parentCounts else { return values }
        var seen: [[AttributeValue?]] = []
        var distinct: [EntityValues] = []
        for item in values {
            let key = entity.identifier.map { item[$0] }
            if seen.contains(where: { $0 == key }) { continue }
            seen.append(key)
            distinct.append(item)
        }
        let pairs = parentCounts.reduce(1, *)
        if distinct.count >= pairs, distinct.count > 1 { distinct.removeLast(distinct.count - pairs + 1) }
        return distinct
    }

    /// One sample item of `entity` numbered `number` (numbers from 1).
    public func sample(_ entity: Entity, _ number: Int) -> EntityValues {
        var item: EntityValues = [:]
        for attribute in entity.attributes where attribute.isMigrated {
            // A stated share of items without a value: odd samples have none.
            if attribute.share(of: nil) != nil, attribute.valueShares?.contains(where: { $0.value != nil }) != true, number % 2 == 1 { continue }
            item[attribute.name] = value(of: attribute, entity: entity.name, number: number)
        }
        return item
    }

    /// A fresh item of `entity` that shares nothing distinct with the samples (for creates).
    public func fresh(_ entityName: String, number: Int) -> EntityValues {
        guard let entity = requirements.entity(named: entityName) else { return [:] }
        let links = requirements.relationships.compactMap { relationship -> (Entity, [String], [EntityValues])? in
            guard relationship.child == entityName, relationship.kind == .oneToMany, relationship.parent != entityName,
                  let parentItems = items[relationship.parent], let foreignKey = ForeignKeys.of(relationship, in: requirements),
                  let parent = requirements.entity(named: relationship.parent), parent.identifier.count == foreignKey.count else { return nil }
            return (parent, foreignKey, parentItems)
        }
        // Every reference points at an existing parent (a create may read it), agreeing with the
        // references set before it where they share an attribute. When the identifier is made of
        // references (a like is a post and a user), the parents chosen must not be a pair an
        // existing item already holds, or the create would meet that item.
        let existing = items[entityName] ?? []
        var first: EntityValues?
        var result: EntityValues?
        func assign(_ item: EntityValues, _ assigned: Set<String>, _ position: Int) {
            guard result == nil else { return }
            guard position < links.count else {
                if first == nil { first = item }
                let taken = existing.contains { other in entity.identifier.allSatisfy { StoredItems.same(other[$0], item[$0]) } }
                if !taken { result = item }
                return
            }
            let (parent, foreignKey, parentItems) = links[position]
            let agreeing = parentItems.filter { parentItem in
                zip(parent.identifier, foreignKey).allSatisfy { identifier, reference in
                    guard assigned.contains(reference) else { return true }
                    return parentItem[identifier].map { StoredItems.same(converted($0, to: entity.attribute(named: reference)), item[reference]) } ?? false
                }
            }
            if agreeing.isEmpty { assign(item, assigned, position + 1) }
            for parentItem in agreeing {
                var next = item
                for (identifier, reference) in zip(parent.identifier, foreignKey) {
                    if let value = parentItem[identifier] { next[reference] = converted(value, to: entity.attribute(named: reference)) }
                }
                assign(next, assigned.union(foreignKey), position + 1)
                if result != nil { return }
            }
        }
        let item = sample(entity, number)
        assign(item, [], 0)
        return result ?? first ?? item
    }

    /// A new value for an attribute an update writes: never one a sample holds, and for a
    /// boolean the opposite of `current`, so the change is a change.
    public func changedValue(of attribute: Attribute, entity: String, round: Int, current: AttributeValue? = nil) -> AttributeValue {
        let number = 900 + round
        switch ItemSizer.dynamoDBType(of: attribute) {
        case .number: return .n(String(number))
        case .boolean:
            if case .bool(let flag)? = current { return .bool(!flag) }
            return .bool(round % 2 == 0)
        default: return value(of: attribute, entity: entity, number: number, text: "\(attribute.name)-changed-\(round)")
        }
    }

    /// 2030-01-01T00:00:00Z: sample times a retention counts from start here, one hour apart,
    /// and plans run at this time, so no sample item has expired.
    public static let firstSampleTime = 1_893_456_000

    /// Whether `attribute` is the one `entity`'s retention counts from (its samples are times).
    func isRetentionStart(_ attribute: Attribute, entity: String) -> Bool {
        requirements.entity(named: entity)?.retention?.period?.from == attribute.name
    }

    /// A time `number` hours after the first sample time, in the attribute's own form.
    func sampleTime(of attribute: Attribute, number: Int) -> AttributeValue {
        let seconds = Self.firstSampleTime + number * 3_600
        switch attribute.type {
        case .number: return .n(String(seconds))
        case .date: return .s(EpochTime.dateText(seconds))
        default: return .s(EpochTime.isoText(seconds))
        }
    }

    func value(of attribute: Attribute, entity: String, number: Int, text: String? = nil) -> AttributeValue {
        let spread = (distinct[entity]?.contains(attribute.name) ?? false) ? number : (number % 2) + 1
        if isRetentionStart(attribute, entity: entity) { return sampleTime(of: attribute, number: text == nil ? spread : number) }
        // A stated minority value: odd samples hold it, so reads selecting it find items.
        if text == nil, number % 2 == 1, let selected = attribute.valueShares?.first(where: { $0.value != nil })?.value {
            return converted(.s(selected), to: attribute)
        }
        let word = text ?? "\(attribute.name)-\(seed)-\(spread)"
        switch ItemSizer.dynamoDBType(of: attribute) {
        case .number: return .n(String(spread))
        case .boolean: return .bool(spread % 2 == 1)
        case .binary: return .b(Array(word.utf8))
        case .map: return .m(["value": .s(word)])
        case .list: return .l([.s(word)])
        case .stringSet: return .ss([word])
        case .numberSet: return .ns([String(spread)])
        case .binarySet: return .bs([Array(word.utf8)])
        case .string:
            if attribute.type == .datetime || attribute.type == .date { return .s(Self.timestamp(spread, dateOnly: attribute.type == .date)) }
            return .s(word)
        }
    }

    /// An ISO-8601 date or datetime for a sample number: distinct numbers give distinct values
    /// in the same order, and items that share a number share their hour, day and month (so a
    /// total per period covers several of them).
    static func timestamp(_ number: Int, dateOnly: Bool) -> String {
        let month = 1 + (number / 28) % 12
        let day = 1 + number % 28
        let year = 2026 + number / 336
        let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        if dateOnly { return date }
        let hour = number % 24
        return date + "T\(hour < 10 ? "0" : "")\(hour):30:00Z"
    }

    /// A parent's identifier value as the child's attribute types it (a number id referenced by
    /// a string column becomes its text).
    func converted(_ value: AttributeValue, to attribute: Attribute?) -> AttributeValue {
        guard let attribute else { return value }
        return ValueConversion.convert(value, to: ItemSizer.dynamoDBType(of: attribute)) ?? value
    }

    /// Replaces one sample item (after an update) or removes it (after a delete).
    public mutating func replace(_ entity: String, at index: Int, with values: EntityValues?) {
        guard items[entity]?.indices.contains(index) == true else { return }
        if let values { items[entity]?[index] = values } else { items[entity]?.remove(at: index) }
    }

    public mutating func append(_ entity: String, _ values: EntityValues) {
        items[entity, default: []].append(values)
    }
}
