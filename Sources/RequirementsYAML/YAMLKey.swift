/// The keys each part of a requirements file accepts, in the order the documentation lists them.
/// Anything else is reported as an unknown key, so a typo never silently drops an answer.
protocol YAMLKey: CaseIterable, Hashable, RawRepresentable where RawValue == String {}

enum TopLevelKey: String, YAMLKey {
    case overview, entities, relationships
    case accessPatterns = "access_patterns"
    case acceptedGaps = "accepted_gaps"
}

enum OverviewKey: String, YAMLKey {
    case domain
    case businessContext = "business_context"
    case expectedUsers = "expected_users"
    case peakRPS = "peak_rps"
}

enum EntityKey: String, YAMLKey {
    case name, owner, identifier, unique, attributes
    case itemCount = "item_count"
    case retention
}

/// `retention: {days: 30, from: created_at}`.
enum RetentionKey: String, YAMLKey {
    case days, from, archived
}

enum AttributeKey: String, YAMLKey {
    case name, type, size
    case distinctValues = "distinct_values"
    case busiestShare = "busiest_share"
    case valueShares = "value_shares"
    case nullShare = "null_share"
}

enum RelationshipKey: String, YAMLKey {
    case parent, child, kind, cardinality
    case childExistsWithoutParent = "child_exists_without_parent"
}

/// `{average: 5, maximum: 1000}`, the mapping form of a cardinality or an item count.
enum AverageMaximumKey: String, YAMLKey {
    case average, maximum
}

enum AccessPatternKey: String, YAMLKey {
    case description, entities, type, equality, sort, filter, items
    case peakRPS = "peak_rps"
    case averageRPS = "average_rps"
    case consistency, latency, attributes
    case notSearch = "not_search"
    case effects, aggregate
    case analyticsOnly = "analytics_only"
    case selects
}

/// `{update: inventory_quantity, add: -quantity, condition: ">= quantity"}`, the mapping form of
/// an update effect.
enum EffectUpdateKey: String, YAMLKey {
    case update, add, condition
}

/// `{function: sum, attribute: amount, period: day}`, the mapping form of an aggregation.
enum AggregateKey: String, YAMLKey {
    case function, attribute, period
}

enum SortKey: String, YAMLKey {
    case attribute, direction
}

enum AcceptedGapKey: String, YAMLKey {
    case gap, reason
}
