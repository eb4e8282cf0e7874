import Requirements

/// The first passes: which table each entity lives in and each table's base key
/// (docs/design-engine.md), with a design decision for every choice that had alternatives.
enum TableLayoutPlanner {
    /// Share of the parent's reads that must also need the child to embed it (docs/design-engine.md, "Place entities in tables").
    static let aggregateCorrelation = 0.9
    /// Share above which the child joins the parent's item collection (docs/design-engine.md, "Place entities in tables").
    static let collectionCorrelation = 0.5
    /// Embedded aggregates stay well under the 400 KB item limit.
    static let aggregateSizeLimit = 100 * 1024
    /// The sort key of a table holding several entities.
    static let collectionSortKey = "collection_key"

    static func plan(_ context: DesignContext) -> TableLayout {
        var layout = TableLayout(tables: [], tableOfEntity: [:], embedded: [:], decisions: [])
        let placements = RelationshipPlacement.evaluate(context, into: &layout.decisions)
        let merged = mergedMembers(context, into: &layout.decisions)

        for entity in context.requirements.entities {
            let name = entity.name
            if let aggregate = placements.embedded[name] {
                layout.embedded[name] = aggregate
                continue
            }
            if placements.collectionParent[name] != nil || merged[name] != nil { continue }
            var table = ownTable(for: entity, context, childKey: placements.childKeys[name])
            let members = context.requirements.entities.map(\.name).filter { placements.collectionParent[$0] == name || merged[$0] == name }
            if !members.isEmpty {
                table = collectionTable(table, parent: entity, members: members, context)
            }
            applyKeyChoice(&table, entity: entity, context)
            if let ordered = SortKeyOrdering.order(table, entity: entity, context) {
                table = ordered.table
                layout.decisions.append(ordered.decision)
            }
            layout.tableOfEntity[name] = table.id
            for member in members { layout.tableOfEntity[member] = table.id }
            layout.add(table)
        }
        for (child, aggregate) in layout.embedded.sorted(by: { $0.key < $1.key }) where layout.tableOfEntity[aggregate.parent] != nil {
            layout.tableOfEntity[child] = layout.tableOfEntity[aggregate.parent]
        }
        for entity in context.requirements.entities {
            guard let key = context.uniqueGroupKeys[entity.name], let tableID = layout.tableOfEntity[entity.name], layout.embedded[entity.name] == nil else { continue }
            layout.decisions.append(key.decision(inCollectionOf: tableID == entity.name ? nil : tableID))
        }
        return layout
    }

    // MARK: One entity's own table

    static func ownTable(for entity: Entity, _ context: DesignContext, childKey: ChildKey?) -> PlannedTable {
        let reads = context.readPatterns(of: entity.name)
        let readList = reads.map { "#\($0.id)" }.joined(separator: ", ")
        if let childKey {
            let partition = key(childKey.foreignKey, of: entity, context)
            let remaining = entity.identifier.filter { !childKey.foreignKey.contains($0) }
            let sortNames = remaining.isEmpty ? entity.identifier : remaining
            let sort = key(sortNames, of: entity, context)
            let justification = "\(partition.name) is \(childKey.parent)'s identifier: \(Article.a(entity.name)) cannot exist without its \(childKey.parent), and \(reads.isEmpty ? "\(entity.name) is only read through its \(childKey.parent)" : "every read of \(entity.name) (\(readList)) knows it"), so one Query returns \(Article.a(childKey.parent))'s \(entity.name) items. \(sort.name) tells them apart; \(cardinalityText(childKey.cardinality, childKey.parent, entity.name))."
            return PlannedTable(id: entity.name, role: .entity, entities: [entity.name], partitionKey: partition, sortKey: sort,
                                keyJustification: justification, purpose: purpose(of: entity))
        }
        let identifier = entity.identifier.isEmpty ? [fallbackIdentifier(entity)] : entity.identifier
        if identifier.count == 1 {
            let partition = key(identifier, of: entity, context)
            let justification = "\(partition.name) identifies one \(entity.name): every value is a different partition, so load spreads evenly" + (reads.isEmpty ? "." : "; \(directReadsText(reads, identifier)).")
            return PlannedTable(id: entity.name, role: .entity, entities: [entity.name], partitionKey: partition, sortKey: nil,
                                keyJustification: justification, purpose: purpose(of: entity))
        }
        // Partition key: an identifier attribute every read knows (the first such); for a pair
        // such as a join entity's (film_id, actor_id), the one the reads know most, so the
        // other's reads take one inverted index (partition b, sort a) instead of two indexes
        // over a concatenated key (docs/design-engine.md, section 2).
        let everyReadKnows = identifier.filter { name in reads.allSatisfy { ($0.equalityAttributes ?? []).contains(name) } }
        let pairLeader = identifier.count == 2 ? leadingOfPair(identifier, reads: reads, entity: entity) : nil
        if let leading = everyReadKnows.first ?? pairLeader {
            let partition = key([leading], of: entity, context)
            let sort = key(identifier.filter { $0 != leading }, of: entity, context)
            let justification = everyReadKnows.first != nil
                ? "The identifier is (\(identifier.joined(separator: ", "))); every read (\(readList.isEmpty ? "none yet" : readList)) knows \(leading), so it is the partition key and \(sort.name) the sort key: items sharing \(leading) can be queried together."
                : "The identifier is the pair (\(identifier.joined(separator: ", "))) and reads go by either part: \(leading), the part the reads know most (\(pairReadsText(identifier, reads: reads))), is the partition key and \(sort.name) the sort key; reads by \(sort.name) alone use one inverted index (partition \(sort.name), sort \(leading)). A concatenated key would need an index for each part."
            return PlannedTable(id: entity.name, role: .entity, entities: [entity.name], partitionKey: partition, sortKey: sort,
                                keyJustification: justification, purpose: purpose(of: entity))
        }
        let leading = identifier[0]
        let partition = key(identifier, of: entity, context)
        let justification = "The identifier is (\(identifier.joined(separator: ", "))) and some reads do not know \(leading), so the whole identifier is one concatenated partition key \(partition.name)."
        return PlannedTable(id: entity.name, role: .entity, entities: [entity.name], partitionKey: partition, sortKey: nil,
                            keyJustification: justification, purpose: purpose(of: entity))
    }

