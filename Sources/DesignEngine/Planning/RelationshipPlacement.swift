import Requirements

/// A child keyed under its parent: partition key = the parent's identifier (docs/design-engine.md).
struct ChildKey {
    var parent: String
    var foreignKey: [String]
    var cardinality: Cardinality?
}

/// Where each one-to-many relationship puts the child (docs/design-engine.md): embedded in the
/// parent's item, in the parent's item collection, in its own table keyed by the parent, or in
/// its own table keyed by itself.
struct RelationshipPlacement {
    var embedded: [String: EmbeddedAggregate] = [:]
    /// Child → parent whose table holds it as an item collection.
    var collectionParent: [String: String] = [:]
    /// Child → its key under the parent, for children in their own table.
    var childKeys: [String: ChildKey] = [:]

    static func evaluate(_ context: DesignContext, into decisions: inout [DesignDecision]) -> RelationshipPlacement {
        var placement = RelationshipPlacement()
        let relationships = context.requirements.relationships.filter { $0.kind == .oneToMany && $0.parent != $0.child }
        // Each child once, with all its parents, after its parents have been placed themselves
        // (a parent that joins another's item collection cannot hold children); otherwise in the
        // order the relationships were entered.
        var pending: [String] = []
        var relationshipsOf: [String: [Relationship]] = [:]
        for relationship in relationships {
            if relationshipsOf[relationship.child] == nil { pending.append(relationship.child) }
            relationshipsOf[relationship.child, default: []].append(relationship)
        }
        var handled = Set<String>()
        while !pending.isEmpty {
            let ready = pending.firstIndex { child in
                (relationshipsOf[child] ?? []).allSatisfy { handled.contains($0.parent) || relationshipsOf[$0.parent] == nil }
            } ?? 0
            let child = pending.remove(at: ready)
            handled.insert(child)
            guard placement.isUnplaced(child), let childEntity = context.entity(child) else { continue }
            let siblings = relationshipsOf[child] ?? []
            let candidates: [RelationshipFacts] = siblings.compactMap { sibling in
                guard placement.isUnplaced(sibling.parent), let parentEntity = context.entity(sibling.parent),
                      let foreignKey = context.foreignKey(of: sibling) else { return nil }
                return RelationshipFacts(sibling, parent: parentEntity, child: childEntity, foreignKey: foreignKey, context)
            }
            guard let first = candidates.first else {
                // Every parent is itself kept in another entity's item or item collection.
                if let blocked = siblings.first, let parentEntity = context.entity(blocked.parent),
                   let foreignKey = context.foreignKey(of: blocked) {
                    let facts = RelationshipFacts(blocked, parent: parentEntity, child: childEntity, foreignKey: foreignKey, context)
                    decisions.append(placement.separateDecision(facts, reasons: ["\(blocked.parent) items are themselves kept in another entity's item or item collection, so \(child) items are not placed under them."]))
                }
                continue
            }
            if candidates.count == 1 {
                placement.place(first, context, into: &decisions)
                continue
            }
            placement.placeWithSeveralParents(candidates, context, into: &decisions)
        }
        return placement
    }

