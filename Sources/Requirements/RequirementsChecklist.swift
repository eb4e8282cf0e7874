/// The requirements gate's QA checklist: what must hold before the design starts.
public struct RequirementsChecklist: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let title: String
        /// Open gaps that make this item fail; empty when it passes.
        public let failures: [RequirementsGap]
        /// Gaps of this item that the user accepted, with their reasons.
        public let accepted: [AcceptedGap]
        public var passes: Bool { failures.isEmpty }
    }

    public let items: [Item]

    public var passes: Bool { items.allSatisfy(\.passes) }

    /// Every failure across the items, in checklist order.
    public var failures: [RequirementsGap] { items.flatMap(\.failures) }

    public init(_ requirements: Requirements) {
        let allGaps = GapFinder.gaps(in: requirements)
        func gaps(_ kinds: Set<RequirementsGap.Kind>) -> [RequirementsGap] { allGaps.filter { kinds.contains($0.kind) } }
        func accepted(_ prefixes: [String]) -> [AcceptedGap] {
            requirements.acceptedGaps.filter { gap in prefixes.contains { gap.gapID.hasPrefix($0) } }
        }
        var basics: [RequirementsGap] = []
        if requirements.overview.domain == nil {
            basics.append(RequirementsGap(kind: .incompletePattern, id: "overview:domain",
                message: "The application overview has no domain.", fix: "/overview domain=\"...\"", acceptable: false))
        }
        if requirements.entities.isEmpty {
            basics.append(RequirementsGap(kind: .entityWithoutPatterns, id: "entities:none",
                message: "No entities are captured yet.", fix: "/entity NAME attributes=... identifier=...", acceptable: false))
        }
        if requirements.accessPatterns.isEmpty {
            basics.append(RequirementsGap(kind: .incompletePattern, id: "patterns:none",
                message: "No access patterns are captured yet.", fix: "/pattern \"...\" entities=... type=... peak=N avg=N", acceptable: false))
        }
        items = [
            Item(title: "The overview, entities and access patterns are captured", failures: basics + gaps([.incompletePattern]), accepted: []),
            Item(title: "Every access pattern has peak and average RPS", failures: gaps([.patternMissingRPS]), accepted: []),
            Item(title: "Every entity has a create path and at least one read",
                 failures: gaps([.entityNeverCreated, .entityNeverRead, .entityWithoutPatterns]),
                 accepted: accepted(["no-create:", "no-read:", "no-patterns:"])),
            Item(title: "Every lookup attribute is maintained by some write", failures: gaps([.lookupNotMaintained]),
                 accepted: requirements.acceptedGaps.filter { $0.gapID.contains(":maintains:") }),
            Item(title: "Every index and FULLTEXT index of the MySQL schema is matched by a pattern",
                 failures: gaps([.sourceIndexWithoutPattern, .fullTextWithoutSearch]),
                 accepted: requirements.acceptedGaps.filter { $0.gapID.hasPrefix("index:") }),
            Item(title: "Every relationship has a cardinality", failures: gaps([.relationshipWithoutCardinality]), accepted: []),
            Item(title: "Search-like patterns are marked as needing a search service", failures: gaps([.searchNotMarked]), accepted: []),
        ]
    }
}
