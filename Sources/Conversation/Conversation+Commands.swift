import Foundation
import Requirements

/// The `/commands` available at every prompt.
extension Conversation {
    /// Every command with its one-line summary, in the order `/help` lists them.
    public static let commands: [(name: String, usage: String, summary: String)] = [
        ("/help", "/help", "this list"),
        ("/show", "/show [pattern N | entity NAME | relationships | gaps | requirements | model | table NAME | decisions]", "review what is captured, and the data model after the requirements gate"),
        ("/status", "/status", "stage, gates and counts"),
        ("/back", "/back", "return to the previous question"),
        ("/overview", "/overview domain=... context=... users=N peak=N", "set the application overview in one line"),
        ("/entity", "/entity NAME attributes=a:string:36,b:number identifier=a unique=b owner=TEAM", "add an entity in one line"),
        ("/relationship", "/relationship Parent -> Child cardinality=\"avg 5 max 1000\" child_without_parent=no", "add a relationship in one line"),
        ("/pattern", "/pattern \"description\" entities=E type=read eq=a sort=\"b desc\" filter=c items=N peak=N avg=N consistency=eventual latency=<50ms attributes=all", "add an access pattern in one line"),
        ("/edit", "/edit pattern N | entity NAME | relationship A->B | overview [key=value ...]", "change something (walks its questions when no key=value is given)"),
        ("/delete", "/delete pattern N | entity NAME | relationship A->B", "remove something"),
        ("/import", "/import schema FILE... | mysql URL [--sample 10m] | log FILE... | capture FILE", "import (or re-import) MySQL DDL (schema.sql, migrations in order, mysqldump --no-data output); or a live server's schema and traffic, query logs or capture output, whose statements become proposed patterns"),
        ("/accept", "/accept GAP-ID REASON | /accept DECISION-ID", "accept a gap with a reason (shown by /show gaps); at the design stage, accept a proposal (shown by /show decisions)"),
        ("/gate", "/gate", "go to the current gate: the requirements checklist, or the design gate once the requirements are confirmed"),
        ("/validate", "/validate ENDPOINT", "after the requirements gate: run the model against a local DynamoDB endpoint (DynamoDB Local, moto) and assert every pattern"),
        ("/quit", "/quit", "save and leave (resume later with ddbmodel resume)"),
    ]

    mutating func runCommand(_ input: String) -> ConversationReply {
        do throws(RequirementsError) {
            let words = try CommandLineTokenizer.tokens(input)
            let name = words.first?.lowercased() ?? "/"
            let arguments = Array(words.dropFirst())
            if state.step == .designChangeConfirmation, !Self.lookingCommands.contains(name) {
                throw RequirementsError("Answer the pending change first: type yes to keep it, or anything else to revert it.")
            }
            switch name {
            case "/help": return ConversationReply(messages: [helpText()])
            case "/quit", "/exit": return ConversationReply(quit: true)
            case "/status": return ConversationReply(messages: [SessionSummary.status(state, model: state.gates.requirements.isPassed ? dataModel : nil)])
            case "/show": return ConversationReply(messages: [try show(arguments)])
            case "/back": return ConversationReply(messages: back())
            case "/gate":
                if state.gates.requirements.isPassed {
                    advance(to: state.gates.design.isPassed ? (state.gates.contract.isPassed ? .contractApproved : .contractGate) : .designGate)
                } else {
                    advance(to: .requirementsGate)
                }
                return ConversationReply()
            case "/overview": return ConversationReply(messages: try setOverview(CommandLineTokenizer.keyValues(arguments)))
            case "/entity": return ConversationReply(messages: try addEntity(arguments))
            case "/relationship": return ConversationReply(messages: try addRelationship(arguments))
            case "/pattern": return ConversationReply(messages: try addPattern(arguments))
            case "/edit": return ConversationReply(messages: try edit(arguments))
            case "/delete": return ConversationReply(messages: try delete(arguments))
            case "/accept": return ConversationReply(messages: try accept(arguments))
            case "/import": return ConversationReply(messages: try runImport(arguments))
            case "/reject":
                guard arguments.count == 1 else { throw RequirementsError("Usage: /reject DECISION-ID (/show decisions lists them).") }
                return ConversationReply(messages: try decideProposal(arguments[0], accept: false))
            case "/validate": return ConversationReply(messages: try validate(arguments))
            case "/rename": return ConversationReply(messages: try rename(arguments))
            case "/keys": return ConversationReply(messages: try setTableKeys(arguments))
            case "/index-keys": return ConversationReply(messages: try setIndexKeys(arguments))
            case "/projection": return ConversationReply(messages: try setProjection(arguments))
            case "/merge": return ConversationReply(messages: try merge(arguments))
            case "/split": return ConversationReply(messages: try split(arguments))
            case "/capacity": return ConversationReply(messages: try setCapacity(arguments))
            case "/class": return ConversationReply(messages: try setTableClass(arguments))
            case "/naming": return ConversationReply(messages: try setNaming(arguments))
            case "/accept-scan": return ConversationReply(messages: try acceptScan(arguments))
            case "/reject-scan": return ConversationReply(messages: try rejectScan(arguments))
            default:
                return ConversationReply(messages: ["\(name) is not a command; /help lists them."])
            }
        } catch {
            return ConversationReply(messages: [error.message])
        }
    }

