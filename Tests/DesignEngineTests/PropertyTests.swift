import DataModelDocument
import DesignEngine
import Foundation
import Requirements
import Testing
import TestSupport

/// Properties of the engine checked over many generated requirement sets (issue 4, "Tests"): what
/// must hold for any input, not just the worked scenarios. Each failure names the generator seed,
/// so `RequirementsGenerator(seed:)` rebuilds the exact input.
@Suite struct PropertyTests {
    static let caseCount = 300
    static let firstSeed: UInt64 = 0xDDB0_0004_0000_0000

    struct Designed: Sendable {
        var generated: GeneratedCase
        var model: DataModel

        var requirements: Requirements { generated.requirements }
        var label: String { "seed \(String(generated.seed, radix: 16))" }

        func pattern(_ id: Int) -> AccessPattern? { requirements.pattern(id) }
    }

    /// The generated sets, designed once and shared by every property (tests run in parallel).
    static let designed: Result<[Designed], any Error> = Result {
        try (0..<UInt64(caseCount)).map { offset in
            var generator = RequirementsGenerator(seed: firstSeed + offset)
            let generated = try generator.generate()
            return Designed(generated: generated, model: DesignEngine.design(generated.requirements, choices: generated.choices))
        }
    }

    static func cases() throws -> [Designed] { try designed.get() }

    // MARK: Serving patterns

    /// Every complete, non-search read with at least one equality attribute is served without a
    /// Scan; the only exceptions are the documented ones, each with its reason: a strongly
    /// consistent read only a GSI could serve, more than 4 equality attributes, a read of a
    /// child the user chose to embed in its parent that does not know the parent, a lookup by a
    /// document, list or set (no key can hold one), a parent's attribute the child does not
    /// carry until the copy is accepted, and a table already at 20 GSIs.
    @Test func everyReadWithAnEqualityAttributeIsServedWithoutAScan() throws {
        var served = 0
        var documented = 0
        for item in try Self.cases() {
            for pattern in item.requirements.accessPatterns where pattern.type == .read && !(pattern.equalityAttributes ?? []).isEmpty {
                let mapping = try #require(item.model.mapping(for: pattern.id), "\(item.label): no mapping for #\(pattern.id)")
                #expect(mapping.operation != .scan, "\(item.label) #\(pattern.id)")
                switch mapping.status {
                case .served:
                    served += 1
                    #expect(mapping.operation.map { [.getItem, .batchGetItem, .query].contains($0) } == true, "\(item.label) #\(pattern.id): \(String(describing: mapping.operation))")
                case .unserved(let reason):
                    documented += 1
                    let equality = pattern.equalityAttributes ?? []
                    let allowed = !pattern.hasRPS && reason.contains("incomplete")
                        || pattern.consistency == .strong && reason.contains("GSIs are eventually consistent")
                        || equality.count > 4 && reason.contains("at most 4 partition-key attributes")
                        || item.generated.choices.proposals["aggregate:\(pattern.entities[0])"] == true && reason.contains("is embedded in")
                        || reason.contains("a key (table or index) can only be a string, a number or binary")
                        || reason.contains("items do not carry. Accept the copy (`/accept denormalize:")
                        || reason.contains("already has 20 GSIs, DynamoDB's limit per table")
                    #expect(allowed, "\(item.label) #\(pattern.id) (\(pattern.description), equality \(equality), \(pattern.consistency?.rawValue ?? "-")) is unserved: \(reason)")
                case .acceptedScan, .searchService, .expiresByTTL, .analyticsExport:
                    Issue.record("\(item.label) #\(pattern.id): unexpected status \(mapping.status)")
                }
            }
        }
        // The generator must exercise both sides.
        #expect(served > 1_000)
        #expect(documented > 10)
    }

    /// A Scan is planned only for a pattern whose Scan the user accepted; a read without an
    /// equality attribute is otherwise unserved, and says how to accept it.
    @Test func aScanIsPlannedOnlyWhenAccepted() throws {
        var accepted = 0
        var refused = 0
        for item in try Self.cases() {
            for mapping in item.model.mappings {
                let isAccepted = item.generated.choices.isScanAccepted(for: mapping.patternID)
                if mapping.operation == .scan {
                    #expect(isAccepted, "\(item.label) #\(mapping.patternID): Scan without acceptance")
                    #expect(mapping.status == .acceptedScan, "\(item.label) #\(mapping.patternID)")
                    accepted += 1
                }
                guard let pattern = item.pattern(mapping.patternID), pattern.type == .read, pattern.hasRPS,
                      pattern.equalityAttributes?.isEmpty == true else { continue }
                if isAccepted {
                    #expect(mapping.operation == .scan, "\(item.label) #\(mapping.patternID)")
                } else if case .unserved(let reason) = mapping.status {
                    refused += 1
                    #expect(reason.contains("/accept-scan \(mapping.patternID)"), "\(item.label) #\(mapping.patternID): \(reason)")
                } else {
                    Issue.record("\(item.label) #\(mapping.patternID): a read without equality attributes is \(mapping.status)")
                }
            }
        }
        #expect(accepted > 10)
        #expect(refused > 10)
    }

