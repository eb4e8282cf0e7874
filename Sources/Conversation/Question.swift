import DesignEngine
import ModelExecution
import Requirements

/// The words of each question, and the current answer shown in brackets when there is one
/// (pressing Enter keeps it).
public struct Question: Sendable, Equatable {
    public let text: String
    /// The current value, offered as the answer to keep; nil when nothing is captured yet.
    public let currentAnswer: String?

    /// The question for a step, given what the session holds; design steps read the model (and
    /// the contract) from `design`, which designs only when the inputs changed.
    static func forStep(_ step: Step, in state: SessionState, design: DesignCache, sessionPath: String?) -> Question {
        let requirements = state.requirements
        let overview = requirements.overview
        switch step {
        case .overviewDomain:
            return Question(text: "What is the application's domain? (for example e-commerce, SaaS, social media)",
                            currentAnswer: overview.domain)
        case .overviewContext:
            return Question(text: "Describe the business context and the critical rules the data must respect (for example \"orders are never lost; emails are unique\").",
                            currentAnswer: overview.businessContext)
        case .overviewUsers:
            return Question(text: "How many users do you expect? (a number such as 50k, or unknown)",
                            currentAnswer: overview.expectedUsers?.description)
        case .overviewPeak:
            return Question(text: "What is the total peak load, in requests per second across the application? (a number, or unknown)",
                            currentAnswer: overview.peakRequestsPerSecond?.description)
        case .entityName:
            let count = requirements.entities.count
            return Question(text: count == 0
                ? "Name the first entity (a business object such as User or Order)."
                : "Name the next entity, or type done (\(count) so far: \(requirements.entities.map(\.name).joined(separator: ", "))).",
                currentAnswer: nil)
        case .entityAttributes(let name):
            let entity = requirements.entity(named: name)
            let current = entity.flatMap { $0.attributes.isEmpty ? nil : Self.attributeList($0.attributes) }
            return Question(text: "Attributes of \(name), as name:type[:typical size in bytes], separated by commas (types: \(AttributeType.acceptedNames)). Example: user_id:string:36, email:string:40, created_at:datetime",
                            currentAnswer: current)
        case .entityIdentifier(let name):
            let entity = requirements.entity(named: name)
            return Question(text: "Which attribute identifies one \(name)? (tenant_id+user_id for a composite identifier)",
                            currentAnswer: entity.flatMap { $0.identifier.isEmpty ? nil : $0.identifier.joined(separator: "+") })
        case .entityUniques(let name):
            let entity = requirements.entity(named: name)
            let current = entity.flatMap { $0.uniqueGroups.isEmpty ? nil : $0.uniqueGroups.map { $0.joined(separator: "+") }.joined(separator: ", ") }
            return Question(text: "Which other attributes of \(name) must be unique? (comma separated, a+b for a composite, or none)",
                            currentAnswer: current)
        case .entityOwner(let name):
            return Question(text: "Which service or team owns \(name)? (optional: press Enter to skip)",
                            currentAnswer: requirements.entity(named: name)?.owner)
        case .entityRetention(let name):
            let entity = requirements.entity(named: name)
            let candidates = entity?.retentionStartCandidates ?? []
            return Question(text: "How long are \(name) items kept? Press Enter or type forever to keep them until deleted, or give a period such as 30 days from \(candidates.first ?? "created_at") (counted from one of: \(candidates.joined(separator: ", "))); add \", then archived\" to copy expired items to an archive. A period becomes a TTL: DynamoDB deletes expired items for free.",
                            currentAnswer: entity?.retention?.text)
        case .entityReview(let name):
            return Question(text: requirements.entity(named: name).map(Self.reviewText) ?? "", currentAnswer: nil)
        case .patternProposal:
            return Question(text: ProposalReviewText.render(state.pendingProposals ?? []), currentAnswer: nil)
        case .relationshipPair:
            let count = requirements.relationships.count
            return Question(text: "Describe a relationship as Parent -> Child (one-to-many) or A <-> B (many-to-many), or type done\(count > 0 ? " (\(count) so far)" : "").",
                            currentAnswer: nil)
        case .relationshipCardinality(let parent, let child):
            let current = requirements.relationship(parent: parent, child: child)?.cardinality.map(Self.cardinalityText)
            return Question(text: "How many \(child) per \(parent)? Give the average and the maximum, as \"avg 5 max 1000\" (or max unbounded), or unknown.",
                            currentAnswer: current)
        case .relationshipIndependence(let parent, let child):
            let current = requirements.relationship(parent: parent, child: child)?.childExistsWithoutParent.map { $0 ? "yes" : "no" }
            return Question(text: "Can a \(child) exist without its \(parent)? (yes/no)", currentAnswer: current)
        case .patternDescription:
            let number = requirements.nextPatternID
            return Question(text: "Describe access pattern \(number) (for example \"Get a user's orders, newest first\"), or type done when every pattern is captured.",
                            currentAnswer: nil)
        case .patternField(let id, let field):
            return patternQuestion(field, pattern: requirements.pattern(id), requirements: requirements)
        case .gapReview(let gapID):
            return gapQuestion(gapID, requirements: requirements)
        case .requirementsGate:
            return Question(text: RequirementsGateText.render(state), currentAnswer: nil)
        case .requirementsConfirmed:
            return Question(text: "The requirements gate was passed (\(state.gates.requirements.passedAt ?? "")). Change anything with /edit, /entity, /relationship or /pattern (that re-opens the gate), /show to review, or /quit.",
                            currentAnswer: nil)
        case .designReview, .designGate, .designConfirmed, .designChangeConfirmation, .contractGate, .contractApproved:
            return designQuestion(step, in: state, design: design, sessionPath: sessionPath)
        }
    }