    func helpText() -> String {
        var lines = ["Answer the question, or use a command:"]
        for command in Self.commands { lines.append("  \(command.usage)\n      \(command.summary)") }
        lines.append("At the design stage (after the requirements gate), changes to the data model; tables and indexes go by their current names:")
        for command in Self.designCommands { lines.append("  \(command.usage)\n      \(command.summary)") }
        lines.append("Press Enter to keep the value shown in [brackets]. Tab completes commands, entity and attribute names. Ctrl-C clears the line; Ctrl-D saves and leaves.")
        return lines.joined(separator: "\n")
    }

    // MARK: /back

    mutating func back() -> [String] {
        if state.step.isDesignStep, let previous = state.previousSteps.last, !previous.isDesignStep {
            return ["This is the start of the design review: the requirements are confirmed. Change them with /edit (that re-opens the requirements gate), or review them with /show requirements."]
        }
        guard let previous = state.previousSteps.popLast() else { return ["There is no earlier question to go back to."] }
        state.step = previous
        if case .gapReview = previous {} else if state.returnStep == previous { state.returnStep = nil }
        return []
    }

    // MARK: /show

    func show(_ arguments: [String]) throws(RequirementsError) -> String {
        let requirements = state.requirements
        guard let what = arguments.first?.lowercased() else { return SessionSummary.overview(requirements) }
        switch what {
        case "pattern":
            let pattern = try patternArgument(arguments)
            return SessionSummary.pattern(pattern)
        case "entity":
            guard arguments.count >= 2 else { throw RequirementsError("Name the entity: /show entity NAME.") }
            guard let entity = requirements.entity(named: arguments[1]) else { _ = try requirements.canonicalEntityName(arguments[1]); return "" }
            return SessionSummary.entity(entity, requirements)
        case "relationships":
            return SessionSummary.relationships(requirements)
        case "gaps":
            return SessionSummary.gaps(requirements)
        case "requirements":
            return RequirementsDocument.render(requirements, gateStatus: state.requirementsGateStatus)
        case "model", "table", "decisions":
            return try showDesign(what, arguments)
        default:
            throw RequirementsError("Show what? Use /show, /show pattern N, /show entity NAME, /show relationships, /show gaps, /show requirements, /show model, /show table NAME or /show decisions.")
        }
    }

    func patternArgument(_ arguments: [String]) throws(RequirementsError) -> AccessPattern {
        guard arguments.count >= 2, let id = Int(arguments[1].trimmingCharacters(in: ["#"])) else {
            throw RequirementsError("Give the pattern number, such as pattern 3.")
        }
        guard let pattern = state.requirements.pattern(id) else {
            let ids = state.requirements.accessPatterns.map { String($0.id) }
            throw RequirementsError("There is no pattern \(id) (patterns: \(ids.isEmpty ? "none yet" : ids.joined(separator: ", "))).")
        }
        return pattern
    }

    // MARK: One-line additions

    mutating func setOverview(_ pairs: [(key: String, value: String)]) throws(RequirementsError) -> [String] {
        guard !pairs.isEmpty else { throw RequirementsError("Give fields as key=value: domain=..., context=..., users=N, peak=N.") }
        var overview = state.requirements.overview
        for (key, value) in pairs {
            switch key {
            case "domain": overview.domain = try required(value, "Name the domain.")
            case "context", "business_context": overview.businessContext = try required(value, "Describe the business context.")
            case "users", "expected_users": overview.expectedUsers = try AnswerParser.estimate(value, what: "The number of users")
            case "peak", "peak_rps": overview.peakRequestsPerSecond = try AnswerParser.estimate(value, what: "The peak load")
            default: throw RequirementsError("\(key) is not an overview field; use: domain, context, users, peak.")
            }
        }
        try state.requirements.setOverview(overview)
        return ["Overview updated."]
    }