    /// A child with several parents is placed by the parent its reads go through: the one whose
    /// key its read patterns name most (by average RPS; parent reads that list the child count
    /// too), never by a parent no read uses, and it gets exactly one placement decision
    /// (docs/design-engine.md, section 1). Ties keep the order the relationships were entered.
    private mutating func placeWithSeveralParents(_ candidates: [RelationshipFacts], _ context: DesignContext, into decisions: inout [DesignDecision]) {
        let ordered = candidates.enumerated().sorted { left, right in
            left.element.readWeight != right.element.readWeight ? left.element.readWeight > right.element.readWeight : left.offset < right.offset
        }.map(\.element)
        let anyRead = ordered.contains { $0.readWeight > 0 }
        let weights = ordered.map { "\($0.parent.name) \(NumberFormatting.plain($0.readWeight)) RPS" }.joined(separator: ", ")
        let child = ordered[0].child.name
        for facts in ordered where facts.readWeight > 0 || !anyRead {
            var trial = self
            var trialDecisions: [DesignDecision] = []
            trial.place(facts, context, into: &trialDecisions)
            guard trial.embedded[child] != nil || trial.collectionParent[child] != nil || trial.childKeys[child] != nil else { continue }
            self = trial
            let others = ordered.filter { $0.parent.name != facts.parent.name }.map(\.parent.name)
            appendNote(to: &trialDecisions, "\(child) also belongs to \(others.joined(separator: ", ")); it is placed by \(facts.parent.name), the parent its reads go through (average RPS of the reads that name each parent's key: \(weights)).")
            decisions += trialDecisions
            return
        }
        // No parent can hold or key the child: one decision, for the parent its reads use most.
        let primary = ordered[0]
        var primaryDecisions: [DesignDecision] = []
        place(primary, context, into: &primaryDecisions)
        let others = ordered.dropFirst().map { other in
            "Under \(other.parent.name): " + (other.readWeight == 0 && anyRead ? "no read of \(child) goes through \(other.parent.name), so it does not key \(child)." : other.whyNotCombined.joined(separator: " "))
        }
        appendNote(to: &primaryDecisions, "\(child) has several parents (read weights: \(weights)). " + others.joined(separator: " "))
        decisions += primaryDecisions
    }

    private func appendNote(to decisions: inout [DesignDecision], _ note: String) {
        guard !decisions.isEmpty else { return }
        decisions[decisions.count - 1].justification += " " + note
    }

    private func isUnplaced(_ entity: String) -> Bool {
        embedded[entity] == nil && collectionParent[entity] == nil
    }

