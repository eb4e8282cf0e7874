import DesignEngine
import Foundation
import Requirements
import SQLStatements

/// The guided requirements flow as a state machine: one line in, a reply out, no I/O.
///
/// Every line is either an answer to the pending question or a `/command`. Answers are parsed by
/// the same parsers as the one-line commands and the YAML loader. The session file holds the whole
/// state, so replaying a transcript reproduces a session exactly.
public struct Conversation: Sendable {
    public internal(set) var state: SessionState
    /// Supplies the time recorded when a gate is passed (ISO-8601, UTC); injected for tests.
    let clock: @Sendable () -> String
    /// Reads the files named in `/import schema`; nil where importing is not offered.
    let schemaReader: (any SchemaFileReading)?
    /// Reads query logs, capture output and live servers for `/import mysql|log|capture`; nil
    /// where importing traffic is not offered.
    let trafficReader: (any TrafficReading)?
    /// Reads one measured statement (the DML parser); injected so tests can hand in readings.
    let statementReader: @Sendable (String) -> StatementReading
    /// Runs `/validate` against an endpoint; nil where validating is not offered.
    let modelValidator: (any ModelValidating)?
    /// The model of the design stage, designed again only when its inputs change.
    let designCache = DesignCache()
    /// The session folder as the user would type it (`Sessions/shop`), for the shell commands the
    /// conversation suggests; nil where there is no folder (tests, benchmarks).
    let sessionPath: String?

    /// How many earlier steps `/back` can return through (keeps `session.json` small).
    static let backHistoryLimit = 100

    public init(state: SessionState, clock: @escaping @Sendable () -> String, schemaReader: (any SchemaFileReading)? = nil,
                modelValidator: (any ModelValidating)? = nil, sessionPath: String? = nil, trafficReader: (any TrafficReading)? = nil,
                statementReader: @escaping @Sendable (String) -> StatementReading = DMLParser.read) {
        self.trafficReader = trafficReader
        self.statementReader = statementReader
        self.modelValidator = modelValidator
        self.sessionPath = sessionPath
        self.state = state
        self.clock = clock
        self.schemaReader = schemaReader
        settle()
    }

    /// The pending question.
    public var question: Question {
        Question.forStep(state.step, in: state, design: designCache, sessionPath: sessionPath)
    }

    /// Handles one line the user typed.
    public mutating func handle(_ line: String) -> ConversationReply {
        // Every answer and every command passes here first: nothing typed with a control
        // character or an escape sequence is echoed, parsed or saved.
        do throws(RequirementsError) {
            try FreeText.check(line.trimmingWhitespace, what: "The line", limit: FreeText.lineLimit)
        } catch {
            return ConversationReply(messages: [error.message])
        }
        let before = state
        var reply: ConversationReply
        let input = line.trimmingWhitespace
        if input.hasPrefix("/") {
            reply = runCommand(input)
        } else {
            reply = ConversationReply()
            do throws(RequirementsError) {
                reply.messages = try answer(input)
            } catch {
                reply.messages = [error.message]
            }
        }
        if state.requirements != before.requirements, before.gates.requirements.isPassed {
            state.gates.reopenFromRequirements()
            let kept = state.designChoices.modelChoices == DesignChoices() ? "" : " Your design choices are kept: they apply again when the model is redesigned after the gate."
            reply.messages.append("The requirements changed, so the requirements gate is open again (and the design and contract gates after it).\(kept)")
        } else if before.gates.design.isPassed, state.designChoices.modelChoices != before.designChoices.modelChoices {
            state.gates.reopenFromDesign()
            reply.messages.append("The data model changed after its approval, so the design gate is open again (and the contract gate after it).")
        }
        settle()
        reply.changed = state != before
        return reply
    }

    // MARK: Answers