    /// Every pattern has exactly one mapping, in pattern order.
    @Test func everyPatternHasOneMappingInOrder() throws {
        for item in try Self.cases() {
            #expect(item.model.mappings.map(\.patternID) == item.requirements.accessPatterns.map(\.id), "\(item.label)")
        }
    }

    /// GSIs are eventually consistent only: no strongly consistent read is planned on one.
    @Test func noStronglyConsistentReadOnAGSI() throws {
        var indexReads = 0
        for item in try Self.cases() {
            for mapping in item.model.mappings {
                guard let indexName = mapping.indexID, let tableID = mapping.tableID else { continue }
                let index = try #require(item.model.table(id: tableID)?.index(id: indexName), "\(item.label) #\(mapping.patternID): no index \(indexName)")
                indexReads += 1
                if index.kind == .global {
                    #expect(item.pattern(mapping.patternID)?.consistency != .strong, "\(item.label) #\(mapping.patternID) reads \(indexName) strongly")
                    #expect(mapping.consistency != .strong, "\(item.label) #\(mapping.patternID)")
                }
            }
        }
        #expect(indexReads > 300)
    }

    // MARK: Unique constraints

    /// Every unique attribute group the item's key does not enforce has a lookup table (a group
    /// holding the whole key, or one that became the key, needs none), and every create of its entity is a
    /// `TransactWriteItems` that writes the lookup item; a group holding a document, list or set
    /// (no key can) is recorded as not enforced instead.
    @Test func everyUniqueGroupHasALookupTableWrittenByEveryCreate() throws {
        var groups = 0
        var creates = 0
        var unenforceable = 0
        var keyed = 0
        for item in try Self.cases() {
            for entity in item.requirements.entities {
                for group in entity.uniqueGroups {
                    if group.contains(where: { name in entity.attribute(named: name).map { !ItemSizer.dynamoDBType(of: $0).hasKeyForm } ?? false }) {
                        unenforceable += 1
                        #expect(item.model.tables.allSatisfy { $0.lookup?.entity != entity.name || $0.lookup?.attributes != group }, "\(item.label) \(entity.name).\(group)")
                        #expect(item.model.decisions.contains { $0.chosenApproach.hasPrefix("Not enforced by DynamoDB") && $0.subject.contains(entity.name) },
                                "\(item.label): \(entity.name).\(group) is not recorded as not enforced")
                        continue
                    }
                    // A group the item's key enforces, or that became the key, needs no lookup table.
                    if item.model.decisions.contains(where: { $0.id == "unique-key:\(entity.name)" || ($0.id == "unique:\(entity.name).\(group.joined(separator: "+"))" && $0.chosenApproach.hasPrefix("Enforced by the primary key")) }) {
                        keyed += 1
                        continue
                    }
                    groups += 1
                    let lookup = item.model.tables.first { $0.lookup?.entity == entity.name && $0.lookup?.attributes == group }
                    guard let lookup else {
                        Issue.record("\(item.label): no lookup table for \(entity.name).\(group)")
                        continue
                    }
                    #expect(lookup.partitionKey.composedOf ?? [lookup.partitionKey.name] == group, "\(item.label) \(lookup.name)")
                    #expect(lookup.lookup?.createTransaction.map(\.action) == [.put, .put], "\(item.label) \(lookup.name)")
                    for pattern in item.requirements.accessPatterns where pattern.type == .write && pattern.entities.first == entity.name && pattern.hasRPS {
                        creates += 1
                        let mapping = try #require(item.model.mapping(for: pattern.id))
                        // A create that cannot be served says why (children it cannot write, say).
                        if case .unserved(let reason) = mapping.status {
                            #expect(!reason.isEmpty)
                            continue
                        }
                        #expect(mapping.operation == .transactWriteItems, "\(item.label) #\(pattern.id) creates \(entity.name)")
                        #expect(mapping.indexWriteUnits.contains { $0.tableID == lookup.id && ($0.writeUnits ?? 0) >= 2 }, "\(item.label) #\(pattern.id) does not write \(lookup.name)")
                    }
                }
            }
        }
        #expect(groups > 50)
        #expect(creates > 50)
        #expect(unenforceable > 0)
        #expect(keyed > 0)
    }

    // MARK: Limits and names

    /// Never more than 20 GSIs per table: a read that would need a 21st is unserved with the
    /// limit as its reason. LSIs over 5 are flagged.
    @Test func indexCountsStayWithinLimits() throws {
        var refusedAtTheLimit = 0
        for item in try Self.cases() {
            for table in item.model.tables {
                let flagged = item.model.warnings.filter { $0.kind == .limitViolation && $0.tableID == table.id }.map(\.reason)
                let gsis = table.indexes.filter { $0.kind == .global }.count
                let lsis = table.indexes.filter { $0.kind == .local }.count
                #expect(gsis <= 20, "\(item.label) \(table.name): \(gsis) GSIs")
                #expect(lsis <= 5, "\(item.label) \(table.name): \(lsis) LSIs")
                if lsis > 5 { #expect(flagged.contains { $0.contains("\(lsis) LSIs") }, "\(item.label) \(table.name): \(lsis) LSIs unflagged") }
            }
            for mapping in item.model.mappings {
                if case .unserved(let reason) = mapping.status, reason.contains("already has 20 GSIs") { refusedAtTheLimit += 1 }
            }
        }
        // Wide entities reach the limit now and then.
        #expect(refusedAtTheLimit > 0)
    }

    /// Table and index names follow DynamoDB's rules (3–255 characters of `[A-Za-z0-9_.-]`), table
    /// names are distinct, and index names are distinct within their table.
    @Test func namesFollowDynamoDBRules() throws {
        for item in try Self.cases() {
            for table in item.model.tables {
                #expect(Self.isValidName(table.name), "\(item.label): table name \(table.name)")
                for index in table.indexes { #expect(Self.isValidName(index.name), "\(item.label): index name \(index.name) on \(table.name)") }
                #expect(Set(table.indexes.map(\.name)).count == table.indexes.count, "\(item.label): repeated index names on \(table.name)")
            }
            let names = item.model.tables.map(\.name)
            #expect(Set(names).count == names.count, "\(item.label): repeated table names \(names)")
            #expect(Set(item.model.tables.map(\.id)).count == names.count, "\(item.label): repeated table ids")
        }
    }

    static func isValidName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        return (3...255).contains(scalars.count) && scalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar)
        }
    }

    /// Key attributes (table keys and index keys) are S, N or B.
    @Test func keyAttributeTypesAreStringNumberOrBinary() throws {
        for item in try Self.cases() {
            for table in item.model.tables {
                let keys = [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap { $0.partitionKey + $0.sortKey }
                for key in keys {
                    #expect(["S", "N", "B"].contains(key.dynamoDBType.rawValue), "\(item.label) \(table.name): key \(key.name) is \(key.dynamoDBType.rawValue)")
                }
            }
        }
    }

    /// An attribute that is a key of the table or of one of its indexes is stored with the key's
    /// type, by every entity whose items the table holds: DynamoDB rejects an item whose
    /// index-key attribute has another type, and a boolean key must be stored as N or S
    /// (docs/design-engine.md, "Types").
    @Test func keyAttributesAreStoredWithTheirKeyType() throws {
        var mismatches: [String] = []
        for item in try Self.cases() {
            for table in item.model.tables where table.lookup == nil {
                let keys = [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap { $0.partitionKey + $0.sortKey }
                for key in keys where key.composedOf == nil {
                    if let attribute = table.attribute(named: key.name), attribute.dynamoDBType != key.dynamoDBType {
                        mismatches.append("\(item.label) \(table.name).\(key.name): listed as \(attribute.dynamoDBType.rawValue), key type \(key.dynamoDBType.rawValue)")
                    }
                    for entityName in table.entities {
                        guard let attribute = item.requirements.entity(named: entityName)?.attribute(named: key.name),
                              ItemSizer.keyType(of: attribute) != key.dynamoDBType else { continue }
                        mismatches.append("\(item.label) \(table.name).\(key.name): \(entityName) items store it as \(attribute.type.rawValue), key type \(key.dynamoDBType.rawValue)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5).joined(separator: "; "))")
    }

    /// Every index whose partition key takes under 100 values (a flag, a small enum, or a product
    /// of such attributes) is flagged as a low-cardinality key (docs/design-engine.md, "Cost, limits and warnings").
    @Test func lowCardinalityIndexKeysAreFlagged() throws {
        var flagged = 0
        for item in try Self.cases() {
            for table in item.model.tables {
                for index in table.indexes {
                    var product = 1
                    var allFew = true
                    for key in index.partitionKey {
                        guard case .fewValues(let count, _) = key.distribution else { allFew = false; break }
                        product = product.multipliedReportingOverflow(by: count).overflow ? Int.max : product * count
                    }
                    guard allFew, product < 100 else { continue }
                    flagged += 1
                    let named = item.model.warnings.contains {
                        $0.kind == .lowCardinalityKey && $0.tableID == table.id && $0.reason.contains("Index \(index.name) on \(table.name)")
                    }
                    #expect(named, "\(item.label): index \(index.name) on \(table.name) has \(product) partition-key values and no warning")
                }
            }
        }
        #expect(flagged > 10)
    }

    // MARK: Determinism

    /// The same input gives an equal model and a byte-identical document, also after the
    /// requirements go through `session.json`'s coding.
    @Test func designAndDocumentAreDeterministic() throws {
        for item in try Self.cases().prefix(120) {
            let again = DesignEngine.design(item.requirements, choices: item.generated.choices)
            #expect(again == item.model, "\(item.label): designing twice differs")
            let decoded = try JSONDecoder().decode(Requirements.self, from: JSONEncoder().encode(item.requirements))
            #expect(DesignEngine.design(decoded, choices: item.generated.choices) == item.model, "\(item.label): differs after a JSON round trip")
            let first = DataModelDocument.render(item.model, requirements: item.requirements)
            let second = DataModelDocument.render(again, requirements: item.requirements)
            #expect(first == second, "\(item.label): the document differs")
            #expect(!first.isEmpty)
        }
    }

    /// Design decisions have distinct ids: the design gate's `accept`/`reject` commands and the
    /// document name them.
    @Test func decisionIDsAreDistinct() throws {
        for item in try Self.cases() {
            var seen = Set<String>()
            let repeated = item.model.decisions.map(\.id).filter { !seen.insert($0).inserted }
            #expect(repeated.isEmpty, "\(item.label): repeated decision ids \(repeated)")
        }
    }

    // MARK: Cost

    /// The cost lines add up to the mappings: reads and writes (GSI and lookup writes included)
    /// of every served pattern at average RPS over a 2,628,000-second month, and nothing else.
    @Test func costLinesAddUpToTheServedPatterns() throws {
        for item in try Self.cases() {
            let seconds = item.model.cost.prices.secondsPerMonth
            var reads = 0.0
            var writes = 0.0
            for mapping in item.model.mappings where mapping.status == .served || mapping.status == .acceptedScan {
                let average = item.pattern(mapping.patternID)?.averageRPS?.value ?? 0
                // Unknown parts (an unknown item count) are left out of both sides: the lines list them as incomplete.
                let knownReads = (mapping.targetReadUnitsPerRequest ?? 0) + mapping.readUnitsElsewhere.reduce(0) { $0 + ($1.readUnits ?? 0) }
                let knownWrites = (mapping.operation?.isRead == true ? 0 : (mapping.writeUnitsPerRequest ?? 0)) + mapping.indexWriteUnits.reduce(0) { $0 + ($1.writeUnits ?? 0) }
                reads += average * knownReads * seconds
                writes += average * knownWrites * seconds
            }
            let lineReads = item.model.cost.lines.reduce(0) { $0 + $1.readUnitsPerMonth }
            let lineWrites = item.model.cost.lines.reduce(0) { $0 + $1.writeUnitsPerMonth }
            #expect(abs(lineReads - reads) <= 1e-6 * max(1, reads), "\(item.label): reads \(lineReads) vs \(reads)")
            #expect(abs(lineWrites - writes) <= 1e-6 * max(1, writes), "\(item.label): writes \(lineWrites) vs \(writes)")
            for line in item.model.cost.lines {
                let prices = item.model.cost.prices.prices(for: line.tableClass)
                #expect(abs(line.readCost - line.readUnitsPerMonth / 1e6 * prices.readRequestPerMillion) <= 1e-9 * max(1, line.readCost))
                #expect(abs(line.writeCost - line.writeUnitsPerMonth / 1e6 * prices.writeRequestPerMillion) <= 1e-9 * max(1, line.writeCost))
            }
        }
    }
}
