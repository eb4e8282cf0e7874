import DataModelDocument
import DesignEngine
import Foundation
import ModelExecution
import Requirements
import SeededRandom

// Measures the time from confirmed requirements to a rendered `dynamodb_data_model.md`:
// `DesignEngine.design` then `DataModelDocument.render`, over a generated session of 300 entities
// and 1,000 access patterns (issue 4's benchmark; target: median under 100 ms). Not a test:
// timings on shared machines vary, so it prints figures; docs/benchmarks.md records them.
//
//   ddbmodel-design-bench [--runs N]      (30 runs by default, after one warm-up)

/// Fixed seed: the session is the same on every run and every machine.
let seed: UInt64 = 0x00DD_B0DE_5160_0004
let entityCount = 300
let patternCount = 1_000

// MARK: - Deterministic generator

// SeededGenerator (SplitMix64, SeededRandom) generates the input from the seed.

/// A 300-entity, 1,000-pattern session shaped like a large imported schema: one table per
/// entity, most with a parent (foreign key named like the parent's identifier), unique emails
/// and codes, status enums, flags and timestamps, and patterns that exercise every path of the
/// engine (GetItem, BatchGetItem, Query on the base key, GSIs with multi-attribute keys, lookup
/// tables, item collections, transactions, accepted Scans and search patterns).
struct SessionGenerator {
    var random = SeededGenerator(seed: seed)

    static let words = [
        "customer", "order", "invoice", "product", "shipment", "warehouse", "supplier", "payment", "refund", "account",
        "session", "device", "campaign", "coupon", "review", "category", "address", "employee", "department", "project",
        "task", "ticket", "message", "notification", "subscription", "plan", "feature", "report", "carrier", "contract",
    ]

    struct Plan {
        var name: String
        var idName: String
        var identifier: [String]
        var attributes: [Attribute]
        var uniqueGroups: [[String]] = []
        var parent: Int?
        var itemCount: Double?
    }

    mutating func session() throws -> (Requirements, DesignChoices) {
        var plans: [Plan] = []
        for index in 0..<entityCount {
            plans.append(plan(index: index, earlier: plans))
        }
        var requirements = Requirements()
        for plan in plans {
            var entity = Entity(name: plan.name, attributes: plan.attributes, identifier: plan.identifier, uniqueGroups: plan.uniqueGroups,
                                owner: "team\(plan.parent.map { $0 % 7 } ?? 0)")
            entity.itemCount = plan.itemCount.map(Estimate.known)
            try requirements.addEntity(entity)
        }
        for (index, plan) in plans.enumerated() {
            guard let parent = plan.parent else { continue }
            let average = Double(random.int(1...40))
            let maximum: Int? = random.chance(80) ? Int(average) * random.int(2...50) : nil
            try requirements.addRelationship(Relationship(
                parent: plans[parent].name, child: plans[index].name, kind: .oneToMany,
                cardinality: .known(Cardinality(average: average, maximum: maximum)), childExistsWithoutParent: random.chance(50)))
        }
        var choices = DesignChoices()
        var added = 0
        var entityIndex = 0
        while added < patternCount {
            let plan = plans[entityIndex % plans.count]
            let parent = plan.parent.map { plans[$0] }
            for pattern in patterns(for: plan, parent: parent, round: entityIndex / plans.count) where added < patternCount {
                let id = try requirements.addPattern(pattern)
                if pattern.type == .read, pattern.equalityAttributes?.isEmpty == true {
                    choices.acceptedScans[String(id)] = "reference data read by an offline job"
                }
                added += 1
            }
            entityIndex += 1
        }
        return (requirements, choices)
    }