    mutating func answer(_ input: String) throws(RequirementsError) -> [String] {
        let question = question
        var text = input
        if text.isEmpty, let current = question.currentAnswer { text = current }
        switch state.step {
        case .overviewDomain:
            let domain = try required(text, "Name the domain, such as e-commerce.")
            try changeOverview { $0.domain = domain }
            advance(to: .overviewContext)
        case .overviewContext:
            let context = try required(text, "Describe the business context in a sentence or two.")
            try changeOverview { $0.businessContext = context }
            advance(to: .overviewUsers)
        case .overviewUsers:
            let users = try AnswerParser.estimate(text, what: "The number of users")
            try changeOverview { $0.expectedUsers = users }
            advance(to: .overviewPeak)
        case .overviewPeak:
            let peak = try AnswerParser.estimate(text, what: "The peak load")
            try changeOverview { $0.peakRequestsPerSecond = peak }
            endWalk(defaultNext: nextImportStep(orElse: .entityName))
        case .entityName:
            return try answerEntityName(text)
        case .entityReview(let name):
            return try answerEntityReview(name, input)
        case .entityAttributes(let name):
            try changeEntity(name) { entity throws(RequirementsError) in try EntityFieldParser.applyAttributes(text, to: &entity) }
            advance(to: .entityIdentifier(entity: name))
        case .entityIdentifier(let name):
            try changeEntity(name) { entity throws(RequirementsError) in entity.identifier = try AnswerParser.identifier(text) }
            advance(to: .entityUniques(entity: name))
        case .entityUniques(let name):
            try changeEntity(name) { entity in entity.uniqueGroups = AnswerParser.uniqueGroups(text) }
            advance(to: .entityOwner(entity: name))
        case .entityOwner(let name):
            try changeEntity(name) { entity in entity.owner = text.isEmpty ? nil : text }
            if state.requirements.entity(named: name)?.retentionStartCandidates.isEmpty == false {
                advance(to: .entityRetention(entity: name))
            } else {
                endWalk(defaultNext: .entityName)
            }
        case .entityRetention(let name):
            try changeEntity(name) { entity throws(RequirementsError) in entity.retention = try AnswerParser.retention(text, entity: entity) }
            endWalk(defaultNext: .entityName)
        case .patternProposal:
            return try answerPatternProposal(input)
        case .relationshipPair:
            return try answerRelationshipPair(text)
        case .relationshipCardinality(let parent, let child):
            let cardinality = try AnswerParser.cardinality(text)
            try changeRelationship(parent, child) { $0.cardinality = cardinality }
            advance(to: .relationshipIndependence(parent: parent, child: child))
        case .relationshipIndependence(let parent, let child):
            guard let independent = AnswerParser.yesNo(text) else { throw RequirementsError("Answer yes or no.") }
            try changeRelationship(parent, child) { $0.childExistsWithoutParent = independent }
            if state.requirements.relationship(parent: parent, child: child)?.sourceForeignKey != nil {
                continueImport(orElse: .relationshipPair)
            } else {
                endWalk(defaultNext: .relationshipPair)
            }
        case .patternDescription:
            return try answerPatternDescription(text)
        case .patternField(let id, let field):
            try answerPatternField(id, field, text)
        case .gapReview(let gapID):
            return try answerGap(gapID, text)
        case .requirementsGate:
            return try answerGate(text)
        case .requirementsConfirmed:
            throw RequirementsError("The requirements are confirmed; there is nothing to answer here. Use a / command (/help lists them).")
        case .designReview(let table):
            return try answerDesignReview(table, text)
        case .designGate:
            return try answerDesignGate(text)
        case .designConfirmed:
            throw RequirementsError("The data model is approved; there is nothing to answer here. Change it with a design command (that re-opens the design gate), review it with /show model, or /quit.")
        case .designChangeConfirmation:
            return answerDesignChange(text)
        case .contractGate:
            return try answerContractGate(text)
        case .contractApproved:
            throw RequirementsError("All three gates are passed: export the contract with ddbmodel export (see docs/export.md). A design change re-opens the design and contract gates.")
        }
        return []
    }

    func required(_ text: String, _ expectation: String) throws(RequirementsError) -> String {
        guard !text.isEmpty else { throw RequirementsError("An answer is needed here. \(expectation)") }
        return text
    }

