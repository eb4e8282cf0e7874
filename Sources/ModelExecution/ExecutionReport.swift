import Foundation
import JSONCore

/// What executing a model found (`ddbmodel validate`, or the in-memory proof): one result per
/// access pattern, with totals and notes.
public struct ExecutionReport: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case pass, fail, skipped
    }

    /// One access pattern run against the endpoint and checked.
    public struct PatternResult: Sendable, Equatable {
        public var patternID: Int
        public var description: String
        /// The planned operation (`Query`, `TransactWriteItems`, …); `-` for search patterns.
        public var operation: String
        /// The table name (with the run's prefix left out), and `table/index` for index reads.
        public var target: String
        /// Items the sample data says the pattern returns or writes; nil when not counted.
        public var expected: Int?
        public var got: Int?
        public var outcome: Outcome
        /// Why it failed or was skipped.
        public var reason: String?
        /// The model's own read and write units per request (moto reports no realistic capacity);
        /// nil when a figure they depend on is unknown.
        public var readUnits: Double?
        public var writeUnits: Double?

        public init(patternID: Int, description: String, operation: String, target: String, expected: Int?, got: Int?,
                    outcome: Outcome, reason: String?, readUnits: Double?, writeUnits: Double?) {
            self.patternID = patternID
            self.description = description
            self.operation = operation
            self.target = target
            self.expected = expected
            self.got = got
            self.outcome = outcome
            self.reason = reason
            self.readUnits = readUnits
            self.writeUnits = writeUnits
        }
    }

    public var tablePrefix: String
    public var seed: UInt64
    /// The tables created (deployed names), in model order.
    public var tables: [String]
    public var patterns: [PatternResult]
    public var notes: [String]
    /// Set when the tables could not be created or the sample items not written.
    public var setupFailure: String?
    /// Tables that could not be deleted afterwards, with why.
    public var cleanupFailures: [String]

    public init(tablePrefix: String, seed: UInt64, tables: [String], patterns: [PatternResult], notes: [String],
                setupFailure: String?, cleanupFailures: [String]) {
        self.tablePrefix = tablePrefix
        self.seed = seed
        self.tables = tables
        self.patterns = patterns
        self.notes = notes
        self.setupFailure = setupFailure
        self.cleanupFailures = cleanupFailures
    }

    public var passed: Int { patterns.filter { $0.outcome == .pass }.count }
    public var failed: Int { patterns.filter { $0.outcome == .fail }.count }
    public var skipped: Int { patterns.filter { $0.outcome == .skipped }.count }

    /// The ids of the patterns that failed, in pattern order.
    public var failedPatternIDs: [Int] { patterns.filter { $0.outcome == .fail }.map(\.patternID) }

    /// True when every pattern passed or was skipped, setup worked and every table was deleted.
    public var succeeded: Bool { failed == 0 && setupFailure == nil && cleanupFailures.isEmpty }

    // MARK: Rendering

    /// `dynamodb_model_validation.md`.
    public func markdown() -> String {
        var out = "# DynamoDB model validation\n\n"
        out += "Tables created under the prefix `\(tablePrefix)` (seed \(seed)), deleted afterwards.\n\n"
        out += "**\(passed) passed, \(failed) failed, \(skipped) skipped** of \(patterns.count) access patterns"
        out += succeeded ? ".\n\n" : " — validation FAILED.\n\n"
        if let setupFailure { out += "Setup failed: \(Self.cell(setupFailure))\n\n" }
        out += "| Pattern | Operation | Table/index | Expected | Got | Result | RCU | WCU |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for result in patterns {
            let mark: String
            switch result.outcome {
            case .pass: mark = "✅ pass"
            case .fail: mark = "❌ fail"
            case .skipped: mark = "➖ skipped"
            }
            out += "| #\(result.patternID) \(Self.cell(result.description)) | \(result.operation) | \(Self.cell(result.target)) | "
                + "\(result.expected.map(String.init) ?? "-") | \(result.got.map(String.init) ?? "-") | \(mark) | "
                + "\(result.readUnits.map(OrderedJSON.numberText) ?? "unknown") | \(result.writeUnits.map(OrderedJSON.numberText) ?? "unknown") |\n"
        }
        let failures = patterns.filter { $0.outcome == .fail }
        if !failures.isEmpty {
            out += "\n## Failures\n\n"
            for result in failures { out += "- **#\(result.patternID) \(result.description)**: \(result.reason ?? "failed")\n" }
        }
        let skips = patterns.filter { $0.outcome == .skipped }
        if !skips.isEmpty {
            out += "\n## Skipped\n\n"
            for result in skips { out += "- #\(result.patternID) \(result.description): \(result.reason ?? "skipped")\n" }
        }
        if !cleanupFailures.isEmpty {
            out += "\n## Cleanup\n\n"
            for failure in cleanupFailures { out += "- \(failure)\n" }
        }
        if !notes.isEmpty {
            out += "\n## Notes\n\n"
            for note in notes { out += "- \(note)\n" }
        }
        return out
    }

    /// `dynamodb_model_validation.json`.
    public func json() -> [UInt8] {
        func optional(_ value: Int?) -> OrderedJSON { value.map { .integer($0) } ?? .null }
        let results: [OrderedJSON] = patterns.map { result in
            .object([
                ("id", .integer(result.patternID)),
                ("description", .string(result.description)),
                ("operation", .string(result.operation)),
                ("target", .string(result.target)),
                ("expected", optional(result.expected)),
                ("got", optional(result.got)),
                ("result", .string(result.outcome.rawValue)),
                ("reason", result.reason.map { .string($0) } ?? .null),
                ("readUnitsPerRequest", result.readUnits.map { .number($0) } ?? .null),
                ("writeUnitsPerRequest", result.writeUnits.map { .number($0) } ?? .null),
            ])
        }
        let document = OrderedJSON.object([
            ("tablePrefix", .string(tablePrefix)),
            ("seed", .string(String(seed))),
            ("succeeded", .bool(succeeded)),
            ("totals", .object([("patterns", .integer(patterns.count)), ("passed", .integer(passed)), ("failed", .integer(failed)), ("skipped", .integer(skipped))])),
            ("tables", .array(tables.map { .string($0) })),
            ("setupFailure", setupFailure.map { .string($0) } ?? .null),
            ("patterns", .array(results)),
            ("cleanupFailures", .array(cleanupFailures.map { .string($0) })),
            ("notes", .array(notes.map { .string($0) })),
        ])
        return document.serialized()
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