    /// The design stage's questions, built from the model (and, at the contract gate, the
    /// contract) the conversation designed once for the session's current inputs.
    static func designQuestion(_ step: Step, in state: SessionState, design: DesignCache, sessionPath: String?) -> Question {
        let model = design.model(for: state.requirements, choices: state.designChoices)
        switch step {
        case .contractGate, .contractApproved:
            return ContractGateText.question(step, in: state, model: model,
                                             contract: design.contract(for: state.requirements, choices: state.designChoices), sessionPath: sessionPath)
        case .designReview(let tableID):
            guard let position = model.tables.firstIndex(where: { $0.id == tableID }) else {
                return Question(text: "That table is no longer in the model. Press Enter to continue.", currentAnswer: nil)
            }
            let table = model.tables[position]
            let review = DesignReviewText.table(table, position: position + 1, of: model.tables.count, model: model, state: state)
            return Question(text: review + "\n" + DesignReviewText.confirmPrompt(table), currentAnswer: "yes")
        case .designGate:
            return Question(text: DesignGateText.render(state, model: model), currentAnswer: nil)
        case .designChangeConfirmation:
            guard let pending = state.pendingDesignChange else {
                return Question(text: "No change is waiting. Press Enter to continue.", currentAnswer: nil)
            }
            var lines = pending.summary
            lines.append("This change breaks \(pending.brokenPatterns.count == 1 ? "a pattern" : "\(pending.brokenPatterns.count) patterns") that the model serves now:")
            lines.append(contentsOf: pending.brokenPatterns.map { "  ⚠️ \($0)" })
            lines.append("Keep the change anyway? Type yes to keep it (the design gate will refuse approval until the pattern is fixed); anything else reverts it.")
            return Question(text: lines.joined(separator: "\n"), currentAnswer: nil)
        default:
            return Question(text: "The data model was approved (\(state.gates.design.passedAt ?? "")). Change it with a design command (that re-opens the design gate), review it with /show model or /show table NAME, or /quit; the contract stage comes next.",
                            currentAnswer: nil)
        }
    }

    static func patternQuestion(_ field: PatternField, pattern: AccessPattern?, requirements: Requirements) -> Question {
        let id = pattern?.id ?? 0
        let attributes = requirements.attributeNames(of: pattern?.entities ?? [])
        let attributeHint = attributes.isEmpty ? "" : " (attributes: \(attributes.joined(separator: ", ")))"
        let isWrite = pattern?.type?.isWrite == true
        switch field {
        case .entities:
            return Question(text: "Which entities does pattern \(id) involve? (comma separated; known: \(requirements.entities.map(\.name).joined(separator: ", ")))",
                            currentAnswer: pattern.flatMap { $0.entities.isEmpty ? nil : $0.entities.joined(separator: ", ") })
        case .type:
            return Question(text: "What type is pattern \(id)? (read, write, update, delete, search)",
                            currentAnswer: pattern?.type?.rawValue)
        case .equality:
            return Question(text: "Which attributes does pattern \(id) look up by equality? (comma separated, or none)\(attributeHint)",
                            currentAnswer: pattern?.equalityAttributes.map(Self.listOrNone))
        case .sort:
            return Question(text: "Does pattern \(id) need a range or sort order? (an attribute and asc/desc, such as \"created_at desc\", or none)",
                            currentAnswer: pattern?.sort.map(Self.sortText))
        case .filters:
            return Question(text: "Which attributes does pattern \(id) filter on after the lookup? (comma separated, or none)",
                            currentAnswer: pattern?.filterAttributes.map(Self.listOrNone))
        case .items:
            return Question(text: "How many items does one request of pattern \(id) \(isWrite ? "touch" : "return")? (a number, \"avg 20 max 100\", or unknown)",
                            currentAnswer: pattern?.expectedItems.map(Self.itemCountText))
        case .peak:
            return Question(text: "Peak requests per second for pattern \(id)? (a number, or unknown: the pattern then stays pending and blocks the gate)",
                            currentAnswer: pattern?.peakRPS?.description)
        case .average:
            return Question(text: "Average requests per second for pattern \(id)? (a number, or unknown)",
                            currentAnswer: pattern?.averageRPS?.description)
        case .consistency:
            return Question(text: "Does pattern \(id) need strongly consistent reads, or is eventual consistency enough? (eventual or strong)",
                            currentAnswer: pattern?.consistency?.rawValue)
        case .latency:
            return Question(text: "Latency requirement for pattern \(id)? (such as <50ms p99, or none)",
                            currentAnswer: pattern?.latency)
        case .attributes:
            return Question(text: isWrite
                ? "Which attributes does pattern \(id) write? (comma separated, or all)\(attributeHint)"
                : "Which attributes does pattern \(id) need in the result? (comma separated, or all)\(attributeHint)",
                currentAnswer: pattern?.attributes.map(Self.selectionText))
        }
    }

