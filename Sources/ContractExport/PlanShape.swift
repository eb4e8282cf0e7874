import DesignEngine

/// What generated code needs to know about a plan's shape, whatever the language: which steps
/// hold several items, which ones later steps read, how steps group into loops and what the
/// pattern returns. The boto3 and TypeScript renderers read plans through it alike.
struct PlanShape {
    let plan: PatternPlan
    let isWrite: Bool

    /// The steps in runs that repeat alike: each run is once, or a loop over a step's results.
    var runs: [(steps: ClosedRange<Int>, repetition: StepRepetition)] {
        var found: [(ClosedRange<Int>, StepRepetition)] = []
        var index = 0
        while index < plan.steps.count {
            let repetition = plan.steps[index].repetition
            var end = index
            while end + 1 < plan.steps.count, plan.steps[end + 1].repetition == repetition { end += 1 }
            found.append((index...end, repetition))
            index = end + 1
        }
        return found
    }

    /// Whether a step's result holds a list (reads of several items, written items) rather than
    /// one item (a GetItem).
    func isList(_ index: Int) -> Bool {
        switch plan.steps[index].request {
        case .getItem: return false
        default: return true
        }
    }

    /// Whether a later step reads the items this step returned.
    func isRead(_ index: Int) -> Bool {
        plan.steps.dropFirst(index + 1).contains { step in
            PlanWalker.values(of: step.request).contains { $0.stepsRead.contains(index) }
                || { if case .perResultOf(let source) = step.repetition { return source == index } else { return false } }()
        }
    }

    /// Whether any step of the run writes through `BatchWriteItem` (deletes gathered per round).
    func hasBatchWrite(_ steps: ClosedRange<Int>) -> Bool {
        steps.contains { if case .batchWriteItem = plan.steps[$0].request { return true } else { return false } }
    }

    /// Related reads of a read pattern: each round's result is gathered for the return value.
    func gathered(_ steps: ClosedRange<Int>) -> [Int] {
        steps.filter { !isWrite && plan.steps[$0].purpose == .related }
    }

    /// The steps that read other entities the pattern lists.
    var relatedSteps: [Int] {
        plan.steps.indices.filter { plan.steps[$0].purpose == .related }
    }

    /// What a pattern returns: `none` (writes), `related` (an entity → item map), `item` (a
    /// GetItem) or `items`.
    var returns: String {
        guard !isWrite else { return "none" }
        if !relatedSteps.isEmpty { return "related" }
        if case .getItem? = plan.mainStep?.request { return "item" }
        return "items"
    }
}
