import MySQLSchema
import Requirements
import SchemaImport

/// Reads schema files named in `/import schema FILE...`; injected so the conversation stays
/// free of file I/O (the command line passes one that reads from disk, tests an in-memory one).
public protocol SchemaFileReading: Sendable {
    func read(_ paths: [String]) throws(RequirementsError) -> [SchemaSource]
}

extension Conversation {
    /// Imports (or re-imports) a MySQL schema: entities, attributes, keys and relationships, then
    /// queues the entities that are new or changed for review. Returns the import summary.
    public mutating func importSchema(_ sources: [SchemaSource]) -> [String] {
        // Tables whose text holds control characters stay out of the session altogether.
        importScreenedSchema(SchemaTextScreen.screen(SchemaParser.parse(sources)))
    }

    /// Applies a screened schema (from DDL files or a live server) and queues its reviews.
    mutating func importScreenedSchema(_ screened: (schema: ParsedSchema, warnings: [String])) -> [String] {
        let (parsed, refusals) = screened
        var (report, toReview) = SchemaImporter.apply(parsed, previous: state.sourceSchema, to: &state.requirements)
        report.warnings = refusals + report.warnings
        state.sourceSchema = parsed
        var pending = state.pendingReviews ?? []
        // A set beside the list: a 40,000-table import must not search the list per entity.
        var queued = Set(pending)
        for name in toReview where queued.insert(name).inserted { pending.append(name) }
        state.pendingReviews = pending
        var messages = [report.summary]
        if let first = pending.first, !isInOverview {
            if state.returnStep == nil { state.returnStep = state.step }
            advance(to: .entityReview(entity: first))
            messages.append("Review the imported entities: press Enter to accept one as shown.")
        }
        return messages
    }

    /// The overview questions come first even when a schema was imported at the start.
    var isInOverview: Bool {
        switch state.step {
        case .overviewDomain, .overviewContext, .overviewUsers, .overviewPeak: return state.returnStep == nil
        default: return false
        }
    }

    mutating func runImport(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let kind = arguments.first?.lowercased() ?? ""
        if ["mysql", "log", "logs", "capture"].contains(kind) {
            return try runTrafficImport(kind, Array(arguments.dropFirst()))
        }
        guard kind == "schema", arguments.count >= 2 else {
            throw RequirementsError("Usage: /import schema FILE... (a schema.sql, migrations in order, or mysqldump --no-data output), /import mysql URL [--sample 10m], /import log FILE..., or /import capture FILE.")
        }
        guard let reader = schemaReader else { throw RequirementsError("Importing files is not available here.") }
        let sources = try reader.read(Array(arguments.dropFirst()))
        return importSchema(sources)
    }

    /// The step after the overview, or after a review: the next entity to review, then imported
    /// relationships still missing a cardinality, then `fallback`.
    func nextImportStep(orElse fallback: Step) -> Step {
        pendingImportStep() ?? fallback
    }

    /// The next question an import left open, if any: entities to review, then imported
    /// relationships' cardinalities, then patterns proposed from measured traffic.
    func pendingImportStep() -> Step? {
        if let next = state.pendingReviews?.first(where: { state.requirements.entity(named: $0) != nil }) {
            return .entityReview(entity: next)
        }
        if let relationship = state.requirements.relationships.first(where: { $0.sourceForeignKey != nil && $0.cardinality == nil }) {
            return .relationshipCardinality(parent: relationship.parent, child: relationship.child)
        }
        if state.pendingProposals?.isEmpty == false {
            return .patternProposal
        }
        return nil
    }

    /// Goes on with the import's open questions; when there are none, ends the walk as usual
    /// (back to where `/import` was typed, or on to `fallback`).
    mutating func continueImport(orElse fallback: Step) {
        if let next = pendingImportStep() {
            advance(to: next)
        } else {
            endWalk(defaultNext: fallback)
        }
    }