    mutating func plan(index: Int, earlier: [Plan]) -> Plan {
        let word = Self.words[index % Self.words.count]
        let name = word.prefix(1).uppercased() + word.dropFirst() + String(index / Self.words.count)
        let idName = "\(word)\(index / Self.words.count)_id"
        var attributes = [Attribute(name: idName, type: .string, typicalSizeBytes: 36)]
        var identifier = [idName]
        if random.chance(15) {
            attributes.append(Attribute(name: "line_number", type: .number))
            identifier.append("line_number")
        }
        var parent: Int?
        if !earlier.isEmpty, random.chance(85) {
            let chosen = random.int(max(0, earlier.count - 40)...(earlier.count - 1))
            parent = chosen
            for name in earlier[chosen].identifier where !attributes.contains(where: { $0.name == name }) {
                attributes.append(Attribute(name: name, type: name == "line_number" ? .number : .string, typicalSizeBytes: name == "line_number" ? nil : 36))
            }
        }
        var status = Attribute(name: "status", type: .string, typicalSizeBytes: 10)
        status.distinctValues = random.int(3...6)
        attributes += [
            Attribute(name: "title", type: .string, typicalSizeBytes: random.int(20...80)),
            status,
            Attribute(name: "is_active", type: .boolean),
            Attribute(name: "amount", type: .number),
            Attribute(name: "created_at", type: .datetime),
            Attribute(name: "updated_at", type: .datetime),
        ]
        for extra in 0..<random.int(0...6) {
            attributes.append(Attribute(name: "detail\(extra)", type: random.pick([.string, .number, .json, .list, .date]),
                                        typicalSizeBytes: random.chance(50) ? random.int(8...400) : nil))
        }
        var plan = Plan(name: name, idName: idName, identifier: identifier, attributes: attributes, parent: parent)
        if random.chance(20) {
            plan.attributes.append(Attribute(name: "email", type: .string, typicalSizeBytes: 40))
            plan.uniqueGroups.append(["email"])
        }
        if random.chance(10) {
            plan.attributes.append(Attribute(name: "code", type: .string, typicalSizeBytes: 12))
            plan.uniqueGroups.append(["code"])
        }
        if random.chance(70) { plan.itemCount = Double(random.pick([50, 2_000, 100_000, 5_000_000])) }
        return plan
    }

    /// Three or four patterns per entity in the first round (get, create, and a mix of listings,
    /// updates and searches); later rounds add more listings until there are 1,000.
    mutating func patterns(for plan: Plan, parent: Plan?, round: Int) -> [AccessPattern] {
        var result: [AccessPattern] = []
        if round == 0 {
            result.append(read("Get \(plan.name)", [plan.name], equality: plan.identifier, items: random.chance(10) ? 5 : 1, attributes: .all))
            result.append(pattern("Create \(plan.name)", [plan.name], .write, equality: [], attributes: .all))
        }
        switch random.int(0...9) {
        case 0, 1, 2:
            if let parent {
                let items = Double(random.int(2...30))
                result.append(read("List \(plan.name) of a \(parent.name)", [plan.name], equality: parent.identifier,
                                   sort: SortRequirement(attribute: "created_at", direction: .descending), items: items,
                                   attributes: .only([plan.idName, "title", "status", "created_at"])))
            }
        case 3:
            result.append(read("List \(plan.name) by status", [plan.name], equality: ["status"],
                               sort: SortRequirement(attribute: "created_at", direction: .descending), items: 25, attributes: .only(["title"])))
        case 4:
            if let unique = plan.uniqueGroups.first {
                result.append(read("Get \(plan.name) by \(unique.joined(separator: " and "))", [plan.name], equality: unique, items: 1, attributes: .all,
                                   consistency: .strong))
            } else {
                result.append(read("Active \(plan.name) items", [plan.name], equality: ["is_active"], items: 40, attributes: .only(["title", "amount"])))
            }
        case 5:
            result.append(pattern("Update \(plan.name) status", [plan.name], .update, equality: plan.identifier, attributes: .only(["status", "updated_at"])))
        case 6:
            if let parent {
                result.append(read("Get \(parent.name) with its \(plan.name) items", [parent.name, plan.name], equality: parent.identifier, items: 1, attributes: .all))
            } else {
                result.append(read("All \(plan.name) items", [plan.name], equality: [], items: 50, attributes: .all))
            }
        case 7:
            result.append(pattern("Search \(plan.name) by keyword", [plan.name], .search, equality: [], attributes: .all))
        case 8:
            result.append(pattern("Delete \(plan.name)", [plan.name], .delete, equality: plan.identifier, attributes: .all))
        default:
            result.append(read("\(plan.name) by status and region", [plan.name], equality: ["status", "is_active"],
                               sort: SortRequirement(attribute: "amount", direction: .ascending), items: 10, attributes: .only(["title", "amount", "created_at"])))
        }
        return result
    }

    mutating func read(_ description: String, _ entities: [String], equality: [String], sort: SortRequirement? = nil, items: Double,
                       attributes: AttributeSelection, consistency: Consistency = .eventual) -> AccessPattern {
        var pattern = pattern(description, entities, .read, equality: equality, attributes: attributes)
        pattern.sort = sort.map(SortAnswer.attribute) ?? SortAnswer.none
        pattern.expectedItems = .known(ItemCount(average: items, maximum: Int(items) * 4))
        pattern.consistency = consistency
        return pattern
    }