    private mutating func place(_ facts: RelationshipFacts, _ context: DesignContext, into decisions: inout [DesignDecision]) {
        let child = facts.child.name
        let parent = facts.parent.name
        let proposals = context.choices.proposals
        let numbers = facts.numbersText

        // A child keyed by one parent is not placed again under another: one placement per
        // child (and one decision id per child); this relationship is recorded as separate.
        if let keyedBy = childKeys[child] {
            decisions.append(separateDecision(facts, reasons: ["\(Article.capitalizedA(child)) is already keyed by its \(keyedBy.parent) (`child-key:\(child)`): one table cannot key its items by two parents."]))
            return
        }

        // Single-item aggregate: only when the user accepts it (it is the riskiest change to undo).
        let aggregateID = "aggregate:\(child)"
        if facts.qualifiesForAggregate {
            let accepted = proposals[aggregateID] == true
            decisions.append(DesignDecision(
                id: aggregateID, type: .denormalization, subject: "Embed \(child) in \(parent) items",
                alternativesConsidered: ["Embed \(child) items as a list in each \(parent) item", "\(child) in \(parent)'s item collection", "Separate \(child) table"],
                chosenApproach: accepted ? "Embedded: each \(parent) item carries its \(child) items in `\(facts.listAttribute)`" : "Proposed, not applied: embed \(child) in \(parent) (accept with `/accept \(aggregateID)`)",
                justification: "\(numbers) At 90% or more together and bounded, a single-item aggregate serves both in one GetItem.",
                tradeOffs: ["One read instead of a Query", "Every \(child) write rewrites the whole \(parent) item (\(facts.writeAmplificationText))", "Changing \(child)'s shape means rewriting \(parent) items"],
                rollbackStrategy: "Copy the embedded lists out into \(Article.a(child)) table with a backfill job, then drop the attribute.",
                monitoring: ["\(parent) item size (alarm well before 400 KB)", "Write units on the \(parent) table"],
                userChoice: proposals[aggregateID].map { $0 ? "accepted" : "rejected" }))
            if accepted, let maximum = facts.cardinality?.maximum, let average = facts.cardinality?.average {
                embedded[child] = EmbeddedAggregate(parent: parent, attribute: facts.listAttribute, maximumChildren: maximum, averageChildren: average)
                return
            }
        }

        let collectionID = "collection:\(child)"
        if facts.qualifiesForCollection {
            let applied = proposals[collectionID] != false
            decisions.append(DesignDecision(
                id: collectionID, type: .itemCollection, subject: "\(child) in \(parent)'s item collection",
                alternativesConsidered: ["\(child) items in the \(parent) table under the \(parent)'s partition key", "Separate \(child) table keyed by \(facts.foreignKey.joined(separator: ", "))"],
                chosenApproach: applied ? "Item collection: \(child) items share the \(parent)'s partition key in the \(parent) table" : "Separate \(child) table (the user rejected the item collection)",
                justification: "\(numbers) Between 50% and 90% of reads together, an item collection reads both with one Query while each item is written on its own.",
                tradeOffs: ["One Query returns the \(parent) with its \(child) items", "Both kinds share the partition's 3,000 RCU / 1,000 WCU", "Different item shapes in one table"],
                rollbackStrategy: "Move \(child) items to their own table (copy by Query per \(parent), then delete) and point the \(child) patterns at it.",
                monitoring: ["Item collection size per \(parent) (Query page count)", "Throttled requests on the \(parent) table"],
                userChoice: proposals[collectionID] == false ? "rejected" : nil))
            if applied {
                collectionParent[child] = parent
                return
            }
        }

        let childKeyID = "child-key:\(child)"
        if facts.qualifiesForChildKey {
            let applied = proposals[childKeyID] != false
            decisions.append(DesignDecision(
                id: childKeyID, type: .tableStructure, subject: "\(child) table keyed by its \(parent)",
                alternativesConsidered: ["Partition key \(facts.foreignKey.joined(separator: "#")), sort key \(child)'s identifier", "Partition key \(child)'s identifier plus a GSI on \(facts.foreignKey.joined(separator: ", "))"],
                chosenApproach: applied ? "Partition key \(facts.foreignKey.joined(separator: "#")), sort key \(child)'s identifier" : "Keyed by \(child)'s own identifier (the user rejected keying by \(parent))",
                justification: "\(Article.capitalizedA(child)) cannot exist without its \(parent) and \(facts.childReadsText) \(facts.cardinalityText) Keying the child by its parent replaces a GSI, roughly halving \(child)'s write units and storage.",
                tradeOffs: ["No GSI needed to list \(Article.a(parent))'s \(child) items", "Reading one \(child) needs its \(parent)'s id too"],
                rollbackStrategy: "Create a table keyed by \(child)'s identifier, copy the items, and switch the reads.",
                monitoring: ["Consumed capacity per \(parent) (Contributor Insights) if some \(parent) has far more \(child) items than average"],
                userChoice: proposals[childKeyID] == false ? "rejected" : nil))
            if applied {
                childKeys[child] = ChildKey(parent: parent, foreignKey: facts.foreignKey, cardinality: facts.cardinality)
                return
            }
        }

        decisions.append(separateDecision(facts, reasons: facts.whyNotCombined))
    }

    private func separateDecision(_ facts: RelationshipFacts, reasons: [String]) -> DesignDecision {
        let child = facts.child.name
        let parent = facts.parent.name
        return DesignDecision(
            id: "separate:\(parent).\(child)", type: .tableStructure, subject: "\(child) apart from \(parent)",
            alternativesConsidered: ["Embed \(child) in \(parent) items", "\(child) in \(parent)'s item collection", "\(child) table keyed by \(parent)", "\(Article.capitalizedA(child)) table of its own, independent of \(parent)"],
            chosenApproach: "\(Article.capitalizedA(child)) table of its own, independent of \(parent)",
            justification: "\(facts.numbersText) " + reasons.joined(separator: " "),
            tradeOffs: ["Each entity scales, is monitored and evolves on its own", "Reading \(Article.a(parent)) with its \(child) items takes one request per table"],
            rollbackStrategy: "Nothing to undo: combining later is a copy into the \(parent) table once the numbers justify it.",
            monitoring: ["Share of \(parent) reads that also read \(child) (if it passes 50%, revisit)"])
    }
}

/// The numbers behind one relationship's placement.
struct RelationshipFacts {
    let parent: Entity
    let child: Entity
    let foreignKey: [String]
    let cardinality: Cardinality?
    let childMayBeOrphan: Bool?
    /// Share of the parent's read traffic (average RPS) that also reads the child; nil without parent reads.
    let correlation: Double?
    let parentReadRPS: Double
    let togetherRPS: Double
    let childReadsKnowParent: Bool
    let childReadList: String
    let sameOwner: Bool
    let parentItemBytes: Int
    let childItemBytes: Int
    let childWriteRPS: Double
    /// Average RPS of the reads that go through this parent: the child's reads that name the
    /// parent's key, and the parent's reads that list the child.
    let readWeight: Double
    /// The child is keyed by a composite unique group: it keeps items of its own.
    let keyedByUniqueGroup: Bool