    /// Handles an answer at the review of an imported entity.
    mutating func answerEntityReview(_ name: String, _ text: String) throws(RequirementsError) -> [String] {
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        let action = words.first?.lowercased() ?? ""
        switch action {
        case "", "ok", "keep", "yes", "next":
            state.pendingReviews?.removeAll { $0 == name }
            continueImport(orElse: .entityName)
            return []
        case "rename":
            guard words.count >= 2 else { throw RequirementsError("Usage: rename NEW_NAME") }
            let newName = words.dropFirst().joined(separator: " ")
            try changeEntity(name) { entity in entity.name = newName }
            if let index = state.pendingReviews?.firstIndex(of: name) { state.pendingReviews?[index] = newName }
            state.step = .entityReview(entity: newName)
            return ["Renamed \(name) to \(newName)."]
        case "owner":
            guard words.count >= 2 else { throw RequirementsError("Usage: owner TEAM") }
            let owner = words.dropFirst().joined(separator: " ")
            try changeEntity(name) { entity in entity.owner = owner }
            return ["\(name) is owned by \(owner)."]
        case "retention":
            guard words.count >= 2 else { throw RequirementsError("Usage: retention 30 days from created_at, or retention forever") }
            let answer = words.dropFirst().joined(separator: " ")
            try changeEntity(name) { entity throws(RequirementsError) in entity.retention = try AnswerParser.retention(answer, entity: entity) }
            return ["\(name) items are kept \(state.requirements.entity(named: name)?.retention?.text ?? answer)."]
        case "drop", "exclude", "include", "sensitive", "not-sensitive", "size":
            guard words.count >= 2 else { throw RequirementsError(Self.reviewUsage) }
            let attribute = words[1]
            let rest = words.count > 2 ? words[2] : ""
            try changeEntity(name) { entity throws(RequirementsError) in
                guard let index = entity.attributes.firstIndex(where: { $0.name == attribute }) else {
                    throw RequirementsError("\(name) has no attribute \(attribute); its attributes are \(entity.attributes.map(\.name).joined(separator: ", ")).")
                }
                try Self.applyReview(action, rest, to: &entity.attributes[index], identifier: entity.identifier)
            }
            return [Self.reviewConfirmation(action, attribute, rest)]
        default:
            throw RequirementsError(Self.reviewUsage)
        }
    }

    public static let reviewUsage = "Press Enter to accept, or: rename NAME, drop COLUMN, exclude COLUMN REASON, include COLUMN, sensitive COLUMN, not-sensitive COLUMN, size COLUMN BYTES, owner TEAM, retention 30 days from COLUMN (or forever)."

    static func applyReview(_ action: String, _ rest: String, to attribute: inout Attribute, identifier: [String]) throws(RequirementsError) {
        switch action {
        case "drop", "exclude":
            guard !identifier.contains(attribute.name) else {
                throw RequirementsError("\(attribute.name) is part of the identifier and must be migrated.")
            }
            let reason = rest.trimmingWhitespace
            guard action == "drop" || !reason.isEmpty else { throw RequirementsError("Say why it is not migrated: exclude \(attribute.name) REASON.") }
            attribute.excludedReason = action == "drop" ? "dropped at the review" : reason
        case "include":
            attribute.excludedReason = nil
        case "sensitive":
            attribute.isSensitive = true
        case "not-sensitive":
            attribute.isSensitive = nil
        default:  // size
            guard let bytes = AnswerParser.wholeNumber(rest), bytes > 0 else {
                throw RequirementsError("Give the typical size in bytes: size \(attribute.name) 40.")
            }
            attribute.typicalSizeBytes = bytes
        }
    }

    static func reviewConfirmation(_ action: String, _ attribute: String, _ rest: String) -> String {
        switch action {
        case "drop": return "\(attribute) will not be migrated (dropped at the review)."
        case "exclude": return "\(attribute) will not be migrated: \(rest)."
        case "include": return "\(attribute) will be migrated."
        case "sensitive": return "\(attribute) is marked sensitive."
        case "not-sensitive": return "\(attribute) is no longer marked sensitive."
        default: return "\(attribute) is typically \(rest) bytes."
        }
    }
}
