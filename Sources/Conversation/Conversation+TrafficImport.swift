import MySQLSchema
import QueryTraffic
import Requirements
import SQLStatements
import SchemaImport
import TrafficPatterns

/// Reads what `/import mysql`, `/import log` and `/import capture` name; injected so the
/// conversation stays free of I/O (the command line passes one that reads files and servers).
public protocol TrafficReading: Sendable {
    /// Slow or general query logs (the format is recognized from the content).
    func readQueryLogs(_ paths: [String]) throws(RequirementsError) -> TrafficWindow
    /// The output of the capture script (`ddbmodel capture-script`).
    func readCapture(_ path: String) throws(RequirementsError) -> TrafficWindow
    /// A live server: its schema, and its traffic sampled for `sampleSeconds` (nil: schema only).
    func readServer(_ url: String, sampleSeconds: Double?) throws(RequirementsError) -> (schema: ParsedSchema, traffic: TrafficWindow?)
}

extension Conversation {
    /// Turns a measured window into proposed patterns and queues them for review (after any
    /// imported entity still to review). Returns what was measured and what became of it.
    public mutating func importTraffic(_ window: TrafficWindow, read: @Sendable (String) -> StatementReading) -> [String] {
        let result = TrafficPatternProposer.propose(window, requirements: state.requirements, read: read)
        var pending = state.pendingProposals ?? []
        var number = pending.map(\.number).max() ?? 0
        for var proposal in result.proposals {
            number += 1
            proposal.number = number
            proposal.remeasures = measuredPattern(sharingStatementsWith: proposal)
            pending.append(proposal)
        }
        state.pendingProposals = pending
        recordUnplaced(result.unplaced)
        var messages = result.summary
        if !result.proposals.isEmpty, !isInOverview, state.step != .patternProposal {
            if state.returnStep == nil { state.returnStep = state.step }
            advance(to: pendingImportStep() ?? .patternProposal)
            messages.append("Review the proposed patterns: press Enter to accept one as shown.")
        }
        return messages
    }

    /// A schema read from a live server, imported like DDL files.
    public mutating func importParsedSchema(_ parsed: ParsedSchema) -> [String] {
        importScreenedSchema(SchemaTextScreen.screen(parsed))
    }

    /// The measured pattern whose statements the proposal measures again, if any.
    func measuredPattern(sharingStatementsWith proposal: PatternProposal) -> Int? {
        let statements = Set(proposal.pattern.measured?.statements ?? [])
        return state.requirements.accessPatterns.first { pattern in
            !(pattern.measured?.statements ?? []).allSatisfy { !statements.contains($0) }
        }?.id
    }

    /// Keeps the statements not turned into patterns, the latest measurement of each.
    mutating func recordUnplaced(_ unplaced: [UnplacedStatement]) {
        guard !unplaced.isEmpty else { return }
        let fresh = Set(unplaced.map(\.statement))
        state.requirements.unplacedStatements = state.requirements.unplacedStatements.filter { !fresh.contains($0.statement) } + unplaced
    }

    mutating func runTrafficImport(_ kind: String, _ arguments: [String]) throws(RequirementsError) -> [String] {
        guard let reader = trafficReader else { throw RequirementsError("Importing traffic is not available here.") }
        switch kind {
        case "log", "logs":
            guard !arguments.isEmpty else { throw RequirementsError("Usage: /import log FILE... (MySQL slow query logs with long_query_time = 0, or general query logs).") }
            return importTraffic(try reader.readQueryLogs(arguments), read: statementReader)
        case "capture":
            guard arguments.count == 1 else { throw RequirementsError("Usage: /import capture FILE (what the capture script printed; see ddbmodel capture-script).") }
            return importTraffic(try reader.readCapture(arguments[0]), read: statementReader)
        default:  // mysql
            let usage = "Usage: /import mysql mysql://USER@HOST:PORT/DATABASE [--sample 10m] (--sample 0 reads the schema only)."
            guard let url = arguments.first else { throw RequirementsError(usage) }
            var sample: Double? = TrafficSampleLength.defaultSeconds
            var rest = arguments.dropFirst()
            while let option = rest.first {
                guard option == "--sample", rest.count >= 2 else { throw RequirementsError(usage) }
                sample = try TrafficSampleLength.seconds(rest[rest.startIndex + 1])
                rest = rest.dropFirst(2)
            }
            let (schema, traffic) = try reader.readServer(url, sampleSeconds: sample == 0 ? nil : sample)
            var messages = importParsedSchema(schema)
            if let traffic { messages += importTraffic(traffic, read: statementReader) }
            return messages
        }
    }
}

/// `--sample 10m`: how long traffic is sampled, as `90s`, `10m`, `1h` or plain seconds.
public enum TrafficSampleLength {
    public static let defaultSeconds = 600.0
    /// A day: longer windows belong to the query logs.
    public static let longestSeconds = 86_400.0

    public static func seconds(_ text: String) throws(RequirementsError) -> Double {
        guard let seconds = DurationText.seconds(text, units: "smh") else {
            throw RequirementsError("\"\(text)\" is not a sampling length; write it as 90s, 10m or 1h (0 reads the schema only).")
        }
        guard seconds == 0 || seconds >= 10 else {
            throw RequirementsError("Sample for at least 10 seconds (two snapshots are needed to measure anything); 10m is a good window.")
        }
        guard seconds <= longestSeconds else {
            throw RequirementsError("Sample for at most a day (24h); for longer windows, read the slow query log (--query-log).")
        }
        return seconds
    }
}

/// A length of time as people write it on a command line: a number, optionally followed by
/// `s`, `m` or `h` (among the `units` allowed). Nil for anything else, negative or not finite;
/// each option says its own bounds.
public enum DurationText {
    public static func seconds(_ text: String, units: String) -> Double? {
        let trimmed = text.trimmingWhitespace.lowercased()
        var digits = Substring(trimmed)
        var unit = 1.0
        if let last = trimmed.last, units.contains(last) {
            digits = digits.dropLast()
            unit = last == "s" ? 1 : last == "m" ? 60 : 3_600
        }
        guard let value = Double(digits), value.isFinite, value >= 0 else { return nil }
        return value * unit
    }
}