    mutating func pattern(_ description: String, _ entities: [String], _ type: PatternType, equality: [String],
                          attributes: AttributeSelection) -> AccessPattern {
        let peak = Double(random.pick([2, 10, 50, 200, 800, 2_500]))
        return AccessPattern(
            id: 0, description: description, entities: entities, type: type, equalityAttributes: equality, sort: SortAnswer.none,
            filterAttributes: random.chance(15) ? ["amount"] : [], expectedItems: .known(ItemCount(average: 1, maximum: 1)),
            peakRPS: .known(peak), averageRPS: .known((peak * Double(random.int(10...60)) / 100).rounded(.up)),
            consistency: type == .read ? .eventual : .strong, latency: "none", attributes: attributes, confirmedNotSearch: true)
    }
}

// MARK: - Measuring

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// The value at `fraction` of the sorted samples (nearest rank).
func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}

func milliseconds(_ value: Double) -> String {
    String(format: "%.2f", value * 1_000)
}

/// Milliseconds for a fixed CPU-bound loop: on a shared machine, a speed check to run before and
/// after the measurement (the figures only compare when it reads about the same).
func speedCheck() -> Double {
    var generator = SeededGenerator(seed: 1)
    var sum: UInt64 = 0
    let start = ContinuousClock.now
    for _ in 0..<20_000_000 { sum &+= generator.next() >> 60 }
    let elapsed = seconds(ContinuousClock.now - start)
    if sum == 42 { print("") }  // keeps the loop from being optimized away
    return elapsed
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

var runs = 30
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--runs":
        guard let value = arguments.next().flatMap({ Int($0) }), value > 0 else { fail("--runs needs a positive number") }
        runs = value
    default: fail("usage: ddbmodel-design-bench [--runs N]")
    }
}

let requirements: Requirements
let choices: DesignChoices
do {
    var generator = SessionGenerator()
    (requirements, choices) = try generator.session()
} catch {
    fail("the generated session was refused: \(error)")
}

let speedBefore = speedCheck()
// Warm-up, and the figures that describe the model. What the tool shows is the proven design:
// the engine's model executed on the in-memory DynamoDB (ModelProof), then rendered.
var model = ModelProof.prove(DesignEngine.design(requirements, choices: choices), requirements: requirements)
var document = DataModelDocument.renderUTF8(model, requirements: requirements)

var total: [Double] = []
var designTimes: [Double] = []
var proofTimes: [Double] = []
var renderTimes: [Double] = []
let clock = ContinuousClock()
for _ in 0..<runs {
    let start = clock.now
    let designedModel = DesignEngine.design(requirements, choices: choices)
    let designed = clock.now
    model = ModelProof.prove(designedModel, requirements: requirements)
    let proven = clock.now
    document = DataModelDocument.renderUTF8(model, requirements: requirements)
    let end = clock.now
    designTimes.append(seconds(designed - start))
    proofTimes.append(seconds(proven - designed))
    renderTimes.append(seconds(end - proven))
    total.append(seconds(end - start))
}

let indexes = model.tables.reduce(0) { $0 + $1.indexes.count }
let lookups = model.tables.filter { $0.lookup != nil }.count
let served = model.mappings.filter { $0.status == .served || $0.status == .acceptedScan }.count
func line(_ label: String, _ values: [Double]) -> String {
    "\(label): median \(milliseconds(percentile(values, 0.5))) ms, p90 \(milliseconds(percentile(values, 0.9))) ms, min \(milliseconds(values.min() ?? 0)) ms"
}
print("session: \(requirements.entities.count) entities, \(requirements.relationships.count) relationships, \(requirements.accessPatterns.count) access patterns")
print("model: \(model.tables.count) tables (\(lookups) lookup tables), \(indexes) indexes, \(served) patterns served, \(model.decisions.count) decisions, \(model.warnings.count) warnings")
print("document: \(document.count) bytes (\(String(format: "%.2f", Double(document.count) / 1_000_000)) MB)")
print("runs: \(runs) after 1 warm-up; speed check (fixed loop) \(milliseconds(speedBefore)) ms before, \(milliseconds(speedCheck())) ms after")
if let proof = model.proof {
    print("proof: \(proof.executed) served patterns executed on the in-memory DynamoDB, \(proof.passed) passed")
}
print(line("design + proof + render", total))
print(line("design", designTimes))
print(line("proof", proofTimes))
print(line("render", renderTimes))