    mutating func addEntity(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let name = arguments.first, !name.contains("=") else {
            throw RequirementsError("Usage: /entity NAME attributes=a:string:36,b:number identifier=a [unique=b] [owner=TEAM]")
        }
        var entity = Entity(name: name)
        try EntityFieldParser.apply(CommandLineTokenizer.keyValues(Array(arguments.dropFirst())), to: &entity)
        try state.requirements.addEntity(entity)
        let missing = entity.attributes.isEmpty ? " It has no attributes yet: /edit entity \(name)." : entity.identifier.isEmpty ? " It has no identifier yet: /edit entity \(name) identifier=ATTRIBUTE." : ""
        return ["Added entity \(name) with \(entity.attributes.count) attribute\(entity.attributes.count == 1 ? "" : "s").\(missing)"]
    }

    mutating func addRelationship(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let pairText = arguments.prefix { !$0.contains("=") }.joined(separator: " ")
        var relationship = try RelationshipText.parse(pairText)
        try applyRelationshipFields(CommandLineTokenizer.keyValues(arguments.filter { $0.contains("=") }), to: &relationship)
        try state.requirements.addRelationship(relationship)
        let added = state.requirements.relationships.last!
        return ["Added relationship \(added.label)." + (added.cardinality == nil ? " It has no cardinality yet: the gate will ask." : "")]
    }

    func applyRelationshipFields(_ pairs: [(key: String, value: String)], to relationship: inout Relationship) throws(RequirementsError) {
        var average: String?
        var maximum: String?
        for (key, value) in pairs {
            switch key {
            case "cardinality": relationship.cardinality = try AnswerParser.cardinality(value)
            case "avg", "average": average = value
            case "max", "maximum": maximum = value
            case "child_without_parent", "independent":
                guard let flag = AnswerParser.yesNo(value) else { throw RequirementsError("\(key) takes yes or no.") }
                relationship.childExistsWithoutParent = flag
            default: throw RequirementsError("\(key) is not a relationship field; use: cardinality (or avg and max), child_without_parent.")
            }
        }
        if average != nil || maximum != nil {
            guard let average, let maximum else { throw RequirementsError("Give both avg= and max= (max=unbounded when there is no limit).") }
            relationship.cardinality = try AnswerParser.cardinality("avg \(average) max \(maximum)")
        }
    }

    mutating func addPattern(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let description = arguments.first, !description.contains("=") || description.contains(" ") else {
            throw RequirementsError("Usage: /pattern \"description\" entities=E type=read eq=a ... peak=N avg=N (see /help).")
        }
        var pattern = AccessPattern(id: 0, description: description)
        try PatternFieldParser.apply(CommandLineTokenizer.keyValues(Array(arguments.dropFirst())), to: &pattern)
        let id = try state.requirements.addPattern(pattern)
        let added = state.requirements.pattern(id)!
        return ["Added pattern \(id) (\(added.status.rawValue)\(added.status == .pending ? " pending: \(pendingReason(added))" : ""))."]
    }

    func pendingReason(_ pattern: AccessPattern) -> String {
        var missing: [String] = []
        if pattern.entities.isEmpty { missing.append("entities") }
        if pattern.type == nil { missing.append("type") }
        if pattern.peakRPS?.value == nil { missing.append("peak RPS") }
        if pattern.averageRPS?.value == nil { missing.append("average RPS") }
        return "no " + missing.joined(separator: ", ")
    }

    // MARK: /edit and /delete