    mutating func answerEntityName(_ text: String) throws(RequirementsError) -> [String] {
        if text.lowercased() == "done" {
            guard !state.requirements.entities.isEmpty else { throw RequirementsError("Add at least one entity before moving on.") }
            endWalk(defaultNext: .relationshipPair)
            return []
        }
        let name = try required(text, "Give the entity a name, such as User.")
        try state.requirements.addEntity(Entity(name: name))
        advance(to: .entityAttributes(entity: name))
        return []
    }

    mutating func answerRelationshipPair(_ text: String) throws(RequirementsError) -> [String] {
        if ["done", "none"].contains(text.lowercased()) {
            endWalk(defaultNext: .patternDescription)
            return []
        }
        let relationship = try RelationshipText.parse(text)
        try state.requirements.addRelationship(relationship)
        let added = state.requirements.relationships.last!
        advance(to: .relationshipCardinality(parent: added.parent, child: added.child))
        return []
    }

    mutating func answerPatternDescription(_ text: String) throws(RequirementsError) -> [String] {
        if text.lowercased() == "done" {
            if state.returnStep != nil {
                endWalk(defaultNext: .patternDescription)
                return []
            }
            guard !state.requirements.accessPatterns.isEmpty else { throw RequirementsError("Capture at least one access pattern first.") }
            startGapReview()
            return []
        }
        let description = try required(text, "Describe the pattern, or type done.")
        let id = try state.requirements.addPattern(AccessPattern(id: 0, description: description))
        advance(to: .patternField(pattern: id, field: .entities))
        return []
    }

    mutating func answerPatternField(_ id: Int, _ field: PatternField, _ text: String) throws(RequirementsError) {
        guard var pattern = state.requirements.pattern(id) else { throw RequirementsError("Pattern \(id) no longer exists.") }
        try PatternFieldParser.apply(field, text, to: &pattern)
        try state.requirements.updatePattern(pattern)
        var next = field.next
        while let candidate = next, !PatternFieldParser.applies(candidate, to: pattern.type) { next = candidate.next }
        if let next {
            advance(to: .patternField(pattern: id, field: next))
        } else {
            endWalk(defaultNext: .patternDescription)
        }
    }

    // MARK: Gap review

    /// Opens the review that precedes the requirements gate (used after loading requirements
    /// from a file): every open gap is asked about, then the gate is shown.
    public mutating func beginReview() {
        startGapReview()
    }

    mutating func startGapReview() {
        state.postponedGaps = []
        advance(to: nextGapStep())
    }

    func nextGapStep() -> Step {
        let open = GapFinder.gaps(in: state.requirements).filter { !state.postponedGaps.contains($0.id) }
        return open.first.map { .gapReview(gap: $0.id) } ?? .requirementsGate
    }

