import Requirements

/// What a measured window turned into: patterns to review, statements that could not be
/// placed (with why), and the calls that were not data access at all.
public struct TrafficProposals: Sendable, Equatable {
    /// Calls of one kind of statement that is not data access (`transaction control: COMMIT`).
    public struct NotDataAccess: Sendable, Equatable {
        public var what: String
        public var calls: Int

        public init(what: String, calls: Int) {
            self.what = what
            self.calls = calls
        }
    }

    public var proposals: [PatternProposal]
    public var unplaced: [UnplacedStatement]
    /// Session and transaction control (`COMMIT`, `SET NAMES`, ...) by kind, with their calls,
    /// in a stable order: counted, shown, never turned into patterns.
    public var notDataAccess: [NotDataAccess]
    /// `measured: 10-minute window ending …` without the calls: the window all proposals share.
    public var windowText: String

    public init(proposals: [PatternProposal], unplaced: [UnplacedStatement], notDataAccess: [NotDataAccess], windowText: String) {
        self.proposals = proposals
        self.unplaced = unplaced
        self.notDataAccess = notDataAccess
        self.windowText = windowText
    }

    /// The lines shown after a traffic import: what was measured and what became of it.
    public var summary: [String] {
        let calls = proposals.reduce(0) { $0 + ($1.pattern.measured?.calls ?? 0) }
        var lines = ["Measured traffic (\(windowText)): \(proposals.count) proposed pattern\(proposals.count == 1 ? "" : "s") from \(MeasuredTraffic.grouped(calls)) data calls."]
        if !unplaced.isEmpty {
            lines.append("\(unplaced.count) statement\(unplaced.count == 1 ? " was" : "s were") not turned into patterns (listed in dynamodb_requirement.md):")
            for statement in unplaced.prefix(Self.listedUnplaced) {
                lines.append("  - \(TextClip.clip(statement.statement)) (\(MeasuredTraffic.grouped(statement.calls)) calls): \(statement.reason)")
            }
            if unplaced.count > Self.listedUnplaced {
                lines.append("  - and \(unplaced.count - Self.listedUnplaced) more.")
            }
        }
        if !notDataAccess.isEmpty {
            let parts = notDataAccess.map { "\($0.what) \(MeasuredTraffic.grouped($0.calls))" }
            lines.append("Not data access, not patterns: " + parts.joined(separator: ", ") + ".")
        }
        return lines
    }

    /// How many unplaced statements the summary lists before "and N more".
    static let listedUnplaced = 10
}

/// Long statements shortened for a one-line listing.
enum TextClip {
    static let limit = 100

    static func clip(_ text: String) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