    mutating func edit(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let what = arguments.first?.lowercased() else {
            throw RequirementsError("Edit what? /edit pattern N, /edit entity NAME, /edit relationship A->B or /edit overview.")
        }
        switch what {
        case "pattern":
            var pattern = try patternArgument(arguments)
            let pairs = try CommandLineTokenizer.keyValues(Array(arguments.dropFirst(2)))
            guard !pairs.isEmpty else { return startWalk(.patternField(pattern: pattern.id, field: .entities)) }
            try PatternFieldParser.apply(pairs, to: &pattern)
            try state.requirements.updatePattern(pattern)
            return ["Pattern \(pattern.id) updated (\(state.requirements.pattern(pattern.id)!.status.rawValue))."]
        case "entity":
            guard arguments.count >= 2 else { throw RequirementsError("Name the entity: /edit entity NAME.") }
            let name = try state.requirements.canonicalEntityName(arguments[1])
            let pairs = try CommandLineTokenizer.keyValues(Array(arguments.dropFirst(2)))
            guard !pairs.isEmpty else { return startWalk(.entityAttributes(entity: name)) }
            var entity = state.requirements.entity(named: name)!
            try EntityFieldParser.apply(pairs, to: &entity)
            try state.requirements.updateEntity(named: name, to: entity)
            return ["Entity \(entity.name) updated."]
        case "relationship":
            let pairText = arguments.dropFirst().prefix { !$0.contains("=") }.joined(separator: " ")
            let target = try RelationshipText.parse(pairText)
            guard var relationship = state.requirements.relationship(parent: target.parent, child: target.child)
                ?? state.requirements.relationships.first(where: { $0.parent.caseInsensitiveCompare(target.parent) == .orderedSame && $0.child.caseInsensitiveCompare(target.child) == .orderedSame })
            else { throw RequirementsError("There is no relationship \(target.parent) -> \(target.child); /show relationships lists them.") }
            let pairs = try CommandLineTokenizer.keyValues(arguments.dropFirst().filter { $0.contains("=") })
            guard !pairs.isEmpty else { return startWalk(.relationshipCardinality(parent: relationship.parent, child: relationship.child)) }
            try applyRelationshipFields(pairs, to: &relationship)
            try state.requirements.updateRelationship(parent: relationship.parent, child: relationship.child, to: relationship)
            return ["Relationship \(relationship.label) updated."]
        case "overview":
            let pairs = try CommandLineTokenizer.keyValues(Array(arguments.dropFirst()))
            guard !pairs.isEmpty else { return startWalk(.overviewDomain) }
            return try setOverview(pairs)
        default:
            throw RequirementsError("Edit what? /edit pattern N, /edit entity NAME, /edit relationship A->B or /edit overview.")
        }
    }

    /// Starts walking an item's questions; the walk returns to the current question when it ends.
    mutating func startWalk(_ first: Step) -> [String] {
        if state.returnStep == nil { state.returnStep = state.step }
        advance(to: first)
        return ["Press Enter to keep a value shown in [brackets]."]
    }

    mutating func delete(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let what = arguments.first?.lowercased() else {
            throw RequirementsError("Delete what? /delete pattern N, /delete entity NAME or /delete relationship A->B.")
        }
        switch what {
        case "pattern":
            let pattern = try patternArgument(arguments)
            try state.requirements.deletePattern(pattern.id)
            return ["Deleted pattern \(pattern.id) (\(pattern.description))."]
        case "entity":
            guard arguments.count >= 2 else { throw RequirementsError("Name the entity: /delete entity NAME.") }
            let name = try state.requirements.canonicalEntityName(arguments[1])
            let removed = try state.requirements.deleteEntity(named: name)
            let also = removed.isEmpty ? "" : " and its relationship\(removed.count == 1 ? "" : "s") \(removed.map(\.label).joined(separator: ", "))"
            return ["Deleted entity \(name)\(also)."]
        case "relationship":
            let target = try RelationshipText.parse(arguments.dropFirst().joined(separator: " "))
            let parent = try state.requirements.canonicalEntityName(target.parent)
            let child = try state.requirements.canonicalEntityName(target.child)
            try state.requirements.deleteRelationship(parent: parent, child: child)
            return ["Deleted relationship \(parent) -> \(child)."]
        default:
            throw RequirementsError("Delete what? /delete pattern N, /delete entity NAME or /delete relationship A->B.")
        }
    }

    mutating func accept(_ arguments: [String]) throws(RequirementsError) -> [String] {
        if state.gates.requirements.isPassed, let id = arguments.first, arguments.count == 1 || Self.isProposal(id),
           !GapFinder.gaps(in: state.requirements).contains(where: { $0.id == id }) {
            guard arguments.count == 1 else { throw RequirementsError("Usage: /accept DECISION-ID (no reason needed for a proposal).") }
            return try decideProposal(id, accept: true)
        }
        guard let gapID = arguments.first, arguments.count >= 2 else {
            throw RequirementsError("Usage: /accept GAP-ID REASON (/show gaps lists the gap ids).")
        }
        guard let gap = GapFinder.gaps(in: state.requirements).first(where: { $0.id == gapID }) else {
            throw RequirementsError("There is no open gap \(gapID); /show gaps lists them.")
        }
        guard gap.acceptable else {
            throw RequirementsError("\(gapID) cannot be accepted: the design would have to invent the missing answer. Fix: \(gap.fix)")
        }
        try state.requirements.acceptGap(gapID, reason: arguments.dropFirst().joined(separator: " "))
        return ["Accepted \(gapID)."]
    }
}