    mutating func answerGap(_ gapID: String, _ text: String) throws(RequirementsError) -> [String] {
        guard let gap = GapFinder.gaps(in: state.requirements).first(where: { $0.id == gapID }) else {
            advance(to: nextGapStep())
            return []
        }
        let lowered = text.lowercased()
        if lowered == "later" {
            state.postponedGaps.append(gapID)
            advance(to: nextGapStep())
            return ["Left for later; the gate will list it."]
        }
        if lowered.hasPrefix("accept") {
            guard gap.acceptable else {
                throw RequirementsError("This gap cannot be accepted: the design would have to invent the missing answer. Answer it, or later.")
            }
            try state.requirements.acceptGap(gapID, reason: String(text.dropFirst("accept".count)))
            advance(to: nextGapStep())
            return ["Accepted; the reason is recorded in the requirements."]
        }
        switch gap.kind {
        case .searchNotMarked:
            guard let isSearch = AnswerParser.yesNo(text), let id = GapText.patternID(gapID), var pattern = state.requirements.pattern(id) else {
                throw RequirementsError("Answer yes (it needs a search service), no (it is a plain lookup), or later.")
            }
            if isSearch { pattern.type = .search } else { pattern.confirmedNotSearch = true }
            try state.requirements.updatePattern(pattern)
        case .aggregationNotStated:
            guard let id = GapText.patternID(gapID), var pattern = state.requirements.pattern(id) else { break }
            var answer = text.trimmingWhitespace
            var analyticsOnly: Bool?
            for (suffix, flag) in [(", analytics only", true), (" analytics only", true), (", analytics", true)] where answer.lowercased().hasSuffix(suffix) {
                answer = String(answer.dropLast(suffix.count)).trimmingWhitespace
                analyticsOnly = flag
                break
            }
            if let flag = AnswerParser.yesNo(answer), !flag {
                pattern.aggregate = AggregateAnswer.none
            } else {
                pattern.aggregate = try Aggregation.parse(answer)
            }
            if let analyticsOnly { pattern.analyticsOnly = analyticsOnly }
            try state.requirements.updatePattern(pattern)
        case .patternMissingRPS:
            guard let id = GapText.patternID(gapID), var pattern = state.requirements.pattern(id) else { break }
            let field: PatternField = pattern.peakRPS?.value == nil ? .peak : .average
            let estimate = try AnswerParser.estimate(text, what: field == .peak ? "Peak RPS" : "Average RPS")
            guard estimate != .unknown else {
                state.postponedGaps.append(gapID)
                advance(to: nextGapStep())
                return ["Still unknown: pattern \(id) stays pending and the gate will list it."]
            }
            if field == .peak { pattern.peakRPS = estimate } else { pattern.averageRPS = estimate }
            try state.requirements.updatePattern(pattern)
        case .relationshipWithoutCardinality:
            guard let relationship = state.requirements.relationships.first(where: { "cardinality:\($0.parent)->\($0.child)" == gapID }) else { break }
            let answer = try AnswerParser.cardinality(text)
            guard answer != .unknown else {
                state.postponedGaps.append(gapID)
                advance(to: nextGapStep())
                return ["Still unknown: the gate will list it."]
            }
            try changeRelationship(relationship.parent, relationship.child) { $0.cardinality = answer }
        case .incompletePattern:
            guard AnswerParser.yesNo(text) == true, let id = GapText.patternID(gapID) else {
                throw RequirementsError("Answer yes to complete the pattern now, or later.")
            }
            state.returnStep = .gapReview(gap: gapID)
            advance(to: .patternField(pattern: id, field: .entities))
        case .entityNeverCreated, .entityNeverRead, .entityWithoutPatterns, .lookupNotMaintained, .sourceIndexWithoutPattern, .fullTextWithoutSearch:
            guard AnswerParser.yesNo(text) == true else {
                throw RequirementsError("Answer yes to add the missing pattern now, later, or accept followed by the reason.")
            }
            state.returnStep = .gapReview(gap: gapID)
            advance(to: .patternDescription)
        }
        return []
    }

    // MARK: The requirements gate

    mutating func answerGate(_ text: String) throws(RequirementsError) -> [String] {
        switch text.lowercased() {
        case "yes":
            let checklist = RequirementsChecklist(state.requirements)
            guard checklist.passes else {
                throw RequirementsError("The gate cannot pass while \(checklist.failures.count) checklist item\(checklist.failures.count == 1 ? " fails" : "s fail"): fix them with the commands shown.")
            }
            state.gates.requirements.passedAt = clock()
            return ["Requirements confirmed and recorded at \(state.gates.requirements.passedAt!)."] + enterDesignStage()
        case "no":
            // Patterns proposed from measured traffic and not reviewed yet come first.
            advance(to: state.pendingProposals?.isEmpty == false ? .patternProposal : .patternDescription)
            return ["Still in requirements: add the next access pattern, or type done to review again."]
        case "y", "ye", "yep", "ok", "sure":
            throw RequirementsError("Type yes in full to pass the gate, or no to keep adding patterns.")
        default:
            throw RequirementsError("Type yes in full to pass the gate, or no to keep adding patterns.")
        }
    }

    // MARK: Moving between steps

    mutating func advance(to step: Step) {
        guard step != state.step else { return }
        state.previousSteps.append(state.step)
        if state.previousSteps.count > Self.backHistoryLimit {
            state.previousSteps.removeFirst(state.previousSteps.count - Self.backHistoryLimit)
        }
        state.step = step
    }

