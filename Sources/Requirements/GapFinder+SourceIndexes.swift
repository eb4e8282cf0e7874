extension GapFinder {
    /// Indexes of the MySQL schema are evidence of how the data is looked up today: a secondary
    /// index no pattern uses, or a FULLTEXT index with no search pattern, is worth asking about.
    static func sourceIndexGaps(_ requirements: Requirements, _ index: PatternIndex) -> [RequirementsGap] {
        var gaps: [RequirementsGap] = []
        for entity in requirements.entities {
            // Positions into the shared pattern list: no copy of the patterns per entity per render.
            let positions = index.byEntity[entity.name] ?? []
            let table = entity.sourceTable ?? entity.name
            for sourceIndex in entity.sourceIndexes ?? [] {
                guard let first = sourceIndex.attributes.first else { continue }
                let columns = sourceIndex.attributes.joined(separator: ", ")
                let id = "index:\(entity.name):\(sourceIndex.name ?? columns)"
                switch sourceIndex.kind {
                case .secondary:
                    let used = positions.contains { position in
                        let pattern = index.patterns[position]
                        return (pattern.type == .read || pattern.type == .search) && (pattern.equalityAttributes ?? []).contains(first)
                    }
                    guard !used else { continue }
                    let sorted = sourceIndex.attributes.count > 1 ? " (sorted by \(sourceIndex.attributes.dropFirst().joined(separator: ", ")))" : ""
                    gaps.append(RequirementsGap(
                        kind: .sourceIndexWithoutPattern, id: id,
                        message: "\(table) has an index on (\(columns)): is there a pattern that looks up \(entity.name) by \(first)\(sorted)?",
                        fix: "/pattern \"...\" entities=\(entity.name) type=read eq=\(first) ..., or /accept \(id) REASON",
                        acceptable: true))
                case .fulltext:
                    guard !positions.contains(where: { index.patterns[$0].type == .search }) else { continue }
                    gaps.append(RequirementsGap(
                        kind: .fullTextWithoutSearch, id: id,
                        message: "\(table) has a FULLTEXT index on (\(columns)): is there a search pattern for \(entity.name)? It would need a search service.",
                        fix: "/pattern \"Search ...\" entities=\(entity.name) type=search ..., or /accept \(id) REASON",
                        acceptable: true))
                }
            }
        }
        return gaps
    }
}
