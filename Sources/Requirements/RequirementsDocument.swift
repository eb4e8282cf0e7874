/// Renders `dynamodb_requirement.md` (the requirements template, extended with entity details and the
/// gate checklist). Pure and deterministic: the same requirements give the same bytes.
///
/// The document is rewritten after every answer, for sessions of 1,000 access patterns, so every
/// section appends straight into one byte buffer: no array of parts joined per cell, no
/// interpolated temporary per line, no Foundation string method (NSString on Linux).
public enum RequirementsDocument {
    /// - Parameter gateStatus: how the requirements gate stands, as the session words it
    ///   ("open", "passed 2026-11-22T10:00:00Z"); shown at the end of the checklist.
    public static func render(_ requirements: Requirements, gateStatus: String) -> String {
        String(decoding: renderUTF8(requirements, gateStatus: gateStatus), as: UTF8.self)
    }

    /// The document's UTF-8 bytes, exactly those of `render`, for writing to a file without
    /// making a `String` of them first.
    public static func renderUTF8(_ requirements: Requirements, gateStatus: String) -> [UInt8] {
        // About what a full table row or entity takes, so the buffer rarely grows and copies.
        var out = Text(capacity: 4_096 + 512 * (requirements.accessPatterns.count + requirements.entities.count))
        out += "# DynamoDB Modeling Session\n\n"
        overview(requirements, into: &out)
        accessPatterns(requirements, into: &out)
        entities(requirements, into: &out)
        relationships(requirements, into: &out)
        considerations(requirements, into: &out)
        checklist(requirements, gateStatus: gateStatus, into: &out)
        return out.bytes
    }

