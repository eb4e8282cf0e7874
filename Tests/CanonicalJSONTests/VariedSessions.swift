import Conversation
import Requirements
import SeededRandom

/// Deterministic pseudo-random session states that reach every shape `session.json` can take:
/// optional fields absent, `unknown` and reserved words, fractional and huge numbers, escapes,
/// non-ASCII text, every step and gate. The byte-identity tests encode them with both encoders.
enum VariedSessions {
    /// The package's seeded generator, so failures reproduce.
    typealias Generator = SeededGenerator

    static let words = [
        "order", "user", "line | item", "café", "naïve ✅", "quote \" mark", "back\\slash", "tab\there",
        "new\nline", "cr\r\nlf", "bell \u{07}", "slash/kept", "🚀 launch", "full-text search", "nearby shops",
        "count of sales", "top 10", "fuzzy", "", "lone\rcr", "\r", "search\u{301}", "\u{212A}eyword", "İstanbul",
        "NEAR me", "Top 5 | top",
    ]
    static let numbers: [Double] = [0, 1, 12.5, 0.1, 1e-7, 123_456_789.125, 1e300, 2.5e15, 1e15, 999_999_999_999_999, 42, 3.333]

    static func text(_ random: inout Generator) -> String {
        (0..<(1 + random.below(3))).map { _ in random.pick(words) }.joined(separator: " ")
    }

    static func estimate(_ random: inout Generator) -> Estimate? {
        switch random.below(3) {
        case 0: return nil
        case 1: return .unknown
        default: return .known(random.pick(numbers))
        }
    }

    /// A state with up to `size` entities and patterns.
    static func state(seed: UInt64, size: Int) -> SessionState {
        var random = Generator(seed: seed)
        var requirements = Requirements(overview: ApplicationOverview(
            domain: random.chance(70) ? text(&random) : nil, businessContext: random.chance(50) ? text(&random) : nil,
            expectedUsers: estimate(&random), peakRequestsPerSecond: estimate(&random)))
        let types = AttributeType.allCases
        var names: [String] = []
        for index in 0..<random.below(size + 1) {
            let name = random.pick(["User", "Order", "Ünïcode", "Item", "Q\"uote"]) + "\(index)"
            let attributes = (0..<random.below(6)).map { position in
                Attribute(
                    name: random.pick(["id", "status", "is_active", "email", "created_at", "kind"]) + "\(position)",
                    type: random.pick(types), typicalSizeBytes: random.chance(60) ? random.below(5_000) : nil,
                    source: random.chance(20) ? SourceColumn(table: text(&random), column: "c\(position)", mysqlType: "varchar(255)",
                                                           dynamoDBType: .string, nullable: random.chance(50)) : nil,
                    excludedReason: random.chance(10) ? text(&random) : nil, isSensitive: random.chance(20) ? random.chance(50) : nil)
            }
            let identifier = attributes.isEmpty ? [] : [attributes[0].name]
            let uniques = attributes.count > 2 && random.chance(40) ? [[attributes[1].name], [attributes[1].name, attributes[2].name]] : []
            let indexes = random.chance(20)
                ? [SourceIndex(name: random.chance(50) ? "idx" : nil, kind: random.chance(50) ? .secondary : .fulltext, attributes: identifier)]
                : nil
            if (try? requirements.addEntity(Entity(
                name: name, attributes: attributes, identifier: identifier, uniqueGroups: uniques,
                owner: random.chance(50) ? text(&random) : nil, sourceTable: random.chance(20) ? "t_\(index)" : nil,
                sourceIndexes: indexes))) != nil {
                names.append(name)
            }
        }
        for index in names.indices.dropFirst() where random.chance(70) {
            let cardinality: CardinalityAnswer? = switch random.below(3) {
            case 0: nil
            case 1: .unknown
            default: .known(Cardinality(average: random.pick(numbers), maximum: random.chance(50) ? random.below(100_000) : nil))
            }
            try? requirements.addRelationship(Relationship(
                parent: names[index - 1], child: names[index], kind: random.chance(70) ? .oneToMany : .manyToMany,
                cardinality: cardinality, childExistsWithoutParent: random.chance(30) ? nil : random.chance(50)))
        }
        for _ in 0..<(names.isEmpty ? 0 : random.below(size + 1)) {
            let entity = requirements.entities[random.below(requirements.entities.count)]
            let attributeNames = entity.attributes.map(\.name)
            func some() -> [String]? { random.chance(30) ? nil : attributeNames.filter { _ in random.chance(40) } }
            let sortAttribute = attributeNames.isEmpty ? nil : random.pick(attributeNames)
            let sort: SortAnswer? = switch random.below(3) {
            case 0: nil
            case 1: SortAnswer.none
            default: sortAttribute.map { .attribute(SortRequirement(attribute: $0, direction: random.chance(50) ? .ascending : .descending)) }
            }
            let items: ItemCountAnswer? = switch random.below(3) {
            case 0: nil
            case 1: .unknown
            default: .known(ItemCount(average: random.pick(numbers), maximum: random.chance(50) ? random.below(1_000) : nil))
            }
            let selection: AttributeSelection? = switch random.below(3) {
            case 0: nil
            case 1: .all
            default: .only(some() ?? [])
            }
            var peak = estimate(&random)
            var average = estimate(&random)
            if case .known(let high)? = peak, case .known(let low)? = average, low > high { (peak, average) = (average, peak) }
            let description = random.pick(["Get", "List", "Search", "Find nearby", "Count of", "Update"]) + " " + text(&random) + "x"
            let pattern = AccessPattern(
                id: 0, description: description,
                entities: random.chance(90) ? [entity.name] : [], type: random.chance(85) ? random.pick(PatternType.allCases) : nil,
                equalityAttributes: some(), sort: sort, filterAttributes: some(), expectedItems: items,
                peakRPS: peak, averageRPS: average, consistency: random.chance(30) ? nil : random.pick(Consistency.allCases),
                latency: random.chance(30) ? nil : random.pick(["<50ms", "none", "NONE", "p99 < 10 ms | strict"]),
                attributes: selection, confirmedNotSearch: random.chance(20))
            _ = try? requirements.addPattern(pattern)
        }
        for gap in GapFinder.gaps(in: requirements) where gap.acceptable && random.chance(40) {
            try? requirements.acceptGap(gap.id, reason: text(&random) + " reason")
        }
        let steps: [Step] = [
            .overviewDomain, .overviewContext, .overviewUsers, .overviewPeak, .entityName, .entityAttributes(entity: "A"),
            .entityIdentifier(entity: "B\""), .entityUniques(entity: "C"), .entityOwner(entity: "D"), .relationshipPair,
            .relationshipCardinality(parent: "P", child: "C"), .relationshipIndependence(parent: "P", child: "C"),
            .patternDescription, .patternField(pattern: 3, field: random.pick(PatternField.allCases)), .gapReview(gap: "no-read:X"),
            .requirementsGate, .requirementsConfirmed,
        ]
        var state = SessionState(name: text(&random) + "n", requirements: requirements, step: random.pick(steps))
        state.previousSteps = (0..<random.below(4)).map { _ in random.pick(steps) }
        state.returnStep = random.chance(50) ? random.pick(steps) : nil
        state.postponedGaps = (0..<random.below(3)).map { "gap-\($0)" }
        if random.chance(50) { state.gates.requirements = GateRecord(passedAt: "2026-11-22T10:00:00Z") }
        if random.chance(30) { state.gates.design = GateRecord(passedAt: "2026-11-23T10:00:00Z") }
        return state
    }
}
