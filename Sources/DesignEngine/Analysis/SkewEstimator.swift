import Requirements

/// The share of a pattern's traffic on the hottest value of a partition key, and where it comes
/// from (docs/design-engine.md, "Skew"):
/// 1. the busiest value's share the requirements state for a key attribute (`busiest_share`),
///    or the largest stated value share (`value_shares`); for a key of several attributes, the
///    smallest of the parts' stated shares and the bound of 2;
/// 2. else a bound from what is known: a parent with at most `max` of the child entity's `N`
///    items holds at most `max ÷ N` of them;
/// 3. else 1/n for a foreign key with a stated number of distinct values (values used evenly);
/// 4. else the distribution's own share (1/n for a handful of values, said to assume even use).
struct SkewEstimator {
    let requirements: Requirements
    let counts: ItemCountResolver

    init(_ requirements: Requirements) {
        self.requirements = requirements
        counts = ItemCountResolver(requirements)
    }

    struct Share: Equatable {
        var share: Double
        var source: String
    }

    /// The hottest share of the partition key the load reads or writes.
    func hottestShare(of keys: [KeyAttribute], in table: TableDesign, distribution: KeyDistribution) -> Share? {
        var parts: [(entity: Entity, attribute: Attribute)] = []
        for key in keys {
            for name in key.composedOf ?? [key.name] {
                guard let stored = table.attribute(named: name) ?? table.attributes.first(where: { $0.sourceAttribute == name && $0.entity == table.entities.first }),
                      stored.denormalization == nil,
                      let entity = requirements.entity(named: stored.entity),
                      let attribute = entity.attribute(named: stored.sourceAttribute) else { continue }
                parts.append((entity, attribute))
            }
        }
        // 1. Stated, and 2. derived from the largest parent: each an upper bound on the key's
        // busiest value (a composite key's is at most its busiest part's), the smallest wins.
        var bounds = parts.compactMap { part in statedShare(of: part.attribute) }
        // The stated share of a one-attribute key is its hottest share (traffic, not only items).
        if parts.count == 1, let stated = bounds.first { return stated }
        if case .perParent(let parent, _, let maximum?) = distribution, let child = parts.first?.entity,
           let total = counts.counts[child.name], total > 0 {
            let share = min(1, Double(maximum) / Double(total))
            bounds.append(Share(share: share, source: "\(Article.a(parent)) holds at most \(plain(Double(maximum))) of \(plain(Double(total))) \(child.name) items (cardinality maximum ÷ item count)"))
        }
        if let smallest = bounds.min(by: { $0.share < $1.share }) { return smallest }
        // 3. A foreign key with a stated number of distinct values.
        if case .perParent = distribution, let part = parts.first, let count = part.attribute.distinctValues, count > 0 {
            return Share(share: 1 / Double(count), source: "1/\(count): \(part.attribute.name) has \(count) distinct values (stated), assumed used evenly; state busiest_share if one dominates")
        }
        // 4. A handful of values, assumed even.
        if case .fewValues(let count, let source) = distribution, let share = distribution.hottestShare {
            // One value (a sparse boolean index): the distinct-values column already says why.
            if count == 1 { return nil }
            _ = source
            return Share(share: share, source: "1/\(count), assuming the values are used evenly; state busiest_share if one dominates")
        }
        return nil
    }

    /// The busiest value's share the requirements give for one attribute: `busiest_share`, or
    /// the largest of the stated value shares and what they leave to the other values.
    func statedShare(of attribute: Attribute) -> Share? {
        if let busiest = attribute.busiestShare {
            return Share(share: busiest, source: "the busiest \(attribute.name) value takes \(percent(busiest)) (stated)")
        }
        guard let shares = attribute.valueShares, !shares.isEmpty, let largest = shares.max(by: { $0.share < $1.share }) else { return nil }
        let remainder = max(0, 1 - shares.reduce(0) { $0 + $1.share })
        // The values not listed share the rest: evenly over the ones a stated distinct count leaves, else possibly all on one.
        var others = remainder
        if let count = attribute.distinctValues, count > shares.filter({ $0.value != nil }).count {
            others = remainder / Double(count - shares.filter { $0.value != nil }.count)
        }
        if others > largest.share {
            return Share(share: others, source: "the \(attribute.name) values other than \(shares.map { $0.value ?? "none" }.joined(separator: ", ")) hold \(percent(remainder))" + (others < remainder ? ", \(percent(others)) each" : "") + " (from the stated shares)")
        }
        return Share(share: largest.share, source: "\(attribute.name) = \(largest.value ?? "none") takes \(percent(largest.share)) (stated)")
    }

    private func percent(_ share: Double) -> String { NumberFormatting.plain(share * 100) + "%" }
    private func plain(_ number: Double) -> String { NumberFormatting.plain(number) }
}