    /// The document as it is written, as UTF-8 bytes. Appending to a `String` updates its
    /// ASCII flag and bookkeeping on every call: for the 50,000 pieces of a 1,000-pattern
    /// document, that was about half the rendering time.
    struct Text {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        static func += (text: inout Text, piece: String) {
            text.bytes.append(contentsOf: piece.utf8)
        }

        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: piece)
        }

        mutating func append(_ byte: UInt8) {
            bytes.append(byte)
        }

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
        }
    }

    static func overview(_ requirements: Requirements, into out: inout Text) {
        let overview = requirements.overview
        out += "## Application Overview\n- **Domain**: "
        if let domain = overview.domain { inline(domain, into: &out) } else { out += "_not captured yet_" }
        out += "\n- **Key Entities**: "
        if requirements.entities.isEmpty { out += "_not captured yet_" }
        for (index, entity) in requirements.entities.enumerated() {
            if index > 0 { out += ", " }
            out += entity.name
        }
        out += "\n- **Business Context**: "
        if let context = overview.businessContext { inline(context, into: &out) } else { out += "_not captured yet_" }
        out += "\n- **Scale**: "
        switch (overview.expectedUsers, overview.peakRequestsPerSecond) {
        case (nil, nil): out += "_not captured yet_"
        case (let users?, nil): out += "\(users) expected users"
        case (nil, let peak?): out += "\(peak) requests/second at peak"
        case (let users?, let peak?): out += "\(users) expected users, \(peak) requests/second at peak"
        }
        out += "\n\n"
    }

    static func accessPatterns(_ requirements: Requirements, into out: inout Text) {
        out += """
            ## Access Patterns Analysis
            | Pattern # | Description | RPS (Peak/Avg) | Type | Attributes | Key Requirements | Design Considerations | Status |
            |-----------|-------------|-----------------|------|------------|------------------|----------------------|--------|

            """
        if requirements.accessPatterns.isEmpty {
            out += "| – | _no access patterns captured yet_ | | | | | | ⏳ |\n"
        }
        let entitiesByName = Dictionary(requirements.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var scratch = Text(capacity: 512)
        for pattern in requirements.accessPatterns {
            row(pattern, entitiesByName, scratch: &scratch, into: &out)
        }
        out += "\n"
        unplacedStatements(requirements, into: &out)
    }

    /// One row of the access patterns table.
    static func row(_ pattern: AccessPattern, _ entitiesByName: [String: Entity], scratch: inout Text, into out: inout Text) {
        out += "| "
        out += String(pattern.id)
        out += " | "
        cell(pattern.description, into: &out)
        out += " | "
        out += pattern.peakRPS.map(\.description) ?? "?"
        out += "/"
        out += pattern.averageRPS.map(\.description) ?? "?"
        out += " RPS | "
        out += pattern.type.map(typeLabel) ?? "?"
        out += " | "
        // The composed cells are escaped as a whole (a CR LF split across two parts is still one
        // line break), from one scratch buffer.
        scratch.removeAll()
        attributes(pattern, into: &scratch)
        cell(scratch, into: &out)
        out += " | "
        scratch.removeAll()
        keyRequirements(pattern, into: &scratch)
        cell(scratch, into: &out)
        out += " | "
        scratch.removeAll()
        considerations(pattern, entitiesByName, into: &scratch)
        cell(scratch, into: &out)
        out += " | "
        out += pattern.status.rawValue
        out += " |\n"
    }

    /// Appends `parts` separated by `separator`, for cells built from optional parts.
    struct PartList {
        let separator: String
        var isEmpty = true

        init(separator: String) {
            self.separator = separator
        }

        /// Starts a new part: writes the separator unless it is the first.
        mutating func next(_ out: inout Text) {
            if !isEmpty { out += separator }
            isEmpty = false
        }
    }

    static func attributes(_ pattern: AccessPattern, into out: inout Text) {
        var parts = PartList(separator: " ")
        if !pattern.entities.isEmpty {
            parts.next(&out)
            join(pattern.entities, ", ", into: &out)
            out += ":"
        }
        if let equality = pattern.equalityAttributes, !equality.isEmpty {
            parts.next(&out)
            out += "by "
            join(equality, ", ", into: &out)
        }
        if case .attribute(let sort)? = pattern.sort {
            parts.next(&out)
            out += "sorted by "
            out += sort.attribute
            out += " "
            out += sort.direction.rawValue
        }
        if let filters = pattern.filterAttributes, !filters.isEmpty {
            parts.next(&out)
            out += "filter "
            join(filters, ", ", into: &out)
        }
        switch pattern.attributes {
        case .all?:
            parts.next(&out)
            out += pattern.type?.isWrite == true ? "writes all" : "returns all"
        case .only(let names)?:
            parts.next(&out)
            out += pattern.type?.isWrite == true ? "writes " : "returns "
            join(names, ", ", into: &out)
        case nil: break
        }
    }

    static func keyRequirements(_ pattern: AccessPattern, into out: inout Text) {
        var parts = PartList(separator: ", ")
        if let latency = pattern.latency, !isNone(latency) {
            parts.next(&out)
            out += latency
            out += " latency"
        }
        if let consistency = pattern.consistency {
            parts.next(&out)
            out += consistency.rawValue
            out += " consistency"
        }
        switch pattern.expectedItems {
        case .known(let count)?:
            parts.next(&out)
            if let maximum = count.maximum, Double(maximum) == count.average {
                out += String(maximum)
                out += maximum == 1 ? " item" : " items"
            } else {
                out += "avg "
                out += NumberFormatting.plain(count.average)
                out += " items, max "
                out += count.maximum.map(String.init) ?? "unbounded"
            }
        case .unknown?:
            parts.next(&out)
            out += "items returned unknown"
        case nil: break
        }
    }

    /// Whether a latency answer is the word "none" in any case. ASCII is compared byte-wise
    /// (lowercasing it keeps its length); anything else goes through `lowercased()`.
    static func isNone(_ latency: String) -> Bool {
        let utf8 = latency.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return latency.lowercased() == "none" }
        return utf8.count == 4 && zip(utf8, "none".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// A short first reading of the pattern; the design stage re-evaluates everything.
    static func typeLabel(_ type: PatternType) -> String {
        switch type {
        case .read: return "Read"
        case .write: return "Write"
        case .update: return "Update"
        case .delete: return "Delete"
        case .search: return "Search"
        }
    }

    static func considerations(_ pattern: AccessPattern, _ entitiesByName: [String: Entity], into out: inout Text) {
        var parts = PartList(separator: "; ")
        if pattern.type == .read, let equality = pattern.equalityAttributes, !equality.isEmpty {
            parts.next(&out)
            let keyed = pattern.entities.lazy.compactMap { entitiesByName[$0] }.first { entity in
                !entity.identifier.isEmpty && entity.identifier.allSatisfy(equality.contains)
            }
            if let entity = keyed {
                out += "Key lookup on "
                out += entity.name
                out += "'s identifier"
            } else {
                out += "Needs a key or index on "
                join(equality, ", ", into: &out)
            }
        }
        if pattern.type == .write || pattern.type == .update {
            for name in pattern.entities {
                guard let entity = entitiesByName[name], !entity.uniqueGroups.isEmpty else { continue }
                parts.next(&out)
                out += "Unique "
                for (index, group) in entity.uniqueGroups.enumerated() {
                    if index > 0 { out += ", " }
                    join(group, "+", into: &out)
                }
                out += ": conditional write to a lookup table"
            }
        }
        if pattern.type == .search {
            parts.next(&out)
            out += "Needs a search service (OpenSearch)"
        }
        for entry in pattern.effects ?? [] {
            parts.next(&out)
            out += "Effect on "
            out += entry.entity
            out += ": "
            out += entry.effect.text
        }
        if let aggregation = pattern.aggregate?.aggregation {
            parts.next(&out)
            out += "Aggregates: "
            out += aggregation.text
        }
        if pattern.analyticsOnly == true {
            parts.next(&out)
            out += "Analytics only: an export (S3 + Athena) serves it"
        }
        if let cue = AggregationDetector.needsAnswer(pattern) {
            parts.next(&out)
            out += "Says \""
            out += cue
            out += "\": say whether it aggregates"
        }
        if let cue = SearchDetector.needsConfirmation(pattern) {
            parts.next(&out)
            out += "Sounds like "
            out += cue
            out += ": confirm"
        }
        if pattern.peakRPS == .unknown || pattern.averageRPS == .unknown {
            parts.next(&out)
            out += "RPS unknown: blocks the gate"
        }
        if pattern.consistency == .strong && pattern.type == .read {
            parts.next(&out)
            out += "Strong read: base table only"
        }
        if case .attribute? = pattern.sort {
            parts.next(&out)
            out += "Range/sort key candidate"
        }
        if let filters = pattern.filterAttributes, !filters.isEmpty {
            parts.next(&out)
            out += "Filter after key condition"
        }
        if let measured = pattern.measured {
            parts.next(&out)
            out += "RPS "
            out += measured.text
            if !measured.matches(peak: pattern.peakRPS, average: pattern.averageRPS) {
                out += ", since changed by hand"
            }
        }
    }

    /// Measured statements that did not become patterns, with the reason: listed so that nothing
    /// measured is dropped silently (docs/mysql-traffic.md).
    static func unplacedStatements(_ requirements: Requirements, into out: inout Text) {
        guard !requirements.unplacedStatements.isEmpty else { return }
        out += "### Measured Statements Not Turned Into Patterns\n"
        out += "| Statement | Calls | Why |\n|-----------|-------|-----|\n"
        for statement in requirements.unplacedStatements {
            out += "| "
            cell(statement.statement, into: &out)
            out += " | "
            out += String(statement.calls)
            out += " | "
            cell(statement.reason, into: &out)
            out += " |\n"
        }
        out += "\n"
    }

    static func entities(_ requirements: Requirements, into out: inout Text) {
        out += "## Entities and Attributes\n"
        if requirements.entities.isEmpty {
            out += "_No entities captured yet._\n\n"
            return
        }
        for entity in requirements.entities {
            out += "\n### "
            out += entity.name
            out += "\n- **Identifier**: "
            if entity.identifier.isEmpty { out += "_not captured yet_" } else { join(entity.identifier, " + ", into: &out) }
            out += "\n- **Unique**: "
            if entity.uniqueGroups.isEmpty { out += "none" }
            for (index, group) in entity.uniqueGroups.enumerated() {
                if index > 0 { out += ", " }
                join(group, " + ", into: &out)
            }
            out += "\n"
            if let owner = entity.owner {
                out += "- **Owner**: "
                inline(owner, into: &out)
                out += "\n"
            }
            if let retention = entity.retention {
                out += "- **Retention**: "
                out += retention.period == nil ? "kept until deleted" : ""
                if let period = retention.period { inline(period.text, into: &out) }
                out += "\n"
            }
            if let table = entity.sourceTable {
                out += "- **MySQL table**: "
                inline(table, into: &out)
                out += "\n"
            }
            if entity.attributes.isEmpty {
                out += "- **Attributes**: _not captured yet_\n"
                continue
            }
            if entity.sourceTable != nil || entity.attributes.contains(where: { $0.source != nil || !$0.isMigrated || $0.isSensitive == true }) {
                importedAttributes(entity, into: &out)
                continue
            }
            out += "\n| Attribute | Type | Typical size |\n|-----------|------|--------------|\n"
            for attribute in entity.attributes {
                out += "| "
                out += attribute.name
                out += " | "
                out += attribute.type.rawValue
                out += " | "
                if let size = attribute.typicalSizeBytes {
                    out += String(size)
                    out += " B |\n"
                } else {
                    out += "– |\n"
                }
            }
        }
        out += "\n"
    }

    /// The attribute table of an imported entity: where each attribute comes from, and what the
    /// review decided (not migrated, sensitive).
    static func importedAttributes(_ entity: Entity, into out: inout Text) {
        out += "\n| Attribute | Type | Typical size | MySQL column | Notes |\n|-----------|------|--------------|--------------|-------|\n"
        for attribute in entity.attributes {
            out += "| \(attribute.name) | \(attribute.type.rawValue) | "
            out += attribute.typicalSizeBytes.map { "\($0) B" } ?? "–"
            out += " | "
            cell(attribute.source.map { "\($0.column) \($0.mysqlType)\($0.nullable ? "" : " NOT NULL")" } ?? "–", into: &out)
            var notes: [String] = []
            if let reason = attribute.excludedReason { notes.append("not migrated: \(reason)") }
            if attribute.isSensitive == true { notes.append("sensitive") }
            out += " | "
            cell(notes.joined(separator: "; "), into: &out)
            out += " |\n"
        }
        for index in entity.sourceIndexes ?? [] {
            out += "\n- \(index.kind == .fulltext ? "FULLTEXT index" : "Index") on (\(index.attributes.joined(separator: ", ")))"
        }
        if !(entity.sourceIndexes ?? []).isEmpty { out += "\n" }
    }

    static func relationships(_ requirements: Requirements, into out: inout Text) {
        out += "## Entity Relationships Deep Dive\n"
        if requirements.relationships.isEmpty {
            out += "_No relationships captured yet._\n\n"
            return
        }
        for relationship in requirements.relationships {
            let oneToMany = relationship.kind == .oneToMany
            out += "- **\(relationship.parent) \(oneToMany ? "→" : "↔") \(relationship.child)**: \(oneToMany ? "1:Many" : "Many:Many")"
            switch relationship.cardinality {
            case .known(let cardinality)?:
                let maximum = cardinality.maximum.map { "max \($0)" } ?? "no maximum (unbounded)"
                out += " (avg \(NumberFormatting.plain(cardinality.average)) \(relationship.child) per \(relationship.parent), \(maximum))"
            case .unknown?: out += " (cardinality unknown ⏳)"
            case nil: out += " (cardinality not captured ⏳)"
            }
            switch relationship.childExistsWithoutParent {
            case true?: out += "; \(relationship.child) can exist without \(relationship.parent)"
            case false?: out += "; \(relationship.child) cannot exist without \(relationship.parent)"
            case nil: break
            }
            if let foreignKey = relationship.sourceForeignKey {
                out += "; foreign key (\(foreignKey.columns.joined(separator: ", "))) → \(relationship.parent) (\(foreignKey.referencedColumns.joined(separator: ", ")))"
                if let onDelete = foreignKey.onDelete { out += ", ON DELETE \(onDelete)" }
            }
            out += "\n"
        }
        out += "\n"
    }

    static func considerations(_ requirements: Requirements, into out: inout Text) {
        let notes = DesignObservations.observations(for: requirements)
        out += "## Design Considerations (Scratchpad - Subject to Change)\n"
        if notes.isEmpty {
            out += "_Nothing noted yet._\n\n"
            return
        }
        for note in notes {
            out += "- "
            out += note
            out += "\n"
        }
        out += "\n"
    }

    static func checklist(_ requirements: Requirements, gateStatus: String, into out: inout Text) {
        let checklist = RequirementsChecklist(requirements)
        out += "## Validation Checklist\n"
        for item in checklist.items {
            out += item.passes ? "- [x] " : "- [ ] "
            out += item.title
            out += "\n"
            for failure in item.failures {
                out += "  - "
                out += failure.message
                out += " Fix: "
                MarkdownCodeSpan.append(failure.fix, to: &out)
                out += "\n"
            }
            for accepted in item.accepted {
                out += "  - Accepted "
                MarkdownCodeSpan.append(accepted.gapID, to: &out)
                out += ": "
                inline(accepted.reason, into: &out)
                out += "\n"
            }
        }
        out += "\n**Requirements gate**: "
        out += gateStatus
        out += "\n"
    }

    static func join(_ items: [String], _ separator: String, into out: inout Text) {
        for (index, item) in items.enumerated() {
            if index > 0 { out += separator }
            out += item
        }
    }

    /// Text safe inside a markdown table cell.
    static func cell(_ text: String, into out: inout Text) {
        SingleLineText.append(text, escapingPipes: true, to: &out)
    }

    static func cell(_ text: Text, into out: inout Text) {
        text.bytes.withUnsafeBufferPointer { SingleLineText.append($0, escapingPipes: true, to: &out) }
    }

    /// Text on one line.
    static func inline(_ text: String, into out: inout Text) {
        SingleLineText.append(text, escapingPipes: false, to: &out)
    }
}

/// User text put on one line of the requirements document, byte-wise. Foundation's
/// `replacingOccurrences` goes through NSString on Linux and costs microseconds per call;
/// rendering a 1,000-pattern session does this thousands of times per answer.
enum SingleLineText {
    /// Appends the text with each line break (CR LF or LF) turned into a space, and `|` escaped
    /// when the text goes into a table cell.
    static func append(_ text: String, escapingPipes: Bool, to out: inout RequirementsDocument.Text) {
        var text = text
        text.withUTF8 { append($0, escapingPipes: escapingPipes, to: &out) }
    }

    static func append(_ utf8: UnsafeBufferPointer<UInt8>, escapingPipes: Bool, to out: inout RequirementsDocument.Text) {
        // Almost all text has nothing to replace: appended as it is.
        guard utf8.contains(where: { $0 == UInt8(ascii: "\n") || (escapingPipes && $0 == UInt8(ascii: "|")) }) else {
            return out.append(utf8)
        }
        // Every replacement is ASCII for ASCII, so the result stays valid UTF-8. A CR alone
        // stays: only CR LF and LF are line breaks here.
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\r"), index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: " "))
                index += 2
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"):
                out.append(UInt8(ascii: " "))
            case UInt8(ascii: "|") where escapingPipes:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "|"))
            default:
                out.append(byte)
            }
            index += 1
        }
    }
}