    init(_ relationship: Relationship, parent: Entity, child: Entity, foreignKey: [String], _ context: DesignContext) {
        self.parent = parent
        self.child = child
        self.foreignKey = foreignKey
        if case .known(let value)? = relationship.cardinality { cardinality = value } else { cardinality = nil }
        childMayBeOrphan = relationship.childExistsWithoutParent
        let parentReads = context.readPatterns(of: parent.name)
        parentReadRPS = parentReads.reduce(0) { $0 + DesignContext.averageRPS($1) }
        togetherRPS = parentReads.filter { $0.entities.contains(child.name) }.reduce(0) { $0 + DesignContext.averageRPS($1) }
        correlation = parentReadRPS > 0 ? togetherRPS / parentReadRPS : nil
        let childReads = context.readPatterns(of: child.name)
        childReadsKnowParent = childReads.allSatisfy { pattern in foreignKey.allSatisfy { (pattern.equalityAttributes ?? []).contains($0) } }
        readWeight = togetherRPS + childReads.filter { pattern in foreignKey.allSatisfy { (pattern.equalityAttributes ?? []).contains($0) } }
            .reduce(0) { $0 + DesignContext.averageRPS($1) }
        keyedByUniqueGroup = context.uniqueGroupKeys[child.name] != nil
        childReadList = childReads.isEmpty ? "no direct reads" : childReads.map { "#\($0.id)" }.joined(separator: ", ")
        sameOwner = parent.owner == child.owner
        parentItemBytes = ItemSizer.itemSize(of: parent, context)
        childItemBytes = ItemSizer.itemSize(of: child, context)
        childWriteRPS = context.patterns(involving: child.name).filter { $0.entities.first == child.name && ($0.type?.isWrite ?? false) }
            .reduce(0) { $0 + DesignContext.averageRPS($1) }
    }

    /// "every OrderItem read knows the Order (#3, #4)." or "OrderItem is only read through its Order."
    var childReadsText: String {
        childReadList == "no direct reads" ? "\(child.name) is only read through its \(parent.name)."
            : "every \(child.name) read knows the \(parent.name) (\(childReadList))."
    }

    /// Attributes both entities have under one name but with different types: sharing a table
    /// would give one attribute two types, which breaks any index keyed on it.
    var typeClashes: [String] {
        RelationshipFacts.typeClashes(parent, child)
    }

    static func typeClashes(_ first: Entity, _ second: Entity) -> [String] {
        first.attributes.compactMap { attribute in
            guard let other = second.attribute(named: attribute.name),
                  ItemSizer.dynamoDBType(of: other) != ItemSizer.dynamoDBType(of: attribute) else { return nil }
            return attribute.name
        }
    }

    var listAttribute: String { NameWords.plural(snake(child.name)) }

    var bounded: Bool { cardinality?.maximum != nil }