    /// Average RPS of the reads that know `name` (in their equality attributes).
    static func readRPS(knowing name: String, _ reads: [AccessPattern]) -> Double {
        reads.filter { ($0.equalityAttributes ?? []).contains(name) }.reduce(0) { $0 + DesignContext.averageRPS($1) }
    }

    /// The part of a two-attribute identifier that leads the key: the one the reads know most
    /// (ties: identifier order); nil when a part cannot be a key on its own.
    static func leadingOfPair(_ identifier: [String], reads: [AccessPattern], entity: Entity) -> String? {
        guard identifier.allSatisfy({ name in entity.attribute(named: name).map { ItemSizer.dynamoDBType(of: $0).hasKeyForm } ?? false }) else { return nil }
        return readRPS(knowing: identifier[1], reads) > readRPS(knowing: identifier[0], reads) ? identifier[1] : identifier[0]
    }

    static func pairReadsText(_ identifier: [String], reads: [AccessPattern]) -> String {
        identifier.map { "\($0): \(NumberFormatting.plain(readRPS(knowing: $0, reads))) average RPS" }.joined(separator: ", ")
    }

    /// The entity's table turned into an item collection holding `members` under the same partition key.
    static func collectionTable(_ table: PlannedTable, parent: Entity, members: [String], _ context: DesignContext) -> PlannedTable {
        var collection = table
        let parentPrefix = snake(parent.name).uppercased()
        var prefixes = [parent.name: parentPrefix]
        for member in members { prefixes[member] = snake(member).uppercased() }
        collection.entities = [parent.name] + members
        collection.role = .itemCollection(parent: parent.name, children: members)
        let existingSort = table.sortKey.map { $0.composedOf ?? [$0.name] } ?? []
        collection.sortKey = KeyAttribute(name: collectionSortKey, dynamoDBType: .string, composedOf: ["entity type"] + existingSort + ["member id"],
                                          distribution: .unknown)
        collection.memberKeyPrefixes = prefixes
        collection.purpose = "\(table.purpose) Also holds \(members.joined(separator: ", ")) items in each \(parent.name)'s item collection, so one Query reads \(Article.a(parent.name)) with them."
        collection.keyJustification = table.keyJustification + " \(collectionSortKey) is `\(parentPrefix)` on the \(parent.name) item and `<TYPE>#<id>` on the others (" + members.map { "`\(prefixes[$0]!)#…` for \(context.entity($0)?.identifier.joined(separator: "#") ?? $0)" }.joined(separator: ", ") + "), so a Query with begins_with reads one kind."
        return collection
    }

    static func applyKeyChoice(_ table: inout PlannedTable, entity: Entity, _ context: DesignContext) {
        // Tables holding several entities keep their collection key: keys are chosen per entity table.
        guard let choice = context.choices.tableKeys[table.id], table.role == .entity, !choice.partition.isEmpty else { return }
        let partition = key(choice.partition, of: entity, context)
        table.partitionKey = partition
        table.sortKey = choice.sort.isEmpty ? nil : key(choice.sort, of: entity, context)
        table.keyJustification = "Keys set at the design gate by the user: partition key \(partition.name)" + (table.sortKey.map { ", sort key \($0.name)" } ?? "") + "."
    }

    /// A key over `names`: the attribute itself, or a concatenated string `a#b` for several.
    static func key(_ names: [String], of entity: Entity, _ context: DesignContext, copiesFrom parents: [String] = []) -> KeyAttribute {
        let distribution = context.distribution(of: names, in: entity.name)
        if names.count == 1, let attribute = context.carriedAttribute(names[0], of: entity, preferring: parents) {
            return KeyAttribute(name: attribute.name, dynamoDBType: ItemSizer.keyType(of: attribute), distribution: distribution)
        }
        if names.count == 1 {
            return KeyAttribute(name: names[0], dynamoDBType: .string, distribution: distribution)
        }
        return KeyAttribute(name: names.joined(separator: "#"), dynamoDBType: .string, composedOf: names, distribution: distribution)
    }

    static func fallbackIdentifier(_ entity: Entity) -> String {
        let candidate = "\(snake(entity.name))_id"
        return entity.attribute(named: candidate) != nil ? candidate : (entity.attributes.first?.name ?? candidate)
    }

    static func purpose(of entity: Entity) -> String {
        var text = "Stores one item per \(entity.name)"
        if let table = entity.sourceTable { text += " (MySQL table \(table))" }
        return text + "."
    }

    static func directReadsText(_ reads: [AccessPattern], _ identifier: [String]) -> String {
        let direct = reads.filter { Set($0.equalityAttributes ?? []) == Set(identifier) }
        guard !direct.isEmpty else { return "reads by other attributes go through indexes or lookup tables" }
        let rps = direct.reduce(0.0) { $0 + DesignContext.peakRPS($1) }
        return "pattern\(direct.count == 1 ? "" : "s") \(direct.map { "#\($0.id)" }.joined(separator: ", ")) read by it directly (\(NumberFormatting.plain(rps)) RPS at peak)"
    }

    static func cardinalityText(_ cardinality: Cardinality?, _ parent: String, _ child: String) -> String {
        guard let cardinality else { return "the number of \(child) items per \(parent) is unknown" }
        let maximum = cardinality.maximum.map { "max \($0)" } ?? "no maximum"
        return "\(Article.a(parent)) has \(NumberFormatting.plain(cardinality.average)) \(child) items on average (\(maximum))"
    }

    // MARK: Merges the user asked for

    /// Entities merged into another entity's table, by member name → main entity.
    static func mergedMembers(_ context: DesignContext, into decisions: inout [DesignDecision]) -> [String: String] {
        var members: [String: String] = [:]
        for group in context.choices.merges {
            guard let main = group.first, context.entity(main) != nil else { continue }
            var refused: [String] = []
            for member in group.dropFirst() where members[member] == nil && member != main {
                guard let memberEntity = context.entity(member), let mainEntity = context.entity(main) else { continue }
                let clashes = RelationshipFacts.typeClashes(mainEntity, memberEntity)
                if clashes.isEmpty { members[member] = main } else { refused.append("\(member) (\(clashes.joined(separator: ", ")) typed differently)") }
            }
            decisions.append(DesignDecision(
                id: "merge:\(group.joined(separator: "+"))", type: .tableStructure, subject: "\(group.joined(separator: ", ")) in one table",
                alternativesConsidered: ["One table per entity (the engine's default)", "One table for \(group.joined(separator: ", "))"],
                chosenApproach: "One table for \(group.joined(separator: ", ")), keyed by \(main)'s partition key with a \(collectionSortKey) per item type",
                justification: "Merged at the design gate by the user." + (refused.isEmpty ? "" : " Not merged: \(refused.joined(separator: "; ")): one attribute cannot have two types in one table."),
                tradeOffs: ["Items of different kinds share partitions and capacity", "Queries must filter or prefix by item type"],
                rollbackStrategy: "Split the table again with `split \(group.dropFirst().joined(separator: " "))` and re-run the migration for those entities.",
                monitoring: ["Per-partition consumed capacity (CloudWatch Contributor Insights) on the merged table"],
                userChoice: "merge"))
        }
        return members
    }
}
