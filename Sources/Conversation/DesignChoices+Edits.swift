import DesignEngine

/// Changes to the user's design choices that more than one command needs.
extension DesignChoices {
    /// The choices without the walk-through's confirmations: what decides the model itself.
    var modelChoices: DesignChoices {
        var choices = self
        choices.confirmedTables = []
        return choices
    }

    /// The merge group an entity belongs to, if any.
    func mergeGroup(containing entity: String) -> [String]? {
        merges.first { $0.contains(entity) }
    }

    /// Takes entities out of their merge groups. Taking out a group's main entity dissolves the
    /// whole group (the others were merged into its table); a group left with one entity goes.
    mutating func removeFromMerges(_ entities: [String]) {
        merges = merges.compactMap { group in
            guard let main = group.first else { return nil }
            if entities.contains(main) { return nil }
            let kept = group.filter { !entities.contains($0) }
            return kept.count > 1 ? kept : nil
        }
    }
}