    var qualifiesForAggregate: Bool {
        // A child with unique attributes needs lookup tables pointing at its own items, so it keeps them.
        guard let correlation, correlation >= TableLayoutPlanner.aggregateCorrelation, sameOwner, child.uniqueGroups.isEmpty, !keyedByUniqueGroup,
              let maximum = cardinality?.maximum else { return false }
        let combined = parentItemBytes + maximum * childItemBytes
        return combined < TableLayoutPlanner.aggregateSizeLimit && writeAmplification <= 2
    }

    var qualifiesForCollection: Bool {
        guard let correlation, correlation >= TableLayoutPlanner.collectionCorrelation, bounded, sameOwner, childReadsKnowParent,
              typeClashes.isEmpty else { return false }
        return parent.identifier.count == 1
    }

    var qualifiesForChildKey: Bool {
        childMayBeOrphan == false && childReadsKnowParent && !foreignKey.isEmpty
    }

    /// Why each way of combining the two did not apply, in the user's numbers.
    var whyNotCombined: [String] {
        var reasons: [String] = []
        let correlationText = correlation.map { "\(NumberFormatting.plain(($0 * 1000).rounded() / 10))%" } ?? "no parent reads"
        if !sameOwner { reasons.append("Different owners keep them apart (Entity Boundary).") }
        if !typeClashes.isEmpty {
            reasons.append("Both have \(typeClashes.joined(separator: ", ")) with different types, so they cannot share a table.")
        }
        if let correlation, correlation >= TableLayoutPlanner.collectionCorrelation {
            if !bounded { reasons.append("Read together \(correlationText), but \(Article.a(parent.name)) can have any number of \(child.name) items, so neither an aggregate nor an item collection is safe.") }
            if !childReadsKnowParent { reasons.append("Some \(child.name) reads (\(childReadList)) do not know the \(parent.name), so \(child.name) cannot live under the \(parent.name)'s key.") }
        } else {
            reasons.append("Read together \(correlationText) of the time, under the 50% that justifies an item collection.")
        }
        if childMayBeOrphan != false {
            reasons.append("\(Article.capitalizedA(child.name)) can exist without its \(parent.name)" + (childMayBeOrphan == nil ? " (not stated)" : "") + ", so it is not keyed by the \(parent.name).")
        } else if !childReadsKnowParent {
            reasons.append("Not every \(child.name) read knows the \(parent.name) (\(childReadList)), so it is not keyed by the \(parent.name).")
        }
        return reasons
    }

    /// Write units of one child write when embedded, over its own write units.
    var writeAmplification: Double {
        let average = cardinality?.average ?? 0
        let embeddedBytes = parentItemBytes + Int((average * Double(childItemBytes)).rounded(.up))
        return ItemSizer.writeUnits(itemBytes: embeddedBytes) / ItemSizer.writeUnits(itemBytes: childItemBytes)
    }

    var writeAmplificationText: String {
        "\(NumberFormatting.plain((writeAmplification * 100).rounded() / 100))× the write units of \(Article.a(child.name)) item on its own"
    }

    var cardinalityText: String {
        TableLayoutPlanner.cardinalityText(cardinality, parent.name, child.name).prefix(1).uppercased()
            + TableLayoutPlanner.cardinalityText(cardinality, parent.name, child.name).dropFirst() + "."
    }

    /// The user's numbers, quoted in every decision about this relationship.
    var numbersText: String {
        var parts: [String] = []
        if let correlation {
            parts.append("\(NumberFormatting.plain((correlation * 1000).rounded() / 10))% of \(parent.name) reads also need \(child.name) (\(NumberFormatting.plain(togetherRPS)) of \(NumberFormatting.plain(parentReadRPS)) average RPS).")
        } else {
            parts.append("No read pattern reads \(parent.name) directly, so there is no read correlation to act on.")
        }
        parts.append(cardinalityText)
        parts.append("Item sizes: \(parent.name) ≈ \(parentItemBytes) B, \(child.name) ≈ \(childItemBytes) B.")
        if !sameOwner { parts.append("They belong to different owners (\(parent.owner ?? "none") and \(child.owner ?? "none")).") }
        return parts.joined(separator: " ")
    }
}