    static func gapQuestion(_ gapID: String, requirements: Requirements) -> Question {
        guard let gap = GapFinder.gaps(in: requirements).first(where: { $0.id == gapID }) else {
            return Question(text: "That gap is resolved. Press Enter to continue.", currentAnswer: nil)
        }
        let options: String
        switch gap.kind {
        case .searchNotMarked:
            options = "Does it need a search service? (yes: mark it as a search pattern; no: it is a plain lookup; later)"
        case .aggregationNotStated:
            options = "What does it compute? (count, sum ATTRIBUTE, avg ATTRIBUTE, min ATTRIBUTE or max ATTRIBUTE, optionally per hour, day or month, then \", analytics only\" for reports an export serves; no if it does not aggregate; or later)"
        case .patternMissingRPS:
            let pattern = GapText.patternID(gapID).flatMap { requirements.pattern($0) }
            let which = pattern?.peakRPS?.value == nil ? "Peak" : "Average"
            options = "\(which) requests per second for pattern \(pattern?.id ?? 0)? (a number, unknown, or later)"
        case .relationshipWithoutCardinality:
            options = "Give it as \"avg 5 max 1000\" (or max unbounded), unknown, or later."
        case .incompletePattern:
            options = "Complete it now? (yes, or later)"
        case .entityNeverCreated, .entityNeverRead, .entityWithoutPatterns, .lookupNotMaintained, .sourceIndexWithoutPattern, .fullTextWithoutSearch:
            options = "Add the missing pattern now? (yes, later, or accept REASON if it is handled outside this application)"
        }
        return Question(text: "\(gap.message)\n\(options)", currentAnswer: nil)
    }

    /// An imported entity as the review shows it: each attribute with its MySQL type, what it
    /// becomes, its size, and the marks the user set.
    static func reviewText(_ entity: Entity) -> String {
        var lines = ["Review \(entity.name)\(entity.sourceTable.map { " (table \($0))" } ?? ""):"]
        for attribute in entity.attributes {
            var line = "  \(attribute.name): \(attribute.source?.mysqlType ?? "?") → \(attribute.type.rawValue)"
            line += attribute.typicalSizeBytes.map { ", \($0) B" } ?? ", size unknown"
            if entity.identifier.contains(attribute.name) { line += ", identifier" }
            if attribute.isSensitive == true { line += ", sensitive" }
            if let reason = attribute.excludedReason { line += ", NOT MIGRATED (\(reason))" }
            lines.append(line)
        }
        let uniques = entity.uniqueGroups.map { $0.joined(separator: "+") }
        lines.append("  identifier: \(entity.identifier.isEmpty ? "none (set one with /edit entity \(entity.name) identifier=...)" : entity.identifier.joined(separator: "+")); unique: \(uniques.isEmpty ? "none" : uniques.joined(separator: ", "))")
        for index in entity.sourceIndexes ?? [] {
            lines.append("  \(index.kind == .fulltext ? "FULLTEXT index" : "index") on (\(index.attributes.joined(separator: ", ")))")
        }
        lines.append(Conversation.reviewUsage)
        return lines.joined(separator: "\n")
    }

    // MARK: Answer texts, in the same syntax the questions accept

    static func attributeList(_ attributes: [Attribute]) -> String {
        attributes.map { attribute in
            "\(attribute.name):\(attribute.type.rawValue)" + (attribute.typicalSizeBytes.map { ":\($0)" } ?? "")
        }.joined(separator: ", ")
    }

    static func listOrNone(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    static func sortText(_ sort: SortAnswer) -> String {
        switch sort {
        case .none: return "none"
        case .attribute(let requirement): return "\(requirement.attribute) \(requirement.direction.rawValue)"
        }
    }

    static func cardinalityText(_ answer: CardinalityAnswer) -> String {
        switch answer {
        case .unknown: return "unknown"
        case .known(let cardinality):
            return "avg \(NumberFormatting.plain(cardinality.average)) max \(cardinality.maximum.map(String.init) ?? "unbounded")"
        }
    }

    static func itemCountText(_ answer: ItemCountAnswer) -> String {
        switch answer {
        case .unknown: return "unknown"
        case .known(let count):
            if let maximum = count.maximum, Double(maximum) == count.average { return String(maximum) }
            return "avg \(NumberFormatting.plain(count.average)) max \(count.maximum.map(String.init) ?? "unbounded")"
        }
    }

    static func selectionText(_ selection: AttributeSelection) -> String {
        switch selection {
        case .all: return "all"
        case .only(let names): return names.joined(separator: ", ")
        }
    }
}
