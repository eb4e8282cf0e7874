import Requirements
import SeededRandom

/// Adds to a generated requirement set (see `RequirementsGenerator`) the patterns the business
/// rules bring: writes that list several entities with an effect on each (a parent checked, a
/// counter on the parent moved by ADD under a condition, children consumed), and aggregating
/// reads (count, sum, avg, min, max; per hour, day or month; by nothing, a parent's key or an
/// attribute; some analytics only), reproducible from a seed.
public struct EffectsAndAggregationsGenerator {
    private var random: SeededGenerator

    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed ^ 0xA66E_0000_0000_0011)
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    /// The case with the extra patterns; a pattern the requirements refuse is left out.
    public mutating func extend(_ generated: GeneratedCase) -> GeneratedCase {
        var result = generated
        var requirements = generated.requirements
        let relationships = requirements.relationships.filter { $0.kind == .oneToMany && $0.parent != $0.child }
        keyNames = Set(requirements.entities.flatMap(\.identifier))
        for relationship in relationships where chance(60) {
            guard let parent = requirements.entity(named: relationship.parent), let child = requirements.entity(named: relationship.child) else { continue }
            let parentNumbers = numbers(of: parent)
            let childNumbers = numbers(of: child)
            // A child created with an effect on its parent.
            var effect = WriteEffect.check
            if let counter = parentNumbers.first, chance(60) {
                if let quantity = childNumbers.first, chance(50) {
                    effect = .update(CounterUpdate(attribute: counter, amount: .attribute(quantity, negated: true),
                                                   condition: CounterCondition(comparison: .greaterOrEqual, operand: .attribute(quantity, negated: false))))
                } else {
                    effect = .update(CounterUpdate(attribute: counter, amount: .number(1)))
                }
            }
            var create = pattern("Create \(child.name) touching its \(parent.name)", [child.name, parent.name], .write, equality: [])
            create.effects = [EntityWriteEffect(entity: parent.name, effect: effect)]
            _ = try? requirements.addPattern(create)
            // A parent created consuming children passed with it.
            if chance(30) {
                var consume = pattern("Create \(parent.name) consuming \(child.name) items", [parent.name, child.name], .write, equality: [])
                consume.effects = [EntityWriteEffect(entity: child.name, effect: pick([.delete, .check]))]
                _ = try? requirements.addPattern(consume)
            }
        }
        for entity in requirements.entities where chance(60) {
            for _ in 0..<(chance(50) ? 1 : 2) {
                let numbers = numbers(of: entity)
                var function = pick(Aggregation.Function.allCases)
                let attribute = function == .count ? nil : numbers.isEmpty ? nil : pick(numbers)
                if attribute == nil { function = .count }
                let period = pick([Aggregation.Period.none, .none, .hour, .day, .month])
                var equality: [String] = []
                let foreignKeys = requirements.relationships.filter { $0.child == entity.name && $0.kind == .oneToMany }
                    .compactMap { relationship in requirements.entity(named: relationship.parent)?.identifier }
                    .filter { key in key.allSatisfy { entity.attribute(named: $0) != nil } }
                switch Int.random(in: 0..<4, using: &random) {
                case 0: equality = []
                case 1: equality = foreignKeys.first ?? []
                case 2: equality = entity.attributes.first { !entity.identifier.contains($0.name) && [.string, .number].contains($0.type) }.map { [$0.name] } ?? []
                default: equality = [entity.identifier[0]]
                }
                let aggregation = Aggregation(function: function, attribute: attribute, period: period)
                var read = pattern("\(aggregation.text) of \(entity.name) by \(equality.isEmpty ? "nothing" : equality.joined(separator: ", "))", [entity.name], .read, equality: equality)
                read.aggregate = .aggregate(aggregation)
                read.analyticsOnly = chance(15) ? true : nil
                let average = Double(pick([1, 5, 40, 3_000, 20_000]))
                read.expectedItems = chance(10) ? .unknown : .known(ItemCount(average: average, maximum: Int(average) * 4))
                _ = try? requirements.addPattern(read)
            }
        }
        result.requirements = requirements
        return result
    }

    /// Identifier attributes of every entity: a counter or quantity is never one (a reference
    /// to a parent is not a number to add).
    private var keyNames: Set<String> = []

    private func numbers(of entity: Entity) -> [String] {
        entity.attributes.filter { $0.type == .number && $0.isMigrated && !keyNames.contains($0.name) }.map(\.name)
    }

    private mutating func pattern(_ description: String, _ entities: [String], _ type: PatternType, equality: [String]) -> AccessPattern {
        let peak = Double(pick([1, 5, 20, 100, 400, 1_500]))
        return AccessPattern(
            id: 0, description: description, entities: entities, type: type, equalityAttributes: equality, sort: SortAnswer.none,
            filterAttributes: [], expectedItems: .known(ItemCount(average: 1, maximum: 1)), peakRPS: .known(peak), averageRPS: .known((peak / 2).rounded(.up)),
            consistency: .eventual, latency: "none", attributes: .all, confirmedNotSearch: true)
    }
}