    /// Ends a walk (overview, one entity, one relationship, one pattern): back to where an `/edit`
    /// or the gap review started it, or on to the default next question.
    mutating func endWalk(defaultNext: Step) {
        if let target = state.returnStep {
            state.returnStep = nil
            advance(to: target)
        } else {
            advance(to: defaultNext)
        }
    }

    /// Moves off steps that no longer make sense: a resolved gap, a deleted item, a confirmed
    /// gate that an edit re-opened, a design step before the requirements gate, a table the
    /// model no longer has. A change waiting for confirmation is dropped once its question is.
    mutating func settle() {
        settleStep()
        if state.step != .designChangeConfirmation { state.pendingDesignChange = nil }
    }

    private mutating func settleStep() {
        for _ in 0..<50 {
            if state.step.isDesignStep || state.step == .requirementsConfirmed {
                if settleDesignStep() { continue } else { return }
            }
            switch state.step {
            case .gapReview(let gapID) where !GapFinder.gaps(in: state.requirements).contains(where: { $0.id == gapID }):
                state.step = nextGapStep()
            case .entityAttributes(let name), .entityIdentifier(let name), .entityUniques(let name), .entityOwner(let name), .entityRetention(let name):
                if state.requirements.entity(named: name) == nil { state.step = .entityName } else { return }
            case .entityReview(let name):
                if state.requirements.entity(named: name) == nil {
                    state.pendingReviews?.removeAll { $0 == name }
                    state.step = nextImportStep(orElse: .entityName)
                } else { return }
            case .relationshipCardinality(let parent, let child), .relationshipIndependence(let parent, let child):
                if state.requirements.relationship(parent: parent, child: child) == nil { state.step = .relationshipPair } else { return }
            case .patternField(let id, _):
                if state.requirements.pattern(id) == nil { state.step = .patternDescription } else { return }
            case .patternProposal:
                if state.pendingProposals?.isEmpty != false { state.step = nextImportStep(orElse: .patternDescription) } else { return }
            default:
                return
            }
        }
    }

    mutating func changeOverview(_ change: (inout ApplicationOverview) -> Void) throws(RequirementsError) {
        var overview = state.requirements.overview
        change(&overview)
        try state.requirements.setOverview(overview)
    }

    mutating func changeEntity(_ name: String, _ change: (inout Entity) throws(RequirementsError) -> Void) throws(RequirementsError) {
        guard var entity = state.requirements.entity(named: name) else { throw RequirementsError("There is no entity named \(name).") }
        try change(&entity)
        try state.requirements.updateEntity(named: name, to: entity)
    }

    mutating func changeRelationship(_ parent: String, _ child: String, _ change: (inout Relationship) -> Void) throws(RequirementsError) {
        guard var relationship = state.requirements.relationship(parent: parent, child: child) else {
            throw RequirementsError("There is no relationship \(parent) -> \(child).")
        }
        change(&relationship)
        try state.requirements.updateRelationship(parent: parent, child: child, to: relationship)
    }
}

/// Reads the parts of gap identifiers that name a pattern.
enum GapText {
    /// `pattern-7:rps` → 7.
    static func patternID(_ gapID: String) -> Int? {
        guard gapID.hasPrefix("pattern-"), let colon = gapID.firstIndex(of: ":") else { return nil }
        return Int(gapID[gapID.index(gapID.startIndex, offsetBy: 8)..<colon])
    }
}

/// `User -> Order`, `User->Order`, `Student <-> Course`.
enum RelationshipText {
    static func parse(_ text: String) throws(RequirementsError) -> Relationship {
        let compact = text.replacingOccurrences(of: " ", with: "")
        let kind: RelationshipKind
        let parts: [String]
        if compact.contains("<->") {
            kind = .manyToMany
            parts = compact.components(separatedBy: "<->")
        } else {
            kind = .oneToMany
            parts = compact.components(separatedBy: "->")
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw RequirementsError("Write the relationship as Parent -> Child (such as User -> Order) or A <-> B for many-to-many, or type done.")
        }
        return Relationship(parent: parts[0], child: parts[1], kind: kind)
    }
}
