import DesignEngine
import Requirements
import SeededRandom

/// A generated requirement set and the design-gate choices that go with it (the Scans accepted
/// for some patterns without an equality attribute, sometimes a naming convention).
public struct GeneratedCase: Sendable {
    public var seed: UInt64
    public var requirements: Requirements
    public var choices: DesignChoices
}

/// Builds random but valid requirement sets through the public `Requirements` API (so every
/// check the guided session makes applies), reproducible from a seed.
///
/// What it varies: entity names (PascalCase and snake_case), single and composite identifiers,
/// unique attributes and composite unique groups, attributes of every type with and without sizes
/// and distinct-value counts, one-to-many relationships (foreign keys named like the parent's
/// identifier) with known, unbounded or unknown cardinalities and any answer to
/// `child_exists_without_parent`, a many-to-many relationship now and then, and read, write,
/// update, delete and search patterns with equality (0–5 attributes), sort, filter, items, RPS,
/// consistency and attribute selections; join entities, lines unique on their parent's key and a
/// code, children of two parents read through the second, and reads by one attribute with and
/// without an order (the shapes the structure rules act on). Some entities are "wide": 22–26 reads each on its own
/// attribute, more GSIs than a table may have, to exercise the limit warning.
public struct RequirementsGenerator {
    private var random: SeededGenerator
    private let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        random = SeededGenerator(seed: seed)
    }

    static let entityWords = [
        "Customer", "Invoice", "Shipment", "Warehouse", "Supplier", "Payment", "Refund", "Account", "Device", "Campaign",
        "Coupon", "Review", "Category", "Address", "Employee", "Department", "Project", "Task", "Ticket", "Message",
        "Subscription", "Plan", "Feature", "Report", "Carrier", "Contract", "Tenant", "Region", "Store", "Cart",
        "Wishlist", "Vendor", "Ledger", "Transfer", "Booking", "Room", "Flight", "Seat", "Course", "Lesson",
    ]
    static let attributeWords = [
        "status", "title", "amount", "region", "score", "category", "code", "kind", "priority", "notes", "label",
        "owner_name", "currency", "country", "rating", "level", "source", "channel", "color", "size_class",
    ]

    // MARK: Random helpers

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    private mutating func chance(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    private mutating func subset<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        var chosen: [T] = []
        while chosen.count < count, !pool.isEmpty {
            chosen.append(pool.remove(at: int(0...(pool.count - 1))))
        }
        return chosen
    }

    // MARK: Plans

    /// An entity before it is added: its attributes grow as relationships add foreign keys.
    private struct EntityPlan {
        var name: String
        var idName: String
        var identifier: [String]
        var attributes: [Attribute]
        var uniqueGroups: [[String]] = []
        var itemCount: Double?
        var wide = false
        /// Set for a child whose reads all know its (first) parent: the case for keying it by the
        /// parent or collecting it in the parent's partition.
        var parentKey: [String]?

        func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }

        mutating func add(_ attribute: Attribute) {
            if !has(attribute.name) { attributes.append(attribute) }
        }
    }

    public mutating func generate() throws -> GeneratedCase {
        var requirements = Requirements()
        var plans = makeEntities()
        var relationships: [Relationship] = []
        // One-to-many: a later entity is the child of an earlier one, holding the parent's identifier.
        // Now and then a child has a second parent (an order line of an order and of a product).
        for childIndex in plans.indices.dropFirst() where chance(60) {
            let parentCount = childIndex >= 2 && chance(30) ? 2 : 1
            for parentIndex in subset(Array(0..<childIndex), count: parentCount) {
                let parent = plans[parentIndex]
                for name in parent.identifier {
                    // A reference has the type of what it references.
                    let referenced = parent.attributes.first { $0.name == name }
                    plans[childIndex].add(Attribute(name: name, type: referenced?.type ?? .string,
                                                    typicalSizeBytes: referenced?.type == .string ? (chance(70) ? 36 : nil) : referenced?.typicalSizeBytes))
                }
                if plans[childIndex].parentKey == nil, chance(50) { plans[childIndex].parentKey = parent.identifier }
                relationships.append(Relationship(parent: parent.name, child: plans[childIndex].name, kind: .oneToMany,
                                                  cardinality: cardinality(), childExistsWithoutParent: pick([true, false, false, nil])))
            }
        }
        if plans.count >= 3, chance(20) {
            let pair = subset(Array(plans.indices), count: 2)
            if !relationships.contains(where: { $0.connects(plans[pair[0]].name, plans[pair[1]].name) || $0.connects(plans[pair[1]].name, plans[pair[0]].name) }) {
                relationships.append(Relationship(parent: plans[pair[0]].name, child: plans[pair[1]].name, kind: .manyToMany, cardinality: cardinality()))
            }
        }
        let sharedOwner: String? = chance(50) ? "orders" : nil
        for plan in plans {
            var entity = Entity(name: plan.name, attributes: plan.attributes, identifier: plan.identifier, uniqueGroups: plan.uniqueGroups,
                                owner: chance(85) ? sharedOwner : pick(["catalog", "accounts"]))
            entity.itemCount = plan.itemCount.map(Estimate.known)
            try requirements.addEntity(entity)
        }
        for relationship in relationships { try requirements.addRelationship(relationship) }

        var choices = DesignChoices()
        // Proposals the user accepted or rejected at the design gate.
        for relationship in relationships where relationship.kind == .oneToMany {
            if chance(20) { choices.proposals["aggregate:\(relationship.child)"] = true }
            if chance(10) { choices.proposals["collection:\(relationship.child)"] = false }
            if chance(10) { choices.proposals["child-key:\(relationship.child)"] = false }
        }
        if chance(25) {
            choices.naming = NamingConvention(style: pick([.snake, .kebab, .pascal]), prefix: chance(50) ? pick(["shop", "app_v2", "Acme"]) : nil)
        }
        for plan in plans {
            let children = relationships.filter { $0.parent == plan.name && $0.kind == .oneToMany }.map(\.child)
            for pattern in patterns(for: plan, children: children, plans: plans) {
                let id = try requirements.addPattern(pattern)
                if pattern.type == .read, pattern.equalityAttributes?.isEmpty == true, chance(50) {
                    choices.acceptedScans[String(id)] = "small table, read by an offline job"
                }
            }
        }
        // Reads of a child by an attribute only its parent carries (a copy the user may accept),
        // and changes of a parent's whole partition of children.
        for relationship in relationships where relationship.kind == .oneToMany && chance(30) {
            guard let parent = plans.first(where: { $0.name == relationship.parent }), let child = plans.first(where: { $0.name == relationship.child }),
                  let attribute = parent.attributes.first(where: { !parent.identifier.contains($0.name) && !child.has($0.name) && $0.name != "created_at" })
            else { continue }
            var read = pattern("List \(child.name) by their \(parent.name)'s \(attribute.name)", [child.name, parent.name], .read,
                               equality: [attribute.name], attributes: .all)
            read.expectedItems = .known(ItemCount(average: 5, maximum: 20))
            try requirements.addPattern(read)
            if chance(60) { choices.proposals["denormalize:\(child.name).\(attribute.name)"] = true }
            if chance(40) {
                let written = [attribute.name]
                try requirements.addPattern(pattern("Change \(parent.name) \(attribute.name)", [parent.name], .update, equality: parent.identifier, attributes: .only(written)))
            }
        }
        for plan in plans where plan.parentKey != nil && chance(30) {
            try requirements.addPattern(pattern("Delete every \(plan.name) of a parent", [plan.name], .delete, equality: plan.parentKey ?? [], attributes: .all))
        }
        try addStructureShapes(to: &requirements)
        return GeneratedCase(seed: seed, requirements: requirements, choices: choices)
    }

    // MARK: Shapes the structure rules act on

    /// Entities added after the others (so the draws above stay as they were): a join entity
    /// between two entities, a line unique on its parent's key and a code, a child with two
    /// parents whose reads go through the second, and reads by one attribute with and without
    /// an order.
    private mutating func addStructureShapes(to requirements: inout Requirements) throws {
        let singles = requirements.entities.filter { $0.identifier.count == 1 }
        if singles.count >= 2, chance(35) {
            let pair = subset(singles, count: 2)
            try addJoinEntity(between: pair[0], and: pair[1], to: &requirements)
        }
        if let parent = singles.first, chance(35) {
            try addUniqueLine(under: parent, to: &requirements)
        }
        if singles.count >= 2, chance(35) {
            let pair = subset(singles, count: 2)
            try addChildOfTwo(first: pair[0], readThrough: pair[1], to: &requirements)
        }
        if chance(35), let entity = requirements.entities.first(where: { $0.identifier.count == 1 && $0.attribute(named: "created_at") != nil }),
           let attribute = entity.attributes.first(where: { [.string, .number, .date].contains($0.type) && !entity.identifier.contains($0.name) }) {
            var unordered = pattern("\(entity.name) by \(attribute.name)", [entity.name], .read, equality: [attribute.name], attributes: .only([entity.identifier[0]]))
            unordered.expectedItems = .known(ItemCount(average: 5, maximum: 20))
            var ordered = pattern("Recent \(entity.name) by \(attribute.name)", [entity.name], .read, equality: [attribute.name], attributes: .all)
            ordered.sort = .attribute(SortRequirement(attribute: "created_at", direction: .descending))
            ordered.expectedItems = .known(ItemCount(average: 5, maximum: 20))
            for read in chance(50) ? [unordered, ordered] : [ordered, unordered] { try requirements.addPattern(read) }
        }
    }

    private func freshName(_ words: [String], in requirements: Requirements) -> String? {
        let name = words.flatMap(NameWords.split).map(NameWords.capitalized).joined()
        return requirements.entity(named: name) == nil ? name : nil
    }

    private func reference(to parent: Entity) -> Attribute {
        let referenced = parent.attributes.first { $0.name == parent.identifier[0] }
        return Attribute(name: parent.identifier[0], type: referenced?.type ?? .string, typicalSizeBytes: referenced?.typicalSizeBytes)
    }

    /// `FilmActor(film_id, actor_id)`: read by either part, got by both, created and deleted.
    private mutating func addJoinEntity(between first: Entity, and second: Entity, to requirements: inout Requirements) throws {
        guard let name = freshName([first.name, second.name, "link"], in: requirements), first.identifier[0] != second.identifier[0] else { return }
        let keys = [first.identifier[0], second.identifier[0]]
        let entity = Entity(name: name, attributes: [reference(to: first), reference(to: second), Attribute(name: "created_at", type: .datetime)],
                            identifier: keys, uniqueGroups: [], owner: first.owner)
        try requirements.addEntity(entity)
        for parent in [first, second] {
            try requirements.addRelationship(Relationship(parent: parent.name, child: name, kind: .oneToMany, cardinality: cardinality(),
                                                          childExistsWithoutParent: pick([false, false, nil])))
        }
        for key in subset(keys, count: 2) {
            var read = pattern("\(name) by \(key)", [name], .read, equality: [key], attributes: chance(50) ? .all : .only(keys))
            read.expectedItems = .known(ItemCount(average: Double(int(2...30)), maximum: nil))
            if chance(25) { read.sort = .attribute(SortRequirement(attribute: "created_at", direction: .descending)) }
            try requirements.addPattern(read)
        }
        if chance(50) { try requirements.addPattern(pattern("Get \(name)", [name], .read, equality: chance(50) ? keys : keys.reversed(), attributes: .all)) }
        try requirements.addPattern(pattern("Link \(name)", [name], .write, equality: [], attributes: .all))
        if chance(50) { try requirements.addPattern(pattern("Unlink \(name)", [name], .delete, equality: keys, attributes: .all)) }
    }

    /// A cart line: surrogate id, unique on (parent key, code), changed and removed by that group.
    private mutating func addUniqueLine(under parent: Entity, to requirements: inout Requirements) throws {
        guard let name = freshName([parent.name, "line"], in: requirements) else { return }
        let surrogate = "\(NameWords.split(name).map { $0.lowercased() }.joined(separator: "_"))_id"
        let parentKey = parent.identifier[0]
        let group = [parentKey, "item_code"]
        let entity = Entity(name: name, attributes: [Attribute(name: surrogate, type: .string, typicalSizeBytes: 36), reference(to: parent),
                                                     Attribute(name: "item_code", type: .string, typicalSizeBytes: 20), Attribute(name: "quantity", type: .number),
                                                     Attribute(name: "created_at", type: .datetime)],
                            identifier: [surrogate], uniqueGroups: [group], owner: parent.owner)
        try requirements.addEntity(entity)
        try requirements.addRelationship(Relationship(parent: parent.name, child: name, kind: .oneToMany, cardinality: cardinality(),
                                                      childExistsWithoutParent: pick([false, false, true, nil])))
        var lines = pattern("\(name)s of a \(parent.name)", [name], .read, equality: [parentKey], attributes: .all)
        lines.expectedItems = .known(ItemCount(average: 3, maximum: 50))
        if chance(40) { lines.sort = .attribute(SortRequirement(attribute: "created_at", direction: .descending)) }
        try requirements.addPattern(lines)
        try requirements.addPattern(pattern("Add \(name)", [name], .write, equality: [], attributes: .all))
        if chance(70) { try requirements.addPattern(pattern("Change \(name) quantity", [name], .update, equality: group, attributes: .only(["quantity"]))) }
        if chance(70) { try requirements.addPattern(pattern("Remove \(name)", [name], .delete, equality: group, attributes: .all)) }
        // Now and then a pattern needs the surrogate id, which keeps it the key.
        if chance(25) { try requirements.addPattern(pattern("Get \(name) by id", [name], .read, equality: [surrogate], attributes: .all)) }
    }

    /// A child of two parents whose reads all name the second, entered last.
    private mutating func addChildOfTwo(first: Entity, readThrough second: Entity, to requirements: inout Requirements) throws {
        guard let name = freshName([second.name, "note"], in: requirements), first.identifier[0] != second.identifier[0] else { return }
        let identifier = "\(NameWords.split(name).map { $0.lowercased() }.joined(separator: "_"))_id"
        let entity = Entity(name: name, attributes: [Attribute(name: identifier, type: .string, typicalSizeBytes: 36), reference(to: first), reference(to: second),
                                                     Attribute(name: "body", type: .string, typicalSizeBytes: 80), Attribute(name: "created_at", type: .datetime)],
                            identifier: [identifier], uniqueGroups: [], owner: second.owner)
        try requirements.addEntity(entity)
        for parent in [first, second] {
            try requirements.addRelationship(Relationship(parent: parent.name, child: name, kind: .oneToMany, cardinality: cardinality(),
                                                          childExistsWithoutParent: pick([false, false, nil])))
        }
        var read = pattern("\(name)s of a \(second.name)", [name], .read, equality: [second.identifier[0]], attributes: .all)
        read.expectedItems = .known(ItemCount(average: 4, maximum: 40))
        if chance(50) { read.sort = .attribute(SortRequirement(attribute: "created_at", direction: .descending)) }
        try requirements.addPattern(read)
        if chance(50) { try requirements.addPattern(pattern("One \(name)", [name], .read, equality: [second.identifier[0], identifier], attributes: .all)) }
        try requirements.addPattern(pattern("Write \(name)", [name], .write, equality: [], attributes: .all))
    }

    private mutating func makeEntities() -> [EntityPlan] {
        var plans: [EntityPlan] = []
        var used = Set<String>()
        for _ in 0..<int(1...7) {
            var name = pick(Self.entityWords)
            if chance(25) { name += pick(Self.entityWords) }
            if chance(20) { name = NameWords.split(name).map { $0.lowercased() }.joined(separator: "_") }
            guard used.insert(name.lowercased()).inserted else { continue }
            plans.append(entity(named: name))
        }
        return plans
    }

    private mutating func entity(named name: String) -> EntityPlan {
        let snakeName = NameWords.split(name).map { $0.lowercased() }.joined(separator: "_")
        let idName = "\(snakeName)_id"
        var attributes = [Attribute(name: idName, type: .string, typicalSizeBytes: chance(80) ? 36 : nil)]
        var identifier = [idName]
        if chance(25) {
            // A composite identifier: a scope first (tenant or account), or a sequence number second.
            if chance(50) {
                attributes.insert(Attribute(name: "scope_id", type: .string, typicalSizeBytes: 36), at: 0)
                identifier = ["scope_id", idName]
            } else {
                attributes.append(Attribute(name: "seq", type: .number))
                identifier = [idName, "seq"]
            }
        }
        let types: [AttributeType] = [.string, .string, .string, .number, .number, .boolean, .date, .datetime, .binary, .json, .list, .set]
        for word in subset(Self.attributeWords, count: int(2...8)) {
            var attribute = Attribute(name: word, type: pick(types))
            if chance(50) { attribute.typicalSizeBytes = int(1...(chance(5) ? 4000 : 120)) }
            if attribute.type == .string || attribute.type == .number, chance(30) { attribute.distinctValues = pick([2, 3, 5, 12, 80, 150, 5000]) }
            attributes.append(attribute)
        }
        attributes.append(Attribute(name: "created_at", type: .datetime))
        var plan = EntityPlan(name: name, idName: idName, identifier: identifier, attributes: attributes)
        if chance(35) {
            plan.add(Attribute(name: "email", type: .string, typicalSizeBytes: 40))
            plan.uniqueGroups.append(["email"])
        }
        if chance(15) {
            plan.add(Attribute(name: "slug", type: .string, typicalSizeBytes: 30))
            plan.uniqueGroups.append([identifier.count > 1 ? identifier[0] : "region", "slug"].filter(plan.has))
        }
        if chance(10) {
            plan.wide = true
            for number in 1...26 { plan.add(Attribute(name: "field\(number)", type: pick([.string, .number]), typicalSizeBytes: 12)) }
        }
        if chance(60) { plan.itemCount = Double(pick([40, 1_000, 250_000, 3_000_000])) }
        return plan
    }

    private mutating func cardinality() -> CardinalityAnswer? {
        switch int(0...9) {
        case 0: return nil
        case 1: return .unknown
        case 2, 3: return .known(Cardinality(average: Double(int(1...200)), maximum: nil))
        case 4, 5:
            // Small and bounded: a few children that could live inside the parent's item.
            let average = Double(int(1...4))
            return .known(Cardinality(average: average, maximum: Int(average) + int(0...10)))
        default:
            let average = Double(int(1...50))
            return .known(Cardinality(average: average, maximum: Int(average) + int(0...2_000)))
        }
    }

    // MARK: Patterns

    private mutating func patterns(for plan: EntityPlan, children: [String], plans: [EntityPlan]) -> [AccessPattern] {
        var result: [AccessPattern] = []
        let names = plan.attributes.map(\.name)
        // Create, usually with a child created in the same request.
        if chance(80) {
            var entities = [plan.name]
            if let child = children.first, chance(30) { entities.append(child) }
            result.append(pattern("Create \(plan.name)", entities, .write, equality: [], attributes: .all))
        }
        // Get by the whole identifier (with the parent's key when the child is read through it).
        let getKey = (plan.parentKey ?? []) + plan.identifier.filter { !(plan.parentKey ?? []).contains($0) }
        // Sometimes every read of a parent also reads its first child: the case for an aggregate.
        let alwaysWithChild = children.first.flatMap { child in chance(25) ? child : nil }
        var entities = [plan.name]
        if let child = alwaysWithChild ?? children.first.flatMap({ chance(40) ? $0 : nil }) { entities.append(child) }
        result.append(pattern("Get \(plan.name)", entities, .read, equality: getKey, attributes: .all))
        for _ in 0..<int(0...5) {
            result.append(randomRead(plan, children: children, alwaysWith: alwaysWithChild))
        }
        if plan.wide {
            for number in 1...int(22...26) {
                result.append(pattern("\(plan.name) by field\(number)", [plan.name], .read, equality: ["field\(number)"], attributes: .only([plan.idName])))
            }
        }
        if chance(60) {
            let written = subset(names.filter { !plan.identifier.contains($0) }, count: int(1...3))
            let equality = chance(80) ? plan.identifier : (plan.uniqueGroups.first ?? [pick(names)])
            result.append(pattern("Update \(plan.name)", [plan.name], .update, equality: equality, attributes: chance(20) ? .all : .only(written)))
        }
        if chance(40) {
            result.append(pattern("Delete \(plan.name)", [plan.name], .delete, equality: chance(85) ? plan.identifier : [pick(names)], attributes: .all))
        }
        if chance(15) {
            result.append(pattern("Search \(plan.name) by keyword", [plan.name], .search, equality: [], attributes: .all))
        }
        if chance(5) {
            // Incomplete: no RPS yet.
            var incomplete = pattern("Unfinished \(plan.name) read", [plan.name], .read, equality: [plan.identifier[0]], attributes: .all)
            incomplete.peakRPS = nil
            incomplete.averageRPS = nil
            result.append(incomplete)
        }
        return result
    }

    private mutating func randomRead(_ plan: EntityPlan, children: [String], alwaysWith: String?) -> AccessPattern {
        let names = plan.attributes.map(\.name)
        let nonKey = names.filter { !plan.identifier.contains($0) }
        var equality: [String]
        switch int(0...9) {
        case 0: equality = []
        case 1: equality = plan.uniqueGroups.first ?? [plan.identifier[0]]
        case 2: equality = [plan.identifier[0]]
        case 3: equality = subset(names, count: 5)
        case 4: equality = plan.identifier + subset(nonKey, count: 1)
        default: equality = subset(nonKey, count: int(1...3))
        }
        if let parentKey = plan.parentKey {
            equality = parentKey + equality.filter { !parentKey.contains($0) }.prefix(chance(50) ? 0 : 1)
        }
        var entities = [plan.name]
        if let child = alwaysWith ?? children.first.flatMap({ chance(40) ? $0 : nil }) { entities.append(child) }
        var read = pattern("List \(plan.name) by \(equality.isEmpty ? "nothing" : equality.joined(separator: " and "))", entities, .read,
                           equality: equality, attributes: chance(40) ? .all : .only(subset(names, count: int(1...4))))
        if chance(50), let sort = subset(names.filter { !equality.contains($0) }, count: 1).first {
            read.sort = .attribute(SortRequirement(attribute: sort, direction: chance(50) ? .ascending : .descending))
        }
        if chance(30) { read.filterAttributes = subset(names.filter { !equality.contains($0) }, count: int(1...2)) }
        let average = Double(int(1...60))
        read.expectedItems = chance(50) ? .known(ItemCount(average: 1, maximum: 1)) : .known(ItemCount(average: average, maximum: chance(70) ? Int(average) * 4 : nil))
        if chance(10) { read.expectedItems = .unknown }
        return read
    }

    private mutating func pattern(_ description: String, _ entities: [String], _ type: PatternType, equality: [String],
                                  attributes: AttributeSelection) -> AccessPattern {
        let peak = Double(pick([1, 5, 20, 100, 400, 1_500, 6_000]))
        let average = (peak * Double(int(5...100)) / 100).rounded(.up)
        return AccessPattern(
            id: 0, description: description, entities: entities, type: type, equalityAttributes: equality, sort: SortAnswer.none,
            filterAttributes: [], expectedItems: .known(ItemCount(average: 1, maximum: 1)), peakRPS: .known(peak), averageRPS: .known(average),
            consistency: chance(30) ? .strong : .eventual, latency: "none", attributes: attributes, confirmedNotSearch: true)
    }
}
