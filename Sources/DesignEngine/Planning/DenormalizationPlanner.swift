import Requirements

/// A parent attribute a read pattern needs alongside the child it reads: a candidate for a
/// short-circuit copy into the child's items (docs/design-engine.md).
struct DenormalizationCandidate {
    /// `denormalize:Order.display_name`: what `/accept` and `/reject` take at the design gate.
    var id: String
    var child: String
    var parent: String
    var attribute: Attribute
    /// The name the copy gets in the child's items (only attributes the child lacks are copied).
    var copyName: String
    /// The child's attributes holding the parent's identifier, and the parent's identifier.
    var localJoin: [String]
    var sourceJoin: [String]
    var patternIDs: [Int]
    var isAdopted: Bool
}

/// Finds the copies worth considering and records a decision for each. Copies are only
/// proposed: evidence first (docs/design-engine.md); the user accepts one at the design gate.
enum DenormalizationPlanner {
    static func candidates(_ context: DesignContext, layout: TableLayout) -> [DenormalizationCandidate] {
        var found: [DenormalizationCandidate] = []
        for pattern in context.requirements.accessPatterns where pattern.type == .read {
            guard let childName = pattern.entities.first, let child = context.entity(childName),
                  layout.tableOfEntity[childName] != nil, layout.embedded[childName] == nil
            else { continue }
            // What the read looks items up by, filters on, sorts by and returns: each one the
            // child lacks is a candidate copy from a parent the pattern lists.
            var needed = pattern.lookupAttributes + (pattern.filterAttributes ?? [])
            if case .only(let result)? = pattern.attributes { needed += result }
            for parentName in pattern.entities.dropFirst() {
                guard let parent = context.entity(parentName),
                      let relationship = context.requirements.relationships.first(where: { $0.parent == parentName && $0.child == childName && $0.kind == .oneToMany }),
                      let foreignKey = context.foreignKey(of: relationship), !parent.identifier.isEmpty
                else { continue }
                for name in needed where child.attribute(named: name) == nil {
                    guard let attribute = parent.attribute(named: name), attribute.isMigrated, !parent.identifier.contains(name) else { continue }
                    let id = "denormalize:\(childName).\(name)"
                    if let position = found.firstIndex(where: { $0.id == id }) {
                        if !found[position].patternIDs.contains(pattern.id) { found[position].patternIDs.append(pattern.id) }
                        continue
                    }
                    found.append(DenormalizationCandidate(
                        id: id, child: childName, parent: parentName, attribute: attribute, copyName: name,
                        localJoin: foreignKey, sourceJoin: parent.identifier, patternIDs: [pattern.id],
                        isAdopted: context.choices.proposals[id] == true))
                }
            }
        }
        return found
    }

    static func decision(for candidate: DenormalizationCandidate, _ context: DesignContext) -> DesignDecision {
        let patterns = candidate.patternIDs.compactMap { context.patternsByID[$0] }
        let peak = patterns.reduce(0.0) { $0 + DesignContext.peakRPS($1) * max(items($1), 1) }
        let updates = context.patterns(involving: candidate.parent).filter { pattern in
            guard pattern.type == .update, pattern.entities.first == candidate.parent else { return false }
            if case .only(let written)? = pattern.attributes { return written.contains(candidate.attribute.name) }
            return true
        }
        let updatePeak = updates.reduce(0.0) { $0 + DesignContext.peakRPS($1) }
        let fanOut = context.requirements.relationships.first { $0.parent == candidate.parent && $0.child == candidate.child }
            .flatMap { relationship -> Double? in if case .known(let cardinality)? = relationship.cardinality { return cardinality.average } else { return nil } }
        var justification = "Patterns \(patterns.map { "#\($0.id)" }.joined(separator: ", ")) read \(candidate.child) with the \(candidate.parent)'s \(candidate.attribute.name): without a copy that is up to \(NumberFormatting.plain(peak)) extra \(candidate.parent) reads per second at peak."
        if updates.isEmpty {
            justification += " No update pattern changes \(candidate.parent).\(candidate.attribute.name), so a copy never goes stale."
        } else {
            let fanOutText = fanOut.map { " × \(NumberFormatting.plain($0)) \(candidate.child) items each" } ?? ""
            justification += " Update pattern\(updates.count == 1 ? "" : "s") \(updates.map { "#\($0.id)" }.joined(separator: ", ")) change\(updates.count == 1 ? "s" : "") it at \(NumberFormatting.plain(updatePeak)) RPS peak\(fanOutText): every change must be copied to those items."
        }
        justification += " A copy of a small, rarely changing attribute is acceptable; it is proposed, not applied, until you accept it."
        return DesignDecision(
            id: candidate.id, type: .denormalization, subject: "Copy \(candidate.parent).\(candidate.attribute.name) into \(candidate.child)",
            alternativesConsidered: ["Read the \(candidate.parent) by key after reading the \(candidate.child)", "Copy \(candidate.attribute.name) into each \(candidate.child) item (joined on \(candidate.localJoin.joined(separator: ", ")) → \(candidate.sourceJoin.joined(separator: ", ")))"],
            chosenApproach: candidate.isAdopted ? "Copied into \(candidate.child) items as \(candidate.copyName)" : "Proposed, not applied: read the \(candidate.parent) separately (accept with `/accept \(candidate.id)`)",
            justification: justification,
            tradeOffs: ["One request instead of two for the reading patterns", "Changes to \(candidate.parent).\(candidate.attribute.name) must be propagated to every \(candidate.child) item", "The copy can be briefly stale after a change"],
            rollbackStrategy: "Stop writing the copy, point the patterns back at the \(candidate.parent) read, then remove the attribute.",
            monitoring: ["Propagation lag or failures of \(candidate.attribute.name) updates (DynamoDB Streams consumer errors)"],
            userChoice: context.choices.proposals[candidate.id].map { $0 ? "accepted" : "rejected" })
    }

    private static func items(_ pattern: AccessPattern) -> Double {
        if case .known(let count)? = pattern.expectedItems { return count.average }
        return 1
    }
}
