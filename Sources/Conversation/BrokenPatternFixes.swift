import DesignEngine
import Requirements

/// The commands that would fix a broken pattern, each checked by designing the model with it.
///
/// Only commands that really serve the pattern are offered: a Scan the user could accept, keys
/// or merges the user set that broke it, an aggregate that hides the entity, a strong read that
/// eventual consistency would serve. When none helps, the requirement itself has to change.
enum BrokenPatternFixes {
    static func fixes(for mapping: PatternMapping, requirements: Requirements, choices: DesignChoices, model: DataModel) -> [String] {
        let id = mapping.patternID
        var fixes: [String] = []
        // A trial asks whether the engine would plan the pattern; it is not proven (one proof
        // per candidate fix per broken pattern would make the design gate slow to show). A plan
        // that then failed its proof would be an engine defect, reported as such.
        func serves(_ trialChoices: DesignChoices, _ trialRequirements: Requirements = requirements) -> Bool {
            guard let trial = DesignEngine.design(trialRequirements, choices: trialChoices).mapping(for: id) else { return false }
            if case .unserved = trial.status { return false }
            return true
        }
        if choices.acceptedScans[String(id)] == nil {
            var trial = choices
            trial.acceptedScans[String(id)] = "accepted at the design gate"
            if serves(trial) { fixes.append("/accept-scan \(id) REASON (if reading every item is acceptable: a small table or an offline job)") }
        }
        guard let pattern = requirements.pattern(id), let entity = pattern.entities.first else { return fixes }
        if let table = model.tables.first(where: { $0.lookup == nil && $0.entities.contains(entity) }), choices.tableKeys[table.id] != nil {
            var trial = choices
            trial.tableKeys[table.id] = nil
            if serves(trial) { fixes.append("/keys \(table.name) reset (back to the engine's keys)") }
        }
        let aggregate = "aggregate:\(entity)"
        if choices.proposals[aggregate] == true {
            var trial = choices
            trial.proposals[aggregate] = false
            if serves(trial) { fixes.append("/reject \(aggregate)") }
        }
        if choices.mergeGroup(containing: entity) != nil {
            var trial = choices
            trial.removeFromMerges([entity])
            if serves(trial) { fixes.append("/split \(entity)") }
        }
        if pattern.consistency == .strong {
            var relaxed = pattern
            relaxed.consistency = .eventual
            var trialRequirements = requirements
            if (try? trialRequirements.updatePattern(relaxed)) != nil, serves(choices, trialRequirements) {
                fixes.append("/edit pattern \(id) consistency=eventual (re-opens the requirements gate)")
            }
        }
        if fixes.isEmpty { fixes.append("/edit pattern \(id) to change what it asks for (re-opens the requirements gate)") }
        return fixes
    }
}
