import DesignEngine
import DynamoDBAPI
import Requirements

/// What the model says an entity item looks like once stored, built from the item layouts:
/// the stored item of some entity values, its key, and the identity used to compare the items
/// a request returns with the items expected.
struct StoredItems {
    let model: DataModel
    let requirements: Requirements

    /// Each entity's own table (not lookup tables).
    private let entityTables: [String: TableDesign]
    /// Each child's parents with the child's attributes that point at them, found once (every
    /// stored item asks for them).
    private let parentLinks: [String: [(parent: Entity, foreignKey: [String])]]
    private let lookupTables: [String: [TableDesign]]

    init(model: DataModel, requirements: Requirements) {
        self.model = model
        self.requirements = requirements
        var tables: [String: TableDesign] = [:]
        for table in model.tables where table.lookup == nil {
            for layout in table.itemLayouts where tables[layout.entity] == nil { tables[layout.entity] = table }
        }
        entityTables = tables
        var lookups: [String: [TableDesign]] = [:]
        for table in model.tables { if let owner = table.lookup?.entity { lookups[owner, default: []].append(table) } }
        lookupTables = lookups
        var links: [String: [(parent: Entity, foreignKey: [String])]] = [:]
        for relationship in requirements.relationships where relationship.kind == .oneToMany {
            guard let foreignKey = ForeignKeys.of(relationship, in: requirements), let parent = requirements.entity(named: relationship.parent),
                  parent.identifier.count == foreignKey.count else { continue }
            links[relationship.child, default: []].append((parent, foreignKey))
        }
        parentLinks = links
    }

    func table(of entity: String) -> TableDesign? { entityTables[entity] }

    /// The lookup tables that reserve `entity`'s unique values.
    func lookups(of entity: String) -> [TableDesign] {
        lookupTables[entity] ?? []
    }

    /// The inputs a layout needs for `values`: the entity's own, and the values of the parents
    /// whose attributes it copies (found through the samples by the reference).
    func inputs(for entity: String, values: EntityValues, samples: SampleData) -> [String: EntityValues] {
        var inputs = [entity: values]
        for (parent, foreignKey) in parentLinks[entity] ?? [] {
            let parentItem = samples.items[parent.name]?.first { item in
                zip(parent.identifier, foreignKey).allSatisfy { identifier, reference in
                    guard let own = item[identifier], let pointer = values[reference] else { return false }
                    return ValueConversion.text(of: own) == ValueConversion.text(of: pointer)
                }
            }
            if let parentItem { inputs[parent.name] = parentItem }
        }
        return inputs
    }

    /// The item `values` are stored as in `table` (its entity layout, or its lookup item).
    func storedItem(_ entity: String, values: EntityValues, in table: TableDesign, samples: SampleData) -> Item? {
        guard let layout = table.itemLayout(of: entity) else { return nil }
        // Parents are looked up only for a layout that copies from one.
        let copies = layout.attributes.contains { stored in stored.value.inputs.contains { $0.entity != entity } }
        let inputs = copies ? inputs(for: entity, values: values, samples: samples) : [entity: values]
        var item: Item = [:]
        for stored in layout.attributes {
            if case .input(let owner, let attribute) = stored.value, inputs[owner]?[attribute] == nil { continue }
            if !PlanValueResolver.isPresent(stored.value, inputs: inputs, stepResult: { _, _ in nil }) { continue }
            guard case .success(let value) = PlanValueResolver.resolve(stored.value, type: stored.type, inputs: inputs, stepResult: { _, _ in nil }) else { return nil }
            item[stored.attribute] = value
        }
        return item
    }

    func key(_ entity: String, values: EntityValues, in table: TableDesign) -> Item? {
        guard let layout = table.itemLayout(of: entity) else { return nil }
        var key: Item = [:]
        for part in layout.key.parts {
            guard case .success(let value) = PlanValueResolver.resolve(part.value, type: part.type, inputs: [entity: values], stepResult: { _, _ in nil }) else { return nil }
            key[part.attribute] = value
        }
        return key
    }

    /// The entity's attributes its item key is made of (`order_id`, `line_no`): the identifier,
    /// or, for a child keyed under its parent, the parent's id and its own.
    func keyAttributes(_ entity: String, in table: TableDesign) -> [String] {
        guard let layout = table.itemLayout(of: entity) else { return [] }
        var names: [String] = []
        for input in layout.key.parts.flatMap(\.value.inputs) where input.entity == entity && !names.contains(input.attribute) {
            names.append(input.attribute)
        }
        return names
    }

    /// `order_id=o-1|collection_key=ORDER_ITEM#2`: the key of the stored item, as text.
    func identity(_ entity: String, values: EntityValues, in table: TableDesign) -> String {
        key(entity, values: values, in: table).map { identity(ofStored: $0, in: table) } ?? "?"
    }

    func identity(ofStored item: Item, in table: TableDesign) -> String {
        table.keyAttributeNames.map { name in "\(name)=\(item[name].flatMap(ValueConversion.text) ?? "?")" }.joined(separator: "|")
    }

    /// Whether two values are the same once both are in `type`.
    static func same(_ left: AttributeValue?, _ right: AttributeValue?) -> Bool {
        guard let left, let right else { return left == nil && right == nil }
        return left == right || ValueConversion.text(of: left).map { $0 == ValueConversion.text(of: right) } ?? false
    }
}
